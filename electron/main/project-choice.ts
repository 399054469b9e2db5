/**
 * Which project folders the window may open by name. The renderer is not
 * trusted with paths: a folder is opened only when the user chose it, in the
 * Open Project dialog (the main process shows it; no path crosses IPC) or
 * earlier, which puts it among the recent projects.
 */
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../../shared/errors';

/** `dir` resolved, when it is one of `recent`; otherwise a UserError. */
export function requestedProjectDir(dir: string, recent: readonly string[]): string {
  const wanted = isAbsolute(dir) ? resolve(dir) : null;
  if (!wanted || !recent.some((r) => resolve(r) === wanted)) {
    throw new UserError(`${dir || 'That folder'} is not one of the recent projects: use File > Open Project to choose a folder`, 'forbidden');
  }
  return wanted;
}
