import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkLine } from './check';
import { garble, garbleLine } from './garble';
import { lineEmissions, type LineEmissions } from './emissions';
import { exactAlignment, optimalAlignment } from './align-wildcard';

const GAP = '□';
const opts = { wildcard: GAP };
const sentence = '푸자노프 동지는 구두로 소련공산당 중앙위원회 회의의 몇 가지 정보를 제공했다.';
const witness = garble(sentence); // 'xx lP\ ( Y XX | .'

const contradicted = (r: ReturnType<typeof checkLine>): string[] =>
  r.contradictions.map((c) => `${c.text}→${c.produces || '∅'} (${c.reason})`);

describe('check with placeholders', () => {
  it('anchors restored words where they stand as words, not on look-alike characters nearer by', () => {
    const w = 'xx | . t|0. xx @|1 1960D LeX | . X';
    const text = '□ . □ 1960년 □ . □';
    const r = checkLine(text, w, opts);
    expect(contradicted(r)).toEqual([]);
    expect(r.state).toBe('partial');
    const column = (offset: number) => r.chars.find((c) => c.offset === offset)?.column;
    expect(column(2)).toBe(5); // the stand-alone `.`, not the one of `t|0.`
    expect([6, 7, 8, 9, 10].map(column)).toEqual([19, 20, 21, 22, 23]); // `1960D`, not the `1` of `@|1`
    expect(column(14)).toBe(31);
    expect(r.unexplained.map((u) => [u.kind, u.text])).toEqual([
      ['wildcard', 'xx |'],
      ['wildcard', 't|0. xx @|1'],
      ['wildcard', 'LeX |'],
      ['wildcard', 'X'],
    ]);
  });

  it('lets a placeholder absorb any run of witness text, spaces and punctuation included', () => {
    const r = checkLine('푸자노프 □ .', witness, opts);
    expect(contradicted(r)).toEqual([]);
    expect(r.state).toBe('partial');
    expect(r.unexplained).toMatchObject([{ kind: 'wildcard', text: 'lP\\ ( Y XX |', restorationOffset: 5 }]);
  });

  it('lets a placeholder stand for text that vanishes: the spaces around it collapse', () => {
    const r = checkLine('푸자노프 □ 동지는 □', witness, opts);
    expect(contradicted(r)).toEqual([]);
    expect(r.state).toBe('partial');
    expect(
      checkLine('□ 푸자노프 □ 동지는 구두로 소련공산당 중앙위원회 회의의 몇 가지 정보를 제공했다. □', witness, opts)
        .state,
    ).toBe('partial');
  });

  it('accepts a word glued to the text its placeholder stands for (the space beside a placeholder is padding)', () => {
    const r = checkLine('□ Tmt □', 'p XxTmt 7D', opts);
    expect(contradicted(r)).toEqual([]);
    expect(r.chars.filter((c) => /[A-Za-z]/.test(c.produces)).map((c) => [c.status, c.column])).toEqual([
      ['confirmed', 4],
      ['confirmed', 5],
      ['confirmed', 6],
    ]);
  });

  it('still flags an error beside a placeholder, and only that', () => {
    const r = checkLine('□ 1961년 □ .', 'xx @|1 1960D LeX .', opts);
    expect(r.state).toBe('contradicted');
    expect(r.contradictions).toHaveLength(1);
    expect(r.contradictions[0]).toMatchObject({ offset: 5, text: '1', produces: '1', expected: '0' });
  });

  it('judges text after a placeholder as without placeholders: a word out of place contradicts, the rest is pending', () => {
    // 소련공산당 (`(`) cannot follow 푸자노프 (`xx`) directly: 구두로 (`lP\`) is missing between them.
    const r = checkLine('□ 푸자노프 소련공산당', witness, opts);
    expect(r.state).toBe('contradicted');
    expect(r.contradictions.map((c) => [c.text, c.produces])).toEqual(
      checkLine('푸자노프 소련공산당', witness).contradictions.map((c) => [c.text, c.produces]),
    );
    const partial = checkLine('□ 구두로', witness, opts);
    expect(partial.state).toBe('partial');
    expect(partial.unexplained.map((u) => [u.kind, u.text])).toEqual([
      ['wildcard', 'xx'],
      ['pending', '( Y XX | .'],
    ]);
  });
});

/** The least cost of aligning a line with placeholders, by the plain dynamic programme (no bound, no shortcut). */
function referenceCost(em: LineEmissions, w: string): number {
  const U = 1e6;
  const g = Array.from(em.gCode);
  const ascii = g.map((_, i) => em.text.charCodeAt(em.gFirst[i] ?? 0) < 0x80);
  const n = g.length;
  const m = w.length;
  const D = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  D[0]![0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      if (j > 0) {
        const free = i === n || (i > 0 && g[i - 1] === -2);
        best = Math.min(best, D[i]![j - 1]! + (free ? 0 : w[j - 1] === ' ' ? U : 2 * U));
      }
      if (i > 0) {
        const gi = g[i - 1]!;
        let del: number;
        if (gi === -2) del = 0;
        else if (gi === 0x20) del = j === 0 || j === m || w[j - 1] === ' ' ? 0 : g[i - 2] === -2 || g[i] === -2 ? 1 : U;
        else del = ascii[i - 1] ? 3 * U : 2 * U;
        best = Math.min(best, D[i - 1]![j]! + del);
        if (j > 0 && gi !== -2 && gi === w.charCodeAt(j - 1)) best = Math.min(best, D[i - 1]![j - 1]!);
      }
      D[i]![j] = best;
    }
  }
  return D[n]![m]!;
}

const hangul = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
const ascii = fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c));
const piece = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: hangul },
    { weight: 2, arbitrary: ascii },
    { weight: 2, arbitrary: fc.constant(' ') },
  ),
  {
    maxLength: 12,
  },
);
/** A restoration with placeholders, and a witness made from it: placeholders replaced by any text, spaces around them kept or not, and maybe some edits. */
const instance = fc
  .tuple(
    fc.array(fc.tuple(piece, fc.constantFrom(' □ ', '□', ' □', '□ ')), { minLength: 1, maxLength: 6 }),
    piece,
    fc.array(piece, { minLength: 6, maxLength: 6 }),
    fc.array(fc.tuple(fc.nat(), fc.oneof(hangul, ascii, fc.constant(' '), fc.constant(''))), { maxLength: 3 }),
    fc.boolean(),
  )
  .map(([parts, tail, fills, edits, glue]) => {
    const text = parts.map(([p, gap]) => p.join('') + gap).join('') + tail.join('');
    let source =
      parts
        .map(([p, gap], i) => p.join('') + (glue ? gap.replace(/ /g, '') : gap).replace(GAP, fills[i]?.join('') ?? ''))
        .join('') + tail.join('');
    for (const [at, ch] of edits) {
      const k = at % (source.length + 1);
      source = source.slice(0, k) + ch + source.slice(k + 1);
    }
    return { text, witness: garbleLine(source), edited: edits.length > 0 };
  });

describe('the alignment with placeholders (properties)', () => {
  it('finds no contradiction when the witness is the garble of the restoration with the placeholders filled in', () => {
    fc.assert(
      fc.property(instance, ({ text, witness: w, edited }) => {
        fc.pre(!edited);
        expect(checkLine(text, w, opts).contradictions).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('finds an alignment as cheap as the plain dynamic programme, and the exact pass agrees with it', () => {
    fc.assert(
      fc.property(instance, ({ text, witness: w }) => {
        const em = lineEmissions(text, GAP.charCodeAt(0));
        fc.pre(em.hasWildcard);
        const optimal = optimalAlignment(em, w);
        expect(optimal.cost).toBe(Math.floor(referenceCost(em, w) / 1e6));
        const exact = exactAlignment(em, w);
        if (exact) {
          expect(optimal.cost).toBe(0);
          expect(Array.from(exact.gCol)).toEqual(Array.from(optimal.gCol));
          expect(exact.gaps).toEqual(optimal.gaps);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the plain dynamic programme on unrelated lines too (large costs, the bound raised several times)', () => {
    const line = fc
      .array(fc.oneof(hangul, ascii, fc.constant(' '), fc.constant(GAP)), { maxLength: 30 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(line, line, (text, other) => {
        const em = lineEmissions(text, GAP.charCodeAt(0));
        fc.pre(em.hasWildcard);
        const w = garbleLine(other.replace(/□/g, ''));
        expect(optimalAlignment(em, w).cost).toBe(Math.floor(referenceCost(em, w) / 1e6));
      }),
      { numRuns: 500 },
    );
  });
});
