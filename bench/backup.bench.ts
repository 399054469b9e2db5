/**
 * Backups and history at archive scale (issue 12 item 2): for the scale
 * bench's cached projects (`.tmp/scale/projects/v2-<size>`, built by
 * `npm run bench -- scale`; copied here, never opened in place), as the app
 * opens a project: the time until the list is answered (the backup runs
 * after it, in the background), then the backup's time and the bytes it
 * wrote (new inodes' blocks in backups/), for the first open (no earlier
 * backup: everything copied), a second open (nothing changed: every file a
 * hard link) and an open after one save (one file copied). Beside them: the
 * whole project's bytes (what every open wrote before), and a save's time
 * with its version kept in the history (a hard link: no bytes).
 *
 * `npm run bench -- backup [--sizes 200,2000,10000]` → bench/results/backup.json.
 */
import { cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectStore } from '../electron/store/project-store';
import { createHandlers } from '../electron/handlers';
import { dispatch } from '../shared/ipc/dispatch';
import { listBackups } from '../electron/store/backups';
import { median } from './bench-kit';

const CACHE = join(__dirname, '..', '.tmp', 'scale', 'projects');
const sizesArg = process.argv.indexOf('--sizes');
const SIZES = (sizesArg > 0 ? process.argv[sizesArg + 1] : '200,2000').split(',').map(Number);

/** Bytes of the files of a folder tree, each inode counted once (`seen` carries inodes across calls). */
async function blocks(dir: string, seen: Set<bigint>): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        const info = await stat(path, { bigint: true });
        if (seen.has(info.ino)) continue;
        seen.add(info.ino);
        bytes += Number(info.blocks) * 512;
        files++;
      }
    }
  };
  await walk(dir);
  return { bytes, files };
}

/** The project's own files (project.json, documents/), as the old backup copied them. */
async function projectBytes(dir: string): Promise<number> {
  const seen = new Set<bigint>();
  const json = await blocks(join(dir, 'documents'), seen);
  const info = await stat(join(dir, 'project.json'));
  return json.bytes + info.blocks * 512;
}

interface OpenFigures {
  /** Open (lock, recover) until projectInfo and listDocuments have answered, as the window asks. */
  listShownMs: number;
  /** From the list shown until the background backup has finished. */
  backupMs: number;
  /** Bytes the backup added to the disk (blocks of inodes no earlier backup holds). */
  backupBytes: number;
  filesCopied: number;
  filesLinked: number;
  /** Longest main-loop block while the backup ran. */
  maxBlockMs: number;
}

async function openAsTheApp(dir: string): Promise<OpenFigures> {
  const before = new Set<bigint>();
  await blocks(join(dir, 'backups'), before);
  const t0 = performance.now();
  const store = await ProjectStore.open(dir, { write: true, holder: 'backup bench', backup: 'background' });
  const handlers = createHandlers({ store: () => store });
  const [info, list] = await Promise.all([dispatch(handlers, 'projectInfo', {}), dispatch(handlers, 'listDocuments', {})]);
  if (!info.ok || !list.ok) throw new Error('the project did not list');
  const t1 = performance.now();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const result = await store.backupSettled();
  const t2 = performance.now();
  loop.disable();
  await store.close();
  if (!result) throw new Error(`the backup failed: ${store.notices.map((n) => n.message).join('; ')}`);
  const added = await blocks(join(dir, 'backups'), before);
  return {
    listShownMs: t1 - t0,
    backupMs: t2 - t1,
    backupBytes: added.bytes,
    filesCopied: result.copied,
    filesLinked: result.linked,
    maxBlockMs: loop.max / 1e6,
  };
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
  const work = await mkdtemp(join(tmpdir(), 'interlinea-backup-bench-'));
  try {
    for (const size of SIZES) {
      const cached = join(CACHE, `v2-${size}`);
      if (!(await stat(join(cached, 'project.json')).catch(() => null))) {
        console.log(`v2-${size}: no cached project (npm run bench -- scale builds it); skipped`);
        continue;
      }
      const dir = join(work, `v2-${size}`);
      // A copy of the project's files only: the cached project is never opened.
      await mkdir(dir);
      await cp(join(cached, 'project.json'), join(dir, 'project.json'));
      await cp(join(cached, 'documents'), join(dir, 'documents'), { recursive: true });
      const whole = await projectBytes(dir);

      const first = await openAsTheApp(dir);
      const second = await openAsTheApp(dir);
      // One document saved (its version kept in the history), then the next open.
      const store = await ProjectStore.open(dir, { write: true, holder: 'backup bench' });
      const { documents } = await store.listDocuments();
      const id = documents[Math.floor(documents.length / 2)].id;
      const saves: number[] = [];
      // The document file each save replaces: the history should hold these very files (links), never copies.
      const replaced = new Set<bigint>();
      for (let i = 0; i < 25; i++) {
        replaced.add((await stat(join(dir, 'documents', `${id}.json`), { bigint: true })).ino);
        const doc = await store.readDocument(id);
        const t = performance.now();
        await store.saveDocument(id, { ...doc.meta, title: `${doc.meta.title.replace(/ · save \d+$/, '')} · save ${i}` }, doc.body);
        saves.push(performance.now() - t);
      }
      const versions = (await store.documentVersions(id)).length;
      const history = await blocks(join(dir, 'history'), new Set(replaced));
      const held = await blocks(join(dir, 'history'), new Set());
      await store.close();
      const afterSave = await openAsTheApp(dir);
      const kept = (await listBackups(dir)).length;

      const figures = {
        documents: documents.length,
        projectBytes: whole,
        firstOpen: first,
        secondOpenUnchanged: second,
        openAfterOneSave: afterSave,
        backupsKept: kept,
        saveWithHistoryMedianMs: median(saves),
        historyVersionsKept: versions,
        /** Bytes the history wrote (its files that are not a replaced document file: copies). */
        historyBytesWritten: history.bytes,
        /** Bytes the kept versions hold on disk (files the saves wrote and the history keeps from being freed). */
        historyBytesHeld: held.bytes,
      };
      results[`v2-${size}`] = figures;
      const mb = (n: number) => (n / 2 ** 20).toFixed(2);
      console.log(
        `v2-${size} (${documents.length} documents, ${mb(whole)} MB): list shown ${first.listShownMs.toFixed(0)} / ${second.listShownMs.toFixed(0)} / ${afterSave.listShownMs.toFixed(0)} ms; ` +
          `backup after it ${first.backupMs.toFixed(0)} / ${second.backupMs.toFixed(0)} / ${afterSave.backupMs.toFixed(0)} ms, ` +
          `${mb(first.backupBytes)} / ${mb(second.backupBytes)} / ${mb(afterSave.backupBytes)} MB written ` +
          `(copied ${first.filesCopied} / ${second.filesCopied} / ${afterSave.filesCopied}, linked ${first.filesLinked} / ${second.filesLinked} / ${afterSave.filesLinked}), ` +
          `longest main-loop block during it ${first.maxBlockMs.toFixed(0)} / ${second.maxBlockMs.toFixed(0)} / ${afterSave.maxBlockMs.toFixed(0)} ms ` +
          `(first open / second, unchanged / after one save); save with history median ${median(saves).toFixed(1)} ms, ${versions} versions, ${history.bytes} bytes written by the history, ${mb(held.bytes)} MB held`,
      );
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  await writeFile(join(__dirname, 'results', 'backup.json'), JSON.stringify(results, null, 2) + '\n');
}

void main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
