/**
 * Which rows of a long document are drawn: pure arithmetic on row indices,
 * heights and boxes, with no DOM and no plugin (viewport.ts puts it to work).
 *
 * The *window* is the run of rows drawn for the scroll position; the rows
 * holding the selection's ends are drawn too, so every command and the
 * browser's caret have a row to work in.
 */
import type { Selection } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';

/** Rows drawn when a long document opens, before its first measure. */
export const FIRST_WINDOW = 30;
/** Rows drawn beyond what the screen needs, so small scrolls do not redraw. */
export const SLACK = 6;
/** How far beyond the visible area rows are drawn, in screen heights. */
export const OVERSCAN = 1;

/** A range of row indices, [from, to). */
export type RowRange = readonly [number, number];

/** A vertical extent on screen (client coordinates). */
export interface Band {
  top: number;
  bottom: number;
}

export function clampRange([from, to]: RowRange, count: number): RowRange {
  const a = Math.max(0, Math.min(from, count));
  return [a, Math.max(a, Math.min(to, count))];
}

/** Row index of a document position (the last row for the very end). */
export function rowAt(doc: Node, pos: number): number {
  return Math.min(doc.resolve(pos).index(0), doc.childCount - 1);
}

/** The window a document opens with: around the selection's head (a document reopened at its last place). */
export function firstWindow(doc: Node, selection: Selection): RowRange {
  const from = Math.max(0, rowAt(doc, selection.head) - Math.floor(FIRST_WINDOW / 2));
  return [from, from + FIRST_WINDOW];
}

/**
 * The window, the selection's rows and the `pinned` rows (rows another plugin
 * needs drawn wherever the window is, e.g. the rows a filter shows), merged
 * into ordered ranges.
 */
export function drawnRanges(doc: Node, selection: Selection, window: RowRange, pinned: readonly RowRange[] = []): RowRange[] {
  const ranges: RowRange[] = [clampRange(window, doc.childCount), ...pinned.map((r) => clampRange(r, doc.childCount))];
  for (const pos of [selection.from, selection.to]) {
    const row = rowAt(doc, pos);
    ranges.push([row, row + 1]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of ranges) {
    if (to <= from) continue;
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

export function sameRanges(a: readonly RowRange[], b: readonly RowRange[]): boolean {
  return a.length === b.length && a.every((r, i) => r[0] === b[i][0] && r[1] === b[i][1]);
}

/**
 * The rows [first, end) of `count` rows that meet `band`. Drawn rows (in the
 * ordered `drawn` ranges) are where `box` says the browser put them; the rows
 * between them are counted at `height` from the drawn row before them (and,
 * above the first drawn row, back up from it).
 */
export function rowsInBand(
  count: number,
  drawn: readonly RowRange[],
  band: Band,
  box: (index: number) => Band,
  height: (index: number) => number,
): RowRange {
  if (!drawn.length) return [0, 0];
  const firstDrawn = drawn[0][0];
  let y = box(firstDrawn).top;
  for (let i = 0; i < firstDrawn; i++) y -= height(i);
  let first = -1;
  let range = 0;
  for (let i = 0; i < count; i++) {
    while (range < drawn.length && i >= drawn[range][1]) range++;
    let rowTop = y;
    if (range < drawn.length && i >= drawn[range][0]) {
      const rect = box(i);
      rowTop = rect.top;
      y = rect.bottom;
    } else {
      y += height(i);
    }
    if (first < 0 && y > band.top) first = i;
    if (rowTop >= band.bottom) return [Math.max(0, first), Math.max(first + 1, i)];
  }
  return [Math.max(0, first), count];
}

/** The visible area widened by `OVERSCAN` screens above and below. */
export function overscanned(visible: Band): Band {
  const height = visible.bottom - visible.top;
  return { top: visible.top - height * OVERSCAN, bottom: visible.bottom + height * OVERSCAN };
}

/**
 * The window for rows [first, end) wanted on screen: null while the current
 * window still covers them and is not far wider (no redraw), else the wanted
 * rows with `SLACK` either side.
 */
export function nextWindow(window: RowRange, [first, end]: RowRange, count: number): RowRange | null {
  const [from, to] = window;
  const settled = from <= first && to >= end && to - from <= end - first + 4 * SLACK;
  return settled ? null : [Math.max(0, first - SLACK), Math.min(count, end + SLACK)];
}
