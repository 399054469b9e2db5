/**
 * The exact forward model of the Korean corruption (the archive's encoding bug that made the witness):
 * every UTF-16 code unit keeps its low byte when that byte is printable ASCII
 * (0x20..0x7E) and vanishes otherwise; line breaks survive; then each line goes
 * through HTML white-space collapsing (runs become one space, lines are trimmed).
 */

/** Emission code of a code unit that leaves no trace. */
export const VANISHES = -1;
/** Emission code of a code unit that becomes (collapsible) white space. */
export const SPACE = 0x20;

/**
 * What one UTF-16 code unit becomes before collapsing: {@link VANISHES}, {@link SPACE},
 * or the char code of the printable ASCII character that survives.
 *
 * ASCII keeps itself (0x20..0x7E). TAB and FF are HTML white space and become a space:
 * the model's byte filter would drop them, but HTML collapsing treats them as white space
 * and a translator who types a tab means a word break; restorations practically never
 * contain them, so this choice only matters for odd input (see {@link ASCII_WHITESPACE_IS_SPACE}).
 * Every other unit (Hangul, Hanja, `·`, curly quotes, surrogate halves) keeps its low
 * byte only when it is printable ASCII; a low byte of 0x20 yields a space that then
 * collapses with its neighbours.
 */
export function emission(code: number): number {
  return EMISSIONS[code & 0xffff] ?? VANISHES;
}

function computeEmission(code: number): number {
  if (code < 0x80) {
    if (code >= 0x20 && code <= 0x7e) return code;
    if (ASCII_WHITESPACE_IS_SPACE && (code === 0x09 || code === 0x0c || code === 0x0a || code === 0x0d)) return SPACE;
    return VANISHES;
  }
  const low = code & 0xff;
  return low >= 0x20 && low <= 0x7e ? low : VANISHES;
}

/**
 * Whether ASCII TAB, FF (and CR/LF inside a line, which {@link splitLines} never leaves)
 * count as white space rather than vanishing. Kept as one named switch because the model
 * document is silent on tabs: flip it here if a real witness ever shows otherwise.
 */
export const ASCII_WHITESPACE_IS_SPACE = true;

/** Emission of every UTF-16 code unit, precomputed (128 KB): the check calls this per character. */
const EMISSIONS = new Int16Array(0x10000);
for (let c = 0; c < 0x10000; c++) EMISSIONS[c] = computeEmission(c);

/** The precomputed emission table, indexed by code unit (for hot loops in this package). */
export function emissionTable(): Int16Array {
  return EMISSIONS;
}

/** The surviving character of a single character ('' when it vanishes). */
export function garbleChar(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) {
    const e = emission(ch.charCodeAt(i));
    if (e !== VANISHES) out += String.fromCharCode(e);
  }
  return out;
}

/** Splits text into lines on CRLF, LF or a lone CR (the model keeps line breaks as line breaks). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Collapses runs of spaces to one and trims: the HTML step applied to an already-filtered line. */
export function collapseSpaces(filtered: string): string {
  return filtered.replace(/ {2,}/g, ' ').trim();
}

/**
 * The garble of one line (no line breaks inside): filter every code unit, then collapse
 * white space and trim. Allocation is one string per line; this is the hot path of the check.
 */
export function garbleLine(line: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < line.length; i++) {
    const e = emission(line.charCodeAt(i));
    if (e === VANISHES) continue;
    if (e === SPACE) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += String.fromCharCode(e);
  }
  return out;
}

/**
 * The witness a text would leave: {@link garbleLine} applied to every line, joined with LF.
 * CRLF and CR line breaks become LF; the number of lines is preserved.
 */
export function garble(text: string): string {
  return splitLines(text).map(garbleLine).join('\n');
}

/**
 * The garble of a word or fragment without trimming or collapsing at its edges: internal
 * space runs collapse, but a leading or trailing space is kept, because it may merge with a
 * neighbour's space (e.g. 조선 → `p ` since 선 = U+C120 yields a space).
 */
export function garbleFragment(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const e = emission(text.charCodeAt(i));
    if (e === VANISHES) continue;
    if (e === SPACE && out.endsWith(' ')) continue;
    out += String.fromCharCode(e);
  }
  return out;
}
