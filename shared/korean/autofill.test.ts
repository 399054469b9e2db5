import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { autofill, AUTOFILL_GAP } from './autofill';
import { check } from './check';
import { testGlossary } from './testdata/glossary';

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
