import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectStore } from './project-store';
import { exited, killHard, runTs, waitForLine } from './testing/processes';

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-lock-'));
  dir = join(root, 'project');
  const setup = await ProjectStore.open(dir, { write: true, create: true, holder: 'setup' });
  await setup.close();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The JSON records of the project's lock, whatever its layout (one file, or a folder of them). */
async function lockRecords(): Promise<string[]> {
  const path = join(dir, 'project.lock');
  const info = await stat(path).catch(() => null);
  if (!info) return [];
  if (info.isFile()) return [path];
  return (await readdir(path)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => join(path, n));
}

/** Leaves the lock of a process that was killed while it held the project. */
async function leaveStaleLock(): Promise<void> {
  const child = runTs('testing/hold-lock.ts', [dir]);
  await waitForLine(child, 'locked');
  await killHard(child);
  expect(await lockRecords()).toHaveLength(1);
}

/** Rewrites fields of every lock record, as if its holder's details were now different. */
async function rewriteLock(change: Record<string, unknown>): Promise<void> {
  for (const path of await lockRecords()) {
    const info = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...info, ...change }));
  }
}

describe('taking over a stale lock', () => {
  it('lets exactly one of many concurrent writers take over the lock of a killed process (8 rounds of 8)', async () => {
    for (let round = 0; round < 8; round++) {
      await leaveStaleLock();
      // Staggered starts, so that one writer's look at the lock can fall between another's removal and creation.
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, async (_, i) => {
          await new Promise((r) => setTimeout(r, (i * round) % 7));
          return ProjectStore.open(dir, { write: true, holder: `writer ${i}` });
        }),
      );
      const winners = results.filter((r): r is PromiseFulfilledResult<ProjectStore> => r.status === 'fulfilled');
      const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      for (const loser of losers) expect(String(loser.reason.message)).toMatch(/open for writing by writer \d/);
      expect(winners).toHaveLength(1);
      await Promise.all(winners.map((w) => w.value.close()));
      expect(await lockRecords()).toEqual([]);
    }
  });

  it('loses no import when several processes race to take over after a killed writer', async () => {
    await leaveStaleLock();
    const titles = ['Alpha', 'Bravo', 'Charlie', 'Delta'];
    const children = titles.map((t) => runTs('testing/import-one.ts', [dir, t]));
    const ids = await Promise.all(children.map((c) => waitForLine(c, 'imported')));
    expect(await Promise.all(children.map(exited))).toEqual([0, 0, 0, 0]);
    expect(new Set(ids).size).toBe(4);
    const store = await ProjectStore.open(dir);
    const { documents } = await store.listDocuments();
    expect(documents.map((d) => d.title).sort()).toEqual(titles);
    expect(store.project.documents.map((d) => d.id).sort()).toEqual([...ids].sort());
  }, 60_000);

  it('takes over a lock whose process id now belongs to another live process', async () => {
    await leaveStaleLock();
    // After a reboot or a long time, the dead holder's pid may name some other process, alive.
    await rewriteLock({ pid: process.ppid });
    const store = await ProjectStore.open(dir, { write: true, holder: 'test' });
    await store.close();
  });

  it('takes over a lock left before the machine restarted, whatever its pid names now', async () => {
    await leaveStaleLock();
    await rewriteLock({ pid: process.ppid, boot: 'another-boot', started: 1 });
    const store = await ProjectStore.open(dir, { write: true, holder: 'test' });
    await store.close();
  });
});

describe('a lock held by a live process', () => {
  it('is not taken over, and the message names the holder and says how to clear a lock left behind', async () => {
    const child = runTs('testing/hold-lock.ts', [dir]);
    await waitForLine(child, 'locked');
    try {
      const error = await ProjectStore.open(dir, { write: true, holder: 'test' }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toMatch(/open for writing by hold-lock test process \(process \d+ on /);
      expect(message).toMatch(/If that process is no longer running.*delete .*project\.lock and try again/);
    } finally {
      await killHard(child);
    }
  });

  it('is never judged stale when it comes from another computer', async () => {
    await leaveStaleLock();
    await rewriteLock({ host: 'another-computer.example' });
    await expect(ProjectStore.open(dir, { write: true, holder: 'test' })).rejects.toThrow(
      /process \d+ on another-computer\.example.*delete .*project\.lock/s,
    );
  });
});
