/**
 * Errors of the disk (full, read-only, no permission, failing) as plain
 * messages that name the file, instead of "internal error" and a stack: they
 * are the user's situation, not a bug. Everything else is passed through.
 */
import { UserError } from '../../shared/errors';

const PLAIN: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'the file is in use',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'it is a loop of symbolic links',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'the file or folder does not exist',
  EXDEV: 'it is on another disk',
};

/** Error codes that mean "this folder cannot be written": a project there opens read-only. */
const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);

/** A disk error on one file, with a message a user can act on. */
export class DiskError extends UserError {
  constructor(
    message: string,
    readonly file: string,
    readonly errno: string,
    /** The file was written, and only confirming it failed (the fsync of its folder): it holds the new text. */
    readonly written = false,
  ) {
    super(message, 'disk-error');
    this.name = 'UserError';
  }
}

/** The errno code of `err` (ENOSPC, EACCES, …), or null. */
export function errnoOf(err: unknown): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}

/** True when `err` says the place cannot be written (permissions, a read-only disk). */
export function isReadOnlyError(err: unknown): boolean {
  const code = err instanceof DiskError ? err.errno : errnoOf(err);
  return code !== null && READ_ONLY.has(code);
}

/**
 * `err` as a DiskError saying what could not be done to `file` ("save
 * documents/x.json", "read project.json"), when it is a disk error; `after`
 * is added to the message (what was kept). Other errors are returned as they are.
 */
export function diskError(err: unknown, action: string, file: string, after = '', written = false): unknown {
  if (err instanceof DiskError) return err;
  const code = errnoOf(err);
  if (!code) return err;
  const plain = PLAIN[code] ?? `the system reported ${code}`;
  return new DiskError(`Could not ${action} ${file}: ${plain} (${code}).${after ? ' ' + after : ''}`, file, code, written);
}

/** True when `err` says the file was written nonetheless (see DiskError.written): what holds it in memory must follow. */
export function wasWritten(err: unknown): boolean {
  return err instanceof DiskError && err.written;
}
