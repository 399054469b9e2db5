/**
 * Handlers for a document's history (electron/store/history.ts): list its
 * saved versions, and restore one as the current document.
 */
import type { HandlerTable } from '../../shared/ipc/contract';
import type { HandlerContext } from './index';

type HistoryRequests = 'documentHistory' | 'restoreVersion';

export function historyHandlers(ctx: HandlerContext): Pick<HandlerTable, HistoryRequests> {
  return {
    async documentHistory({ id }) {
      return { versions: await ctx.store().documentVersions(id) };
    },
    async restoreVersion({ id, version }) {
      const restored = await ctx.store().restoreVersion(id, version);
      return { version: restored.version, doc: restored.doc, warnings: restored.warnings ?? [] };
    },
  };
}
