import { describe, expect, it } from 'vitest';
import { schema } from './schema';
import { cellText } from './cell-text';
import { GAP_GLYPH } from './gap';

const { korean, hard_break, gap, unclear, footnote } = schema.nodes;

describe('cellText', () => {
  it('reads text, hard breaks as newlines, a gap as one glyph whatever its width, and unclear text', () => {
    const cell = korean.create(null, [schema.text('김일'), gap.create({ quantity: 3 }), hard_break.create(), unclear.create(null, schema.text('성'))]);
    expect(cellText(cell).text).toBe(`김일${GAP_GLYPH}\n성`);
  });

  it('leaves footnotes out', () => {
    const cell = korean.create(null, [schema.text('가'), footnote.create(null, schema.text('a note')), schema.text('나')]);
    expect(cellText(cell).text).toBe('가나');
  });

  it('gives each character its offset in the cell, then the content size', () => {
    const cell = korean.create(null, [schema.text('가'), footnote.create(null, schema.text('n')), gap.create({ quantity: 2 }), unclear.create(null, schema.text('다'))]);
    const { text, offsets } = cellText(cell);
    // 가 at 0; the footnote (size 3) at 1..4; the gap at 4; unclear opens at 5, its 다 at 6; size 8.
    expect(text).toBe(`가${GAP_GLYPH}다`);
    expect([...offsets]).toEqual([0, 4, 6, cell.content.size]);
    expect(cell.content.size).toBe(8);
  });
});
