/**
 * The witness check: does garble(restoration) reproduce the witness? For every character of
 * the restoration it says whether the witness confirms it, allows it, or contradicts it, and
 * it lists the witness text nothing accounts for. Lines are independent, so a caller can
 * recheck one edited segment with {@link checkLine} or {@link checkLines}.
 */
import { garbleLine } from './garble';
import { alignLine, type Alignment, type Gap } from './align';
import { alignWildcards } from './align-wildcard';
import { WILDCARD, garbleWords, lineEmissions, witnessWords, type LineEmissions } from './emissions';
import type {
  CharCheck,
  CharStatus,
  CheckOptions,
  CheckResult,
  CheckState,
  Contradiction,
  LineCheck,
  UnexplainedRange,
} from './check-types';

export type * from './check-types';

// Local copies of garble's SPACE and VANISHES: hot loops read them per character, and
// module-namespace reads are slower than module-local constants in some loaders.
const SPACE = 0x20;
const VANISHES = -1;

const CONFIRMED = 1;
const CONTRADICTED = 2;

/**
 * Checks one restoration line against one witness line.
 * @param line restoration text without line breaks
 * @param witness witness line
 * @param index line index to report
 * @param offset offset of this line in the caller's text, added to every reported offset
 */
export function checkLine(line: string, witness: string, options: CheckOptions = {}, index = 0, offset = 0): LineCheck {
  const wildcard = options.wildcard ? options.wildcard.charCodeAt(0) : -1;
  const em = lineEmissions(line, wildcard);
  const al = align(em, witness);
  return assemble(em, witness, al, index, offset);
}

/**
 * Checks lines against witness lines, pairwise. Extra witness lines are pending; extra
 * restoration lines are checked against an empty witness.
 * @param baseOffset offset of the first line in the caller's text
 * @param firstLine index reported for the first line
 */
export function checkLines(
  lines: string[],
  witness: string[],
  options: CheckOptions = {},
  baseOffset = 0,
  firstLine = 0,
): CheckResult {
  const results: LineCheck[] = [];
  let offset = baseOffset;
  const n = Math.max(lines.length, witness.length);
  for (let i = 0; i < n; i++) {
    const text = lines[i] ?? '';
    results.push(checkLine(text, witness[i] ?? '', options, firstLine + i, offset));
    offset += text.length + 1;
  }
  return combine(results);
}

/**
 * Checks a whole restoration against its witness, line by line. Lines may end in LF, CRLF
 * or CR; reported offsets are offsets in `restoration` as given.
 */
export function check(restoration: string, witness: string | string[], options: CheckOptions = {}): CheckResult {
  const wLines = typeof witness === 'string' ? witness.split(/\r\n|\n|\r/) : witness;
  const results: LineCheck[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let i = 0;
  for (;;) {
    const m = re.exec(restoration);
    const end = m ? m.index : restoration.length;
    results.push(checkLine(restoration.slice(start, end), wLines[i] ?? '', options, i, start));
    i++;
    if (!m) break;
    start = end + m[0].length;
  }
  for (; i < wLines.length; i++) results.push(checkLine('', wLines[i] ?? '', options, i, restoration.length));
  return combine(results);
}

/** Combines line results into one result (e.g. the lines of a segment). */
export function combine(lines: LineCheck[]): CheckResult {
  const counts: Record<CharStatus, number> = { confirmed: 0, consistent: 0, contradicted: 0 };
  // One bulk concat: pushing tens of thousands of characters one by one is slower.
  const chars = ([] as CharCheck[]).concat(...lines.map((l) => l.chars));
  const unexplained: UnexplainedRange[] = [];
  const contradictions: Contradiction[] = [];
  let anyContradicted = false;
  let allConsistent = true;
  let allEmpty = true;
  for (const l of lines) {
    counts.confirmed += l.counts.confirmed;
    counts.consistent += l.counts.consistent;
    counts.contradicted += l.counts.contradicted;
    unexplained.push(...l.unexplained);
    contradictions.push(...l.contradictions);
    if (l.state === 'contradicted') anyContradicted = true;
    if (l.state !== 'consistent') allConsistent = false;
    if (l.state !== 'empty' && !(l.state === 'consistent' && l.witness === '' && l.chars.length === 0))
      allEmpty = false;
  }
  const state: CheckState = anyContradicted
    ? 'contradicted'
    : allConsistent
      ? 'consistent'
      : allEmpty
        ? 'empty'
        : 'partial';
  return { state, lines, chars, unexplained, contradictions, counts };
}

function align(em: LineEmissions, witness: string): Alignment {
  const nG = em.gCode.length;
  if (!em.hasWildcard && witness.startsWith(em.garble)) {
    // Fast path: the garble is the witness or a prefix of it (the usual state while typing).
    const gCol = new Int32Array(nG);
    for (let g = 0; g < nG; g++) gCol[g] = g;
    const gaps: Gap[] = [];
    let start = em.garble.length;
    while (witness[start] === ' ') start++;
    if (start < witness.length)
      gaps.push({ start, end: witness.length, at: nG, kind: 'pending', blame: [], offset: em.text.length });
    return { gCol, gBad: new Uint8Array(nG), gaps, cost: 0 };
  }
  // Placeholders absorb witness runs, which a longest common subsequence cannot express.
  if (em.hasWildcard) return alignWildcards(em, witness);
  const ww = witnessWords(witness);
  const gw = garbleWords(em);
  const full = alignLine(em, witness, ww, ww.length, gw);
  if (full.cost === 0) return full;
  // While typing, the restoration covers only the start of the witness line; aligning it
  // with the whole line can drag its last words onto later witness words. So also try the
  // first m-1 .. m+2 witness words (m = words in the garble) with the rest pending, and keep
  // such a cut only when it is cheaper. A restoration that already ends with the witness's
  // last character is taken as complete: the full alignment stands.
  const endsTogether = em.garble.length > 0 && em.garble[em.garble.length - 1] === witness[witness.length - 1];
  if (endsTogether) return full;
  const m = gw.length;
  let best: Alignment = full;
  for (const k of [m - 1, m, m + 1, m + 2]) {
    if (k < 0 || k >= ww.length) continue;
    const a = alignLine(em, witness, ww, k, gw);
    if (a.cost < best.cost) best = a;
  }
  return best;
}

// Per-line scratch arrays, reused (the result keeps none of them).
let stScratch = new Uint8Array(1024);
let colScratch = new Int32Array(1024);
let runScratch = new Uint8Array(1024);

function assemble(em: LineEmissions, witness: string, al: Alignment, index: number, offset: number): LineCheck {
  const n = em.text.length;
  if (stScratch.length < n) stScratch = new Uint8Array(Math.max(n, stScratch.length * 2));
  if (colScratch.length < n) colScratch = new Int32Array(Math.max(n, colScratch.length * 2));
  if (runScratch.length < em.gCode.length)
    runScratch = new Uint8Array(Math.max(em.gCode.length, runScratch.length * 2));
  const st = stScratch.subarray(0, n).fill(0);
  const col = colScratch.subarray(0, n).fill(-1);
  const runHasSyllableSpace = runScratch.subarray(0, em.gCode.length).fill(0);
  for (let u = 0; u < n; u++) {
    const g = em.unitG[u] ?? -1;
    if (g >= 0 && em.codes[u] === SPACE && em.text.charCodeAt(u) >= 0x80) runHasSyllableSpace[g] = 1;
  }
  for (let u = 0; u < n; u++) {
    const code = em.codes[u] ?? VANISHES;
    const g = em.unitG[u] ?? -1;
    if (code === VANISHES || code === WILDCARD || g < 0) continue;
    if (al.gBad[g]) {
      // For a wrong space, blame the syllable that produced it rather than a typed space.
      if (code !== SPACE || !runHasSyllableSpace[g] || em.text.charCodeAt(u) >= 0x80) st[u] = CONTRADICTED;
    } else if ((al.gCol[g] ?? -1) >= 0) {
      st[u] = CONFIRMED;
      col[u] = al.gCol[g] ?? -1;
    }
  }
  for (const gap of al.gaps) for (const u of gap.blame) st[u] = CONTRADICTED;

  const chars: CharCheck[] = [];
  const tally = [0, 0, 0];
  for (let u = 0; u < n; u++) {
    const c = em.text.charCodeAt(u);
    const pair = c >= 0xd800 && c <= 0xdbff && u + 1 < n;
    let s = st[u] ?? 0;
    let code = em.codes[u] ?? VANISHES;
    let produces = code >= 0 ? String.fromCharCode(code) : '';
    let column = col[u] ?? -1;
    if (pair) {
      s = Math.max(s, st[u + 1] ?? 0);
      code = em.codes[u + 1] ?? VANISHES;
      if (code >= 0) produces += String.fromCharCode(code);
      if (column < 0) column = col[u + 1] ?? -1;
    }
    tally[s] = (tally[s] ?? 0) + 1;
    chars.push({
      offset: offset + u,
      length: pair ? 2 : 1,
      line: index,
      status: s === CONFIRMED ? 'confirmed' : s === CONTRADICTED ? 'contradicted' : 'consistent',
      produces,
      column,
    });
    if (pair) u++;
  }
  const counts: Record<CharStatus, number> = {
    consistent: tally[0] ?? 0,
    confirmed: tally[1] ?? 0,
    contradicted: tally[2] ?? 0,
  };
  const unexplained: UnexplainedRange[] = tidy(al.gaps, witness).map((gap) => ({
    line: index,
    start: gap.start,
    end: gap.end,
    text: witness.slice(gap.start, gap.end),
    kind: gap.kind,
    restorationOffset: offset + (gap.offset < 0 ? gapOffset(em, gap.at) : gap.offset),
  }));
  const contradictions = describe(em, witness, al, index, offset);
  let state: CheckState;
  if (contradictions.length > 0) state = 'contradicted';
  else if (em.text.trim() === '') state = witness === '' ? 'consistent' : 'empty';
  else if (al.gaps.length === 0 && !em.hasWildcard) state = 'consistent';
  else state = 'partial';
  const garble = em.hasWildcard ? garbleLine(em.text) : em.garble;
  return { line: index, offset, state, garble, witness, chars, unexplained, contradictions, counts };
}

/** Trims spaces off the edges of pending and wildcard ranges and joins neighbours of one kind. */
function tidy(gaps: Gap[], witness: string): Gap[] {
  const out: Gap[] = [];
  for (const g of [...gaps].sort((a, b) => a.start - b.start)) {
    let { start, end } = g;
    if (g.kind !== 'missing') {
      while (start < end && witness[start] === ' ') start++;
      while (end > start && witness[end - 1] === ' ') end--;
      if (start === end) continue;
    }
    const prev = out[out.length - 1];
    if (prev && prev.kind === g.kind && g.kind !== 'missing' && witness.slice(prev.end, start).trim() === '') {
      prev.end = end;
      continue;
    }
    out.push({ ...g, start, end });
  }
  return out;
}

function gapOffset(em: LineEmissions, at: number): number {
  return at > 0 ? (em.gLast[at - 1] ?? 0) + 1 : 0;
}

function describe(em: LineEmissions, witness: string, al: Alignment, index: number, offset: number): Contradiction[] {
  const out: Contradiction[] = [];
  const nG = em.gCode.length;
  const missingAt = new Map<number, Gap>();
  for (const gap of al.gaps) if (gap.kind === 'missing' && gap.blame.length === 0) missingAt.set(gap.at, gap);
  const used = new Set<Gap>();
  for (let g = 0; g < nG; g++) {
    if (!al.gBad[g]) continue;
    const neighbour = missingAt.get(g) ?? missingAt.get(g + 1);
    if (neighbour) used.add(neighbour);
    const first = em.gFirst[g] ?? 0;
    const last = em.gLast[g] ?? first;
    const code = em.gCode[g] ?? SPACE;
    out.push({
      line: index,
      offset: offset + first,
      length: last - first + 1,
      text: em.text.slice(first, last + 1),
      produces: String.fromCharCode(code),
      expected: neighbour ? witness.slice(neighbour.start, neighbour.end) : '',
      column: neighbour ? neighbour.start : nearestColumn(al, g),
      reason: 'not-in-witness',
    });
  }
  for (const gap of al.gaps) {
    if (gap.kind !== 'missing' || used.has(gap)) continue;
    const expected = witness.slice(gap.start, gap.end);
    if (gap.blame.length > 0) {
      const first = gap.blame[0] ?? 0;
      const last = gap.blame[gap.blame.length - 1] ?? first;
      out.push({
        line: index,
        offset: offset + first,
        length: last - first + 1,
        text: em.text.slice(first, last + 1),
        produces: '',
        expected,
        column: gap.start,
        reason: 'vanishes-where-witness-has-text',
      });
    } else {
      const at = gap.offset < 0 ? gapOffset(em, gap.at) : gap.offset;
      out.push({
        line: index,
        offset: offset + at,
        length: 0,
        text: '',
        produces: '',
        expected,
        column: gap.start,
        reason: 'missing-text',
      });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function nearestColumn(al: Alignment, g: number): number {
  for (let k = g - 1; k >= 0; k--) {
    const c = al.gCol[k] ?? -1;
    if (c >= 0) return c + 1;
  }
  return 0;
}
