/**
 * Aligns the lines of the garbled Korean witness with the English rows.
 *
 * The alignment is monotone: witness lines keep their order, every line goes to
 * exactly one row, a row may get several consecutive lines or none. It is found
 * by dynamic programming over (lines used, rows used), maximising a score built
 * from the evidence that survives the garbling (the corruption is modelled in `shared/korean/garble.ts`):
 *
 * - Latin letters and digits pass through unchanged, so tokens such as
 *   `SAPMO`, `2/20/137`, `1960` or `30` found in both texts are strong evidence;
 *   month names in the English count as their number (`August` ↔ `8`).
 * - A row written wholly in brackets (`[GDR Embassy in DPRK]`) matches a bracketed
 *   witness line (`[ |Tm ]`).
 * - Length: a translated English word leaves about 1.1 witness characters (about
 *   36% of Hangul syllables survive, plus the spaces between words), while digits,
 *   codes and brackets survive whole. The score compares the witness length with
 *   the length the row predicts, on a log scale.
 * - A row without witness costs what its predicted length says, except after the
 *   last witness line (a Korean version that stops early is common) and where the
 *   witness has an extra blank line (a Korean line that vanished entirely).
 */

import { anchors, band, proportional } from './align-band';

/** Options for {@link alignWitness}. */
export interface AlignOptions {
  /**
   * For each witness line, the number of blank lines before it in the source.
   * More blank lines than usual before a line hint that a row lost its witness there.
   */
  blankBefore?: number[];
}

const LENGTH_WEIGHT = 1.5;
const LENGTH_SMOOTHING = 4;
const CHARS_PER_WORD = 1.1;
const SPLIT_PENALTY = 0.3;
const BRACKET_BONUS = 1.5;
const PAREN_BONUS = 0.75;
const VANISHED_LINE_BONUS = 0.6;
const TRAILING_SKIP_FACTOR = 0.1;
/** Favours the earlier row when two alignments score the same. */
const TIE_BREAK = 1e-6;
const MONTHS = new Map(
  Object.entries({
    January: '1',
    February: '2',
    March: '3',
    April: '4',
    May: '5',
    June: '6',
    July: '7',
    August: '8',
    September: '9',
    October: '10',
    November: '11',
    December: '12',
    Januar: '1',
    Februar: '2',
    März: '3',
    Mai: '5',
    Juni: '6',
    Juli: '7',
    Oktober: '10',
    Dezember: '12',
  }),
);

const TOKEN = /[0-9]+|[A-Za-z]+/g;

function tokenWeight(token: string): number {
  if (token.charCodeAt(0) <= 0x39) return token.length === 1 ? 0.3 : 2 + 0.5 * token.length;
  if (token.length === 1) return 0; // a lone letter is as likely a garbled syllable
  if (token.length === 2) return token === token.toUpperCase() ? 0.75 : 0.4;
  return 1 + 0.5 * token.length;
}

/** Filter key of a token: its length, first and last character, in 16 bits. */
function filterKey(length: number, first: number, last: number): number {
  return (length * 7919 + first * 131 + last) & 0xffff;
}

/**
 * Reads English rows in one pass each: the ids of the witness tokens a row
 * contains (month names also as their number) and the witness length it predicts.
 */
class RowScanner {
  /** Token ids found by the last {@link row} call. */
  readonly ids: number[] = [];
  private readonly seen: Int32Array;
  // A cheap filter on (length, first, last character) of the witness tokens, so that
  // the scan builds a string and looks it up only for the few words that could match.
  private readonly filter = new Uint8Array(1 << 16);

  constructor(
    private readonly vocab: Map<string, number>,
    size: number,
  ) {
    this.seen = new Int32Array(size).fill(-1);
    for (const t of vocab.keys()) this.filter[filterKey(t.length, t.charCodeAt(0), t.charCodeAt(t.length - 1))] = 1;
    for (const [name, number] of MONTHS) {
      if (vocab.has(number))
        this.filter[filterKey(name.length, name.charCodeAt(0), name.charCodeAt(name.length - 1))] = 1;
    }
  }

  private add(id: number | undefined, j: number): void {
    if (id !== undefined && this.seen[id] !== j) {
      this.seen[id] = j;
      this.ids.push(id);
    }
  }

  /** Scans row `j`; returns its predicted witness length and leaves its token ids in {@link ids}. */
  row(text: string, j: number): number {
    this.ids.length = 0;
    let expected = 0;
    let wordDigits = false;
    let wordPrintable = 0;
    let inWord = false;
    let runStart = -1;
    let runDigits = false;
    const n = text.length;
    for (let k = 0; k <= n; k++) {
      const c = k < n ? text.charCodeAt(k) : 0x20;
      const digit = c >= 0x30 && c <= 0x39;
      const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
      if (runStart >= 0 && !(runDigits ? digit : letter)) {
        if (this.filter[filterKey(k - runStart, text.charCodeAt(runStart), text.charCodeAt(k - 1))]) {
          const token = text.slice(runStart, k);
          this.add(this.vocab.get(token), j);
          const month = MONTHS.get(token);
          if (month) this.add(this.vocab.get(month), j);
        }
        runStart = -1;
      }
      if (runStart < 0 && (digit || letter)) {
        runStart = k;
        runDigits = digit;
      }
      if (c === 0x20 || c === 0x0a || c === 0x09) {
        // Digits and the codes around them survive whole; a translated word leaves a trace.
        if (inWord) expected += wordDigits ? wordPrintable : CHARS_PER_WORD;
        inWord = false;
        wordDigits = false;
        wordPrintable = 0;
        continue;
      }
      inWord = true;
      if (digit) wordDigits = true;
      if (c >= 0x20 && c <= 0x7e) wordPrintable++;
      if (c === 0x5b || c === 0x5d || c === 0x28 || c === 0x29) expected++;
    }
    return expected;
  }
}

/** What the search reads about the witness lines. */
interface LineFeatures {
  vocab: Map<string, number>;
  /** Weight of each token id. */
  weights: number[];
  /** Score of a token id shared with a row. */
  gain: Float64Array;
  /** Token ids of each line. */
  ids: Int32Array[];
  /** Score of each line against a row that shares none of its tokens. */
  base: Float64Array;
  length: Float64Array;
  bracketed: Uint8Array;
  parenthesised: Uint8Array;
}

/** What the search reads about the English rows. */
interface RowFeatures {
  ids: Int32Array[];
  expected: Float64Array;
  logExpected: Float64Array;
  bracketed: Uint8Array;
  parenthesised: Uint8Array;
}

function readLines(lines: string[]): LineFeatures {
  const L = lines.length;
  const vocab = new Map<string, number>();
  const weights: number[] = [];
  const ids: Int32Array[] = [];
  const base = new Float64Array(L);
  const length = new Float64Array(L);
  const bracketed = new Uint8Array(L);
  const parenthesised = new Uint8Array(L);
  for (let i = 0; i < L; i++) {
    const own: number[] = [];
    for (const m of lines[i].matchAll(TOKEN)) {
      const weight = tokenWeight(m[0]);
      if (weight === 0) continue;
      let id = vocab.get(m[0]);
      if (id === undefined) {
        id = weights.length;
        vocab.set(m[0], id);
        weights.push(weight);
      }
      if (own.includes(id)) continue;
      own.push(id);
      // Three digits in a row almost never come from garbled syllables: missing from a row, they count against it.
      if (/^\d{3,}$/.test(m[0])) base[i] -= 0.5 * weight;
    }
    ids.push(Int32Array.from(own));
    const value = lines[i].trim();
    length[i] = value.length;
    bracketed[i] = value.startsWith('[') && value.endsWith(']') ? 1 : 0;
    parenthesised[i] = value.startsWith('(') && value.endsWith(')') ? 1 : 0;
  }
  const gain = Float64Array.from(weights);
  for (const [token, id] of vocab) if (/^\d{3,}$/.test(token)) gain[id] = 1.5 * weights[id];
  return { vocab, weights, gain, ids, base, length, bracketed, parenthesised };
}

function readRows(rows: string[], lines: LineFeatures): RowFeatures {
  const S = rows.length;
  const ids: Int32Array[] = [];
  const expected = new Float64Array(S);
  const logExpected = new Float64Array(S);
  const bracketed = new Uint8Array(S);
  const parenthesised = new Uint8Array(S);
  const scan = new RowScanner(lines.vocab, lines.weights.length);
  for (let j = 0; j < S; j++) {
    const text = rows[j];
    expected[j] = scan.row(text, j);
    ids.push(Int32Array.from(scan.ids));
    logExpected[j] = Math.log(expected[j] + LENGTH_SMOOTHING);
    const value = text.trim();
    bracketed[j] = value.startsWith('[') && value.endsWith(']') ? 1 : 0;
    parenthesised[j] = value.startsWith('(') && value.endsWith(')') ? 1 : 0;
  }
  return { ids, expected, logExpected, bracketed, parenthesised };
}

/**
 * Assigns each witness line to an English row. Returns, for each line, the index
 * of its row; the indexes never decrease. With no rows every line gets -1.
 */
export function alignWitness(rows: string[], lines: string[], options: AlignOptions = {}): number[] {
  if (lines.length === 0) return [];
  if (rows.length === 0) return lines.map(() => -1);
  const lineF = readLines(lines);
  const rowF = readRows(rows, lineF);

  const L = lines.length;
  const blanks = options.blankBefore ?? [];
  let minBlank = Infinity;
  for (let i = 1; i < L; i++) minBlank = Math.min(minBlank, blanks[i] ?? 0);
  const vanished = new Uint8Array(L + 1);
  for (let i = 1; i < L; i++) vanished[i] = (blanks[i] ?? 0) > minBlank ? 1 : 0;
  return search(lineF, rowF, vanished);
}

/** The dynamic programme over (rows used, lines used), and the walk back along the best path. */
function search(lineF: LineFeatures, rowF: RowFeatures, vanished: Uint8Array): number[] {
  const L = lineF.length.length;
  const S = rowF.expected.length;
  const { gain, base: lineBase, length: lineLength, bracketed: lineBracketed, parenthesised: lineParen } = lineF;
  const { logExpected, bracketed: rowBracketed, parenthesised: rowParen } = rowF;

  const maxGroup = Math.min(L, Math.max(4, 2 * Math.ceil(L / S) + 2));
  // log(length + smoothing) of every group of up to maxGroup lines starting at each line.
  const logGroup = new Float64Array(L * maxGroup);
  for (let i = 0; i < L; i++) {
    let length = -1;
    for (let k = 1; k <= maxGroup && i + k <= L; k++) {
      length += lineLength[i + k - 1] + 1;
      logGroup[i * maxGroup + k - 1] = Math.log(length + LENGTH_SMOOTHING);
    }
  }
  const logZero = Math.log(LENGTH_SMOOTHING);
  const [lo, hi] = band(lineLength, rowF.expected, maxGroup, () => anchors(lineF.ids, rowF.ids, lineF.weights));

  // States "j rows used, i lines used" are stored column by column, only over the
  // range of i that column can be reached or read at.
  const offset = new Int32Array(S + 2);
  const base = new Int32Array(S + 1);
  for (let j = 0; j <= S; j++) {
    const readLo = j < S ? lo[j] : L;
    const readHi = j < S ? hi[j] : L;
    const writtenLo = j > 0 ? lo[j - 1] : 0;
    const writtenHi = j > 0 ? Math.min(L, hi[j - 1] + maxGroup) : 0;
    base[j] = Math.min(readLo, writtenLo);
    offset[j + 1] = offset[j] + Math.max(readHi, writtenHi) - base[j] + 1;
  }
  const size = offset[S + 1];
  const at = (j: number, i: number) => offset[j] + i - base[j];
  // Two layers: A = the last move gave the row lines (or nothing yet), B = it skipped a row.
  const scoreA = new Float64Array(size).fill(-Infinity);
  const scoreB = new Float64Array(size).fill(-Infinity);
  // Back pointers: group size for A, and the layer each came from (0 = A, 1 = B).
  const moveA = new Int32Array(size);
  const fromA = new Uint8Array(size);
  const fromB = new Uint8Array(size);
  scoreA[at(0, 0)] = 0;

  const stamp = new Int32Array(lineF.weights.length).fill(-1);
  const tokens = new Float64Array(L);
  for (let j = 0; j < S; j++) {
    const ids = rowF.ids[j];
    for (let t = 0; t < ids.length; t++) stamp[ids[t]] = j;
    const first = lo[j];
    const last = Math.min(L - 1, hi[j] + maxGroup);
    for (let i = first; i <= last; i++) {
      let score = lineBase[i];
      const own = lineF.ids[i];
      for (let t = 0; t < own.length; t++) if (stamp[own[t]] === j) score += gain[own[t]];
      tokens[i] = score;
    }

    const logX = logExpected[j];
    const skipBase = -LENGTH_WEIGHT * (logX - logZero);
    const bracketed = rowBracketed[j] === 1;
    const paren = rowParen[j] === 1;
    const tie = TIE_BREAK * j;
    const here0 = offset[j] - base[j];
    const next0 = offset[j + 1] - base[j + 1];
    for (let i = first; i <= hi[j]; i++) {
      const here = here0 + i;
      const a = scoreA[here];
      const b = scoreB[here];
      if (a === -Infinity && b === -Infinity) continue;
      const best = a >= b ? a : b;
      const bestLayer = a >= b ? 0 : 1;
      const next = next0 + i;

      // Skip row j: it gets no witness.
      const skip = i === L ? skipBase * TRAILING_SKIP_FACTOR : skipBase;
      const viaA = a + skip + (vanished[i] ? Math.min(VANISHED_LINE_BONUS, -skip) : 0);
      const viaB = b + skip;
      const skipScore = viaA >= viaB ? viaA : viaB;
      if (skipScore > scoreB[next]) {
        scoreB[next] = skipScore;
        fromB[next] = viaA >= viaB ? 0 : 1;
      }

      // Give row j the lines i .. i+k-1.
      let sum = 0;
      const groups = Math.min(maxGroup, L - i);
      const logRow = i * maxGroup - 1;
      for (let k = 1; k <= groups; k++) {
        sum += tokens[i + k - 1];
        const diff = logGroup[logRow + k] - logX;
        let score = best + sum - LENGTH_WEIGHT * (diff < 0 ? -diff : diff) - SPLIT_PENALTY * (k - 1) - tie * k;
        if (k === 1) {
          if (bracketed && lineBracketed[i]) score += BRACKET_BONUS;
          if (paren && lineParen[i]) score += PAREN_BONUS;
        }
        const to = next + k;
        if (score > scoreA[to]) {
          scoreA[to] = score;
          moveA[to] = k;
          fromA[to] = bestLayer;
        }
      }
    }
  }

  const end = at(S, L);
  if (scoreA[end] === -Infinity && scoreB[end] === -Infinity) return proportional(S, L);

  const out = new Array<number>(L);
  let layer = scoreA[end] >= scoreB[end] ? 0 : 1;
  let i = L;
  for (let j = S; j > 0; j--) {
    const here = at(j, i);
    const k = layer === 0 ? moveA[here] : 0;
    const prev = layer === 0 ? fromA[here] : fromB[here];
    for (let t = 0; t < k; t++) out[i - 1 - t] = j - 1;
    i -= k;
    layer = prev;
  }
  return out;
}
