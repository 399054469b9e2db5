/**
 * Saving what changed in a document (issue 12 item 5): the window sends the rows that
 * changed since the version it last saved (or opened), by index into that version, with
 * the version's `updatedAt` as its base; the store applies them to that version as it holds
 * it in memory (already checked), checks only the new rows, and writes only the chunks that
 * changed and the head (ProjectStore.saveDocumentChanges, chunks.ts). A long document's
 * autosave then costs the window, the IPC and the disk what changed, not the whole document.
 *
 * The version each open document was last read or saved at is kept here, per store, for a
 * few documents (`DocumentBases`), with the file's stamp then (ProjectStore.documentStamp:
 * its size and mtime, and this store's saves of it). When the stamp no longer matches (a
 * save by another request, a restore from the history, a `git pull`), the document is read
 * from its file again. Changes to any version but the saved one are refused ('stale-base'),
 * and so are changes that do not fit it ('invalid-changes'): nothing is written, and the
 * window saves the whole document instead. Nothing is lost either way.
 */
import type { DocumentMeta, PMJson } from '../../shared/model/document';
import { UserError } from '../../shared/errors';
import type { ProjectStore } from '../store/project-store';

import type { RowChange } from '../store/row-changes';

export { applyRowChanges, type RowChange } from '../store/row-changes';

/** A document as last read or saved through these handlers. */
interface Base {
  updatedAt: string;
  /** The file's stamp right after (ProjectStore.documentStamp); '' when it could not be taken safely. */
  stamp: string;
}

/** How many documents' last versions are kept per store (the open one, and a few the window left). */
const KEPT = 4;

export interface SaveChangesRequest {
  id: string;
  base: string;
  meta: DocumentMeta;
  rowCount: number;
  changes: RowChange[];
}

/** The last version of each document these handlers read or saved, per store. */
export class DocumentBases {
  private readonly stores = new WeakMap<ProjectStore, Map<string, Base>>();
  /** One request per document at a time (a read, a save), so that a version and its stamp go together. */
  private readonly queues = new Map<string, Promise<unknown>>();

  private of(store: ProjectStore): Map<string, Base> {
    let map = this.stores.get(store);
    if (!map) this.stores.set(store, (map = new Map()));
    return map;
  }

  private remember(store: ProjectStore, id: string, base: Base): void {
    const map = this.of(store);
    map.delete(id);
    map.set(id, base);
    for (const old of map.keys()) {
      if (map.size <= KEPT) break;
      map.delete(old);
    }
  }

  private oneAtATime<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(id) ?? Promise.resolve()).catch(() => undefined).then(fn);
    const tail = run.catch(() => undefined);
    this.queues.set(id, tail);
    void tail.then(() => {
      if (this.queues.get(id) === tail) this.queues.delete(id);
    });
    return run;
  }

  /** Reads a document from its file, keeping its version (unless it changed while being read). */
  read(store: ProjectStore, id: string) {
    return this.oneAtATime(id, () => this.readNow(store, id));
  }

  private async readNow(store: ProjectStore, id: string) {
    const before = await store.documentStamp(id);
    const doc = await store.readDocument(id);
    const after = await store.documentStamp(id);
    // A save that landed while it was read: the version read may not be the file's; keep nothing.
    if (before === after) this.remember(store, id, { updatedAt: doc.updatedAt, stamp: after });
    else this.of(store).delete(id);
    return doc;
  }

  /** Saves a whole document, keeping the version saved. */
  save(store: ProjectStore, id: string, meta: DocumentMeta, body: PMJson) {
    return this.oneAtATime(id, async () => {
      this.of(store).delete(id);
      const result = await store.saveDocument(id, meta, body);
      this.remember(store, id, { updatedAt: result.updatedAt, stamp: await store.documentStamp(id) });
      return result;
    });
  }

  /** Saves a document from its changes to the version `base`; refuses changes to another version, or that do not fit. */
  saveChanges(store: ProjectStore, request: SaveChangesRequest) {
    const { id } = request;
    return this.oneAtATime(id, async () => {
      let known = this.of(store).get(id);
      if (!known || known.stamp !== (await store.documentStamp(id))) {
        // Not read here, or changed since: the file says which version is saved.
        await this.readNow(store, id);
        known = this.of(store).get(id);
        if (!known) throw new UserError(`Document ${id} was not saved from its changes: it was being changed while it was read. Nothing was written.`, 'stale-base');
      }
      if (known.updatedAt !== request.base) {
        throw new UserError(
          `Document ${id} was not saved from its changes: they are to the version saved at ${request.base}, but the version on disk was saved at ${known.updatedAt || 'an unknown time'}. Nothing was written.`,
          'stale-base',
        );
      }
      this.of(store).delete(id);
      const result = await store.saveDocumentChanges(id, request);
      this.remember(store, id, { updatedAt: result.updatedAt, stamp: await store.documentStamp(id) });
      return result;
    });
  }
}
