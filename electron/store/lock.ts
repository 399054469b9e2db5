/**
 * The project lock: one writer per project at a time, across processes (two app
 * instances, the app and the CLI). The lock is a file created exclusively; it
 * names its holder, and a lock whose holder process is gone (on this host) is
 * taken over.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../shared/errors';

/** File name of the lock inside a project folder. */
export const LOCK_FILE = 'project.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  holder: string;
}

/** A held lock. */
export interface ProjectLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(path: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await readFile(path, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

const held = new Set<string>();
process.once('exit', () => {
  for (const path of held) {
    try {
      unlinkSync(path);
    } catch {
      // The folder may be gone already; nothing to release.
    }
  }
});

/**
 * Takes the lock of the project in `dir`, or throws a UserError naming who holds it.
 * `holder` says who is writing ("Interlinea app", "interlinea import").
 */
export async function acquireLock(dir: string, holder: string): Promise<ProjectLock> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString(), holder };
      await handle.writeFile(JSON.stringify(info, null, 2) + '\n');
      await handle.sync();
      await handle.close();
      held.add(path);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          held.delete(path);
          await unlink(path).catch(() => undefined);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const info = await readLock(path);
      const stale = info ? info.host === hostname() && !alive(info.pid) : false;
      if (stale || (info === null && attempt > 0)) {
        // The holder died without releasing (or left an unreadable lock): take over.
        await unlink(path).catch(() => undefined);
        continue;
      }
      if (info === null) {
        // Possibly being written this instant; look again.
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      throw new UserError(
        `The project in ${dir} is open for writing by ${info.holder} (process ${info.pid} on ${info.host}, since ${info.since}). Close it there first.`,
        'locked',
      );
    }
  }
  throw new UserError(`Could not lock the project in ${dir}: ${path} keeps changing`, 'locked');
}

/** The lock of a project no other process can reach (one in memory): holding it lets a store write. */
export function noLock(): ProjectLock {
  return { release: async () => undefined };
}
