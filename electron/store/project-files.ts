/**
 * Where a project's files live, as lowdb text adapters by name
 * (`project.json`, `documents/<id>.json`): a folder on disk, written durably,
 * or memory, so the store's logic is tested without a temp folder. The store
 * reads and writes only through these; the lock, backups and stale temp files
 * are the disk's own business (`ProjectStore.open`).
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Memory, type Adapter } from 'lowdb';
import { DurableTextFile } from './durable-file';

export interface ProjectFiles {
  /** The text of one file of the project, by its name inside the project. */
  file(name: string): Adapter<string>;
  /** Ids of the document files there are (`documents/<id>.json`), in no set order. */
  documentIds(): Promise<string[]>;
  /** A value that changes whenever the file does (null when it is missing), for caches. */
  stamp(name: string): Promise<string | null>;
  /** Makes room for document files (the `documents/` folder). */
  prepare(): Promise<void>;
}

/** The file name of a document. */
export function documentFileName(id: string): string {
  return `documents/${id}.json`;
}

/** A project folder on disk: durable writes, the file's mtime and size as its stamp. */
export function folderFiles(root: string): ProjectFiles {
  const files = new Map<string, DurableTextFile>();
  return {
    file(name) {
      let file = files.get(name);
      // One adapter per file, so its writes stay queued in order.
      if (!file) files.set(name, (file = new DurableTextFile(join(root, name))));
      return file;
    },
    async documentIds() {
      const names = await readdir(join(root, 'documents')).catch(() => [] as string[]);
      return names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => n.slice(0, -5));
    },
    async stamp(name) {
      const info = await stat(join(root, name)).catch(() => null);
      return info ? `${info.mtimeMs}:${info.size}` : null;
    },
    async prepare() {
      await mkdir(join(root, 'documents'), { recursive: true });
    },
  };
}

/** lowdb's `Memory`, counting writes for the stamp. */
class CountedMemory implements Adapter<string> {
  private readonly memory = new Memory<string>();
  writes = 0;

  read(): Promise<string | null> {
    return this.memory.read();
  }

  write(text: string): Promise<void> {
    this.writes++;
    return this.memory.write(text);
  }
}

/** A project in memory, for tests: `file(name).write(text)` puts any text (a damaged file too) in place. */
export function memoryFiles(): ProjectFiles {
  const files = new Map<string, CountedMemory>();
  const file = (name: string) => {
    let entry = files.get(name);
    if (!entry) files.set(name, (entry = new CountedMemory()));
    return entry;
  };
  return {
    file,
    async documentIds() {
      return [...files].filter(([name, f]) => f.writes > 0 && /^documents\/[^/]+\.json$/.test(name)).map(([name]) => name.slice('documents/'.length, -5));
    },
    async stamp(name) {
      const entry = files.get(name);
      return entry?.writes ? String(entry.writes) : null;
    },
    async prepare() {},
  };
}
