import { beforeAll, describe, expect, it } from 'vitest';
import { englishSpeller } from '../../../electron/handlers/qa-speller';
import { findings, flagged, rows, entry } from '../testing';
import { otherSpelling } from './names';
import type { Speller } from '../types';

let speller: Speller;
beforeAll(async () => {
  speller = await englishSpeller();
});

const glossary = [
  entry('pz', 'Alexander Puzanov', ['Puzanov', 'A. M. Puzanov', 'Pusanov']),
  entry('dprk', "Democratic People's Republic of Korea", ['DPRK', 'North Korea'], 'place'),
  entry('choe', 'Choe Yong-geon', ['Choe Yong Gon']),
];

describe('names.two-spellings', () => {
  it('flags the rarer spelling of one entity in a document, with the common one as the fix', () => {
    const list = findings(speller, rows('Comrade Puzanov came. Puzanov spoke.', 'Comrade Pusanov left.'), { glossary });
    const f = list.filter((x) => x.rule === 'names.two-spellings');
    expect(f.map((x) => x.text)).toEqual(['Pusanov']);
    expect(f[0].message).toContain('“Puzanov” 2 times in this document');
    expect(f[0].fix).toMatchObject({ kind: 'correct', text: 'Puzanov' });
  });
  it('flags a spelling the rest of the project writes otherwise', () => {
    const otherForms = new Map([['pz', new Map([['Puzanov', 12]])]]);
    const list = findings(speller, rows('Comrade Pusanov left.'), { glossary, otherForms });
    expect(list.find((f) => f.rule === 'names.two-spellings')?.message).toContain('12 times in the project');
  });
  it('does not take other names of an entity, short forms or an editor’s variant for spellings', () => {
    const list = findings(
      speller,
      rows('Alexander Puzanov met Puzanov in the DPRK, North Korea.', { english: [{ type: 'text', text: 'Choe Yong-geon ' }, { type: 'text', text: 'Choe Yong Gon', marks: [{ type: 'insertion' }] }, { type: 'text', text: ' came.' }] }),
      { glossary },
    );
    expect(flagged(list, 'names.two-spellings')).toEqual([]);
  });
  it('tells spellings from names', () => {
    expect(otherSpelling('Puzanov', 'Pusanov')).toBe(true);
    expect(otherSpelling('Kim Il Sung', 'Kim Il-sung')).toBe(true);
    expect(otherSpelling('DPRK', 'North Korea')).toBe(false);
    expect(otherSpelling('Puzanov', 'Alexander Puzanov')).toBe(false);
  });
});

describe('names.near-miss and names.unknown', () => {
  it('flags a name one letter from a glossary name', () => {
    const list = findings(speller, rows('Comrade Puzanow came.'), { glossary });
    expect(list.map((f) => [f.rule, f.text, f.fix?.kind === 'correct' && f.fix.text])).toEqual([['names.near-miss', 'Puzanow', 'Puzanov']]);
  });
  it('reports a capitalised name with no glossary entry once per document, as information', () => {
    const list = findings(speller, rows('K. Schneidewind wrote to Comrade Schneidewind and Comrade Schwab.'), { glossary });
    expect(list.map((f) => [f.rule, f.severity, f.text])).toEqual([
      ['names.unknown', 'info', 'Schneidewind'],
      ['names.unknown', 'info', 'Schwab'],
    ]);
    expect(list[0].message).toContain('2 times');
  });
  it('knows dictionary names, acronyms and sentence-initial words', () => {
    const list = findings(speller, rows('Moscow and Pyongyang agreed. The KWP and SED did too.'), { glossary });
    expect(list).toEqual([]);
  });
});
