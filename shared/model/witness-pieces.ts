/**
 * Witness lines split into pieces.
 *
 * A witness cell holds `lines` (read-only, as imported) and `continues`, a flag per
 * line: `continues[i]` says that line `i` is a piece of an imported line that goes on
 * in the next line of the document's witness sequence (the next line of this row, or
 * the first of the next row). Joining each piece to the next without a separator
 * gives back the imported line byte for byte, so splitting loses nothing: not even a
 * space at the cut, which stays at the end of the first piece.
 *
 * The live check treats pieces as separate lines (a row's restoration can be worked
 * sentence by sentence); exports, TEI and the stored source read the joined lines.
 */
import type { PMJson } from './document';
import { columnOf } from './build';

/** The lines of a witness cell and their continuation flags. */
export interface WitnessPieces {
  lines: readonly string[];
  /** `continues[i]`: line `i` goes on in the next line. Missing entries are false. */
  continues: readonly boolean[];
}

/** The continuation flags of `count` lines, missing entries filled with false (extra entries dropped). */
export function normaliseContinues(continues: readonly unknown[] | undefined, count: number): boolean[] {
  const out: boolean[] = [];
  for (let i = 0; i < count; i++) out.push(continues?.[i] === true);
  return out;
}

/**
 * The flags as stored: without trailing false entries, so a witness that was never
 * split stores `[]` and a split joined back is the identical node.
 */
export function storedContinues(continues: readonly boolean[]): boolean[] {
  let end = continues.length;
  while (end > 0 && !continues[end - 1]) end--;
  return continues.slice(0, end);
}

/**
 * Where a cut asked for at `offset` falls in `line`: moved forward past spaces, so a
 * space at the cut ends the first piece (the second piece starts with a witness
 * character, and the check can ignore the first piece's trailing spaces without
 * shifting any offset). Null when either piece would be empty or only spaces.
 */
export function cutOffset(line: string, offset: number): number | null {
  if (!Number.isInteger(offset) || offset <= 0 || offset >= line.length) return null;
  let at = offset;
  while (at < line.length && line[at] === ' ') at++;
  if (at >= line.length) return null;
  if (line.slice(0, at).trim() === '') return null;
  return at;
}

/**
 * Splits line `index` at `offset` (see {@link cutOffset}). The first piece is flagged
 * as continuing; the second keeps the line's own flag. Null when the cut is not possible.
 */
export function splitPiece(pieces: WitnessPieces, index: number, offset: number): { lines: string[]; continues: boolean[] } | null {
  const line = pieces.lines[index];
  if (line === undefined) return null;
  const at = cutOffset(line, offset);
  if (at === null) return null;
  const lines = [...pieces.lines];
  const continues = normaliseContinues(pieces.continues, lines.length);
  lines.splice(index, 1, line.slice(0, at), line.slice(at));
  continues.splice(index, 0, true);
  return { lines, continues: storedContinues(continues) };
}

/**
 * Joins line `index` with line `index + 1` when line `index` continues in it: the
 * exact inverse of {@link splitPiece}. Null when the line does not continue here.
 */
export function joinPiece(pieces: WitnessPieces, index: number): { lines: string[]; continues: boolean[] } | null {
  const continues = normaliseContinues(pieces.continues, pieces.lines.length);
  if (!continues[index] || index + 1 >= pieces.lines.length) return null;
  const lines = [...pieces.lines];
  lines.splice(index, 2, lines[index] + lines[index + 1]);
  continues.splice(index, 1);
  return { lines, continues: storedContinues(continues) };
}

/**
 * The lines joined back: each run of continuing pieces becomes one line. A piece
 * flagged as continuing at the very end has nothing to join and stays as it is.
 */
export function joinedLines(pieces: WitnessPieces): string[] {
  const out: string[] = [];
  let open = false;
  pieces.lines.forEach((line, i) => {
    if (open) out[out.length - 1] += line;
    else out.push(line);
    open = pieces.continues[i] === true;
  });
  return out;
}

/**
 * The lines the witness check compares with the restoration: a piece that continues
 * loses the spaces at its end (the imported line had a space there, between two
 * words; the restoration of a sentence does not end in one). Offsets of every
 * character kept are unchanged. Returns `lines` itself when nothing changes.
 */
export function linesToCheck(pieces: WitnessPieces): readonly string[] {
  let out: string[] | null = null;
  pieces.lines.forEach((line, i) => {
    if (pieces.continues[i] !== true || !line.endsWith(' ')) return;
    out ??= [...pieces.lines];
    out[i] = line.replace(/ +$/, '');
  });
  return out ?? pieces.lines;
}

/** The witness pieces of a segment as JSON. */
export function piecesOf(seg: PMJson): WitnessPieces {
  const attrs = columnOf(seg, 'witness')?.attrs ?? {};
  const lines = Array.isArray(attrs.lines) ? (attrs.lines as string[]) : [];
  const continues = normaliseContinues(Array.isArray(attrs.continues) ? attrs.continues : undefined, lines.length);
  return { lines, continues };
}

/**
 * The witness as imported, row by row: each imported line in the row where its first
 * piece is, whole (its later pieces, in this row or the rows after, joined to it).
 * This is what exports of the witness and TEI write.
 */
export function importedWitnessByRow(segments: readonly PMJson[]): string[][] {
  const out: string[][] = [];
  let open: { row: number; line: number } | null = null;
  segments.forEach((seg, row) => {
    const own: string[] = [];
    out.push(own);
    const { lines, continues } = piecesOf(seg);
    lines.forEach((line, i) => {
      if (open) out[open.row][open.line] += line;
      else {
        own.push(line);
        open = { row, line: own.length - 1 };
      }
      if (!continues[i]) open = null;
    });
  });
  return out;
}

/** Every imported line of a document body, in order (the pieces joined). */
export function importedWitness(segments: readonly PMJson[]): string[] {
  return importedWitnessByRow(segments).flat();
}
