/**
 * Backups: a timestamped copy of the project's files, taken when a project is
 * opened, so a bad session can always be rolled back by hand.
 */
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** How many backups are kept; older ones are removed. */
export const KEEP_BACKUPS = 10;

/** Copies project.json and documents/ to `backups/<timestamp>/`. Returns the backup folder. */
export async function backupProject(dir: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = join(dir, 'backups', stamp);
  await mkdir(join(target, 'documents'), { recursive: true });
  await copyFile(join(dir, 'project.json'), join(target, 'project.json'));
  const names = await readdir(join(dir, 'documents')).catch(() => [] as string[]);
  for (const name of names) {
    if (name.endsWith('.json') && !name.startsWith('.')) {
      await copyFile(join(dir, 'documents', name), join(target, 'documents', name));
    }
  }
  const all = (await readdir(join(dir, 'backups'))).sort();
  for (const old of all.slice(0, Math.max(0, all.length - KEEP_BACKUPS))) {
    await rm(join(dir, 'backups', old), { recursive: true, force: true });
  }
  return target;
}
