/**
 * Footnotes: inline atoms with their own content, numbered in document order by
 * the annotations plugin. Deleting the anchor deletes the note.
 */
import { NodeSelection, type Command, type EditorState } from 'prosemirror-state';
import { Fragment } from 'prosemirror-model';
import { newId } from '../../../shared/model/build';
import { requestFootnoteFocus } from '../annotations';
import { stampAttrs } from '../provenance';

function inTextCell(state: EditorState): boolean {
  const { $to } = state.selection;
  return $to.parent.inlineContent && $to.depth >= 2 && $to.parent.type.name !== 'footnote';
}

/**
 * `Mod-Alt-f`: inserts a footnote after the selection (the selected text stays,
 * the note refers to it), selects it and opens its editor with the focus in it.
 */
export function insertFootnote(text = ''): Command {
  return (state, dispatch) => {
    if (!inTextCell(state)) return false;
    const type = state.schema.nodes.footnote;
    if (!type) return false;
    if (dispatch) {
      const content = text ? Fragment.from(state.schema.text(text)) : Fragment.empty;
      const note = type.create({ id: newId('fn'), ...stampAttrs(state) }, content);
      const at = state.selection.to;
      const tr = state.tr.insert(at, note);
      tr.setSelection(NodeSelection.create(tr.doc, at));
      requestFootnoteFocus(tr, at);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Deletes the footnote that is selected (the anchor and its note together). */
export const deleteSelectedFootnote: Command = (state, dispatch) => {
  const { selection } = state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'footnote') return false;
  if (dispatch) dispatch(state.tr.deleteSelection().scrollIntoView());
  return true;
};
