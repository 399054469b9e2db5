/**
 * How the window saves a document (issue 12 item 5). When the editor's document and the
 * version on disk it grew from are known (`SavePayload.doc`, `.base`), only the rows that
 * changed since are serialised and sent (`saveDocumentChanges`, with that version as base);
 * otherwise, when most rows changed, or when the app refuses the changes (the file was
 * saved meanwhile by something else, or they do not fit it: nothing was written), the
 * whole document is saved, as before. After a save, its version is the base of the next.
 */
import type { PMJson } from '../../shared/model/document';
import type { Responses } from '../../shared/ipc/contract';
import type { Node } from 'prosemirror-model';
import type { DocumentSummary } from '../../shared/ipc/contract';
import { changedRows, rowChanges } from '../editor/row-changes';
import { documentProgress } from '../editor/row-states';
import { measureSince, now } from '../editor/timing';
import { ApiError, type Api } from './api';
import type { SavePayload } from './save-registry';

export type SaveResult = Responses['saveDocument'];

/** The app's refusals of a save of changes after which the whole document is saved (nothing was written). */
const REFUSALS = new Set(['stale-base', 'invalid-changes']);

/** Changes are sent while they are fewer rows than this share of the document (else the whole is about as small). */
const MOST = 0.5;

export async function saveDocumentPayload(api: Pick<Api, 'saveDocument' | 'saveDocumentChanges'>, payload: SavePayload): Promise<SaveResult> {
  const { id, meta, doc, base } = payload;
  if (doc && base?.doc && base.version && doc.childCount > 0) {
    const started = now();
    const changes = rowChanges(base.doc, doc);
    if (changedRows(changes) <= doc.childCount * MOST) {
      const request = {
        id,
        base: base.version,
        meta,
        rowCount: doc.childCount,
        changes: changes.map((c) => ({ from: c.from, to: c.to, rows: c.rows.map((row) => row.toJSON() as PMJson) })),
      };
      measureSince('interlinea:autosave-request', started);
      try {
        const result = await api.saveDocumentChanges(request);
        base.doc = doc;
        base.version = result.updatedAt;
        return result;
      } catch (err) {
        if (!(err instanceof ApiError && REFUSALS.has(err.code))) throw err;
        // Refused, nothing written: the whole document is saved below.
      }
    }
  }
  const started = now();
  const body = payload.body;
  measureSince('interlinea:autosave-request', started);
  const result = await api.saveDocument({ id, meta, body });
  if (base && doc) {
    base.doc = doc;
    base.version = result.updatedAt;
  }
  return result;
}

/**
 * A saved document's counts for the list, from the editor's document: what
 * restorationCounts makes of its JSON, from the row states the editor keeps per row
 * (a walk, not a check of every row).
 */
export function editorCounts(doc: Node): Pick<DocumentSummary, 'segments' | 'witnessSegments' | 'restoredSegments' | 'progress'> {
  const { progress, witnessRows } = documentProgress(doc);
  return { segments: doc.childCount, witnessSegments: witnessRows, restoredSegments: progress.consistent, progress };
}
