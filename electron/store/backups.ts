/**
 * Backups: a timestamped copy of the project's files, taken when a project is
 * opened, so a bad session can always be rolled back by hand.
 *
 * A backup is copied into `backups/.partial-<time>-<pid>/` and renamed to
 * `backups/<time>/` only once every file is there, so a folder without the
 * dot is always a whole backup. Partial folders (of a backup that failed, or
 * was killed) are removed and never count among the backups kept.
 */
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { diskError } from './disk-errors';

/** How many backups are kept; older ones are removed. */
export const KEEP_BACKUPS = 10;

const PARTIAL = '.partial-';

/** Copies project.json and documents/ to `backups/<timestamp>/`. Returns the backup folder. */
export async function backupProject(dir: string, now = new Date()): Promise<string> {
  const folder = join(dir, 'backups');
  // Called with the lock held: no partial folder belongs to a backup still running.
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (name.startsWith(PARTIAL)) await rm(join(folder, name), { recursive: true, force: true }).catch(() => undefined);
  }
  let stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 2; await stat(join(folder, stamp)).catch(() => null); n++) stamp = `${now.toISOString().replace(/[:.]/g, '-')}-${n}`;
  const partial = join(folder, `${PARTIAL}${stamp}-${process.pid}`);
  const target = join(folder, stamp);
  let file = join(folder, stamp);
  try {
    await mkdir(join(partial, 'documents'), { recursive: true });
    file = 'project.json';
    await copyFile(join(dir, 'project.json'), join(partial, 'project.json'));
    const names = await readdir(join(dir, 'documents')).catch(() => [] as string[]);
    for (const name of names) {
      if (name.endsWith('.json') && !name.startsWith('.')) {
        file = `documents/${name}`;
        await copyFile(join(dir, 'documents', name), join(partial, 'documents', name));
      }
    }
    file = target;
    await rename(partial, target);
  } catch (err) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    throw diskError(err, 'back up', file);
  }
  const whole = (await readdir(folder)).filter((n) => !n.startsWith('.')).sort();
  for (const old of whole.slice(0, Math.max(0, whole.length - KEEP_BACKUPS))) {
    await rm(join(folder, old), { recursive: true, force: true }).catch(() => undefined);
  }
  return target;
}
