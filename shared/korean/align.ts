/**
 * Aligns the garble of one restoration line with its witness line using jsdiff:
 * first word against word (diffArrays), then, inside each hunk of differing words,
 * character against character. Word anchors keep a wrong syllable's blame inside its
 * own word; the character pass pins it to the exact g-char.
 */
import { diffArrays } from 'diff';

import { WILDCARD, garbleWords, type GWord, type LineEmissions, type WWord } from './emissions';

// Local copies of garble's SPACE and VANISHES: hot loops read them per character, and
// module-namespace reads are slower than module-local constants in some loaders.
const SPACE = 0x20;
const VANISHES = -1;

/** A run of witness characters that the restoration does not produce. */
export interface Gap {
  /** First witness column. */
  start: number;
  /** Column after the last. */
  end: number;
  /** Insertion point: index of the g-char before which the text is missing. */
  at: number;
  /** pending: after everything the restoration says (not typed yet); wildcard: absorbed by a placeholder; missing: a contradiction. */
  kind: 'pending' | 'wildcard' | 'missing';
  /** Restoration code units blamed for it (units that vanish where the witness has text). */
  blame: number[];
  /** Restoration offset (code unit) where the text would go. */
  offset: number;
}

/** The alignment of one line. */
export interface Alignment {
  /** Per g-char: witness column it matches, -1 when none. */
  gCol: Int32Array;
  /** Per g-char: 1 when the witness lacks it and it is to blame. */
  gBad: Uint8Array;
  /** Witness ranges not produced by the restoration. */
  gaps: Gap[];
  /** Number of edits that are contradictions (pending text is free). */
  cost: number;
}

/**
 * Aligns a line's emissions with the first `cut` words of the witness; the witness text
 * after the cut is pending. Pass `cut = words.length` for a full alignment.
 */
export function alignLine(
  em: LineEmissions,
  witness: string,
  ww: WWord[],
  cut: number,
  gw: GWord[] = garbleWords(em),
): Alignment {
  const nG = em.gCode.length;
  const gCol = new Int32Array(nG).fill(-1);
  const gBad = new Uint8Array(nG);
  const gaps: Gap[] = [];
  const wUsed = ww.slice(0, cut);
  const wEndAll = cut > 0 ? (wUsed[cut - 1]?.end ?? 0) : 0;
  const ops = mergeHunks(
    wordOps(
      diffArrays(
        gw.map((w) => w.text),
        wUsed.map((w) => w.text),
      ),
    ),
  );
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (!op) continue;
    if (op.kind === 'hunk') {
      alignHunk(em, witness, gw, wUsed, op.g0, op.g1, op.w0, op.w1, i === ops.length - 1, wEndAll, gCol, gBad, gaps);
      continue;
    }
    for (let t = 0; t < op.g1 - op.g0; t++) {
      const g = gw[op.g0 + t];
      const w = wUsed[op.w0 + t];
      if (!g || !w) continue;
      for (let k = 0; k < g.end - g.start; k++) gCol[g.start + k] = w.start + k;
      const prevW = wUsed[op.w0 + t - 1];
      if (t > 0 && prevW) matchSeparator(g.start - 1, prevW.end, w.start, gCol, gaps);
    }
  }
  if (wEndAll < witness.length) {
    const start = cut > 0 ? wEndAll : 0;
    const rest = witness.slice(start);
    const skip = rest.length - rest.trimStart().length;
    if (start + skip < witness.length)
      gaps.push({
        start: start + skip,
        end: witness.length,
        at: nG,
        kind: 'pending',
        blame: [],
        offset: em.text.length,
      });
  }
  return { gCol, gBad, gaps, cost: alignmentCost(em, witness, gBad, gaps) };
}

/**
 * The cost of an alignment: its contradictions weighed. Non-space edits weigh twice a space
 * (a lost or extra space is the smaller error); an extra character typed as ASCII weighs
 * more, since ASCII survives as itself. Pending and absorbed text is free.
 */
export function alignmentCost(em: LineEmissions, witness: string, gBad: Uint8Array, gaps: Gap[]): number {
  let cost = 0;
  for (let g = 0; g < em.gCode.length; g++)
    if (gBad[g]) cost += em.gCode[g] === SPACE ? 1 : em.text.charCodeAt(em.gFirst[g] ?? 0) < 0x80 ? 3 : 2;
  for (const gap of gaps) {
    if (gap.kind !== 'missing') continue;
    for (let c = gap.start; c < gap.end; c++) cost += witness[c] === ' ' ? 1 : 2;
  }
  return cost;
}

/** A run of matching words, or a hunk of differing ones: G words [g0, g1) against W words [w0, w1). */
interface WordOp {
  kind: 'equal' | 'hunk';
  g0: number;
  g1: number;
  w0: number;
  w1: number;
}

function wordOps(changes: { added: boolean; removed: boolean; count: number }[]): WordOp[] {
  const ops: WordOp[] = [];
  let g = 0;
  let w = 0;
  for (const c of changes) {
    const last = ops[ops.length - 1];
    if (!c.added && !c.removed) {
      ops.push({ kind: 'equal', g0: g, g1: g + c.count, w0: w, w1: w + c.count });
      g += c.count;
      w += c.count;
      continue;
    }
    const op = last && last.kind === 'hunk' ? last : { kind: 'hunk' as const, g0: g, g1: g, w0: w, w1: w };
    if (op !== last) ops.push(op);
    if (c.removed) g += c.count;
    else w += c.count;
    op.g1 = g;
    op.w1 = w;
  }
  return ops;
}

/**
 * Joins two hunks separated by one or two matching words: the word diff may have matched a
 * common short word (`X`, `|`) on the wrong side of an error, and the character diff over
 * the joined span finds the better alignment.
 */
function mergeHunks(ops: WordOp[]): WordOp[] {
  const out: WordOp[] = [];
  for (const op of ops) {
    const prev = out[out.length - 1];
    const before = out[out.length - 2];
    if (
      op.kind === 'hunk' &&
      prev &&
      prev.kind === 'equal' &&
      prev.g1 - prev.g0 <= 2 &&
      before &&
      before.kind === 'hunk'
    ) {
      out.pop();
      before.g1 = op.g1;
      before.w1 = op.w1;
      continue;
    }
    out.push(op);
  }
  return out;
}

function matchSeparator(g: number, sepStart: number, sepEnd: number, gCol: Int32Array, gaps: Gap[]): void {
  if (g < 0) return;
  gCol[g] = sepStart;
  // A witness never has two spaces in a row; if this one does, the extra ones are unexplained.
  if (sepEnd - sepStart > 1)
    gaps.push({ start: sepStart + 1, end: sepEnd, at: g + 1, kind: 'missing', blame: [], offset: -1 });
}

function alignHunk(
  em: LineEmissions,
  witness: string,
  gw: GWord[],
  ww: WWord[],
  ga: number,
  gb: number,
  wa: number,
  wb: number,
  final: boolean,
  wEndAll: number,
  gCol: Int32Array,
  gBad: Uint8Array,
  gaps: Gap[],
): void {
  const nG = em.gCode.length;
  // The hunk spans from just after the previous matched word to just before the next one,
  // so the separators on both sides take part in the character diff.
  const gStart = ga > 0 ? (gw[ga - 1]?.end ?? 0) : 0;
  const gEnd = !final && gb < gw.length ? (gw[gb]?.start ?? nG) : nG;
  const wStart = wa > 0 ? (ww[wa - 1]?.end ?? 0) : 0;
  const wEnd = !final && wb < ww.length ? (ww[wb]?.start ?? wEndAll) : wEndAll;
  const gs = em.garble.slice(gStart, gEnd).split('');
  const ws = witness.slice(wStart, wEnd).split('');
  const changes = diffArrays(gs, ws);
  let gp = gStart;
  let wp = wStart;
  const added: { start: number; end: number; at: number }[] = [];
  for (const change of changes) {
    if (change.added) {
      added.push({ start: wp, end: wp + change.count, at: gp });
      wp += change.count;
    } else if (change.removed) {
      const onlySpaces = change.value.every((c) => c === ' ');
      for (let k = 0; k < change.count; k++) {
        const g = gp + k;
        // A space removed together with a word is collateral; a space removed on its own is an error.
        if (em.gCode[g] === WILDCARD) continue;
        if (em.gCode[g] !== SPACE || onlySpaces) gBad[g] = 1;
      }
      gp += change.count;
    } else {
      for (let k = 0; k < change.count; k++) gCol[gp + k] = wp + k;
      gp += change.count;
      wp += change.count;
    }
  }
  for (const a of added)
    gaps.push(classifyGap(em, witness, a.start, a.end, a.at, final && a.at === gEnd && gEnd === nG, gBad));
}

/**
 * Classifies witness text [start, end) that the restoration does not produce, missing before
 * g-char `at`: pending at the end, absorbed by a placeholder beside it, or missing (with the
 * restoration units to blame, if any).
 */
export function classifyGap(
  em: LineEmissions,
  witness: string,
  start: number,
  end: number,
  at: number,
  trailing: boolean,
  gBad: Uint8Array,
): Gap {
  const nG = em.gCode.length;
  const L = at - 1;
  const R = at;
  const offset = L >= 0 ? (em.gLast[L] ?? 0) + 1 : 0;
  if (trailing) return { start, end, at, kind: 'pending', blame: [], offset };
  // A placeholder absorbs text on its side of the nearest spaces.
  let l = L;
  while (l >= 0 && em.gCode[l] === SPACE) l--;
  let r = R;
  while (r < nG && em.gCode[r] === SPACE) r++;
  if ((l >= 0 && em.gCode[l] === WILDCARD) || (r < nG && em.gCode[r] === WILDCARD)) {
    return { start, end, at, kind: 'wildcard', blame: [], offset };
  }
  // Next to a wrong character: that character is the culprit (a substitution).
  if ((L >= 0 && gBad[L] && em.gCode[L] !== SPACE) || (R < nG && gBad[R] && em.gCode[R] !== SPACE)) {
    return { start, end, at, kind: 'missing', blame: [], offset };
  }
  return { start, end, at, kind: 'missing', blame: blameFor(em, witness.slice(start, end), L, R), offset };
}

/**
 * Which restoration units vanish where the missing witness text should have come from.
 * The spaces around the missing text tell where it sits: a piece glued to a neighbouring
 * character must come from units between that character and the nearest space; a piece
 * standing between spaces must come from a word that vanished inside a collapsed space run.
 */
function blameFor(em: LineEmissions, missing: string, L: number, R: number): number[] {
  const nG = em.gCode.length;
  const n = em.text.length;
  const pieces = missing.split(' ');
  const glueLeft = (pieces[0] ?? '') !== '';
  const glueRight = (pieces[pieces.length - 1] ?? '') !== '';
  const between = pieces.length > 1;
  const lSpace = L >= 0 && em.gCode[L] === SPACE;
  const rSpace = R < nG && em.gCode[R] === SPACE;
  const first = (g: number): number => em.gFirst[g] ?? 0;
  const last = (g: number): number => em.gLast[g] ?? 0;
  const blame: number[] = [];
  const add = (from: number, to: number): void => {
    for (let u = Math.max(0, from); u <= Math.min(n - 1, to); u++) {
      if (em.codes[u] === VANISHES && !isLowSurrogate(em.text.charCodeAt(u))) blame.push(u);
    }
  };
  if (L >= 0 && R < nG && !lSpace && !rSpace) {
    add(last(L) + 1, first(R) - 1);
  } else if (lSpace) {
    if (between) add(first(L) + 1, last(L) - 1);
    if (glueRight) add(last(L) + 1, R < nG ? first(R) - 1 : n - 1);
  } else if (rSpace) {
    if (glueLeft) add(L >= 0 ? last(L) + 1 : 0, first(R) - 1);
    if (between) add(first(R) + 1, last(R) - 1);
  } else if (L < 0 && R < nG) {
    let lastSpace = -1;
    for (let u = 0; u < first(R); u++) if (em.codes[u] === SPACE) lastSpace = u;
    if (between || !glueRight) add(0, lastSpace - 1);
    if (glueRight) add(lastSpace + 1, first(R) - 1);
  } else if (L >= 0) {
    add(last(L) + 1, n - 1);
  } else {
    add(0, n - 1);
  }
  return blame;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
