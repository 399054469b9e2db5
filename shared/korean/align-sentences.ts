/**
 * Sentence rows for a long row: where to cut a paragraph of English and the witness line
 * beside it so that each new row holds one sentence (or a few) of each.
 *
 * The English's sentence ends are found with the usual care for abbreviations and
 * initials (`Comrade Kim I. S.`, `No. 3`, `W. Ulbricht`). The witness's are where a
 * period is followed by a space: a Korean sentence ends in `다.` and the period survives
 * the garbling (the syllable before it usually vanishes, leaving ` .`). The two lists
 * rarely match one to one (a German-to-English translator joins and splits sentences;
 * a period in the witness may close an abbreviation), so they are aligned by dynamic
 * programming on relative length, as Gale and Church aligned sentences of parallel
 * texts: a bead of one English sentence against one witness sentence is cheapest, one
 * against two or two against one cost more, and each bead costs how unlikely the
 * difference of the shares of the paragraph the two sides take is.
 */
import { garbleLine } from './garble';

/** A proposed cut: the offsets in the English and in the witness where a new row starts. */
export interface SentenceCut {
  english: number;
  witness: number;
}

/** Words after which a period does not end a sentence (compared lowercase, without the period). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'maj', 'capt', 'sgt', 'adm', 'gov', 'rev', 'st', 'jr', 'sr',
  'no', 'nos', 'nr', 'vol', 'p', 'pp', 'art', 'para', 'fig', 'ch', 'sec', 'ed', 'eds', 'cf', 'vs', 'etc', 'e.g', 'i.e',
  'approx', 'ca', 'resp', 'incl', 'esp', 'dept', 'div', 'co', 'corp', 'inc', 'ltd', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'comr', 'amb', 'sen', 'rep', 'u.s', 'u.s.s.r', 'd.p.r.k', 'g.d.r',
]);

const CLOSERS = `"'”’)]»`;
const OPENERS = `"'“‘([«`;

/**
 * Offsets where a new English sentence starts (after the end mark, closing quotes and
 * the white space), in order. A period ends a sentence when a capital, a digit or an
 * opening quote follows, and the word before it is not an initial (a single capital)
 * or a known abbreviation.
 */
export function englishSentenceStarts(text: string): number[] {
  const starts: number[] = [];
  const re = /[.?!]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let end = m.index + m[0].length;
    while (end < text.length && CLOSERS.includes(text[end])) end++;
    let next = end;
    while (next < text.length && /\s/.test(text[next])) next++;
    if (next === end || next >= text.length) continue;
    const following = text[next];
    if (!/[\p{Lu}\d]/u.test(following) && !OPENERS.includes(following)) continue;
    if (m[0] === '.' && !endsSentence(text, m.index)) continue;
    starts.push(next);
  }
  return starts;
}

/** Whether the period at `at` ends a sentence, judged by the word before it. */
function endsSentence(text: string, at: number): boolean {
  let from = at;
  while (from > 0 && /[\p{L}.]/u.test(text[from - 1])) from--;
  const word = text.slice(from, at);
  if (!word) return true;
  // An initial: `Kim I. S.`, `W. Ulbricht`.
  if (/^\p{Lu}$/u.test(word)) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Offsets where a new witness sentence starts: after a period (or `?`, `!`) and the
 * space after it, when more witness text follows.
 */
export function witnessSentenceStarts(witness: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i + 2 < witness.length + 1; i++) {
    const ch = witness[i];
    if (ch !== '.' && ch !== '?' && ch !== '!') continue;
    // A decimal point or a run of periods: not an end.
    if (witness[i + 1] === '.' || (/\d/.test(witness[i - 1] ?? '') && /\d/.test(witness[i + 1] ?? ''))) continue;
    let next = i + 1;
    while (next < witness.length && witness[next] === ' ') next++;
    if (next === i + 1 || next >= witness.length) continue;
    starts.push(next);
  }
  return starts;
}

/**
 * Cost of a bead beyond the length mismatch: -log of how often translators make it
 * (Gale and Church's figures: 1:1 89%, 2:1 and 1:2 9% between them, 2:2 1%).
 */
const BEADS: [number, number, number][] = [
  [1, 1, -Math.log(0.89)],
  [1, 2, -Math.log(0.0445)],
  [2, 1, -Math.log(0.0445)],
  [2, 2, -Math.log(0.011)],
  [1, 3, -Math.log(0.005)],
  [3, 1, -Math.log(0.005)],
];

/**
 * Variance of the witness's share of a paragraph against the English's, per unit of
 * share: garbling keeps a varying part of each sentence, so the witness's lengths
 * scatter more than a translation's do.
 */
const VARIANCE = 0.1;

/** Cost of a bead whose English takes share `x` of the paragraph and whose witness takes `y`. */
function mismatch(x: number, y: number): number {
  const delta = (y - x) / Math.sqrt((VARIANCE * (x + y)) / 2 || 1e-9);
  return (delta * delta) / 2;
}

/** Options of {@link proposeSentenceRows}. */
export interface ProposeOptions {
  /** Shortest English row proposed, in characters (default 12): no row for a stray fragment. */
  minEnglish?: number;
}

/**
 * Proposed cuts for a row: English sentence starts matched to witness sentence starts.
 * Empty when either side has a single sentence. Cuts are in increasing order on both
 * sides; every proposed row gets some English and some witness.
 */
export function proposeSentenceRows(english: string, witness: string, options: ProposeOptions = {}): SentenceCut[] {
  const minEnglish = options.minEnglish ?? 12;
  const eStarts = englishSentenceStarts(english).filter((at) => at >= minEnglish && english.length - at >= minEnglish);
  const wStarts = witnessSentenceStarts(witness);
  if (!eStarts.length || !wStarts.length) return [];
  const eBounds = [0, ...eStarts, english.length];
  const wBounds = [0, ...wStarts, witness.length];
  const a = eBounds.length - 1;
  const b = wBounds.length - 1;
  const eShare = (i: number, j: number) => (eBounds[j] - eBounds[i]) / english.length;
  const wShare = (i: number, j: number) => (wBounds[j] - wBounds[i]) / witness.length;

  const cost: number[][] = Array.from({ length: a + 1 }, () => new Array<number>(b + 1).fill(Infinity));
  const back: ([number, number] | null)[][] = Array.from({ length: a + 1 }, () => new Array<[number, number] | null>(b + 1).fill(null));
  cost[0][0] = 0;
  for (let i = 0; i <= a; i++) {
    for (let j = 0; j <= b; j++) {
      if (cost[i][j] === Infinity) continue;
      for (const [de, dw, penalty] of BEADS) {
        if (i + de > a || j + dw > b) continue;
        const c = cost[i][j] + penalty + mismatch(eShare(i, i + de), wShare(j, j + dw));
        if (c < cost[i + de][j + dw]) {
          cost[i + de][j + dw] = c;
          back[i + de][j + dw] = [i, j];
        }
      }
    }
  }
  // Every sentence of either side belongs to some bead; read the beads' boundaries back.
  const cuts: SentenceCut[] = [];
  for (let at = back[a][b]; at && (at[0] > 0 || at[1] > 0); at = back[at[0]][at[1]]) {
    cuts.unshift({ english: eBounds[at[0]], witness: wBounds[at[1]] });
  }
  return cuts;
}

/**
 * Where to cut a restoration (one line) to follow cuts of its witness: at sentence ends
 * whose prefix garbles to exactly the witness before the cut (its spaces aside), or,
 * failing that, at its sentence ends when there are exactly as many as cuts. Null when
 * neither finds every cut (the restoration then stays whole in the first row).
 */
export function restorationCuts(restoration: string, witness: string, witnessCuts: readonly number[]): number[] | null {
  if (!witnessCuts.length) return [];
  const ends = witnessSentenceStarts(restoration);
  const exact: number[] = [];
  for (const cut of witnessCuts) {
    const want = witness.slice(0, cut).trimEnd();
    const found = ends.find((at) => garbleLine(restoration.slice(0, at)) === want);
    if (found === undefined) break;
    exact.push(found);
  }
  if (exact.length === witnessCuts.length) return exact;
  return ends.length === witnessCuts.length ? ends : null;
}
