/**
 * Where things are in a document: the segment (row) and column around a position,
 * and the witness lines of the whole document. Every structural command and plugin
 * reads positions through here.
 *
 * The document is `doc > segment+`, a segment is `english witness korean original?`,
 * so a segment sits at depth 1 and a column at depth 2.
 */
import type { Node, ResolvedPos } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';

/** Names of the columns that hold editable text. */
export const TEXT_COLUMN_NAMES = ['english', 'korean', 'original'] as const;
export type TextColumnName = (typeof TEXT_COLUMN_NAMES)[number];

/** A segment and where it is. */
export interface SegmentInfo {
  node: Node;
  /** Position before the segment. */
  pos: number;
  /** Position after the segment. */
  end: number;
  /** Index of the segment in the document. */
  index: number;
}

/** A text column and where it is. */
export interface ColumnInfo {
  node: Node;
  name: TextColumnName;
  /** Position before the column node. */
  pos: number;
  /** Index of the column inside its segment. */
  index: number;
}

export function isTextColumn(node: Node): boolean {
  return (TEXT_COLUMN_NAMES as readonly string[]).includes(node.type.name);
}

/** The segment containing a position, or null at the document level. */
export function segmentAt($pos: ResolvedPos): SegmentInfo | null {
  if ($pos.depth < 1) return null;
  const node = $pos.node(1);
  if (node.type.name !== 'segment') return null;
  const pos = $pos.before(1);
  return { node, pos, end: pos + node.nodeSize, index: $pos.index(0) };
}

/** The text column containing a position, or null (document level, segment level). */
export function columnAt($pos: ResolvedPos): ColumnInfo | null {
  if ($pos.depth < 2) return null;
  const node = $pos.node(2);
  if (!isTextColumn(node)) return null;
  return { node, name: node.type.name as TextColumnName, pos: $pos.before(2), index: $pos.index(1) };
}

/** The segment with a given index. */
export function segmentByIndex(doc: Node, index: number): SegmentInfo | null {
  if (index < 0 || index >= doc.childCount) return null;
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  const node = doc.child(index);
  return { node, pos, end: pos + node.nodeSize, index };
}

/** The segment after `seg`, if any. */
export function nextSegment(doc: Node, seg: SegmentInfo): SegmentInfo | null {
  if (seg.index + 1 >= doc.childCount) return null;
  const node = doc.child(seg.index + 1);
  return { node, pos: seg.end, end: seg.end + node.nodeSize, index: seg.index + 1 };
}

/** Offset of a segment's child (by index) from the start of the segment's content. */
export function childOffset(segment: Node, childIndex: number): number {
  let offset = 0;
  for (let i = 0; i < childIndex; i++) offset += segment.child(i).nodeSize;
  return offset;
}

/** The witness child of a segment, with its position given the segment's position. */
export function witnessOf(segment: Node, segmentPos: number): { node: Node; pos: number } | null {
  let offset = segmentPos + 1;
  for (let i = 0; i < segment.childCount; i++) {
    const child = segment.child(i);
    if (child.type.name === 'witness') return { node: child, pos: offset };
    offset += child.nodeSize;
  }
  return null;
}

/** Witness lines of a segment. */
export function linesOf(segment: Node): string[] {
  for (let i = 0; i < segment.childCount; i++) {
    const child = segment.child(i);
    if (child.type.name === 'witness') return child.attrs.lines as string[];
  }
  return [];
}

/**
 * Every witness line of the document in order, as imported: pieces of a split line
 * (see shared/model/witness-pieces.ts) joined back. Structural edits may move lines
 * between segments and split or join pieces but must leave this sequence unchanged.
 */
export function witnessSequence(doc: Node): string[] {
  const out: string[] = [];
  let open = false;
  doc.forEach((segment) => {
    const lines = linesOf(segment);
    const continues = continuesOf(segment);
    lines.forEach((line, i) => {
      if (open) out[out.length - 1] += line;
      else out.push(line);
      open = continues[i] === true;
    });
  });
  return out;
}

/** Continuation flags of a segment's witness lines (`continues[i]`: line i goes on in the next line). */
export function continuesOf(segment: Node): readonly boolean[] {
  for (let i = 0; i < segment.childCount; i++) {
    const child = segment.child(i);
    if (child.type.name === 'witness') return (child.attrs.continues as boolean[] | undefined) ?? [];
  }
  return [];
}

/** The segment holding the selection's head, for commands that act on "this row". */
export function currentSegment(state: EditorState): SegmentInfo | null {
  return segmentAt(state.selection.$from);
}
