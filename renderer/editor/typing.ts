/**
 * Typing over a selection, where the default would do the wrong thing:
 * - over a selection across cells: the cells' selected text is cleared and the
 *   typed text goes where the selection began (rows and witness lines stay);
 * - over the whole text of an insertion (such as the placeholder of a new empty
 *   insertion): the typed text replaces it and stays an insertion, although the
 *   mark is not inclusive at its edges.
 */
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import { clearAcrossCells, spansCells } from './commands/cells';
import { insertionAtSelection } from './commands/insertion';

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

export function buildTyping(): Plugin {
  return new Plugin({
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
}
