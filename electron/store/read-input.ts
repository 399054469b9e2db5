/**
 * Reading files the user asked to import, with errors that name the file.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { UserError } from '../../shared/errors';
import { MAX_IMPORT_BYTES } from '../../shared/import/decode';


/** Reads `path` for import: a regular file of at most 20 MB. */
export async function readImportFile(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  const full = resolve(path);
  const info = await stat(full).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(
      err.code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${err.message})`,
      'import-failed',
    );
  });
  if (info.isDirectory()) throw new UserError(`${path}: is a folder; choose the files inside it`, 'import-failed');
  if (!info.isFile()) throw new UserError(`${path}: is not a regular file`, 'import-failed');
  if (info.size > MAX_IMPORT_BYTES) {
    throw new UserError(`${path}: is ${(info.size / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB`, 'import-failed');
  }
  const bytes = await readFile(full);
  return { name: basename(full), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
