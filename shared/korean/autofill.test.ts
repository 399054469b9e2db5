import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { autofill, AUTOFILL_GAP } from './autofill';
import { check } from './check';
import { garble } from './garble';
import { testGlossary } from './testdata/glossary';
import { documents } from './testdata/corpus';
import { witnesses } from './testdata/witness';

const witness = ['|| Y', '8 : SAPMO-BA, DY 30, IV 2/20/137', '[ |Tm ]', '1960D 8 30|', '( xx @X T]', ''];
const english = 'SED Central Committee. Archival Signature: SAPMO-BA, DY 30, IV 2/20/137. [GDR Embassy in DPRK]';

// The 1960 seed: its English paragraphs and its garbled Korean lines.
const seed = readFileSync(join(__dirname, '../../resources/samples/1960-08-30-puzanov-conversation.txt'), 'utf8');
const seedEnglish = seed.slice(seed.indexOf('English HTML\n'), seed.indexOf('Korean HTML\n'));
const seedWitness = seed
  .slice(seed.indexOf('Korean HTML\n') + 'Korean HTML\n'.length)
  .split('\n')
  .filter((l) => l.trim());
// The first paragraph of the body: `xx 8 lP\ t X \ || YX ...`, with `XxTmt` in it.
const longLine = seedWitness.find((l) => l.startsWith('xx 8 lP\\ ')) ?? '';
const longEnglish = seedEnglish.split('\n').find((l) => l.startsWith('I provided Comrade Puzanov')) ?? '';

/** Every contradiction of autofill's own output against its witness, line by line. */
function selfContradictions(lines: string[], glossary = testGlossary, context: { english?: string } = {}): string[] {
  const result = autofill(lines, glossary, context);
  const out: string[] = [];
  lines.forEach((w, i) => {
    const proposed = result.lines[i] ?? '';
    const r = check(proposed, [w], { wildcard: result.gap });
    for (const c of r.contradictions)
      out.push(`${JSON.stringify(w)} ← ${JSON.stringify(proposed)}: ${c.text} at ${c.offset}`);
    if (proposed && r.state !== 'partial' && r.state !== 'consistent') out.push(`${JSON.stringify(w)}: ${r.state}`);
  });
  return out;
}

describe('autofill', () => {
  const result = autofill(witness, testGlossary, { english });

  it('proposes the Korean date the witness proves', () => {
    expect(result.lines[3]).toBe('1960년 8월 30일');
    expect(result.segments.find((s) => s.line === 3)).toMatchObject({
      kind: 'date',
      start: 0,
      end: 12,
      witnessStart: 0,
      witnessEnd: 11,
      proposed: true,
    });
  });

  it('keeps the archival reference and punctuation, with a gap for the Korean around them', () => {
    expect(result.lines[1]).toBe(`${AUTOFILL_GAP} : SAPMO-BA, DY 30, IV 2/20/137`);
    expect(result.segments.filter((s) => s.line === 1).map((s) => s.kind)).toEqual([
      'punctuation',
      'latin',
      'latin',
      'digits',
      'latin',
      'digits',
    ]);
  });

  it('proposes glossary forms whose garble is unique there, with their entry', () => {
    expect(result.lines[0]).toBe(`독일통일사회당 ${AUTOFILL_GAP}`);
    expect(result.lines[2]).toBe('[ 독일민주공화국 ]');
    expect(result.segments.find((s) => s.line === 4)).toMatchObject({
      text: '푸자노프',
      entryId: 'puzanov',
      kind: 'glossary',
    });
  });

  it('does not guess from a particle alone: a name that vanishes proves nothing', () => {
    expect(result.lines[4]).toBe(`${AUTOFILL_GAP} 푸자노프 ${AUTOFILL_GAP}`);
  });

  it('never proposes anything the check contradicts', () => {
    for (let i = 0; i < witness.length; i++) {
      expect(check(result.lines[i] ?? '', [witness[i] ?? ''], { wildcard: result.gap }).state).not.toBe('contradicted');
    }
  });

  it('proposes Latin only when the English has it: without it, the signature keeps digits and punctuation', () => {
    const bare = autofill(['8 : SAPMO-BA, DY 30, IV 2/20/137'], [], { english: 'Archival Signature' });
    expect(bare.lines[0]).toBe(`${AUTOFILL_GAP} : ${AUTOFILL_GAP} 30, ${AUTOFILL_GAP} 2/20/137`);
    expect(autofill(['8 : SAPMO-BA, DY 30, IV 2/20/137']).lines[0]).toBe(bare.lines[0]);
    expect(bare.segments.map((s) => s.kind)).toEqual(['punctuation', 'digits', 'digits']);
  });

  it('takes the English as evidence token by token, case-sensitively', () => {
    const line = ['8 : SAPMO-BA, DY 30, IV 2/20/137'];
    expect(autofill(line, [], { english: 'Signature: SAPMO-BA, DY 30, IV 2/20/137' }).lines[0]).toBe(
      `${AUTOFILL_GAP} : SAPMO-BA, DY 30, IV 2/20/137`,
    );
    // `dy` and `iv` are not `DY` and `IV`; `SAPMO` alone is not `SAPMO-BA`; `IVAN` is not `IV`.
    expect(autofill(line, [], { english: 'SAPMO dy iv IVAN' }).lines[0]).toBe(
      `${AUTOFILL_GAP} : ${AUTOFILL_GAP} 30, ${AUTOFILL_GAP} 2/20/137`,
    );
  });

  it('does not propose the garble of Hangul syllables as Latin text (`XxTmt` in the 1960 seed)', () => {
    expect(longLine).toContain(' XxTmt ');
    for (const context of [{}, { english: longEnglish }, { english: seedEnglish }]) {
      const r = autofill([longLine], [], context);
      expect(r.segments.filter((s) => s.kind === 'latin')).toEqual([]);
      expect(r.lines[0]).not.toContain('XxTmt');
    }
    // Its date and punctuation are still proposed.
    expect(autofill([longLine]).lines[0]).toMatch(/^□ \. □ \. □ 1960년 □ \. □ , □ \. □/);
  });

  it('leaves a line empty when nothing is proven', () => {
    expect(autofill(['X t'], []).lines).toEqual(['']);
  });

  it('marks every segment by its range in the proposed line', () => {
    for (const s of result.segments) expect(result.lines[s.line]?.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('autofill against its own witness', () => {
  it('proposes nothing the check contradicts on the long line of the 1960 seed (placeholders absorb the rest)', () => {
    const r = autofill([longLine]);
    expect(r.lines[0]).toBe('□ . □ . □ 1960년 □ . □ , □ . □');
    const c = check(r.lines[0] ?? '', [longLine], { wildcard: r.gap });
    expect(c.contradictions).toEqual([]);
    expect(c.state).toBe('partial');
    // The `.` at offset 2 is the witness's first stand-alone `.`, not the `.` of `t|0.`.
    expect(c.chars.find((ch) => ch.offset === 2)).toMatchObject({
      status: 'confirmed',
      column: longLine.indexOf(' . ') + 1,
    });
  });

  it('anchors every proposal of the long line where autofill found it, with and without the glossary', () => {
    for (const glossary of [[], testGlossary]) {
      const r = autofill([longLine], glossary, { english: longEnglish });
      const c = check(r.lines[0] ?? '', [longLine], { wildcard: r.gap });
      expect(c.contradictions).toEqual([]);
      expect(c.state).toBe('partial');
      // Not on look-alike characters elsewhere (the `.` of `t|0.`, the `1` of `@|1`).
      for (const s of r.segments) {
        const cols = c.chars
          .filter((ch) => ch.offset >= s.start && ch.offset < s.end && ch.column >= 0)
          .map((ch) => ch.column);
        expect(cols.length).toBeGreaterThan(0);
        for (const col of cols) {
          expect(col).toBeGreaterThanOrEqual(s.witnessStart);
          expect(col).toBeLessThan(s.witnessEnd);
        }
      }
    }
  });

  it('is consistent with every real witness line: the 1960 seed and the test set', () => {
    expect(seedWitness.length).toBeGreaterThan(5);
    const lines = [...seedWitness, ...Object.values(witnesses).flat()];
    expect(selfContradictions(lines)).toEqual([]);
    expect(selfContradictions(lines, [], { english: seedEnglish })).toEqual([]);
    // Line by line, as the editor fills one segment at a time.
    for (const line of lines) expect(selfContradictions([line], testGlossary, { english: line })).toEqual([]);
  });

  it('is consistent with the garble of any Hangul/ASCII text (property)', () => {
    const hangul = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
    const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
    const word = fc.oneof(
      fc.array(hangul, { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
      fc.constantFrom(
        '1960년',
        '8월',
        '30일',
        'SAPMO-BA,',
        'DY',
        '30,',
        'IV',
        '2/20/137',
        '.',
        ',',
        ':',
        '[',
        ']',
        '푸자노프',
        '김일성',
      ),
      fc.array(ascii, { minLength: 1, maxLength: 5 }).map((a) => a.join('')),
    );
    const text = fc.array(
      fc.array(word, { maxLength: 40 }).map((ws) => ws.join(' ')),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(text, fc.boolean(), (paragraphs, withEnglish) => {
        const lines = garble(paragraphs.join('\n')).split('\n');
        // The English may share any token with the witness (the hardest case for Latin).
        const context = withEnglish ? { english: lines.join(' ') } : {};
        expect(selfContradictions(lines, testGlossary, context)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('is consistent with the test documents, whole and with a random stretch of each line missing (property)', () => {
    const lines = documents.flatMap((d) => d.lines);
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.nat(), fc.nat(), (n, a, b) => {
        const line = lines[n] ?? '';
        const from = a % (line.length + 1);
        const to = from + (b % (line.length - from + 1));
        const w = garble(line.slice(0, from) + line.slice(to));
        expect(selfContradictions([w], testGlossary, { english: w })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
