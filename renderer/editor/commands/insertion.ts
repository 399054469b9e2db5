/**
 * Editorial insertions: text an editor added, shown in brackets that the view
 * draws (the brackets are never characters in the text).
 */
import { PluginKey, TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type { Mark } from 'prosemirror-model';
import { INSERTION_KINDS, type InsertionKind } from '../../../shared/model/schema';
import { markRangeOfSelection } from '../marks';
import { stampAttrs } from '../provenance';

/** Text put inside a new, empty insertion, selected so that typing replaces it. */
export const INSERTION_PLACEHOLDER = '…';

/**
 * State of an insertion being typed into (see typing.ts): after an empty
 * insertion is made, everything typed at its end stays in it until the caret
 * leaves, although the mark is not inclusive.
 */
export interface InsertionFill {
  from: number;
  to: number;
  mark: Mark;
}
export const insertionFillKey = new PluginKey<InsertionFill | null>('insertionFill');

function insertionType(state: EditorState) {
  return state.schema.marks.insertion;
}

/** The insertion the selection is in, if any. */
export function insertionAtSelection(state: EditorState) {
  return markRangeOfSelection(state, insertionType(state));
}

/**
 * True when the selection can hold inline text (a text cell, not across cells), or
 * is in a one-field editor whose top node holds the text (a metadata field).
 */
function inOneCell(state: EditorState): boolean {
  const { $from, $to } = state.selection;
  return $from.sameParent($to) && $from.parent.inlineContent && ($from.depth >= 2 || $from.parent === state.doc);
}

/**
 * `Mod-[`: toggles an insertion.
 * - a selection without an insertion becomes one (of `kind`);
 * - a selection inside an insertion, or a caret inside one, removes that whole
 *   insertion, leaving its text as plain text;
 * - a caret elsewhere inserts an empty insertion: a selected placeholder that the
 *   next keystroke replaces, the typed text keeping the mark.
 */
export function toggleInsertion(kind: InsertionKind = 'clarification'): Command {
  return (state, dispatch) => {
    if (!inOneCell(state)) return false;
    const type = insertionType(state);
    const fill = insertionFillKey.getState(state);
    if (fill && state.selection.empty && state.selection.from === fill.to) {
      // Typing into a new insertion: Mod-[ closes it, the caret stays after it.
      if (dispatch) dispatch(state.tr.setMeta(insertionFillKey, 'end').setStoredMarks(fill.mark.removeFromSet(state.storedMarks ?? [])));
      return true;
    }
    const { from, to, empty } = state.selection;
    const existing = insertionAtSelection(state);
    if (existing) {
      if (dispatch) dispatch(state.tr.removeMark(existing.from, existing.to, type));
      return true;
    }
    const mark = type.create({ kind, ...stampAttrs(state) });
    if (!empty) {
      if (dispatch) dispatch(state.tr.addMark(from, to, mark).scrollIntoView());
      return true;
    }
    if (dispatch) {
      const marks = mark.addToSet(state.storedMarks ?? state.selection.$from.marks());
      const tr = state.tr.replaceSelectionWith(state.schema.text(INSERTION_PLACEHOLDER, marks), false);
      const end = tr.selection.from;
      // Typing over the selected placeholder keeps the mark (see typing.ts).
      tr.setSelection(TextSelection.create(tr.doc, end - INSERTION_PLACEHOLDER.length, end));
      tr.setMeta(insertionFillKey, { from: end - INSERTION_PLACEHOLDER.length, to: end, mark });
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Sets the kind of the insertion the selection is in. */
export function setInsertionKind(kind: InsertionKind): Command {
  return (state, dispatch) => {
    const range = insertionAtSelection(state);
    if (!range) return false;
    if (range.mark.attrs.kind === kind) return false;
    if (dispatch) {
      const type = insertionType(state);
      // The kind changes; who made the insertion and when do not.
      dispatch(state.tr.removeMark(range.from, range.to, type).addMark(range.from, range.to, type.create({ ...range.mark.attrs, kind })));
    }
    return true;
  };
}

/** Cycles the kind of the insertion at the selection: clarification → variant → expansion. */
export const cycleInsertionKind: Command = (state, dispatch) => {
  const range = insertionAtSelection(state);
  if (!range) return false;
  const index = INSERTION_KINDS.indexOf(range.mark.attrs.kind as InsertionKind);
  return setInsertionKind(INSERTION_KINDS[(index + 1) % INSERTION_KINDS.length])(state, dispatch);
};

/** Removes the insertion the selection is in; its text stays, as plain text. */
export const removeInsertion: Command = (state, dispatch) => {
  const range = insertionAtSelection(state);
  if (!range) return false;
  if (dispatch) dispatch(state.tr.removeMark(range.from, range.to, insertionType(state)));
  return true;
};

/** The kind of the insertion at the selection, or null. */
export function insertionKindAt(state: EditorState): InsertionKind | null {
  const range = insertionAtSelection(state);
  return range ? (range.mark.attrs.kind as InsertionKind) : null;
}

