/**
 * One autosave per document, kept after its editor closes until everything is
 * saved: switching documents never drops an edit that failed to save, and
 * reopening such a document shows the unsaved content, not the file's.
 */
import type { Node } from 'prosemirror-model';
import type { DocumentMeta, PMJson } from '../../shared/model/document';
import { Autosave, type SaveSnapshot } from '../editor/autosave';
import { Listeners } from '../editor/listeners';

export interface SavePayload {
  id: string;
  meta: DocumentMeta;
  body: PMJson;
  /** The editor's document, when the payload is the editor's (then `body` is its JSON, made when read). */
  doc?: Node;
  /** The version on disk the editor's changes are to (document-saver.ts). */
  base?: SaveBase;
}

/**
 * The version of a document the editor's changes are to: its `updatedAt` (from the file
 * opened, then from each save) and the editor's document that has that content.
 */
export interface SaveBase {
  version: string;
  doc: Node | null;
}

/**
 * A payload of the editor's document. Its body is serialised only if something reads it
 * (a whole save, the document reopened from its unsaved content); a save of the changed
 * rows never does.
 */
export function editorPayload(id: string, meta: DocumentMeta, doc: Node | null, fallback: PMJson, base?: SaveBase): SavePayload {
  let body: PMJson | null = null;
  return {
    id,
    meta,
    get body(): PMJson {
      return (body ??= doc ? (doc.toJSON() as PMJson) : fallback);
    },
    ...(doc ? { doc } : {}),
    ...(base ? { base } : {}),
  };
}

export class SaveRegistry {
  private readonly entries = new Map<string, Autosave<SavePayload>>();
  private readonly listeners = new Listeners();
  private version = 0;

  constructor(private readonly save: (payload: SavePayload) => Promise<unknown>) {}

  /** The autosave of a document, created on first use; `getPayload` reads the open editor. */
  attach(id: string, getPayload: () => SavePayload): Autosave<SavePayload> {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = new Autosave<SavePayload>({ save: this.save, getPayload });
      entry.subscribe(() => this.emit());
      this.entries.set(id, entry);
    } else {
      entry.attach(getPayload);
    }
    return entry;
  }

  /** The editor of `id` closes: keep its last content and save it now (retrying if need be). */
  detach(id: string, payload: SavePayload): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.detach(payload);
    void entry.flush().then(() => {
      if (!entry.dirty && this.entries.get(id) === entry && entry.getSnapshot().status === 'saved') this.emit();
    });
  }

  /** Content of `id` not yet saved, if any. */
  pending(id: string): SavePayload | null {
    const entry = this.entries.get(id);
    return entry && entry.dirty ? entry.peek() : null;
  }

  /** Saves everything unsaved, now. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.entries.values()].map((entry) => entry.flush()));
  }

  /** Ids of documents with unsaved edits. */
  unsaved(): string[] {
    return [...this.entries].filter(([, entry]) => entry.dirty).map(([id]) => id);
  }

  snapshotOf(id: string): SaveSnapshot | null {
    return this.entries.get(id)?.getSnapshot() ?? null;
  }

  /** Forgets every document (another project was opened). */
  clear(): void {
    for (const entry of this.entries.values()) entry.dispose();
    this.entries.clear();
    this.emit();
  }

  subscribe = this.listeners.subscribe;

  /** Changes whenever any document's save state changes. */
  getVersion = (): number => this.version;

  private emit(): void {
    this.version++;
    this.listeners.emit();
  }
}
