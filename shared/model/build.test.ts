import { describe, expect, it } from 'vitest';
import { body, countMarks, hasOriginal, hasWitness, inlineFromPlain, plainText, segment, text } from './build';
import { bodyToNode } from './document';

describe('inlineFromPlain', () => {
  it('turns bracketed text into insertion marks without the brackets', () => {
    expect(inlineFromPlain('that they [the Koreans] rejected')).toEqual([
      { type: 'text', text: 'that they ' },
      { type: 'text', text: 'the Koreans', marks: [{ type: 'insertion', attrs: { kind: 'clarification' } }] },
      { type: 'text', text: ' rejected' },
    ]);
  });

  it('turns runs of the OCR box into one gap each, counting the boxes', () => {
    expect(inlineFromPlain('□Dm policy □□ x')).toEqual([
      { type: 'gap', attrs: { reason: 'illegible', quantity: 1 } },
      { type: 'text', text: 'Dm policy ' },
      { type: 'gap', attrs: { reason: 'illegible', quantity: 2 } },
      { type: 'text', text: ' x' },
    ]);
  });

  it('keeps unbalanced and empty brackets as the source wrote them', () => {
    expect(plainText(inlineFromPlain('a [b and c] d ] e [ f []'))).toBe('a b and c d ] e [ f []');
    expect(countMarks({ type: 'english', content: inlineFromPlain('a [b and c] d ] e [ f []') }, 'insertion')).toBe(1);
  });

  it('makes line breaks hard breaks, and the result fits the schema', () => {
    const doc = body([segment({ english: inlineFromPlain('one [two]\nthree □') })]);
    expect(() => bodyToNode(doc)).not.toThrow();
    expect(plainText((doc.content![0].content![0]).content)).toBe('one two\nthree □');
  });
});

describe('countMarks', () => {
  it('counts adjacent text nodes of one mark once and separate runs separately', () => {
    const nodes = [...inlineFromPlain('[a] b [c]'), { type: 'footnote', content: inlineFromPlain('[d]') }];
    expect(countMarks({ type: 'english', content: nodes }, 'insertion')).toBe(3);
  });
});

describe('hasWitness and hasOriginal', () => {
  it('say whether any row has witness lines, or an original column', () => {
    const plain = body([segment({ english: text('One.') }), segment({ english: text('Two.'), witness: [] })]);
    expect(hasWitness(plain)).toBe(false);
    expect(hasOriginal(plain)).toBe(false);
    const full = body([segment({ english: text('One.') }), segment({ english: text('Two.'), witness: ['abc'], original: text('Zwei.') })]);
    expect(hasWitness(full)).toBe(true);
    expect(hasOriginal(full)).toBe(true);
  });
});
