/**
 * One restoration line seen through the garble: what each code unit emits, and the
 * collapsed garble as "g-chars", each remembering which code units produced it.
 * A collapsed space remembers the whole run of units it stands for.
 */
import { emissionTable } from './garble';

// Local copies of garble's SPACE and VANISHES: hot loops read them per character, and
// module-namespace reads are slower than module-local constants in some loaders.
const SPACE = 0x20;
const VANISHES = -1;
const EMISSIONS = emissionTable();

/** Emission code of a wildcard placeholder unit (stands for any witness text). */
export const WILDCARD = -2;
/** The character a wildcard g-char shows as in diff strings (never in a real witness). */
export const WILDCARD_CHAR = '\uE000';
const WILDCARD_CODE = 0xe000;

/** A restoration line with its emissions and collapsed garble. */
export interface LineEmissions {
  /** The restoration line. */
  text: string;
  /** Per code unit: VANISHES, SPACE, WILDCARD or the surviving char code. */
  codes: Int32Array;
  /** Per code unit: index of the g-char it produced or belongs to (space runs), -1 if none. */
  unitG: Int32Array;
  /** Per g-char: its char code (SPACE for a collapsed run, WILDCARD for a placeholder). */
  gCode: Int32Array;
  /** Per g-char: first code unit of the run that produced it. */
  gFirst: Int32Array;
  /** Per g-char: last code unit of the run that produced it. */
  gLast: Int32Array;
  /** The collapsed garble as a string (wildcards as {@link WILDCARD_CHAR}). */
  garble: string;
  /** True when the line contains a wildcard. */
  hasWildcard: boolean;
}

// A scratch buffer reused by every call: a full check runs this for each line of a
// document, and fresh typed arrays per line cost more in garbage collection than the work.
let scratch = new Int32Array(5 * 1024);

/**
 * Computes the emissions of one line; `wildcard` is a code unit treated as a placeholder.
 * The typed arrays are views of a shared buffer, valid until the next call: use the result
 * before computing another line's emissions (the check does).
 */
export function lineEmissions(text: string, wildcard = -1): LineEmissions {
  const n = text.length;
  if (scratch.length < n * 5) scratch = new Int32Array(Math.max(n * 5, scratch.length * 2));
  const buf = scratch;
  const codes = buf.subarray(0, n);
  const unitG = buf.subarray(n, 2 * n).fill(-1);
  const gCodeAll = buf.subarray(2 * n, 3 * n);
  const gFirstAll = buf.subarray(3 * n, 4 * n);
  const gLastAll = buf.subarray(4 * n, 5 * n);
  let nG = 0;
  let hasWildcard = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const e = c === wildcard ? WILDCARD : (EMISSIONS[c] ?? VANISHES);
    codes[i] = e;
    if (e === VANISHES) continue;
    if (e === SPACE) {
      if (nG === 0) continue; // leading white space is trimmed
      if (gCodeAll[nG - 1] === SPACE) {
        gLastAll[nG - 1] = i;
        unitG[i] = nG - 1;
        continue;
      }
    }
    if (e === WILDCARD) hasWildcard = true;
    gCodeAll[nG] = e;
    gFirstAll[nG] = i;
    gLastAll[nG] = i;
    unitG[i] = nG;
    nG++;
  }
  if (nG > 0 && gCodeAll[nG - 1] === SPACE) {
    nG--;
    for (let i = gFirstAll[nG] ?? 0; i < n; i++) if (unitG[i] === nG) unitG[i] = -1;
  }
  const gCode = gCodeAll.subarray(0, nG);
  let garble = '';
  if (hasWildcard) for (let g = 0; g < nG; g++) if (gCode[g] === WILDCARD) gCode[g] = WILDCARD_CODE;
  for (let g = 0; g < nG; g += 4096) {
    // fromCharCode takes any array-like; chunks keep the argument count small.
    garble += String.fromCharCode.apply(null, gCode.subarray(g, Math.min(nG, g + 4096)) as unknown as number[]);
  }
  if (hasWildcard) for (let g = 0; g < nG; g++) if (gCode[g] === WILDCARD_CODE) gCode[g] = WILDCARD;
  return {
    text,
    codes,
    unitG,
    gCode,
    gFirst: gFirstAll.subarray(0, nG),
    gLast: gLastAll.subarray(0, nG),
    garble,
    hasWildcard,
  };
}

/** A word of the garble: g-chars [start, end) between collapsed spaces. */
export interface GWord {
  start: number;
  end: number;
  text: string;
}

/** Splits the garble into words (maximal runs of g-chars that are not spaces). */
export function garbleWords(em: LineEmissions): GWord[] {
  const words: GWord[] = [];
  let start = 0;
  const n = em.gCode.length;
  for (let g = 0; g <= n; g++) {
    if (g === n || em.gCode[g] === SPACE) {
      if (g > start) words.push({ start, end: g, text: em.garble.slice(start, g) });
      start = g + 1;
    }
  }
  return words;
}

/** A word of the witness: columns [start, end). */
export interface WWord {
  start: number;
  end: number;
  text: string;
}

/** Splits a witness line into words separated by runs of spaces. */
export function witnessWords(line: string): WWord[] {
  const words: WWord[] = [];
  const re = /[^ ]+/g;
  for (let m = re.exec(line); m; m = re.exec(line))
    words.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return words;
}
