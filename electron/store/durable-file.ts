/**
 * Files written durably, not only atomically: the data goes to a uniquely named
 * temp file, which is fsynced, renamed over the target, and then the folder is
 * fsynced so the rename itself survives a power loss. (steno, the default lowdb
 * writer, renames but never fsyncs, and its fixed temp name clashes between two
 * processes.) `DurableTextFile` is that as a lowdb adapter of text.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Adapter } from 'lowdb';
import { UserError } from '../../shared/errors';

/** A stored file that cannot be read as what it should be. */
export class CorruptFileError extends UserError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} is damaged and was left untouched: ${reason}`, 'corrupt-file');
  }
}

/** Writes `text` to `path` durably (temp file, fsync, rename, fsync folder). */
export async function writeFileDurable(path: string, text: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'w', 0o644);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
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

  constructor(readonly path: string) {}

  async read(): Promise<string | null> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  write(text: string): Promise<void> {
    const next = this.queue.then(() => writeFileDurable(this.path, text));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
