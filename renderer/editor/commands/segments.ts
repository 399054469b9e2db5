/**
 * Structural commands on segments (rows): split, merge, and moving witness lines
 * between neighbours.
 *
 * The invariant: the sequence of witness lines over the whole document, as
 * imported (see `witnessSequence`), never changes through these commands. Lines
 * only move between adjacent segments, in order, each with its continuation flag
 * (a line split into pieces: shared/model/witness-pieces.ts). The witness guard
 * plugin enforces the same rule for every other edit.
 *
 * Each command is one transaction, hence one undo step. Commands build the edit
 * out of small steps (attribute steps for witness lines, inserts and deletes for
 * text) rather than replacing whole rows, so positions before the edit map
 * exactly and the cursor stays where the translator left it.
 */
import { Fragment, type Node } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { newId } from '../../../shared/model/build';
import { joinPiece, normaliseContinues, splitPiece, storedContinues } from '../../../shared/model/witness-pieces';
import {
  childOffset,
  columnAt,
  continuesOf,
  linesOf,
  nextSegment,
  segmentAt,
  segmentByIndex,
  witnessOf,
  type SegmentInfo,
} from '../positions';

export interface SplitOptions {
  /**
   * Index of the first witness line that moves to the new, second segment. By
   * default every line stays with the first part.
   */
  witnessLine?: number;
  /**
   * Index of the segment to split when the command is not run from the cursor
   * (e.g. from a witness line's "split here" handle). When the cursor is inside
   * that segment the text is still split at the cursor; otherwise all text stays
   * with the first part.
   */
  segmentIndex?: number;
}

/**
 * Splits a segment in two. The column holding the cursor is split at the cursor;
 * the other columns stay with the first part; the new second part gets empty
 * cells there. Witness lines stay with the first part unless `witnessLine` says
 * where to cut them. The cursor ends at the start of the new part's column.
 */
export function splitSegment(options: SplitOptions = {}): Command {
  return (state, dispatch) => {
    const { selection } = state;
    const $from = selection.$from;
    const cursorSeg = segmentAt($from);
    const seg = options.segmentIndex === undefined ? cursorSeg : segmentByIndex(state.doc, options.segmentIndex);
    if (!seg) return false;
    const cursorInSeg = cursorSeg !== null && cursorSeg.index === seg.index;
    const column = cursorInSeg ? columnAt($from) : null;
    // The text is split at the cursor only when the selection is inside one cell.
    const useCursor = column !== null && selection.$to.sameParent($from);
    if (options.segmentIndex === undefined && !useCursor) return false;
    const lines = linesOf(seg.node);
    const flags = normaliseContinues(continuesOf(seg.node), lines.length);
    const cut = options.witnessLine ?? lines.length;
    if (!Number.isInteger(cut) || cut < 0 || cut > lines.length) return false;
    if (!dispatch) return true;

    const tr = state.tr;
    // Deleting a selected range first, as Enter does in any editor.
    if (useCursor && !selection.empty) tr.deleteSelection();
    const $cut = useCursor ? tr.doc.resolve(tr.mapping.map($from.pos)) : null;
    const segNow = segmentByIndex(tr.doc, seg.index) as SegmentInfo;

    // The new second part: the tail of the cursor's column, empty elsewhere.
    const schema = state.schema;
    const children: Node[] = [];
    let cursorColumnIndex = 0;
    segNow.node.forEach((child, _offset, index) => {
      if (child.type.name === 'witness') {
        children.push(child.type.create({ lines: lines.slice(cut), continues: storedContinues(flags.slice(cut)) }));
      } else if ($cut && index === $cut.index(1)) {
        children.push(child.type.create(child.attrs, child.content.cut($cut.parentOffset)));
        cursorColumnIndex = index;
      } else {
        children.push(child.type.create(child.attrs));
      }
    });
    const second = schema.nodes.segment.create(
      { id: newId(), role: segNow.node.attrs.role },
      Fragment.fromArray(children),
    );

    // Steps in descending position order so earlier positions stay valid.
    tr.insert(segNow.end, second);
    const afterInsert = tr.steps.length;
    if (cut < lines.length) {
      const witness = witnessOf(segNow.node, segNow.pos);
      if (witness) setPieces(tr, witness.pos, lines.slice(0, cut), flags.slice(0, cut));
    }
    if ($cut && $cut.parentOffset < $cut.parent.content.size) tr.delete($cut.pos, $cut.end());

    const secondPos = tr.mapping.slice(afterInsert).map(segNow.end);
    const target = secondPos + 1 + childOffset(second, cursorColumnIndex) + 1;
    tr.setSelection(TextSelection.create(tr.doc, target));
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/**
 * Merges the segment at the cursor with the next one: each column's content is
 * appended to the same column of the first, the witness lines are joined in
 * order, and the second segment disappears. Text is joined as is (no separator),
 * so merging is the exact inverse of splitting.
 */
export const mergeWithNext: Command = (state, dispatch) => {
  const seg = segmentAt(state.selection.$from);
  if (!seg) return false;
  const next = nextSegment(state.doc, seg);
  if (!next) return false;
  if (dispatch) dispatch(mergeSegmentsTr(state, seg, next).scrollIntoView());
  return true;
};

function mergeSegmentsTr(state: EditorState, first: SegmentInfo, second: SegmentInfo): Transaction {
  const tr = state.tr;
  const secondChildren = new Map<string, Node>();
  second.node.forEach((child) => secondChildren.set(child.type.name, child));

  // Work from the end of the document backwards so positions computed on the
  // original document stay valid for each step.
  tr.delete(second.pos, second.end);

  const positions = new Map<string, { node: Node; pos: number }>();
  first.node.forEach((child, offset) => positions.set(child.type.name, { node: child, pos: first.pos + 1 + offset }));

  const original = secondChildren.get('original');
  const firstOriginal = positions.get('original');
  if (firstOriginal && original && original.content.size) {
    tr.insert(firstOriginal.pos + firstOriginal.node.nodeSize - 1, original.content);
  } else if (!firstOriginal && original) {
    tr.insert(first.end - 1, original.type.create(original.attrs, original.content));
  }

  for (const name of ['korean', 'english'] as const) {
    const target = positions.get(name);
    const source = secondChildren.get(name);
    if (!target) continue;
    if (source && source.content.size) tr.insert(target.pos + target.node.nodeSize - 1, source.content);
    if (name === 'korean') {
      // The witness sits between english and korean: set it after the korean insert
      // (which does not move it) and before the english one (which would).
      const witness = positions.get('witness');
      const secondLines = linesOf(second.node);
      if (witness && secondLines.length) {
        const firstLines = linesOf(first.node);
        setPieces(
          tr,
          witness.pos,
          [...firstLines, ...secondLines],
          [...normaliseContinues(continuesOf(first.node), firstLines.length), ...normaliseContinues(continuesOf(second.node), secondLines.length)],
        );
      }
    }
  }

  return tr;
}

/**
 * Moves the last witness line of the segment at the cursor to the start of the
 * next segment's witness.
 */
export const moveLastWitnessLineDown: Command = (state, dispatch) => {
  const seg = segmentAt(state.selection.$from);
  if (!seg) return false;
  const next = nextSegment(state.doc, seg);
  if (!next) return false;
  const lines = linesOf(seg.node);
  if (!lines.length) return false;
  if (dispatch) {
    const tr = state.tr;
    const a = witnessOf(seg.node, seg.pos);
    const b = witnessOf(next.node, next.pos);
    if (!a || !b) return false;
    const flags = normaliseContinues(continuesOf(seg.node), lines.length);
    const nextLines = linesOf(next.node);
    const nextFlags = normaliseContinues(continuesOf(next.node), nextLines.length);
    setPieces(tr, b.pos, [lines[lines.length - 1], ...nextLines], [flags[flags.length - 1], ...nextFlags]);
    setPieces(tr, a.pos, lines.slice(0, -1), flags.slice(0, -1));
    dispatch(tr);
  }
  return true;
};

/**
 * Moves the first witness line of the next segment to the end of the witness of
 * the segment at the cursor.
 */
export const moveFirstWitnessLineUp: Command = (state, dispatch) => {
  const seg = segmentAt(state.selection.$from);
  if (!seg) return false;
  const next = nextSegment(state.doc, seg);
  if (!next) return false;
  const nextLines = linesOf(next.node);
  if (!nextLines.length) return false;
  if (dispatch) {
    const tr = state.tr;
    const a = witnessOf(seg.node, seg.pos);
    const b = witnessOf(next.node, next.pos);
    if (!a || !b) return false;
    const lines = linesOf(seg.node);
    const flags = normaliseContinues(continuesOf(seg.node), lines.length);
    const nextFlags = normaliseContinues(continuesOf(next.node), nextLines.length);
    setPieces(tr, b.pos, nextLines.slice(1), nextFlags.slice(1));
    setPieces(tr, a.pos, [...lines, nextLines[0]], [...flags, nextFlags[0]]);
    dispatch(tr);
  }
  return true;
};

/** Sets a witness cell's lines and continuation flags (flags stored without trailing false entries). */
function setPieces(tr: Transaction, witnessPos: number, lines: string[], continues: boolean[]): void {
  const witness = tr.doc.nodeAt(witnessPos);
  if (!witness) return;
  const stored = storedContinues(continues);
  tr.setNodeAttribute(witnessPos, 'lines', lines);
  const before = (witness.attrs.continues as boolean[] | undefined) ?? [];
  if (before.length !== stored.length || before.some((flag, i) => flag !== stored[i])) {
    tr.setNodeAttribute(witnessPos, 'continues', stored);
  }
}

/** Where a witness character is: row index, line index in the row, UTF-16 offset in the line. */
export interface WitnessPoint {
  row: number;
  line: number;
  offset: number;
}

/**
 * Splits a witness line into two pieces before the character at `point` (a space
 * at the cut stays at the end of the first piece; see `cutOffset`). The pieces stay
 * in the row, the first flagged as continuing: joined they are the line, byte for
 * byte. One transaction, one undo step; false when the cut would leave an empty piece.
 */
export function splitWitnessLine(point: WitnessPoint): Command {
  return (state, dispatch) => {
    const seg = segmentByIndex(state.doc, point.row);
    if (!seg) return false;
    const lines = linesOf(seg.node);
    const split = splitPiece({ lines, continues: continuesOf(seg.node) }, point.line, point.offset);
    const witness = witnessOf(seg.node, seg.pos);
    if (!split || !witness) return false;
    if (dispatch) {
      const tr = state.tr;
      setPieces(tr, witness.pos, split.lines, split.continues);
      dispatch(tr);
    }
    return true;
  };
}

/**
 * Joins witness line `line` of row `row` with the line after it in the same row,
 * when the first continues in the second (the inverse of {@link splitWitnessLine}).
 * A piece whose continuation was moved to the next row is joined by moving it back
 * first (moveFirstWitnessLineUp).
 */
export function joinWitnessLine(row: number, line: number): Command {
  return (state, dispatch) => {
    const seg = segmentByIndex(state.doc, row);
    if (!seg) return false;
    const joined = joinPiece({ lines: linesOf(seg.node), continues: continuesOf(seg.node) }, line);
    const witness = witnessOf(seg.node, seg.pos);
    if (!joined || !witness) return false;
    if (dispatch) {
      const tr = state.tr;
      setPieces(tr, witness.pos, joined.lines, joined.continues);
      dispatch(tr);
    }
    return true;
  };
}
