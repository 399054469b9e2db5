/**
 * Corrections of slips in the source (OCR errors such as `Kim II Sung`): the text
 * shows the corrected reading, the mark keeps what the source said, and one
 * command puts the source's reading back.
 */
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { markRangeOfSelection, allMarkRanges, type MarkRange } from '../marks';
import { stampAttrs } from '../provenance';

function correctionType(state: EditorState) {
  return state.schema.marks.correction;
}

/** The correction the selection is in, if any. */
export function correctionAtSelection(state: EditorState): MarkRange | null {
  return markRangeOfSelection(state, correctionType(state));
}

/** True when a range of one textblock holds only text (no footnotes, gaps or breaks). */
function onlyText(doc: Node, from: number, to: number): boolean {
  let ok = true;
  doc.nodesBetween(from, to, (node) => {
    if (node.isInline && !node.isText) ok = false;
    return ok;
  });
  return ok;
}

/**
 * What a correction form should start from: the range it corrects, the source's
 * reading and the current reading. Null when there is nothing to correct: no
 * selection, a selection across cells or holding more than text.
 */
export function correctionTarget(state: EditorState): { from: number; to: number; original: string; current: string } | null {
  const existing = correctionAtSelection(state);
  if (existing) {
    return {
      from: existing.from,
      to: existing.to,
      original: existing.mark.attrs.original as string,
      current: state.doc.textBetween(existing.from, existing.to),
    };
  }
  const { $from, $to, from, to, empty } = state.selection;
  // A text cell, or a one-field editor whose top node holds the text (a metadata field).
  if (empty || !$from.sameParent($to) || !$from.parent.inlineContent || ($from.depth < 2 && $from.parent !== state.doc)) return null;
  if (!onlyText(state.doc, from, to)) return null;
  const text = state.doc.textBetween(from, to);
  return { from, to, original: text, current: text };
}

/** True when "Correct…" can run: there is a selection to correct or a correction to edit. */
export const canCorrect: Command = (state) => correctionTarget(state) !== null;

/**
 * Replaces the selected source text (or the correction the caret is in) with
 * `reading`, marked as a correction that remembers the source's text. Other
 * marks on the text (an insertion, a name) are kept. A reading equal to the
 * source's removes the correction.
 */
export function applyCorrection(reading: string): Command {
  return (state, dispatch) => {
    const target = correctionTarget(state);
    if (!target || !reading) return false;
    if (dispatch) {
      const type = correctionType(state);
      const base = marksAt(state, target.from).filter((mark) => mark.type !== type);
      const marks = reading === target.original ? base : type.create({ original: target.original, ...stampAttrs(state) }).addToSet(base);
      const tr = state.tr.replaceWith(target.from, target.to, state.schema.text(reading, marks));
      tr.setSelection(TextSelection.create(tr.doc, target.from + reading.length));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Puts back the source's reading of the correction at the selection and removes the mark. */
export const revertCorrection: Command = (state, dispatch) => {
  const range = correctionAtSelection(state);
  if (!range) return false;
  if (dispatch) dispatch(revertRange(state, range));
  return true;
};

/** Reverts the n-th correction of the document (for the side panel). */
export function revertCorrectionAt(index: number): Command {
  return (state, dispatch) => {
    const range = allMarkRanges(state, correctionType(state))[index];
    if (!range) return false;
    if (dispatch) dispatch(revertRange(state, range));
    return true;
  };
}

function revertRange(state: EditorState, range: MarkRange) {
  const type = correctionType(state);
  const original = range.mark.attrs.original as string;
  const keep = marksAt(state, range.from).filter((mark) => mark.type !== type);
  const tr = state.tr;
  if (original) tr.replaceWith(range.from, range.to, state.schema.text(original, keep));
  else tr.delete(range.from, range.to);
  tr.setSelection(TextSelection.create(tr.doc, range.from, range.from + original.length));
  return tr.scrollIntoView();
}

/** Marks of the text starting at `pos`, which the replacement text keeps. */
function marksAt(state: EditorState, pos: number) {
  return state.doc.resolve(pos).nodeAfter?.marks ?? [];
}
