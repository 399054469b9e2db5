/**
 * Handlers for the project's editors (settings.editors in project.json): who
 * stamps insertions, corrections and footnotes (shared/model/provenance.ts).
 */
import type { HandlerTable } from '../../shared/ipc/contract';
import { newId } from '../../shared/model/build';
import { UserError } from '../../shared/errors';
import { newEditor } from '../../shared/model/project';
import type { HandlerContext } from './index';

export function editorHandlers(ctx: HandlerContext): Pick<HandlerTable, 'projectEditors'> {
  return {
    async projectEditors({ add }) {
      const store = ctx.store();
      if (!add) return { editors: store.project.settings.editors, added: null };
      const made = newEditor(store.project.settings.editors, add, newId('ed'));
      if (!made.ok) throw new UserError(`Cannot add the editor: ${made.error}`, 'invalid-editor');
      await store.updateProject((project) => {
        project.settings.editors.push(made.value);
      });
      return { editors: store.project.settings.editors, added: made.value };
    },
  };
}
