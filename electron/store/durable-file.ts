/**
 * Files written durably, not only atomically: the data goes to a uniquely named
 * temp file, which is fsynced, renamed over the target, and then the folder is
 * fsynced so the rename itself survives a power loss. (steno, the default lowdb
 * writer, renames but never fsyncs, and its fixed temp name clashes between two
 * processes.) `DurableTextFile` is that as a lowdb adapter of text.
 *
 * A disk error at any step leaves the previous file as it was and comes back
 * as a DiskError naming the file (disk-errors.ts). A rewritten file keeps its
 * mode; a symbolic link is never written through or replaced.
 */
import { lstat, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Adapter } from 'lowdb';
import { UserError } from '../../shared/errors';
import { diskError } from './disk-errors';

/** A stored file that cannot be read as what it should be. */
export class CorruptFileError extends UserError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} is damaged and was left untouched: ${reason}`, 'corrupt-file');
  }
}

/** The name of a temp file beside `path`, unique to this write. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes `data` to a new file at `path` (with `mode`, else the default) and fsyncs it; on failure nothing is left at `path`. */
export async function writeNewFileSynced(path: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    // Set apart from open, which the umask would narrow.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw err;
  }
  try {
    await handle.close();
  } catch (err) {
    await unlink(path).catch(() => undefined);
    throw err;
  }
}

/**
 * Writes `text` to `path` durably (temp file, fsync, rename, fsync folder).
 * `name` is how messages call the file (`documents/<id>.json`; the path by default).
 */
export async function writeFileDurable(path: string, text: string | Uint8Array, name = path): Promise<void> {
  const current = await lstat(path).catch(() => null);
  if (current?.isSymbolicLink()) {
    // Renaming over it would silently replace the link; writing through it could write anywhere.
    throw new UserError(
      `${name} is a symbolic link, and Interlinea does not write through links or replace them: nothing was saved. Put the file itself in its place to save it.`,
      'symbolic-link',
    );
  }
  const temp = tempPathFor(path);
  try {
    // The rewritten file keeps the mode the old one had (a private file stays private).
    await writeNewFileSynced(temp, text, current ? current.mode & 0o7777 : undefined);
    try {
      await rename(temp, path);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
  } catch (err) {
    throw diskError(err, 'save', name, 'The file on disk was left as it was.');
  }
  try {
    await syncDir(dirname(path));
  } catch (err) {
    throw diskError(err, 'confirm the save of', name, 'It was written, but the disk may not keep it through a power loss.', true);
  }
}

/** Fsyncs a folder, so the renames and new files in it survive a power loss. */
export async function syncDir(dir: string): Promise<void> {
  // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A lowdb adapter for one text file, written durably (temp file, fsync, rename,
 * fsync folder: see {@link writeFileDurable}); `null` when the file does not
 * exist. Writes to the file are queued so they land in the order they were
 * made. The durable counterpart of lowdb's `TextFile`; `JsonFile` layers
 * parsing, validation and canonical JSON on it as lowdb's `DataFile` does.
 */
export class DurableTextFile implements Adapter<string> {
  private queue: Promise<void> = Promise.resolve();

  /** `name` is how messages call the file (its path by default). */
  constructor(
    readonly path: string,
    readonly name = path,
  ) {}

  async read(): Promise<string | null> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  write(text: string): Promise<void> {
    const next = this.queue.then(() => writeFileDurable(this.path, text, this.name));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
