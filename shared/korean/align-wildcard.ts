/**
 * Aligns the garble of a restoration line that contains wildcard placeholders (`□`, what
 * auto-fill leaves between its proposals) with its witness line.
 *
 * A placeholder stands for witness text not restored yet: it absorbs any run of witness
 * characters, spaces and punctuation included, at no cost. The spaces written next to a
 * placeholder are padding: they match a witness space when there is one there and may be
 * dropped when there is none (the text the placeholder stands for may be glued to its
 * neighbours), but a match is preferred, so restored words are anchored where they stand
 * as words. Everything else is priced as in {@link alignLine}.
 *
 * The word-then-character diff of align.ts cannot do this: a longest common subsequence
 * has no notion of a character that absorbs a run, so with placeholders it matches the
 * restored characters to whichever witness characters make the subsequence longest (the
 * `1` of `1960년` to the `1` of `@|1`, a `.` to the `.` of `t|0.`) and reports the
 * witness text this strands between them as contradictions. Here the alignment is found
 * in two steps:
 *
 * 1. An exact pass, linear in practice: the restored pieces between placeholders are looked
 *    up in order, each at its leftmost place where it stands as in the witness (spaces
 *    included). When every piece is found, that alignment has no cost at all, so it is
 *    optimal (this is the usual case: auto-fill's own output, correct typing).
 * 2. Otherwise, a dynamic programme over g-chars × witness columns that minimises the cost
 *    of the edits (placeholders absorbing runs freely), then the padding spaces dropped,
 *    and among equal alignments takes the leftmost. It computes only the cells that can lie
 *    on an alignment under a cost bound, raised until one is found, so a long line with an
 *    error or two costs about as much as its length.
 */
import { classifyGap, alignmentCost, type Alignment, type Gap } from './align';
import { WILDCARD, type LineEmissions } from './emissions';

// Local copies of the emission codes (see align.ts).
const SPACE = 0x20;

// The edit costs of align.ts scaled up, so that the number of dropped padding spaces (1 each)
// only ever breaks ties between alignments with the same edit cost. Float64 costs stay exact
// far beyond any line length.
const UNIT = 1e6;

const MATCH = 1;
const INSERT = 2;
const DELETE = 3;

// Scratch buffers reused across calls (the result keeps none of them).
let traceScratch = new Uint8Array(1 << 16);
let prevScratch = new Float64Array(1024);
let curScratch = new Float64Array(1024);
let wScratch = new Uint16Array(1024);

/** Aligns a line that contains at least one wildcard with its witness line. */
export function alignWildcards(em: LineEmissions, witness: string): Alignment {
  return exactAlignment(em, witness) ?? optimalAlignment(em, witness);
}

/** True when g-char `g` is a space next to a placeholder (padding). */
function isPadding(gCode: Int32Array, g: number): boolean {
  return gCode[g] === SPACE && (gCode[g - 1] === WILDCARD || gCode[g + 1] === WILDCARD);
}

/**
 * The exact pass: every restored piece found at its leftmost place, standing in the witness
 * as it stands in the restoration (a padding space matches a witness space, or is dropped
 * where the witness has a space just before it or the line starts or ends there). Returns
 * undefined when some piece is not found that way.
 */
export function exactAlignment(em: LineEmissions, witness: string): Alignment | undefined {
  const gCode = em.gCode;
  const nG = gCode.length;
  const m = witness.length;
  const gCol = new Int32Array(nG).fill(-1);
  const gaps: Gap[] = [];
  let p = 0; // witness columns before p are accounted for
  let wildcard = -1; // the placeholder that absorbs the text before the next piece, if any
  let g = 0;
  while (g <= nG) {
    if (g < nG && gCode[g] === WILDCARD) {
      wildcard = g;
      g++;
      continue;
    }
    // A piece: g-chars [a, b) between placeholders (or the line's edges).
    const a = g;
    let b = a;
    while (b < nG && gCode[b] !== WILDCARD) b++;
    g = b;
    if (a === b) {
      if (b === nG) break;
      continue;
    }
    const lead = a > 0 && gCode[a] === SPACE ? 1 : 0;
    const trail = b < nG && b - 1 >= a + lead && gCode[b - 1] === SPACE ? 1 : 0;
    const inner = em.garble.slice(a + lead, b - trail);
    let at: number; // column where the inner text starts
    let end: number; // column after the piece
    let leadCol = -1;
    let trailCol = -1;
    if (inner === '') {
      // A lone padding space between two placeholders.
      if (p === 0 || p === m || witness.charCodeAt(p - 1) === SPACE) at = p;
      else {
        const s = witness.indexOf(' ', p);
        at = s < 0 ? m : s;
        if (s >= 0) leadCol = s;
      }
      end = leadCol >= 0 ? leadCol + 1 : at;
    } else {
      let from = p;
      for (;;) {
        at = wildcard < 0 ? (from === 0 && witness.startsWith(inner) ? 0 : -1) : witness.indexOf(inner, from);
        if (at < 0) return undefined;
        const e = at + inner.length;
        const leadOk = !lead || at === 0 || witness.charCodeAt(at - 1) === SPACE;
        const trailOk = !trail || e === m || witness.charCodeAt(e) === SPACE;
        if (leadOk && trailOk) {
          if (lead && at - 1 >= p && witness.charCodeAt(at - 1) === SPACE) leadCol = at - 1;
          if (trail && e < m) trailCol = e;
          end = trailCol >= 0 ? e + 1 : e;
          break;
        }
        from = at + 1;
      }
    }
    const absorbedEnd = leadCol >= 0 ? leadCol : at;
    if (wildcard >= 0 && absorbedEnd > p) gaps.push(wildcardGap(em, wildcard, p, absorbedEnd));
    if (lead && leadCol >= 0) gCol[a] = leadCol;
    for (let k = a + lead; k < b - trail; k++) gCol[k] = at + (k - a - lead);
    if (trail && trailCol >= 0) gCol[b - 1] = trailCol;
    p = end;
    wildcard = -1;
    if (b === nG) break;
  }
  if (p < m) {
    if (wildcard >= 0) gaps.push(wildcardGap(em, wildcard, p, m));
    else gaps.push(pendingGap(em, witness, p));
  }
  const gBad = new Uint8Array(nG);
  return { gCol, gBad, gaps, cost: 0 };
}

function wildcardGap(em: LineEmissions, g: number, start: number, end: number): Gap {
  // The absorbed text would be produced where the placeholder stands.
  return { start, end, at: g, kind: 'wildcard', blame: [], offset: em.gFirst[g] ?? 0 };
}

function pendingGap(em: LineEmissions, witness: string, start: number): Gap {
  while (witness.charCodeAt(start) === SPACE) start++;
  return { start, end: witness.length, at: em.gCode.length, kind: 'pending', blame: [], offset: em.text.length };
}

/**
 * The optimal alignment by dynamic programming. D[i][j] is the least cost of aligning
 * g-chars [0, i) with witness columns [0, j). Moves: a match; a witness character left
 * over (free on the row of a placeholder, which absorbs it, and on the last row, where it
 * is pending; otherwise it is missing text); a g-char left over (free for a placeholder, and
 * for a space that collapses into the witness space before it or is trimmed at the line's
 * edge; a dropped padding space costs 1; anything else is an error, weighed as in align.ts).
 * Ties go to matches, and on free rows to taking more witness text, so that everything sits
 * as far left as it can.
 *
 * Only cells that cost at most a bound are computed (costs never decrease along a path, so
 * a cheaper alignment never passes through a dearer cell); the bound starts low and grows
 * until an alignment fits under it. A line with a few errors thus costs little more than
 * its length, whatever its length.
 */
export function optimalAlignment(em: LineEmissions, witness: string): Alignment {
  const nG = em.gCode.length;
  const m = witness.length;
  if (wScratch.length < m) wScratch = new Uint16Array(Math.max(m, wScratch.length * 2));
  const w = wScratch;
  for (let j = 0; j < m; j++) w[j] = witness.charCodeAt(j);
  // The worst alignment drops every g-char and misses every witness character.
  const worst = 3 * (nG + m) + 1;
  for (let bound = 8; ; bound *= 4) {
    const done = boundedAlignment(em, witness, w, Math.min(bound, worst) * UNIT + (UNIT - 1));
    if (done) return done;
    if (bound >= worst) throw new Error('alignWildcards: no alignment within the worst case');
  }
}

// Per g-char: visible restored characters from it to the end of the line.
let solid = new Int32Array(256);
// Per computed segment of a row: its first column and its offset in the trace.
let segStart = new Int32Array(1024);
let segTrace = new Int32Array(1024);
// Per row: index of its first computed segment (rowSeg[rows] closes the last row).
let rowSeg = new Int32Array(256);
// The previous row's and this row's runs of cells within the bound (inclusive ranges).
let prevRunA = new Int32Array(256);
let prevRunB = new Int32Array(256);
let curRunA = new Int32Array(256);
let curRunB = new Int32Array(256);
// A cell's value is valid only when its stamp is the row's stamp (no clearing between rows).
let prevStamp = new Int32Array(1024);
let curStamp = new Int32Array(1024);
let stampCounter = 0;

function grow(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (a.length >= n) return a;
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

function boundedAlignment(em: LineEmissions, witness: string, w: Uint16Array, limit: number): Alignment | undefined {
  const gCode = em.gCode;
  const nG = gCode.length;
  const m = witness.length;

  const cols = m + 1;
  const rows = nG + 1;
  rowSeg = grow(rowSeg, rows + 1);
  // Every visible restored character still to come needs a witness column of its own, or it
  // is an error (at least 2): so a cell too far right already costs more than the bound.
  solid = grow(solid, nG + 1);
  solid[nG] = 0;
  for (let g = nG - 1; g >= 0; g--)
    solid[g] = (solid[g + 1] ?? 0) + (gCode[g] === WILDCARD || gCode[g] === SPACE ? 0 : 1);
  if (prevScratch.length < cols) {
    prevScratch = new Float64Array(Math.max(cols, prevScratch.length * 2));
    curScratch = new Float64Array(prevScratch.length);
  }
  if (prevStamp.length < cols) {
    prevStamp = new Int32Array(Math.max(cols, prevStamp.length * 2));
    curStamp = new Int32Array(prevStamp.length);
  }
  if (stampCounter > 0x3fffffff - rows) {
    stampCounter = 0;
    prevStamp.fill(-1);
    curStamp.fill(-1);
  }
  let prev = prevScratch;
  let cur = curScratch;
  let pStamp = prevStamp;
  let cStamp = curStamp;
  let trace = traceScratch;
  let used = 0;
  let nSeg = 0;
  const reserve = (n: number): void => {
    if (used + n <= trace.length) return;
    const grown = new Uint8Array(Math.max(used + n, trace.length * 2));
    grown.set(trace.subarray(0, used));
    trace = grown;
    traceScratch = grown;
  };
  const addSegment = (start: number, offset: number): void => {
    if (nSeg >= segStart.length) {
      segStart = grow(segStart, nSeg + 1);
      segTrace = grow(segTrace, nSeg + 1);
    }
    segStart[nSeg] = start;
    segTrace[nSeg] = offset;
    nSeg++;
  };

  // Row 0: witness text before anything restored is missing.
  {
    const stamp = ++stampCounter;
    reserve(cols);
    rowSeg[0] = 0;
    prev[0] = 0;
    pStamp[0] = stamp;
    trace[used] = 0;
    let j = 1;
    for (; j < cols; j++) {
      const v = (prev[j - 1] ?? 0) + (w[j - 1] === SPACE ? UNIT : 2 * UNIT);
      if (v > limit) break;
      prev[j] = v;
      pStamp[j] = stamp;
      trace[used + j] = INSERT;
    }
    addSegment(0, used);
    used += j;
    prevRunA[0] = 0;
    prevRunB[0] = j - 1;
  }
  let nPrevRuns = 1;

  for (let i = 1; i < rows; i++) {
    const gi = gCode[i - 1] ?? 0;
    const isWildcard = gi === WILDCARD;
    const freeInsert = isWildcard || i === nG;
    const spaceRow = gi === SPACE;
    let delCost: number;
    if (isWildcard) delCost = 0;
    else if (spaceRow) delCost = isPadding(gCode, i - 1) ? 1 : UNIT;
    else delCost = em.text.charCodeAt(em.gFirst[i - 1] ?? 0) < 0x80 ? 3 * UNIT : 2 * UNIT;
    // Past column jMax, the characters still to come cannot all fit under the bound.
    const jMax = Math.min(m, m - (solid[i] ?? 0) + Math.floor(limit / (2 * UNIT)));
    const prevStampValue = stampCounter;
    const stamp = ++stampCounter;
    rowSeg[i] = nSeg;
    let nRuns = 0;
    let next = 0; // first column not computed yet in this row
    for (let s = 0; s < nPrevRuns; s++) {
      const a = prevRunA[s] ?? 0;
      const b = prevRunB[s] ?? 0;
      // This row can reach [a, b + 1] from the previous run, and beyond by leftover witness text.
      const from = Math.max(a, next);
      if (from > b + 1 || from > jMax) continue;
      reserve(cols - from);
      const offset = used;
      let j = from;
      for (; j <= jMax; j++) {
        const wc = j > 0 ? (w[j - 1] ?? 0) : -1;
        const left = j > 0 && cStamp[j - 1] === stamp ? (cur[j - 1] ?? 0) : Infinity;
        const vI = left + (freeInsert ? 0 : wc === SPACE ? UNIT : 2 * UNIT);
        const vD =
          pStamp[j] === prevStampValue
            ? (prev[j] ?? 0) + (spaceRow && (j === 0 || j === m || wc === SPACE) ? 0 : delCost)
            : Infinity;
        const vM =
          j > 0 && !isWildcard && gi === wc && pStamp[j - 1] === prevStampValue ? (prev[j - 1] ?? 0) : Infinity;
        let best: number;
        let move: number;
        if (freeInsert) {
          best = vI;
          move = INSERT;
          if (vM < best) {
            best = vM;
            move = MATCH;
          }
          if (vD < best) {
            best = vD;
            move = DELETE;
          }
        } else {
          best = vM;
          move = MATCH;
          if (vD < best) {
            best = vD;
            move = DELETE;
          }
          if (vI < best) {
            best = vI;
            move = INSERT;
          }
        }
        trace[offset + j - from] = move;
        // What the characters still to come will cost at least (see `solid`).
        const short = (solid[i] ?? 0) - (m - j);
        if (best + (short > 0 ? short * 2 * UNIT : 0) <= limit) {
          cur[j] = best;
          cStamp[j] = stamp;
          if (nRuns > 0 && curRunB[nRuns - 1] === j - 1) curRunB[nRuns - 1] = j;
          else {
            if (nRuns >= curRunA.length) {
              curRunA = grow(curRunA, nRuns + 1);
              curRunB = grow(curRunB, nRuns + 1);
            }
            curRunA[nRuns] = j;
            curRunB[nRuns] = j;
            nRuns++;
          }
        } else if (j > b) {
          // Past the previous run, only leftover witness text reaches further: it stopped.
          j++;
          break;
        }
      }
      addSegment(from, offset);
      used += j - from;
      next = j;
    }
    if (nRuns === 0) return undefined;
    // This row's runs become the previous row's.
    const ta = prevRunA;
    const tb = prevRunB;
    prevRunA = curRunA;
    prevRunB = curRunB;
    curRunA = ta;
    curRunB = tb;
    nPrevRuns = nRuns;
    const t = prev;
    prev = cur;
    cur = t;
    const ts = pStamp;
    pStamp = cStamp;
    cStamp = ts;
  }
  rowSeg[rows] = nSeg;
  prevStamp = pStamp;
  curStamp = cStamp;
  if ((prevRunB[nPrevRuns - 1] ?? -1) !== cols - 1) return undefined;

  // The move stored for cell (i, j): in the last segment of row i that starts at or before j.
  const moveAt = (i: number, j: number): number => {
    let lo = rowSeg[i] ?? 0;
    let hi = (rowSeg[i + 1] ?? 0) - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segStart[mid] ?? 0) <= j) lo = mid;
      else hi = mid - 1;
    }
    return trace[(segTrace[lo] ?? 0) + j - (segStart[lo] ?? 0)] ?? 0;
  };

  // Trace back from the end.
  const gCol = new Int32Array(nG).fill(-1);
  const gBad = new Uint8Array(nG);
  const runs: { row: number; start: number; end: number }[] = [];
  let i = nG;
  let j = m;
  while (i > 0 || j > 0) {
    const move = moveAt(i, j);
    if (move === INSERT) {
      j--;
      const last = runs[runs.length - 1];
      if (last && last.row === i && last.start === j + 1) last.start = j;
      else runs.push({ row: i, start: j, end: j + 1 });
    } else if (move === MATCH) {
      i--;
      j--;
      gCol[i] = j;
    } else {
      i--;
      const gi = gCode[i] ?? 0;
      if (gi === WILDCARD) continue;
      if (gi === SPACE && (j === 0 || j === m || w[j - 1] === SPACE || isPadding(gCode, i))) continue;
      gBad[i] = 1;
    }
  }
  const gaps: Gap[] = [];
  for (const run of runs.reverse()) {
    const before = run.row - 1;
    if (before >= 0 && gCode[before] === WILDCARD) gaps.push(wildcardGap(em, before, run.start, run.end));
    else if (run.row === nG) gaps.push(pendingGap(em, witness, run.start));
    else gaps.push(classifyGap(em, witness, run.start, run.end, run.row, false, gBad));
  }
  return { gCol, gBad, gaps, cost: alignmentCost(em, witness, gBad, gaps) };
}
