/**
 * Limits of the witness alignment's search on large inputs: anchors (tokens
 * unique to one line and one row) and the band of states explored around them.
 * Small inputs are searched in full.
 */

/**
 * Above this many moves the search is limited to a band around a guide path,
 * which keeps a megabyte page well under a tenth of a second.
 */
export const FULL_SEARCH_MOVES = 1_200_000;

/**
 * Pairs (line, row) that share a strong token (a number of two or more digits, a
 * Latin word of four or more letters) found in no other line and no other row,
 * reduced to the longest chain that keeps both orders.
 */
export function anchors(lineIds: Int32Array[], rowIds: Int32Array[], weights: number[]): [number, number][] {
  const inLines = new Int32Array(weights.length);
  const inRows = new Int32Array(weights.length);
  const lineOf = new Int32Array(weights.length);
  const rowOf = new Int32Array(weights.length);
  lineIds.forEach((ids, i) => ids.forEach((id) => ((inLines[id] += 1), (lineOf[id] = i))));
  rowIds.forEach((ids, j) => ids.forEach((id) => ((inRows[id] += 1), (rowOf[id] = j))));
  const pairs: [number, number][] = [];
  for (let id = 0; id < weights.length; id++) {
    if (weights[id] >= 3 && inLines[id] === 1 && inRows[id] === 1) pairs.push([lineOf[id], rowOf[id]]);
  }
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // Longest chain increasing in both line and row (patience sorting on rows).
  const tails: number[] = [];
  const parent = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([i, j], k) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const [ti, tj] = pairs[tails[mid]];
      if (tj < j && ti < i) low = mid + 1;
      else high = mid;
    }
    if (low > 0) parent[k] = tails[low - 1];
    tails[low] = k;
  });
  const chain: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k !== -1; k = parent[k]) chain.push(pairs[k]);
  return chain.reverse();
}

/**
 * The range of "lines used" to explore before each row: everything when the
 * input is small; else a band around a guide path through the anchors, and
 * between anchors (or without any) the path that spreads the witness over the
 * rows in proportion to their predicted length.
 */
export function band(
  lineLength: Float64Array,
  expected: Float64Array,
  maxGroup: number,
  findAnchors: () => [number, number][],
): [Int32Array, Int32Array] {
  const S = expected.length;
  const L = lineLength.length;
  const lo = new Int32Array(S);
  const hi = new Int32Array(S).fill(L);
  if ((L + 1) * S * (maxGroup + 1) <= FULL_SEARCH_MOVES) return [lo, hi];
  const half = Math.max(32, Math.floor(FULL_SEARCH_MOVES / (S * (maxGroup + 1)) / 2));

  // Guide points: the start, the anchors, the end. Between two of them, lines and
  // rows are matched by cumulative length.
  const points: [number, number][] = [[0, 0], ...findAnchors(), [L, S]];
  const cumLine = new Float64Array(L + 1);
  for (let i = 0; i < L; i++) cumLine[i + 1] = cumLine[i] + lineLength[i];
  const cumRow = new Float64Array(S + 1);
  for (let j = 0; j < S; j++) cumRow[j + 1] = cumRow[j] + expected[j];
  let p = 0;
  let i = 0;
  for (let j = 0; j < S; j++) {
    while (p + 1 < points.length - 1 && points[p + 1][1] <= j) p++;
    const [i0, j0] = points[p];
    const [i1, j1] = points[p + 1];
    const rowSpan = cumRow[j1] - cumRow[j0] || 1;
    const target = cumLine[i0] + ((cumRow[j] - cumRow[j0]) / rowSpan) * (cumLine[i1] - cumLine[i0]);
    i = Math.max(i, i0);
    while (i < i1 && cumLine[i] + lineLength[i] / 2 < target) i++;
    lo[j] = Math.max(0, i - half);
    hi[j] = Math.min(L, i + half);
  }
  return [lo, hi];
}

/** Lines spread evenly over rows: the fallback when the banded search finds no path. */
export function proportional(rows: number, lines: number): number[] {
  return Array.from({ length: lines }, (_, i) => Math.min(rows - 1, Math.floor((i * rows) / lines)));
}
