/**
 * Where a project's files live, as lowdb text adapters by name
 * (`project.json`, `documents/<id>.json`): a folder on disk, written durably,
 * or memory, so the store's logic is tested without a temp folder. The store
 * reads and writes only through these; the lock and backups are the disk's own
 * business (`ProjectStore.open`).
 *
 * New documents arrive in batches (an import): a batch's files are written
 * aside first (`.import-<writer>/` in the project folder), the index in
 * project.json then names them (the one durable step that commits the batch),
 * and only then are they moved into `documents/`. A writer killed before the
 * index was written leaves files aside that no index names: the next writer
 * removes them. Killed after, it leaves files the index names: the next writer
 * moves them in. So a batch is in the project whole or not at all.
 */
import { appendFile, copyFile, link, mkdir, readFile, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Memory, type Adapter } from 'lowdb';
import { DurableTextFile, syncDir, tempPathFor, writeFileDurable, writeNewFileSynced } from './durable-file';
import type { CacheFile } from './summary-index';
import { diskError } from './disk-errors';

/** New document files, written aside until the index names them. */
export interface DocumentBatch {
  /** Writes the files aside, durably. */
  stage(files: { id: string; text: string }[]): Promise<void>;
  /** Moves the staged files into `documents/`: call once the index names them. */
  publish(): Promise<void>;
  /** Removes the staged files: the index does not name them. */
  discard(): Promise<void>;
  /** After a failure: publishes the batch when `indexed` (the index as on disk) names it, else discards it. */
  settle(indexed: ReadonlySet<string>): Promise<void>;
}

export interface ProjectFiles {
  /** The text of one file of the project, by its name inside the project. */
  file(name: string): Adapter<string>;
  /** Ids of the document files there are (`documents/<id>.json`), in no set order. */
  documentIds(): Promise<string[]>;
  /** A value that changes whenever the file does (null when it is missing), for caches; of a folder, when a name in it is added or removed. */
  stamp(name: string): Promise<string | null>;
  /** Makes room for document files (the `documents/` folder). */
  prepare(): Promise<void>;
  /**
   * A file of derived data (`.interlinea/…`, the summary index): appended to and
   * replaced atomically, never fsynced, since losing it only costs reading the
   * documents again.
   */
  cache(name: string): CacheFile;
  /** Starts a batch of new documents. */
  batch(): DocumentBatch;
  /**
   * Keeps the file `name` as it is now under the new name `as` (the document
   * history, history.ts): a hard link where the disk allows it (cheap, and the
   * store replaces files by rename, so the kept version never changes), else a
   * copy. False when there is no file `name`.
   */
  keep(name: string, as: string): Promise<boolean>;
  /** Names of the files in a folder of the project (none when it does not exist). */
  list(folder: string): Promise<string[]>;
  /** Removes a file of the project (one already gone is fine). */
  remove(name: string): Promise<void>;
  /**
   * Writes an immutable file (a chunk of a long document, chunks.ts) when there is none by
   * that name yet, durably (its folder made when missing), so that a file written after it
   * may name it. False when it was there (a name is its content's hash: the same text).
   */
  writeOnce(name: string, text: string): Promise<boolean>;
  /**
   * Finishes what killed writers left, with the lock held: staged documents the
   * index names (`indexed`) are moved in, the rest removed, and temp files of
   * interrupted writes deleted. Returns the ids moved in.
   */
  recover(indexed: ReadonlySet<string>): Promise<string[]>;
}

/** The file name of a document. */
export function documentFileName(id: string): string {
  return `documents/${id}.json`;
}

const STAGING_PREFIX = '.import-';
/** The folder of derived data (the summary index). */
export const CACHE_FOLDER = '.interlinea';

function isTemp(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

/** A project folder on disk: durable writes, the file's mtime and size as its stamp. */
export function folderFiles(root: string): ProjectFiles {
  const files = new Map<string, DurableTextFile>();
  const documents = join(root, 'documents');
  return {
    file(name) {
      let file = files.get(name);
      // One adapter per file, so its writes stay queued in order.
      if (!file) files.set(name, (file = new DurableTextFile(join(root, name), name)));
      return file;
    },
    async documentIds() {
      const names = await readdir(documents).catch(() => [] as string[]);
      return names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => n.slice(0, -5));
    },
    async stamp(name) {
      const info = await stat(join(root, name)).catch(() => null);
      return info ? `${info.mtimeMs}:${info.size}` : null;
    },
    async prepare() {
      await mkdir(documents, { recursive: true }).catch((err) => {
        throw diskError(err, 'create', documents);
      });
    },
    cache(name) {
      const path = join(root, name);
      return {
        async read() {
          try {
            return await readFile(path, 'utf8');
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
            throw err;
          }
        },
        async append(text) {
          await mkdir(dirname(path), { recursive: true });
          await appendFile(path, text);
        },
        async replace(text) {
          await mkdir(dirname(path), { recursive: true });
          const temp = tempPathFor(path);
          try {
            await writeFile(temp, text);
            await rename(temp, path);
          } catch (err) {
            await unlink(temp).catch(() => undefined);
            throw err;
          }
        },
      };
    },
    batch() {
      const folder = join(root, `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
      let ids: string[] = [];
      return {
        async stage(batch) {
          let name = root;
          try {
            await mkdir(documents, { recursive: true });
            await mkdir(folder);
            for (const { id, text } of batch) {
              name = documentFileName(id);
              await writeNewFileSynced(join(folder, `${id}.json`), text);
              ids.push(id);
            }
            name = root;
            await syncDir(folder);
            await syncDir(root);
          } catch (err) {
            throw diskError(err, 'import into', name, 'Nothing was imported.');
          }
        },
        async publish() {
          for (const id of ids) {
            await rename(join(folder, `${id}.json`), join(documents, `${id}.json`)).catch((err) => {
              throw diskError(err, 'move into place', documentFileName(id), 'The import is recorded; it is completed the next time the project is opened.');
            });
          }
          ids = [];
          await syncDir(documents).catch(() => undefined); // the next open's recovery redoes nothing lost here
          await rm(folder, { recursive: true, force: true }).catch(() => undefined);
        },
        async discard() {
          ids = [];
          await rm(folder, { recursive: true, force: true });
        },
        async settle(indexed) {
          if (ids.length && ids.every((id) => indexed.has(id))) await this.publish();
          else await this.discard();
        },
      };
    },
    async keep(name, as) {
      const from = join(root, name);
      const to = join(root, as);
      await mkdir(dirname(to), { recursive: true });
      try {
        await link(from, to);
        return true;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' && !(await stat(from).catch(() => null))) return false;
        if (code === 'EEXIST') throw err;
      }
      // No hard links here (another device, a filesystem without them, a permission): a copy, whole or not at all.
      const temp = tempPathFor(to);
      try {
        await copyFile(from, temp);
        await rename(temp, to);
      } catch (err) {
        await unlink(temp).catch(() => undefined);
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !(await stat(from).catch(() => null))) return false;
        throw err;
      }
      return true;
    },
    async list(folder) {
      return readdir(join(root, folder)).catch(() => [] as string[]);
    },
    async remove(name) {
      await rm(join(root, name), { force: true });
    },
    async writeOnce(name, text) {
      const path = join(root, name);
      if (await stat(path).catch(() => null)) return false;
      const folder = dirname(path);
      const made = await mkdir(folder).then(
        () => true,
        (err: NodeJS.ErrnoException) => {
          if (err.code === 'EEXIST') return false;
          throw diskError(err, 'save', name, 'The document on disk was left as it was.');
        },
      );
      // The new folder's own name must survive a power loss too, before a head names what is in it.
      if (made) await syncDir(dirname(folder)).catch((err) => Promise.reject(diskError(err, 'save', name, 'The document on disk was left as it was.')));
      await writeFileDurable(path, text, name);
      return true;
    },
    async recover(indexed) {
      const published: string[] = [];
      for (const folder of [root, documents, join(root, CACHE_FOLDER)]) {
        const names = await readdir(folder).catch(() => [] as string[]);
        await Promise.all(names.filter(isTemp).map((n) => unlink(join(folder, n)).catch(() => undefined)));
      }
      for (const name of await readdir(root).catch(() => [] as string[])) {
        if (!name.startsWith(STAGING_PREFIX)) continue;
        const folder = join(root, name);
        for (const file of await readdir(folder).catch(() => [] as string[])) {
          const id = file.slice(0, -5);
          if (!file.endsWith('.json') || !indexed.has(id)) continue;
          const target = join(documents, file);
          if (await stat(target).catch(() => null)) continue;
          await mkdir(documents, { recursive: true });
          await rename(join(folder, file), target);
          published.push(id);
        }
        await rm(folder, { recursive: true, force: true });
      }
      if (published.length) await syncDir(documents);
      return published;
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
  const self: ProjectFiles = {
    file,
    async documentIds() {
      return [...files].filter(([name, f]) => f.writes > 0 && /^documents\/[^/]+\.json$/.test(name)).map(([name]) => name.slice('documents/'.length, -5));
    },
    async stamp(name) {
      const entry = files.get(name);
      if (entry?.writes) return String(entry.writes);
      // A folder: what is in it.
      const inside = [...files].filter(([n, f]) => f.writes > 0 && n.startsWith(`${name}/`)).map(([n, f]) => `${n}:${f.writes}`);
      return inside.length ? `folder:${inside.sort().join(',')}` : null;
    },
    async prepare() {},
    cache(name) {
      return {
        read: () => file(name).read(),
        async append(text) {
          await file(name).write(((await file(name).read()) ?? '') + text);
        },
        replace: (text) => file(name).write(text),
      };
    },
    batch() {
      let staged: { id: string; text: string }[] = [];
      return {
        async stage(batch) {
          staged = [...batch];
        },
        async publish() {
          for (const { id, text } of staged) await self.file(documentFileName(id)).write(text);
          staged = [];
        },
        async discard() {
          staged = [];
        },
        async settle(indexed) {
          if (staged.length && staged.every((f) => indexed.has(f.id))) await this.publish();
          else await this.discard();
        },
      };
    },
    async keep(name, as) {
      const text = files.get(name)?.writes ? await file(name).read() : null;
      if (text === null) return false;
      await file(as).write(text);
      return true;
    },
    async list(folder) {
      const prefix = `${folder}/`;
      // Files in the folder, and the folders in it (as readdir gives both).
      const names = [...files].filter(([name, f]) => f.writes > 0 && name.startsWith(prefix)).map(([name]) => name.slice(prefix.length).split('/')[0]!);
      return [...new Set(names)];
    },
    async remove(name) {
      files.delete(name);
    },
    async writeOnce(name, text) {
      if (files.get(name)?.writes) return false;
      await file(name).write(text);
      return true;
    },
    async recover() {
      return [];
    },
  };
  return self;
}
