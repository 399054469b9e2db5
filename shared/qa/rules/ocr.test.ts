import { beforeAll, describe, expect, it } from 'vitest';
import { englishSpeller } from '../../../electron/handlers/qa-speller';
import { findings, flagged, rows, entry } from '../testing';
import type { Speller } from '../types';

let speller: Speller;
beforeAll(async () => {
  speller = await englishSpeller();
});

const kim = [entry('kis', 'Kim Il Sung', ['Kim Il-sung'])];

describe('ocr.roman-il', () => {
  it('flags II inside a name and fixes it to Il as a correction', () => {
    const list = findings(speller, rows('Kim II Sung spoke.'), { glossary: kim });
    const f = list.find((x) => x.rule === 'ocr.roman-il')!;
    expect(f.text).toBe('II');
    expect(f.fix).toEqual({ kind: 'correct', label: 'Correct to “Il”', text: 'Il' });
  });
  it('flags a glossary name even before punctuation, in metadata too', () => {
    const list = findings(speller, rows('Nothing.'), { glossary: kim, meta: { summary: 'about Kim II, Sung and others' } });
    expect(flagged(list, 'ocr.roman-il')).toEqual(['II']);
    expect(list[0].place).toEqual({ kind: 'meta', field: 'summary', from: 10, to: 12 });
  });
  it('leaves Roman numerals alone: World War II, Pius II said', () => {
    const list = findings(speller, rows('After World War II. Pius II said so.', 'Chapter II of the report.'), { glossary: kim });
    expect(flagged(list, 'ocr.roman-il')).toEqual([]);
  });
});

describe('spelling: letter slips, words run together, unknown words', () => {
  it('flags “Im the” as a slip for “In”', () => {
    const list = findings(speller, rows('Im the crisis the Soviet Union did prove it.'));
    expect(flagged(list, 'ocr.letter-slip')).toEqual(['Im']);
    expect(list.find((f) => f.rule === 'ocr.letter-slip')!.fix).toMatchObject({ text: 'In' });
  });
  it('does not take the surname Im before a given name for a slip', () => {
    const list = findings(speller, rows('Comrade Im Chol spoke.'));
    expect(flagged(list, 'ocr.letter-slip')).toEqual([]);
  });
  it('flags Dreemphasis as words run together, and splits theparty', () => {
    const list = findings(speller, rows('Dreemphasis on the role of Asia.', 'We met theparty leaders.'));
    expect(flagged(list, 'ocr.run-together')).toEqual(['Dreemphasis', 'theparty']);
    expect(list.find((f) => f.text === 'theparty')!.fix).toMatchObject({ text: 'the party' });
  });
  it('knows derived words the dictionary lacks: oppositional, propagandistic, equipments, reemphasis', () => {
    const list = findings(speller, rows('Oppositional groups and propagandistic equipments need no reemphasis, vis-à-vis et cetera.'));
    expect(list.filter((f) => f.family === 'ocr')).toEqual([]);
  });
  it('reports other unknown words as information', () => {
    const list = findings(speller, rows('The xqzv was there.'));
    expect(list.map((f) => [f.rule, f.severity, f.text])).toEqual([['ocr.spelling', 'info', 'xqzv']]);
  });
  it('takes glossary and termbase words as known', () => {
    const list = findings(speller, rows('The chollima pace.'), { glossary: [entry('c', 'Chollima', [], 'term')] });
    expect(list).toEqual([]);
  });
});

describe('typing slips', () => {
  it('flags □ typed as text (a gap node is not flagged)', () => {
    const body = rows({ english: [{ type: 'gap', attrs: { quantity: 1 } }, { type: 'text', text: 'The □□ line.' }] });
    const list = findings(speller, body);
    expect(flagged(list, 'ocr.gap-glyph')).toEqual(['□□']);
    expect(list[0].fix?.kind).toBe('gap');
  });
  it('flags doubled words but not “had had”', () => {
    const list = findings(speller, rows('He said the the plan had had effect, that that was all.'));
    expect(flagged(list, 'ocr.doubled-word')).toEqual(['the the']);
  });
  it('flags markdown bold left in the text, not a product 2*3*4', () => {
    const list = findings(speller, rows('**D**eemphasis and 2*3*4.'));
    expect(flagged(list, 'ocr.markdown')).toEqual(['**D**']);
    expect(list.find((f) => f.rule === 'ocr.markdown')!.fix).toMatchObject({ text: 'D' });
  });
  it('flags a bullet lost as a leading “. ” and one inside the row, not ordinary periods', () => {
    const list = findings(speller, rows('. Unleashing a campaign.', 'Ceylon, Algeria. . Increasing efforts.', 'The U.S. Army, e.g. Most of it.'));
    expect(list.filter((f) => f.rule === 'ocr.lost-bullet').map((f) => [f.text, !!f.fix])).toEqual([
      ['. ', true],
      ['. ', false],
    ]);
  });
});
