/**
 * The editors and commands of the open document's metadata fields that take
 * corrections (meta-fields.ts): the command table's commands as the rows bind
 * them, so Ctrl+[ and Ctrl+Shift+K do in a field what they do in a cell; the
 * QA fix key (Alt+Enter) applies a metadata finding's fix at the cursor.
 */
import { RICH_META_FIELDS, type RichMetaField } from '../../shared/model/meta-text';
import { EditorController } from '../editor/controller';
import type { EditorCommands } from '../editor/keymap';
import { editorCommands } from './commands/bindings';
import { qaStore } from './hooks/use-qa';
import { restoreServices } from './window-services';
import { META_FIELD_COMMANDS, metaFindingAt, metaFixTransaction } from './meta-fields';

/** One field: its editor's controller and its commands by command-table id. */
export interface MetaFieldHandle {
  controller: EditorController;
  commands: EditorCommands;
}

/** A field's editorial commands: the table's, bound as in the rows; Alt+Enter fixes a metadata finding here. */
export function fieldCommands(field: RichMetaField, openCorrection: () => void): EditorCommands {
  const all = editorCommands({ restore: restoreServices, pane: { openCorrection } });
  const out: EditorCommands = {};
  for (const id of META_FIELD_COMMANDS) out[id] = all[id];
  out.qaFix = (state, dispatch) => {
    const finding = metaFindingAt(state, field, qaStore.liveFindings());
    const tr = finding && metaFixTransaction(state, finding);
    if (!finding || !tr) return false;
    if (dispatch) {
      dispatch(tr);
      qaStore.drop(finding.key, finding.place.from);
    }
    return true;
  };
  return out;
}

/** The open document's field editors, one per field that takes corrections. */
export function metaFieldHandles(openCorrection: (field: RichMetaField) => void): Record<RichMetaField, MetaFieldHandle> {
  const out = {} as Record<RichMetaField, MetaFieldHandle>;
  for (const field of RICH_META_FIELDS) out[field] = { controller: new EditorController(), commands: fieldCommands(field, () => openCorrection(field)) };
  return out;
}

/** The field whose editor has the focus, if any. */
export function focusedField(fields: Record<RichMetaField, MetaFieldHandle>): RichMetaField | null {
  for (const field of RICH_META_FIELDS) if (fields[field].controller.editorView?.hasFocus()) return field;
  return null;
}
