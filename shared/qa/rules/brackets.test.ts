import { beforeAll, describe, expect, it } from 'vitest';
import { englishSpeller } from '../../../electron/handlers/qa-speller';
import { findings, flagged, rows } from '../testing';
import type { Speller } from '../types';

let speller: Speller;
beforeAll(async () => {
  speller = await englishSpeller();
});

describe('brackets and notes', () => {
  it('flags brackets typed as text, fixed by making them an insertion', () => {
    const list = findings(speller, rows('Crisis in the Caribbean [Cuba] began.'));
    expect(list.map((f) => [f.rule, f.text, f.fix?.kind])).toEqual([['brackets.literal', '[Cuba]', 'insertion']]);
  });
  it('does not flag insertions (their brackets are drawn) or balanced round brackets', () => {
    const list = findings(speller, rows({ english: [{ type: 'text', text: 'The (Chinese) ' }, { type: 'text', text: 'CPSU', marks: [{ type: 'insertion' }] }, { type: 'text', text: ' line: a) one, b) two.' }] }));
    expect(list).toEqual([]);
  });
  it('flags brackets that do not close or open', () => {
    const list = findings(speller, rows('The (first part of it.', 'And then] more.'));
    expect(list.map((f) => [f.rule, f.text])).toEqual([
      ['brackets.unbalanced', '('],
      ['brackets.unbalanced', ']'],
    ]);
  });
  it('flags empty brackets and insertions holding only spaces or punctuation', () => {
    const list = findings(speller, rows('Text [] here.', { english: [{ type: 'text', text: 'More ' }, { type: 'text', text: ' ,', marks: [{ type: 'insertion' }] }, { type: 'text', text: ' here.' }] }));
    expect(flagged(list, 'brackets.empty-insertion')).toEqual(['[]', ' ,']);
    expect(list.every((f) => f.fix?.kind === 'delete')).toBe(true);
  });
  it('flags a footnote with no text, not one with text', () => {
    const body = rows({ english: [{ type: 'text', text: 'Note' }, { type: 'footnote' }, { type: 'text', text: ' and' }, { type: 'footnote', content: [{ type: 'text', text: 'Source: SAPMO.' }] }] });
    const list = findings(speller, body);
    expect(list.map((f) => [f.rule, f.place.kind === 'body' && f.place.from])).toEqual([['brackets.empty-footnote', 6]]);
  });
  it('checks metadata text too', () => {
    const list = findings(speller, rows('Fine.'), { meta: { summary: 'A talk (in Pyongyang.' } });
    expect(list.map((f) => [f.rule, f.place.kind])).toEqual([['brackets.unbalanced', 'meta']]);
  });
});
