import { describe, expect, it } from 'vitest';
import { estimateRowHeight, RowHeights, type CellMetrics, type RowMetrics } from './viewport-heights';
import { doc, en, ko, seg, wit } from './test-builders';

/** Metrics as a browser might measure them: English 10 px a character in 24 px lines, Korean 28 px lines. */
const cell = (over: Partial<CellMetrics> = {}): CellMetrics => ({ width: 200, lineHeight: 24, charWidth: 10, wideCharWidth: 20, padding: 18, minHeight: 0, ...over });
const METRICS: RowMetrics = {
  english: cell(),
  korean: cell({ lineHeight: 28 }),
  witness: cell({ width: 100, lineHeight: 20, charWidth: 10 }),
  original: cell(),
};

describe('the estimated height of a row not drawn', () => {
  it('wraps the English at its column width in its measured line height', () => {
    // 45 characters at 10 px in 200 px: 3 lines of 24 px, and the padding.
    const row = seg(en('x'.repeat(45)), wit('a'), ko());
    expect(estimateRowHeight(row, METRICS)).toBe(3 * 24 + 18);
  });

  it('counts Hangul at its own measured width, in the Korean cells line height', () => {
    // 15 syllables at 20 px in 200 px: 2 lines of 28 px.
    const row = seg(en('x'), wit('a'), ko('가'.repeat(15)));
    expect(estimateRowHeight(row, METRICS)).toBe(2 * 28 + 18);
  });

  it('takes the tallest cell, the witness line by line', () => {
    // Witness: 25 characters at 10 px in 100 px = 3 lines, plus one short line: 4 lines of 20 px.
    const row = seg(en('x'), wit('y'.repeat(25), 'z'), ko());
    expect(estimateRowHeight(row, METRICS)).toBe(4 * 20 + 18);
  });

  it('follows the metrics: a taller line or a narrower column gives a taller row', () => {
    const row = seg(en('x'.repeat(45)), wit('a'), ko('가나다'));
    const base = estimateRowHeight(row, METRICS);
    expect(estimateRowHeight(row, { ...METRICS, english: cell({ lineHeight: 30 }) })).toBeGreaterThan(base);
    expect(estimateRowHeight(row, { ...METRICS, english: cell({ width: 100 }) })).toBeGreaterThan(base);
  });

  it('never goes below a cell’s minimum height', () => {
    const row = seg(en('x'), wit('a'), ko());
    expect(estimateRowHeight(row, { ...METRICS, korean: cell({ minHeight: 70 }) })).toBe(70);
  });
});

describe('RowHeights', () => {
  it('prefers a measured height, and forgets every height when the metrics change', () => {
    const heights = new RowHeights();
    const d = doc(seg(en('x'.repeat(45)), wit('a'), ko()));
    const row = d.child(0);
    heights.reset(800, METRICS);
    expect(heights.get(row)).toBe(3 * 24 + 18);
    heights.set(row, 123);
    expect(heights.get(row)).toBe(123);
    heights.reset(600, { ...METRICS, english: cell({ width: 100 }) });
    expect(heights.editorWidth).toBe(600);
    expect(heights.get(row)).toBe(5 * 24 + 18);
  });
});
