/**
 * Typing where the default would do the wrong thing:
 * - over a selection across cells: the cells' selected text is cleared and the
 *   typed text goes where the selection began (rows and witness lines stay);
 * - over the whole text of an insertion (such as the placeholder of a new empty
 *   insertion): the typed text replaces it and stays an insertion;
 * - into a new insertion: the insertion mark is not inclusive (text typed at its
 *   edge is not part of it), so while the caret stays at the end of an insertion
 *   just made, the mark is kept as a stored mark and what is typed (keyboard or
 *   IME) goes into the insertion. Moving the caret away, or Mod-[, ends it.
 */
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import { clearAcrossCells, spansCells } from './commands/cells';
import { insertionAtSelection, insertionFillKey, type InsertionFill } from './commands/insertion';

/** The transaction for typing `text` over the selection, when it needs special care. */
export function typeOverSelection(state: EditorState, text: string): Transaction | null {
  if (state.selection.empty) return null;
  if (spansCells(state)) return clearAcrossCells(state).insertText(text);
  const range = insertionAtSelection(state);
  const { from, to } = state.selection;
  if (range && range.from === from && range.to === to) {
    const tr = state.tr.insertText(text, from, to);
    return tr.addMark(from, from + text.length, range.mark);
  }
  return null;
}

function nextFill(tr: Transaction, prev: InsertionFill | null): InsertionFill | null {
  const meta = tr.getMeta(insertionFillKey) as InsertionFill | 'end' | undefined;
  if (meta === 'end') return null;
  if (meta) return meta;
  if (!prev) return null;
  const from = tr.mapping.map(prev.from, -1);
  const to = tr.mapping.map(prev.to, 1);
  if (to <= from) return null;
  return { from, to, mark: prev.mark };
}

export function buildTyping(): Plugin[] {
  const typing = new Plugin({
    props: {
      handleTextInput(view, from, to, text) {
        if (from !== view.state.selection.from || to !== view.state.selection.to) return false;
        const tr = typeOverSelection(view.state, text);
        if (!tr) return false;
        view.dispatch(tr.scrollIntoView());
        return true;
      },
    },
  });
  const fill = new Plugin<InsertionFill | null>({
    key: insertionFillKey,
    state: {
      init: () => null,
      apply(tr, prev, _old, state) {
        const next = nextFill(tr, prev);
        if (!next) return null;
        // Still filling only while the caret is in or at the end of the insertion.
        const { empty, from, to } = state.selection;
        const inside = from >= next.from && to <= next.to;
        if (!inside) return null;
        if (empty && from === next.to && !next.mark.isInSet(state.doc.resolve(from).nodeBefore?.marks ?? [])) return null;
        return next;
      },
    },
    appendTransaction(_trs, _old, state) {
      const active = insertionFillKey.getState(state);
      if (!active || !state.selection.empty || state.selection.from !== active.to) return null;
      const marks = state.storedMarks ?? state.selection.$from.marks();
      if (active.mark.isInSet(marks)) return null;
      return state.tr.setStoredMarks(active.mark.addToSet(marks));
    },
  });
  return [typing, fill];
}
