/**
 * How big a document an import may make. The parsed document travels back to the
 * app's main process, is written as one file and opened in one editor; a 19 MB
 * file of one-line paragraphs would make 1.5 million rows (325 MB of JSON) and
 * take minutes to build. Past these limits the import is refused with a message
 * that says what to do, before the rows are built.
 */

/** Most rows (English paragraphs) in one imported document. */
export const MAX_ROWS = 250_000;

/** Most lines of a witness (the Korean version) in one imported document. */
export const MAX_WITNESS_LINES = 250_000;

/** Why a document of this many rows and witness lines is refused, or null when it is not. */
export function oversizeReason(rows: number, witnessLines = 0): string | null {
  const n = (value: number) => value.toLocaleString('en');
  if (rows > MAX_ROWS) {
    return `it would make ${n(rows)} rows; a document may have at most ${n(MAX_ROWS)} (split the file into several documents)`;
  }
  if (witnessLines > MAX_WITNESS_LINES) {
    return `its Korean version has ${n(witnessLines)} lines; a document may have at most ${n(MAX_WITNESS_LINES)} (split the file into several documents)`;
  }
  return null;
}
