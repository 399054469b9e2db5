import { beforeAll, describe, expect, it } from 'vitest';
import { englishSpeller } from '../../../electron/handlers/qa-speller';
import { garble } from '../../korean/garble';
import { findings, flagged, rows } from '../testing';
import type { Speller } from '../types';

let speller: Speller;
beforeAll(async () => {
  speller = await englishSpeller();
});

const korean = '평양에서 1960년 8월 30일';
const witness = [garble(korean)];

describe('the Korean', () => {
  it('finds nothing in a row restored to fit its witness', () => {
    const list = findings(speller, rows({ english: 'Pyongyang, 30 August 1960', witness, korean }));
    expect(list).toEqual([]);
  });
  it('flags a restoration that contradicts the witness as an error', () => {
    const list = findings(speller, rows({ english: 'Pyongyang, 30 August 1960', witness, korean: '평양에서 1961년 8월 30일' }));
    expect(list.map((f) => [f.rule, f.severity])).toEqual([['korean.contradicted', 'error']]);
  });
  it('flags proposals not yet accepted, with accepting them as the fix', () => {
    const body = rows({ english: 'Pyongyang, 30 August 1960', witness, korean: [{ type: 'text', text: korean, marks: [{ type: 'proposed' }] }] });
    const list = findings(speller, body);
    expect(list.map((f) => [f.rule, f.fix?.kind])).toEqual([['korean.proposed', 'accept']]);
  });
  it('flags placeholders', () => {
    const body = rows({ english: 'Pyongyang, 30 August 1960', witness, korean: [{ type: 'gap', attrs: { quantity: 1 } }, { type: 'text', text: ' 1960년 8월 30일' }] });
    expect(flagged(findings(speller, body), 'korean.placeholder')).toEqual(['\uFFFC']);
  });
  it('flags empty rows one by one once restoring has begun, and a document not begun once', () => {
    const begun = findings(speller, rows({ english: 'Pyongyang, 30 August 1960', witness, korean }, { english: 'Again 1960.', witness: [garble('1960년')] }));
    expect(begun.map((f) => [f.rule, f.place.kind === 'body' && f.place.segment])).toEqual([['korean.empty', 'r2']]);
    const notBegun = findings(speller, rows({ english: 'Pyongyang, 30 August 1960', witness }, { english: 'Again 1960.', witness: [garble('1960년')] }, 'No witness here.'));
    expect(notBegun.map((f) => [f.rule, f.message])).toEqual([['korean.empty', 'No Korean restored yet: 2 rows with a witness']]);
  });
  it('flags a number in the English that the witness contradicts, not numbers the witness lacks', () => {
    const list = findings(speller, rows({ english: 'Pyongyang, 30 August 1961, 3 copies', witness, korean }));
    expect(list.filter((f) => f.rule === 'korean.digits').map((f) => [f.text, f.fix?.kind === 'correct' && f.fix.text])).toEqual([['1961', '1960']]);
  });
});
