import { describe, expect, it } from 'vitest';
import { check, checkLine } from './check';
import { emission, garble, SPACE, VANISHES } from './garble';
import { documents } from './testdata/corpus';
import { witnesses } from './testdata/witness';
import { versions } from './testdata/errors';
import { applyError, injectVersions, type InjectedError } from './testdata/inject';

const lineOf = (e: InjectedError): string => documents.find((d) => d.id === e.doc)?.lines[e.line] ?? '';
const witnessOf = (e: InjectedError): string => witnesses[e.doc]?.[e.line] ?? '';

/**
 * Where blame for an error may fall: between the nearest code units on either side that
 * produce a non-space character other than the ones involved in the error. Nothing outside
 * it can have caused the difference; inside, a vanished stretch is genuinely ambiguous.
 */
function region(modified: string, e: InjectedError): [number, number] {
  const involved = new Set([e.original, e.replacement].filter(Boolean).map((s) => emission(s.charCodeAt(0))));
  const anchor = (u: number): boolean => {
    const c = emission(modified.charCodeAt(u));
    return c !== VANISHES && c !== SPACE && !involved.has(c);
  };
  let left = e.offset - 1;
  while (left >= 0 && !anchor(left)) left--;
  let right = e.offset + e.replacement.length;
  while (right < modified.length && !anchor(right)) right++;
  return [left, right];
}

describe('the Korean test set', () => {
  it('has at least 2,000 Hangul syllables', () => {
    const n = documents
      .flatMap((d) => d.lines)
      .join('')
      .replace(/[^\uac00-\ud7a3]/g, '').length;
    expect(n).toBeGreaterThanOrEqual(2000);
  });

  it('stores the garble of every document', () => {
    for (const d of documents) expect(witnesses[d.id]).toEqual(garble(d.lines.join('\n')).split('\n'));
  });

  it('stores the injected errors that the seeded generator makes', () => {
    expect(versions).toEqual(injectVersions(documents, 12, 20240601));
  });

  it('contains errors of every kind, both changing and not changing the garble', () => {
    const all = versions.flat();
    for (const kind of ['substitute', 'substitute-same-garble', 'delete', 'insert'] as const) {
      expect(all.filter((e) => e.kind === kind).length).toBeGreaterThan(50);
    }
    expect(all.filter((e) => e.changesGarble).length).toBeGreaterThan(200);
    expect(all.filter((e) => !e.changesGarble && e.kind !== 'substitute-same-garble').length).toBeGreaterThan(50);
  });
});

describe('check on the test set', () => {
  it('finds the clean documents consistent, with no contradicted character', () => {
    for (const d of documents) {
      const r = check(d.lines.join('\n'), witnesses[d.id] ?? []);
      expect(r.state).toBe('consistent');
      expect(r.counts.contradicted).toBe(0);
      expect(r.unexplained).toEqual([]);
    }
  });

  it('records whether each stored error changes the garble correctly', () => {
    for (const e of versions.flat()) {
      const modified = applyError(lineOf(e), e);
      expect(garble(modified) !== witnessOf(e), `${e.doc}:${e.line}`).toBe(e.changesGarble);
    }
  });

  it('leaves every error that does not change the garble unflagged', () => {
    for (const e of versions.flat().filter((x) => !x.changesGarble)) {
      const r = checkLine(applyError(lineOf(e), e), witnessOf(e));
      expect(r.state, JSON.stringify(e)).toBe('consistent');
      expect(r.contradictions).toEqual([]);
    }
  });

  it('flags every error that changes the garble, and blames nothing outside its region', () => {
    let exact = 0;
    let flagged = 0;
    let changing = 0;
    let pendingOnly = 0;
    for (const e of versions.flat().filter((x) => x.changesGarble)) {
      changing++;
      const modified = applyError(lineOf(e), e);
      const r = checkLine(modified, witnessOf(e));
      const [left, right] = region(modified, e);
      const where = `${JSON.stringify(e)} in ${modified}`;
      if (witnessOf(e).startsWith(garble(modified))) {
        // Losing the end of a line looks exactly like not having typed it yet: the line
        // stays partial and the lost text is listed as pending, not as a contradiction.
        expect(r.state, where).toBe('partial');
        expect(
          r.unexplained.map((u) => u.kind),
          where,
        ).toEqual(['pending']);
        pendingOnly++;
        continue;
      }
      expect(r.state, where).toBe('contradicted');
      expect(r.contradictions.length, where).toBeGreaterThan(0);
      const bad = r.chars.filter((c) => c.status === 'contradicted');
      for (const c of bad) {
        expect(c.offset, where).toBeGreaterThan(left);
        expect(c.offset, where).toBeLessThan(right);
      }
      for (const c of r.contradictions) {
        expect(c.offset, where).toBeGreaterThan(left);
        expect(c.offset, where).toBeLessThanOrEqual(right);
      }
      flagged += bad.length;
      if (e.replacement && bad.some((c) => c.offset === e.offset)) exact++;
    }
    const withCulprit = versions.flat().filter((x) => x.changesGarble && x.replacement).length;
    expect(pendingOnly).toBeLessThan(changing / 20);
    // Report the precision of the blame: how often the wrong syllable itself is red, and how many are red per error.
    console.info(
      `check: ${changing} garble-changing errors; culprit itself flagged in ${exact}/${withCulprit}; ${(flagged / changing).toFixed(2)} characters flagged per error`,
    );
    expect(exact / withCulprit).toBeGreaterThan(0.9);
  });
});
