import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextSelection } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { FIRST_WINDOW, SLACK, drawnRanges, firstWindow, nextWindow, overscanned, rowsInBand, type Band, type RowRange } from './viewport-range';
import { doc, en, ko, seg, wit } from './test-builders';

function rows(count: number): Node {
  return doc(...Array.from({ length: count }, (_, i) => seg(en(`Row ${i}`), wit('abc'), ko())));
}

/** A position inside row `index`. */
function inRow(d: Node, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += d.child(i).nodeSize;
  return pos + 3;
}

/** Boxes for rows laid out top to bottom from `top` at `heights`, as the browser would put drawn rows. */
function layout(heights: number[], top: number): (i: number) => Band {
  const tops = [top];
  for (const h of heights) tops.push(tops[tops.length - 1] + h);
  return (i) => ({ top: tops[i], bottom: tops[i + 1] });
}

describe('which rows are drawn for the selection', () => {
  it('draws the window and the rows of both selection ends, merged in order', () => {
    const d = rows(100);
    const selection = TextSelection.create(d, inRow(d, 80), inRow(d, 82));
    expect(drawnRanges(d, selection, [10, 20])).toEqual([
      [10, 20],
      [80, 81],
      [82, 83],
    ]);
  });

  it('merges a selection row that touches the window into it, and clamps the window to the document', () => {
    const d = rows(50);
    const selection = TextSelection.create(d, inRow(d, 40));
    expect(drawnRanges(d, selection, [30, 40])).toEqual([[30, 41]]);
    expect(drawnRanges(d, selection, [45, 90])).toEqual([
      [40, 41],
      [45, 50],
    ]);
  });

  it('opens a document with a window around the selection', () => {
    const d = rows(300);
    expect(firstWindow(d, TextSelection.create(d, inRow(d, 200)))).toEqual([200 - FIRST_WINDOW / 2, 200 + FIRST_WINDOW / 2]);
    expect(firstWindow(d, TextSelection.create(d, inRow(d, 3)))).toEqual([0, FIRST_WINDOW]);
  });
});

describe('which rows meet the scroll position', () => {
  it('counts hidden rows at their heights between drawn rows', () => {
    // 100 rows of 50 px; rows 40..50 drawn, laid out where they would be from a scroll top of 0.
    const heights = Array(100).fill(50);
    const box = layout(heights, 0);
    const drawn: RowRange[] = [[40, 50]];
    expect(rowsInBand(100, drawn, { top: 2000, bottom: 2500 }, box, (i) => heights[i])).toEqual([40, 50]);
    expect(rowsInBand(100, drawn, { top: 0, bottom: 275 }, box, (i) => heights[i])).toEqual([0, 6]);
    expect(rowsInBand(100, drawn, { top: 4800, bottom: 6000 }, box, (i) => heights[i])).toEqual([96, 100]);
  });

  it('finds the rows on screen for any heights and scroll position (against a plain walk)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 10, max: 200 }), { minLength: 5, maxLength: 80 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 50, max: 900 }),
        (heights, drawnAt, scroll, screen) => {
          const count = heights.length;
          const from = drawnAt % count;
          const drawn: RowRange[] = [[from, Math.min(count, from + 5)]];
          const total = heights.reduce((a, b) => a + b, 0);
          const top = scroll % total;
          const box = layout(heights, 0);
          // The plain walk: every row whose box meets the band.
          const meets = heights.map((_h, i) => box(i).bottom > top && box(i).top < top + screen);
          const first = meets.indexOf(true);
          const end = meets.lastIndexOf(true) + 1;
          expect(rowsInBand(count, drawn, { top, bottom: top + screen }, box, (i) => heights[i])).toEqual([first, end]);
        },
      ),
    );
  });

  it('widens the visible area by a screen above and below', () => {
    expect(overscanned({ top: 100, bottom: 700 })).toEqual({ top: -500, bottom: 1300 });
  });
});

describe('when the window moves', () => {
  it('keeps the window while it covers the rows wanted and is not far wider', () => {
    expect(nextWindow([10, 50], [20, 40], 1000)).toBeNull();
  });

  it('moves it, with slack either side, when rows wanted are outside it or it is far wider', () => {
    expect(nextWindow([10, 50], [45, 70], 1000)).toEqual([45 - SLACK, 70 + SLACK]);
    expect(nextWindow([0, 200], [100, 110], 1000)).toEqual([100 - SLACK, 110 + SLACK]);
    expect(nextWindow([900, 960], [995, 1000], 1000)).toEqual([995 - SLACK, 1000]);
  });
});
