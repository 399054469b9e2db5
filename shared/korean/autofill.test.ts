import { describe, expect, it } from 'vitest';
import { autofill, AUTOFILL_GAP } from './autofill';
import { check } from './check';
import { testGlossary } from './testdata/glossary';

const witness = ['|| Y', '8 : SAPMO-BA, DY 30, IV 2/20/137', '[ |Tm ]', '1960D 8 30|', '( xx @X T]', ''];

describe('autofill', () => {
  const result = autofill(witness, testGlossary);

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

  it('leaves a line empty when nothing is proven', () => {
    expect(autofill(['X t'], []).lines).toEqual(['']);
  });

  it('marks every segment by its range in the proposed line', () => {
    for (const s of result.segments) expect(result.lines[s.line]?.slice(s.start, s.end)).toBe(s.text);
  });
});
