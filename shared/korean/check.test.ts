import { describe, expect, it } from 'vitest';
import { check, checkLine, checkLines } from './check';
import { garble } from './garble';

const sentence = '푸자노프 동지는 구두로 소련공산당 중앙위원회 회의의 몇 가지 정보를 제공했다.';
const witness = garble(sentence); // 'xx lP\ ( Y XX | .'

const statusOf = (r: ReturnType<typeof checkLine>, text: string, ch: string, nth = 0): string | undefined =>
  r.chars.filter((c) => text.slice(c.offset, c.offset + c.length) === ch)[nth]?.status;

describe('check', () => {
  it('finds a restoration whose garble is the witness consistent', () => {
    const r = check(sentence, witness);
    expect(r.state).toBe('consistent');
    expect(r.counts.contradicted).toBe(0);
    expect(r.unexplained).toEqual([]);
  });

  it('confirms a surviving syllable and records the witness column it accounts for', () => {
    const r = checkLine(sentence, witness);
    const gu = r.chars.find((c) => sentence[c.offset] === '구');
    expect(gu?.status).toBe('confirmed');
    expect(gu?.produces).toBe('l');
    expect(witness[gu?.column ?? -1]).toBe('l');
  });

  it('calls a vanishing syllable consistent', () => {
    expect(statusOf(checkLine(sentence, witness), sentence, '자')).toBe('consistent');
  });

  it('reports an empty restoration as empty and the whole witness as pending', () => {
    const r = check('', witness);
    expect(r.state).toBe('empty');
    expect(r.unexplained).toEqual([
      { line: 0, start: 0, end: witness.length, text: witness, kind: 'pending', restorationOffset: 0 },
    ]);
  });

  it('reports a correct beginning as partial, with the rest of the witness pending', () => {
    const typed = '푸자노프 동지는 구';
    const r = check(typed, witness);
    expect(r.state).toBe('partial');
    expect(r.counts.contradicted).toBe(0);
    expect(r.unexplained.map((u) => [u.kind, u.text])).toEqual([['pending', 'P\\ ( Y XX | .']]);
  });

  it('keeps a half-typed word partial even when it ends in vanishing syllables', () => {
    expect(check('푸자노프 동지', witness).state).toBe('partial');
  });

  it('flags a syllable whose surviving character is not in the witness, and says what the witness has', () => {
    const wrong = sentence.replace('로동', '노동').replace('구두로', '구두노');
    const r = checkLine(wrong, witness);
    expect(r.state).toBe('contradicted');
    expect(statusOf(r, wrong, '노', 1)).toBe('contradicted');
    expect(r.contradictions).toEqual([
      expect.objectContaining({ text: '노', produces: 'x', expected: '\\', reason: 'not-in-witness' }),
    ]);
  });

  it('flags a syllable that vanishes where the witness has a character', () => {
    const wrong = sentence.replace('구두로', '고두로');
    const r = checkLine(wrong, witness);
    expect(statusOf(r, wrong, '고')).toBe('contradicted');
    expect(r.chars.filter((c) => c.status === 'contradicted')).toHaveLength(1);
    expect(r.contradictions[0]).toMatchObject({ reason: 'vanishes-where-witness-has-text', expected: 'l' });
  });

  it('does not flag a different syllable with the same low byte: the witness cannot tell them apart', () => {
    const other = sentence.replace('푸자노프', '노자노프'); // 노 and 푸 both keep 'x'
    expect(check(other, witness).state).toBe('consistent');
  });

  it('reports witness text between restored words that nothing produces as missing', () => {
    const r = checkLine(sentence, witness.replace('lP\\ ', 'lP\\ D '));
    expect(r.state).toBe('contradicted');
    expect(r.contradictions).toEqual([expect.objectContaining({ reason: 'missing-text', expected: 'D ', length: 0 })]);
    expect(r.unexplained.map((u) => u.kind)).toEqual(['missing']);
  });

  it('blames a wrong space-producing syllable inside a word, not the typed spaces around it', () => {
    const r = checkLine('조서로동당의', 'p \\X'); // 선 (U+C120) should give the space
    expect(r.contradictions[0]).toMatchObject({ text: '서', reason: 'vanishes-where-witness-has-text', expected: ' ' });
    const extra = checkLine('조선로선동당의', 'p \\X'); // a second 선 splits the word
    expect(extra.chars.filter((c) => c.status === 'contradicted').map((c) => c.offset)).toEqual([3]);
  });

  it('accepts a typed space next to a space-producing syllable, since they collapse', () => {
    expect(check('조선 로동당의', 'p \\X').state).toBe('consistent');
  });

  it('flags extra text after the end of the witness line', () => {
    const r = checkLine(`${sentence} 김일성`, witness);
    expect(r.state).toBe('contradicted');
    expect(r.contradictions.map((c) => c.produces).join('')).toBe('@|1');
  });

  it('lets a wildcard absorb witness text that is not restored yet', () => {
    const r = checkLine('푸자노프 □ 제공했다.', witness, { wildcard: '□' });
    expect(r.state).toBe('partial');
    expect(r.contradictions).toEqual([]);
    expect(r.unexplained.map((u) => u.kind)).toEqual(['wildcard']);
  });

  it('checks line by line and reports offsets in the original text, CRLF included', () => {
    const text = '1960년 8월 30일\r\n푸자노프 동지는';
    const r = check(text, ['1960D 8 30|', witness]);
    expect(r.lines.map((l) => l.state)).toEqual(['consistent', 'partial']);
    const pu = r.chars.find((c) => c.line === 1 && c.column === 0);
    expect(text[pu?.offset ?? -1]).toBe('푸');
  });

  it('treats restoration lines beyond the witness as contradicted when they leave a trace', () => {
    expect(check('일\n일', ['|']).state).toBe('contradicted');
    expect(check('일\n자', ['|']).state).toBe('consistent');
  });

  it('rechecks one segment with checkLines at the segment offset', () => {
    const r = checkLines(['푸자노프'], ['xx'], {}, 100, 7);
    expect(r.state).toBe('consistent');
    expect(r.chars[0]).toMatchObject({ offset: 100, line: 7, status: 'confirmed' });
  });

  it('reports a surrogate pair as one character', () => {
    const r = checkLine('일😀일', '|=|');
    expect(r.chars).toHaveLength(3);
    expect(r.chars[1]).toMatchObject({ offset: 1, length: 2 });
  });

  it('does not mistake a contradiction in a half-typed line for missing text later on', () => {
    const r = checkLine('푸자노프 동지는 고두로', witness);
    expect(r.state).toBe('contradicted');
    expect(r.chars.filter((c) => c.status === 'contradicted').map((c) => c.offset)).toEqual([9]);
    expect(r.unexplained.filter((u) => u.kind === 'pending').length).toBe(1);
  });
});
