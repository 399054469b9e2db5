/**
 * Editing inside and across cells: line breaks, selecting a cell, deleting a
 * selection that spans cells (clearing their text, keeping the rows and their
 * witness lines), and moving between cells from the keyboard.
 */
import { AllSelection, Selection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { columnAt, segmentAt, segmentByIndex, isTextColumn } from '../positions';

/** Enter and Shift-Enter: a line break inside the cell (rows are split with Mod-Enter). */
export const insertHardBreak: Command = (state, dispatch) => {
  const { $from } = state.selection;
  const br = state.schema.nodes.hard_break;
  if (!$from.parent.inlineContent || !$from.parent.type.contentMatch.matchType(br)) return false;
  if (dispatch) dispatch(state.tr.replaceSelectionWith(br.create()).scrollIntoView());
  return true;
};

/** True when the selection covers more than one cell. */
export function spansCells(state: EditorState): boolean {
  const { $from, $to, empty } = state.selection;
  return !empty && (!$from.sameParent($to) || !$from.parent.inlineContent);
}

/**
 * A transaction deleting the text of every cell the selection touches, within
 * the selection, leaving rows and witness lines in place. The cursor ends where
 * the selection began.
 */
export function clearAcrossCells(state: EditorState): Transaction {
  const { from, to } = state.selection;
  const ranges: [number, number][] = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isTextblock && isTextColumn(node)) {
      const start = Math.max(from, pos + 1);
      const end = Math.min(to, pos + 1 + node.content.size);
      if (end > start) ranges.push([start, end]);
      return false;
    }
    return node.type.name !== 'witness';
  });
  const tr = state.tr;
  for (let i = ranges.length - 1; i >= 0; i--) tr.delete(ranges[i][0], ranges[i][1]);
  tr.setSelection(Selection.near(tr.doc.resolve(tr.mapping.map(from, -1))));
  return tr;
}

/** Backspace and Delete on a selection across cells: clear the text, keep the rows. */
export const deleteAcrossCells: Command = (state, dispatch) => {
  if (!spansCells(state)) return false;
  if (dispatch) dispatch(clearAcrossCells(state).scrollIntoView());
  return true;
};

/** `Mod-a`: selects the cell's text; pressed again, everything. */
export const selectCell: Command = (state, dispatch) => {
  const { $from, $to } = state.selection;
  const column = columnAt($from);
  if (!column || !$from.sameParent($to)) return false;
  const start = column.pos + 1;
  const end = column.pos + column.node.nodeSize - 1;
  if (state.selection.from === start && state.selection.to === end) {
    if (dispatch) dispatch(state.tr.setSelection(new AllSelection(state.doc)));
    return true;
  }
  if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, start, end)));
  return true;
};

/**
 * Moves the caret to the same column of the previous or next row (`dir` -1 / 1),
 * or to the previous or next text column of the row (`across`).
 */
export function goToCell(dir: -1 | 1, across = false): Command {
  return (state, dispatch) => {
    const seg = segmentAt(state.selection.$head);
    const column = columnAt(state.selection.$head);
    if (!seg || !column) return false;
    let targetPos: number | null = null;
    if (across) {
      let offset = seg.pos + 1;
      const cells: { pos: number; index: number }[] = [];
      seg.node.forEach((child, _o, index) => {
        if (isTextColumn(child)) cells.push({ pos: offset, index });
        offset += child.nodeSize;
      });
      const here = cells.findIndex((cell) => cell.index === column.index);
      const next = cells[here + dir];
      if (next) targetPos = next.pos + 1;
    } else {
      const other = segmentByIndex(state.doc, seg.index + dir);
      if (other) {
        let offset = other.pos + 1;
        other.node.forEach((child) => {
          if (targetPos === null && child.type === column.node.type) targetPos = offset + 1;
          offset += child.nodeSize;
        });
      }
    }
    if (targetPos === null) return false;
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, targetPos)).scrollIntoView());
    return true;
  };
}
