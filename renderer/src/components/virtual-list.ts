/**
 * Which rows of a long list to draw: the rows within the scroller's view plus a margin, from
 * row heights that are measured once drawn and estimated until then. Pure (no DOM): the
 * component measures, this module does the arithmetic.
 */

/** Top offset of every row and the total height (`offsets[n]`), from each row's height. */
export function rowOffsets(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = (offsets[i] ?? 0) + heightOf(i);
  return offsets;
}

/** The first row whose bottom is below `y` (binary search over the offsets). */
function rowAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid + 1] ?? 0) <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The rows [start, end) to draw when the list's top is `scrollTop` above the view's top and
 * the view is `viewport` tall: those on screen and `overscan` pixels of rows either side.
 */
export function visibleRows(offsets: Float64Array, scrollTop: number, viewport: number, overscan: number): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const start = rowAt(offsets, Math.max(0, scrollTop - overscan));
  const end = Math.min(count, rowAt(offsets, Math.max(0, scrollTop + viewport + overscan)) + 1);
  return { start, end: Math.max(start, end) };
}
