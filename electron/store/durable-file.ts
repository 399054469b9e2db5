/**
 * A lowdb adapter that writes durably, not only atomically: the data goes to a
 * uniquely named temp file, which is fsynced, renamed over the target, and then
 * the folder is fsynced so the rename itself survives a power loss. (steno, the
 * default lowdb writer, renames but never fsyncs, and its fixed temp name
 * clashes between two processes.)
 *
 * Reading validates: a file that does not parse or does not validate is reported
 * by name with a {@link CorruptFileError} and is never overwritten by this adapter.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Adapter } from 'lowdb';
import { canonicalJson } from '../../shared/model/canonical-json';
import type { Validated } from '../../shared/model/document';
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

/** Reads and validates a JSON file; `null` when it does not exist. */
export async function readJsonFile<T>(
  path: string,
  validate: (data: unknown) => Validated<T>,
  displayName = path,
): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CorruptFileError(displayName, (err as Error).message);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CorruptFileError(displayName, `not valid JSON (${(err as Error).message})`);
  }
  const result = validate(data);
  if (!result.ok) throw new CorruptFileError(displayName, result.error);
  return result.value;
}

/**
 * The lowdb adapter: validated reads, durable canonical writes. Writes to one
 * file are queued so they land in the order they were made.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly validate: (data: unknown) => Validated<T>,
    readonly displayName = path,
  ) {}

  read(): Promise<T | null> {
    return readJsonFile(this.path, this.validate, this.displayName);
  }

  write(data: T): Promise<void> {
    const text = canonicalJson(data);
    const next = this.queue.then(() => writeFileDurable(this.path, text));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
