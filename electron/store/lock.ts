/**
 * The project lock: one writer per project at a time, across processes (two app
 * instances, the app and the CLI).
 *
 * The lock is the folder `project.lock/`. A process that wants to write puts
 * its own record in it (`<pid>-<random>.json`: who it is, written to a temp
 * name and renamed, so a record is never seen half-written), then looks at the
 * other records. It holds the lock when none of them belongs to a live
 * process; otherwise it takes its record back and reports the holder. Of two
 * processes that both end up holding, the later one to write its record would
 * have seen the earlier one's record, so at most one holds.
 *
 * Records of processes that are gone are removed by whoever sees them. A
 * record's name is its writer's alone, so removing it can never remove a live
 * writer's lock (the race of a single lock file, which two processes could
 * both judge stale, remove and re-create). "Gone" is judged by the pid, the
 * machine's boot and the process's start time (process-identity.ts), so a pid
 * reused by another process does not keep the lock alive. A record from another
 * computer is never judged: the message says how to clear it by hand.
 */
import { mkdir, readFile, readdir, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { rmdirSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { UserError } from '../../shared/errors';
import { currentProcess, processState, type ProcessIdentity } from './process-identity';
import { diskError } from './disk-errors';

/** Name of the lock (a folder of records) inside a project folder. */
export const LOCK_FILE = 'project.lock';

/** What a lock record says of its writer. */
interface LockRecord extends ProcessIdentity {
  /** Who writes, for the message ("the Interlinea app", "interlinea import (CLI)"). */
  holder: string;
  /** When the holder started asking for the lock. */
  since: string;
  /** When this record was put in place (ms since the epoch): a holder's stays, a contender's is fresh. */
  claimed: number;
}

/** A held lock. */
export interface ProjectLock {
  release(): Promise<void>;
}

/** How long a contender's record lives at most before it is taken back: older live records are holders. */
const CONTENDER_MS = 1000;
const ATTEMPTS = 20;
/** Temp files of records whose writer was killed between writing and renaming. */
const STALE_TEMP_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records this process has in place (held, or being weighed against others), removed if it exits without releasing them. */
const ours = new Set<string>();
process.once('exit', () => {
  for (const path of ours) {
    try {
      unlinkSync(path);
      rmdirSync(join(path, '..'));
    } catch {
      // Gone already, or other records are in the folder: nothing more to release.
    }
  }
});

async function readRecord(path: string): Promise<Partial<LockRecord> | null> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return data && typeof data === 'object' ? (data as Partial<LockRecord>) : {};
  } catch (err) {
    // Removed by its writer meanwhile: no record. Unparseable: records are renamed into place
    // whole, so this is no live writer's (a hand-made file): judged like a dead one.
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : {};
  }
}

function lockedError(dir: string, record: Partial<LockRecord>): UserError {
  const path = join(dir, LOCK_FILE);
  return new UserError(
    `The project in ${dir} is open for writing by ${record.holder ?? 'another program'} (process ${record.pid ?? '?'} on ${record.host ?? 'an unknown computer'}, since ${record.since ?? 'an unknown time'}). Close it there first. If that process is no longer running (it crashed, or it ran on another computer), delete ${path} and try again.`,
    'locked',
  );
}

/**
 * A lock of an earlier Interlinea (a single file `project.lock`): removed when its
 * process is gone, else reported as the holder.
 */
async function clearSingleFileLock(dir: string, path: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return;
  const record = await readRecord(path);
  if (record && processState(record) !== 'gone' && typeof record.pid === 'number') throw lockedError(dir, record);
  await unlink(path).catch(() => undefined);
}

/** A record of this process that it no longer has in place: a release whose removal failed. */
function leftByThisProcess(record: Partial<LockRecord>, path: string): boolean {
  const me = currentProcess();
  return record.pid === me.pid && record.host === me.host && record.started === me.started && record.boot === me.boot && !ours.has(path);
}

/** The live records in the lock folder other than `own`, oldest first; records of dead processes are removed. */
async function liveOthers(folder: string, own: string): Promise<Partial<LockRecord>[]> {
  const live: Partial<LockRecord>[] = [];
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const path = join(folder, name);
    if (name.startsWith('.')) {
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => undefined);
      continue;
    }
    if (name === own || !name.endsWith('.json')) continue;
    const record = await readRecord(path);
    if (!record) continue;
    if (processState(record) === 'gone' || leftByThisProcess(record, path)) await unlink(path).catch(() => undefined);
    else live.push(record);
  }
  return live.sort((a, b) => (a.claimed ?? 0) - (b.claimed ?? 0));
}

/**
 * Takes the lock of the project in `dir`, or throws a UserError (code `locked`)
 * naming who holds it. `holder` says who is writing ("Interlinea app",
 * "interlinea import"). A folder that cannot be written gives a DiskError.
 */
export async function acquireLock(dir: string, holder: string): Promise<ProjectLock> {
  const folder = join(dir, LOCK_FILE);
  const me = currentProcess();
  const since = new Date().toISOString();
  const name = `${me.pid}-${randomBytes(6).toString('hex')}.json`;
  const own = join(folder, name);
  let holderSeen: Partial<LockRecord> | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      await clearSingleFileLock(dir, folder);
      await mkdir(folder).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
      const record: LockRecord = { ...me, holder, since, claimed: Date.now() };
      const temp = join(folder, `.${name}.tmp`);
      await writeFile(temp, JSON.stringify(record, null, 2) + '\n');
      ours.add(own);
      await rename(temp, own);
    } catch (err) {
      ours.delete(own);
      // A releasing holder removed the empty folder between our mkdir and rename: again.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw diskError(err, 'lock the project at', folder);
    }
    const live = await liveOthers(folder, name);
    if (!live.length) {
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          ours.delete(own);
          await unlink(own).catch(() => undefined);
          await rmdir(folder).catch(() => undefined); // fails while others' records are there, as it should
        },
      };
    }
    ours.delete(own);
    await unlink(own).catch(() => undefined);
    holderSeen = live[0];
    // A record put in place a while ago is a holder's; a fresh one may be a contender that backs off as we do.
    if (live.some((r) => Date.now() - (r.claimed ?? 0) > CONTENDER_MS)) break;
    await sleep(5 + Math.random() * 20 * Math.min(attempt + 1, 4));
  }
  throw lockedError(dir, holderSeen ?? {});
}

/** The lock of a project no other process can reach (one in memory): holding it lets a store write. */
export function noLock(): ProjectLock {
  return { release: async () => undefined };
}
