/**
 * The restoration of a segment as the witness check sees it: the Korean column's
 * text with its lines (hard breaks separate lines that map to successive witness
 * lines), and where each character sits in the document.
 *
 * Gaps count as the placeholder `□`, which the check treats as a wildcard (text
 * not restored yet); footnotes are notes, not restoration text, and count as nothing.
 */
import type { Node } from 'prosemirror-model';
import { GAP_GLYPH } from '../../shared/model/gap';
import { cellText } from '../../shared/model/cell-text';
import { linesToCheck } from '../../shared/model/witness-pieces';

/** The placeholder character the check accepts as any witness text. */
export const WILDCARD = GAP_GLYPH;

/** A segment's cells and their positions. */
export interface SegmentParts {
  segment: Node;
  /** Position before the segment. */
  pos: number;
  english: Node;
  witness: Node;
  /** Position of the witness node. */
  witnessPos: number;
  korean: Node;
  /** Position before the Korean column node (its content starts at koreanPos + 1). */
  koreanPos: number;
  /**
   * The witness lines as the check reads them: split pieces are lines of their own,
   * without the spaces at a cut (shared/model/witness-pieces.ts).
   */
  lines: string[];
}

/** The cells of a segment at `pos`, or null when it has no witness or no Korean column. */
export function segmentParts(segment: Node, pos: number): SegmentParts | null {
  if (segment.type.name !== 'segment') return null;
  let english: Node | null = null;
  let witness: Node | null = null;
  let korean: Node | null = null;
  let witnessPos = -1;
  let koreanPos = -1;
  let offset = pos + 1;
  for (let i = 0; i < segment.childCount; i++) {
    const child = segment.child(i);
    const name = child.type.name;
    if (name === 'english') english = child;
    else if (name === 'witness') {
      witness = child;
      witnessPos = offset;
    } else if (name === 'korean') {
      korean = child;
      koreanPos = offset;
    }
    offset += child.nodeSize;
  }
  if (!english || !witness || !korean) return null;
  return { segment, pos, english, witness, witnessPos, korean, koreanPos, lines: checkedLines(witness) };
}

/** The restoration text of a Korean column and the position of each of its UTF-16 units. */
export interface RestorationText {
  /** The text, lines joined with `\n`. */
  text: string;
  /** The lines. */
  lines: string[];
  /**
   * For each unit of `text` (and one past the end), its position relative to the
   * start of the column's content.
   */
  pos: Int32Array;
}

/** Reads the restoration text of a Korean column node (shared/model/cell-text.ts). */
export function restorationText(korean: Node): RestorationText {
  const { text, offsets } = cellText(korean);
  return { text, lines: text.split('\n'), pos: offsets };
}

/** The offset in `text` of a position relative to the column's content start (first unit at or after it). */
export function offsetAt(rt: RestorationText, relative: number): number {
  let lo = 0;
  let hi = rt.pos.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rt.pos[mid] ?? 0) < relative) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Line index and the offset where that line starts, for an offset in the text. */
export function lineOf(rt: RestorationText, offset: number): { line: number; start: number } {
  let start = 0;
  for (let line = 0; line < rt.lines.length; line++) {
    const end = start + (rt.lines[line]?.length ?? 0);
    if (offset <= end) return { line, start };
    start = end + 1;
  }
  return { line: Math.max(0, rt.lines.length - 1), start: Math.max(0, rt.text.length - (rt.lines[rt.lines.length - 1]?.length ?? 0)) };
}

// One array per witness node: the live check's memo compares witness lines by identity.
const checked = new WeakMap<Node, string[]>();

/** A witness node's lines as the check reads them (its own `lines` when no piece ends in a cut space). */
function checkedLines(witness: Node): string[] {
  let lines = checked.get(witness);
  if (!lines) {
    lines = linesToCheck({ lines: witness.attrs.lines as string[], continues: (witness.attrs.continues as boolean[] | undefined) ?? [] }) as string[];
    checked.set(witness, lines);
  }
  return lines;
}
