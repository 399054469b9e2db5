/**
 * A batch import is all or nothing: under a full disk at any of its steps, and
 * under kill -9 at any moment. A refused import into a folder that does not
 * exist yet leaves no folder.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('node:fs/promises', async (real) => (await import('./testing/faulty-fs')).faultyFs(await real()));
import { cp, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as faults from './testing/faulty-fs';
import { ProjectStore } from './project-store';
import { importFiles } from './testing/import-files';
import { batchFiles } from './testing/import-loop';
import { checkProject, partialBatches } from './testing/consistency';
import { killHard, runTs, waitForLine } from './testing/processes';
import { runCli } from '../cli/main';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-import-'));
});
afterEach(async () => {
  faults.stop();
  await rm(root, { recursive: true, force: true });
});

/** A project with one batch imported, to copy for each run. */
async function template(): Promise<string> {
  const dir = join(root, 'template');
  const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'setup' });
  await importFiles(store, batchFiles(0));
  await store.close();
  return dir;
}

async function expectConsistent(dir: string, context: string): Promise<string[]> {
  const check = await checkProject(dir);
  await check.store?.close();
  expect(check.problems, context).toEqual([]);
  expect(partialBatches(check.titles), context).toEqual([]);
  return check.titles;
}

describe('a batch import', () => {
  it('that fails at any step of its writes (disk full) leaves all of the batch or none, and a retry makes no duplicate', async () => {
    const base = await template();
    const run = async (dir: string, failAt: number | null) => {
      const store = await ProjectStore.open(dir, { write: true, holder: 'test' });
      faults.record(failAt, 'ENOSPC');
      const result = await importFiles(store, batchFiles(1)).then(
        () => null,
        (err: Error) => err,
      );
      const steps = faults.stop();
      await store.close();
      return { result, steps };
    };
    const counted = join(root, 'counted');
    await cp(base, counted, { recursive: true });
    const { steps } = await run(counted, null);
    expect(steps.length).toBeGreaterThan(8);
    for (let k = 1; k <= steps.length; k++) {
      const dir = join(root, `fault-${k}`);
      await cp(base, dir, { recursive: true });
      const { result } = await run(dir, k);
      const context = `disk full at step ${k} (${steps[k - 1].op} ${steps[k - 1].path}): ${result?.message}`;
      if (result) {
        expect(result.message, context).toMatch(/the disk is full \(ENOSPC\)/);
        expect(result.message, context).not.toMatch(/internal|\n\s+at /);
      }
      const titles = await expectConsistent(dir, context);
      if (!titles.includes('Batch 1 part 0')) {
        // Nothing of the batch was kept: importing it again gives each document once, under its own id.
        const store = await ProjectStore.open(dir, { write: true, holder: 'retry' });
        const { imported } = await importFiles(store, batchFiles(1));
        await store.close();
        expect(imported.map((d) => d.id), context).toEqual([0, 1, 2, 3].map((i) => `batch-1-part-${i}`));
        await expectConsistent(dir, context);
      }
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('killed at random moments (15 kills) leaves every batch whole or absent, and the index and the files agree', async () => {
    const dir = join(root, 'project');
    let acknowledged = 0;
    for (let i = 0; i < 15; i++) {
      const child = runTs('testing/import-loop.ts', [dir, String(acknowledged)], ['ignore', 'pipe', 'pipe']);
      let out = '';
      child.stdout!.on('data', (chunk) => (out += chunk));
      await waitForLine(child, 'ready');
      await new Promise((r) => setTimeout(r, Math.random() * 150));
      await killHard(child);
      const done = [...out.matchAll(/^batch (\d+)$/gm)].map((m) => Number(m[1]));
      if (done.length) acknowledged = Math.max(...done) + 1;
      const titles = await expectConsistent(dir, `after kill ${i + 1}`);
      // Every batch the child reported as imported is there.
      for (const n of done) expect(titles, `batch ${n} after kill ${i + 1}`).toContain(`Batch ${n} part 3`);
    }
  }, 180_000);
});

describe('interlinea import into a folder that does not exist yet', () => {
  it('creates no folder when the import fails at any step (disk full), and says which file', async () => {
    const dir = join(root, 'new-project');
    const files = await Promise.all(
      batchFiles(1).map(async (f) => {
        const path = join(root, f.name);
        await writeFile(path, f.bytes);
        return path;
      }),
    );
    const cli = async () => {
      let stderr = '';
      const code = await runCli(['import', ...files, '--project', dir], {
        stdout: () => undefined,
        stderr: (t) => void (stderr += t),
        readStdin: async () => '',
        cwd: root,
      });
      return { code, stderr };
    };
    faults.record(null);
    expect((await cli()).code).toBe(0);
    const steps = faults.stop();
    await rm(dir, { recursive: true, force: true });
    for (let k = 1; k <= steps.length; k++) {
      faults.record(k, 'ENOSPC');
      const { code, stderr } = await cli();
      faults.stop();
      const context = `disk full at step ${k} (${steps[k - 1].op} ${steps[k - 1].path}): ${stderr}`;
      const exists = await stat(dir).then(
        () => true,
        () => false,
      );
      if (code === 0) {
        await expectConsistent(dir, context);
      } else {
        expect(code, context).toBe(1);
        expect(stderr, context).toMatch(/the disk is full \(ENOSPC\)/);
        expect(exists, context).toBe(false);
      }
      // Nothing is left beside the folder either.
      expect((await readdir(root)).filter((n) => n.startsWith('.')), context).toEqual([]);
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
