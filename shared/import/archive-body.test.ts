import { describe, expect, it } from 'vitest';
import { classifyBody } from './archive-body';

const para = (text: string) =>
  `${text} ${'The comrades discussed the matter at length and agreed on the next steps.'.repeat(2)}`;
const roles = (texts: string[]) =>
  classifyBody(texts.map((text) => ({ text }))).blocks.map((b) => [b.role, b.text.slice(0, 24)]);

describe('giving the English rows their roles', () => {
  it('makes the short lines above the first paragraph headings', () => {
    expect(
      roles(['Embassy of the GDR', 'Pyongyang, 3 May 1961', 'Note on a talk', para('First.')]).map((r) => r[0]),
    ).toEqual(['head', 'head', 'head', 'p']);
  });

  it('marks a signature block before the distribution list, and the list with its notes', () => {
    expect(
      roles([
        para('Text.'),
        'Schneidewind',
        '[Ambassador]',
        '2x Ministry',
        '(copy to the files)',
        'CC:',
        'Comrade Ulbricht',
      ]),
    ).toEqual([
      ['p', para('Text.').slice(0, 24)],
      ['closer', 'Schneidewind'],
      ['closer', '[Ambassador]'],
      ['distribution', '2x Ministry'],
      ['distribution', '(copy to the files)'],
      ['distribution', 'CC:'],
      ['distribution', 'Comrade Ulbricht'],
    ]);
  });

  it('marks a signature block at the very end', () => {
    expect(roles([para('Text.'), 'signed: K. Schneidewind']).map((r) => r[0])).toEqual(['p', 'closer']);
  });

  it('does not take a last sentence for a signature', () => {
    expect(roles([para('Text.'), 'The talk ended at noon.']).map((r) => r[0])).toEqual(['p', 'p']);
  });

  it('makes a short line between paragraphs a heading', () => {
    expect(roles([para('One.'), 'II. Foreign policy', para('Two.')]).map((r) => r[0])).toEqual(['p', 'head', 'p']);
  });

  it('joins a paragraph broken mid-sentence, but not a heading followed by a lower-case line', () => {
    const result = classifyBody([
      { text: 'Pyongyang, 30 August 1960' },
      { text: 'about a Conversation in the Soviet Embassy', breakBefore: true },
      { text: 'At another point he said that our solid autonomous economy is the firm' },
      { text: 'guarantee for the national right of self-determination.' },
    ]);
    expect(result.blocks.map((b) => b.text)).toEqual([
      'Pyongyang, 30 August 1960',
      'about a Conversation in the Soviet Embassy',
      'At another point he said that our solid autonomous economy is the firm guarantee for the national right of self-determination.',
    ]);
    expect(result.joined).toBe(1);
  });

  it('drops chrome lines and section markers', () => {
    expect(roles(['get citation', 'English HTML', '• share document', para('Text.')]).map((r) => r[0])).toEqual(['p']);
  });
});
