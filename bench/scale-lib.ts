/**
 * The archive-scale bench's Node side (issue 12): builds projects of N documents with the
 * real importer from variations of the sample pages, and measures what the app's main process
 * does with them, each figure beside a baseline measured in the same process (reading the
 * index file alone, reading a document's file alone, writing a document's JSON alone, a warm
 * suggestion). Used by bench/scale.bench.ts (one child process per size, so every cold figure
 * and the peak RSS are its own) and by the regression guard (bench/scale.guard.test.ts).
 */
import { cp, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ProjectStore } from '../electron/store/project-store';
import { createHandlers } from '../electron/handlers';
import { importInto } from '../electron/handlers/documents';
import type { PMJson } from '../shared/model/document';
import { allLines } from '../shared/korean/testdata/corpus';

const ROOT = join(__dirname, '..');
/** The size the regression guard runs (small enough for CI). */
export const GUARD_SIZE = 20;
/** Figures the guard holds to their committed ratio to their baseline. */
export const GUARDED = ['openWarmMs', 'documentOpenMs', 'saveMs', 'saveBytes', 'backupBytesPerOpen', 'suggestAfterSaveMs'] as const;
const SAMPLES = [
  { file: '1960-08-30-puzanov-conversation.txt', title: 'Note about a Conversation in the Soviet Embassy with Comrade Puzanov', dates: ['August 30, 1960', '30 August 1960'] },
  { file: '1963-06-20-kwp-policy-information.txt', title: 'Information About the Policy of the Korean Workers Party from the East German Embassy', dates: ['June 20, 1963'] },
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The archive page of document `i`: a sample with its own title and date. */
async function page(i: number): Promise<{ name: string; bytes: Uint8Array }> {
  const sample = SAMPLES[i % SAMPLES.length] as (typeof SAMPLES)[number];
  let text = await readFile(join(ROOT, 'resources', 'samples', sample.file), 'utf8');
  const year = 1953 + (i % 20);
  const month = i % 12;
  const day = 1 + (i % 28);
  text = text.split(sample.title).join(`${sample.title} (report ${i + 1})`);
  for (const d of sample.dates)
    text = text.split(d).join(d.startsWith('3') ? `${day} ${MONTHS[month]} ${year}` : `${MONTHS[month]} ${day}, ${year}`);
  return { name: `report-${String(i + 1).padStart(5, '0')}.txt`, bytes: new TextEncoder().encode(text) };
}

/**
 * Builds a project of `count` documents in `dir` through the real importer (in batches, as a
 * drop would); then every fourth document gets Korean restored in its rows (lines of the
 * engine's test corpus), so the suggester has a project's worth of accepted text to learn.
 */
export async function buildProject(dir: string, count: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'scale bench' });
  const korean = allLines();
  let line = 0;
  try {
    for (let start = 0; start < count; start += 250) {
      const files = await Promise.all(Array.from({ length: Math.min(250, count - start) }, (_, k) => page(start + k)));
      const { imported } = await importInto(store, files);
      for (const [k, { id }] of imported.entries()) {
        if ((start + k) % 4 !== 0) continue;
        const doc = await store.readDocument(id);
        for (const seg of doc.body.content ?? []) {
          const cell = (seg.content ?? []).find((c) => c.type === 'korean');
          if (cell) cell.content = [{ type: 'text', text: korean[line++ % korean.length] ?? '' }];
        }
        await store.saveDocument(id, doc.meta, doc.body);
      }
    }
  } finally {
    await store.close();
  }
}

/** A project of `count` documents, built once and kept in `cache`, copied to `dir` for one run. */
export async function projectCopy(cache: string, dir: string, count: number): Promise<void> {
  // v2: a quarter of the documents carry restored Korean.
  const source = join(cache, `v2-${count}`);
  if (!existsSync(join(source, 'project.json'))) {
    const started = performance.now();
    await buildProject(source, count);
    console.error(`built the ${count}-document project in ${((performance.now() - started) / 1000).toFixed(1)} s (kept in ${source})`);
  }
  await rm(dir, { recursive: true, force: true });
  // The copy keeps every file's mtime to the nanosecond (`cp -a`; fs.cp rounds it to the
  // millisecond), so the summary index still matches the files, as in the project the app
  // closed: the first open is a cold process, not a project whose every file changed.
  const copied = spawnSync('cp', ['-a', source, dir]);
  if (copied.status !== 0) await cp(source, dir, { recursive: true, preserveTimestamps: true });
  await rm(join(dir, 'backups'), { recursive: true, force: true });
}

/** Bytes in a folder, recursively. */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else total += (await stat(path)).size;
  }
  return total;
}

/** The files (by device and inode) under a folder, with their sizes: hard links count once. */
export async function folderInodes(dir: string, into = new Map<string, number>()): Promise<Map<string, number>> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await folderInodes(path, into);
    else {
      const s = await stat(path);
      into.set(`${s.dev}:${s.ino}`, s.size);
    }
  }
  return into;
}

/** Bytes of the files under `dir` that are not among `before` (a hard link to a file kept before is no new bytes). */
async function newBytes(dir: string, before: Map<string, number>): Promise<number> {
  let total = 0;
  for (const [inode, size] of await folderInodes(dir)) if (!before.has(inode)) total += size;
  return total;
}

/** Size, mtime and inode of every file of the project but its backups. */
export type Snapshot = Map<string, { size: number; mtime: number; ino: number }>;

/** Takes a Snapshot of the project folder `dir`. */
export async function snapshot(dir: string): Promise<Snapshot> {
  const out: Snapshot = new Map();
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'backups') await walk(path);
      } else {
        const s = await stat(path).catch(() => null);
        if (s) out.set(path, { size: s.size, mtime: s.mtimeMs, ino: s.ino });
      }
    }
  };
  await walk(dir);
  return out;
}

/**
 * The bytes written between two snapshots of the project folder `dir`, in all and by the
 * project's top folder (documents, history, .interlinea) or file. A new name for a file that
 * was there (the history's hard link to the version replaced) writes nothing; an append-only
 * journal (`.jsonl`) costs what it grew by; any other file changed was rewritten whole (the
 * store replaces files by rename).
 */
export function bytesWritten(dir: string, before: Snapshot, after: Snapshot): { bytes: number; byPlace: Record<string, number> } {
  let bytes = 0;
  const byPlace: Record<string, number> = {};
  const inodes = new Set([...before.values()].map((f) => f.ino));
  for (const [path, now] of after) {
    const was = before.get(path);
    if (was && was.mtime === now.mtime && was.size === now.size) continue;
    const linked = !was && inodes.has(now.ino);
    const written = linked ? 0 : path.endsWith('.jsonl') && was ? Math.max(0, now.size - was.size) : now.size;
    bytes += written;
    const place = relative(dir, path).split(sep)[0] ?? path;
    byPlace[place] = (byPlace[place] ?? 0) + written;
  }
  return { bytes, byPlace };
}

/** Lets the event-loop monitor's timer run once more, so a block that just ended is counted before it stops. */
const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 30));

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2 : NaN;
};

/** One figure and its baseline. */
export interface Figure {
  value: number;
  baseline: number;
  /** What the baseline is. */
  baselineIs: string;
}

export interface NodeFigures {
  documents: number;
  projectBytes: number;
  openColdMs: Figure;
  openWarmMs: Figure;
  /** An open after every document file changed outside the app (a git checkout): each one read again. */
  openAllChangedMs: Figure;
  /** Longest main-loop block during the cold open (monitorEventLoopDelay max). */
  openLongestBlockMs: number;
  documentOpenMs: Figure;
  saveMs: Figure;
  saveBytes: Figure;
  backupBytesPerOpen: Figure;
  suggestFirstMs: Figure;
  suggestAfterSaveMs: Figure;
  /** Longest main-loop block while the first suggestion was made (the suggester starts, the project is synced). */
  suggestFirstBlockMs: number;
  /** Longest main-loop block while the first suggestion after a save was made. */
  suggestAfterSaveBlockMs: number;
  peakRssMb: number;
}

/**
 * Measures the project in `dir` (a fresh copy: its first open is the cold one) as the app's
 * main process uses it: ProjectStore.open with the lock and the backup in the background
 * (taken after the first listing), then projectInfo and listDocuments at once as the window
 * asks for them. Backup bytes are new files only (an unchanged file is hard-linked from the
 * previous backup); the backup is waited for before the store closes, not inside the open.
 */
export async function measureNode(dir: string, warmRuns = 5): Promise<NodeFigures> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const index = join(dir, 'project.json');
  const projectBytes = await folderBytes(dir);

  const readIndex = async (): Promise<number> => {
    const t = performance.now();
    JSON.parse(await readFile(index, 'utf8'));
    return performance.now() - t;
  };
  const open = async (): Promise<{ ms: number; store: ProjectStore; handlers: ReturnType<typeof createHandlers> }> => {
    const t = performance.now();
    const store = await ProjectStore.open(dir, { write: true, holder: 'scale bench', backup: 'background' });
    const handlers = createHandlers({ store: () => store });
    await Promise.all([handlers.projectInfo({}), handlers.listDocuments({})]);
    return { ms: performance.now() - t, store, handlers };
  };

  delay.enable();
  const cold = await open();
  await settle();
  delay.disable();
  const openLongestBlockMs = delay.max / 1e6;
  const indexCold = await readIndex();
  // The first backup of a project copies it whole; what an open costs is the next one's.
  await cold.store.backupSettled();
  await cold.store.close();
  const backupsBefore = await folderInodes(join(dir, 'backups'));
  const second = await open();
  await second.store.backupSettled();
  await second.store.close();
  const backupBytes = await newBytes(join(dir, 'backups'), backupsBefore);

  const warm: number[] = [];
  const indexRuns: number[] = [];
  let current = cold;
  for (let r = 0; r < warmRuns; r++) {
    for (let k = 0; k < 3; k++) indexRuns.push(await readIndex());
    current = await open();
    warm.push(current.ms);
    await current.store.backupSettled();
    if (r < warmRuns - 1) await current.store.close();
  }
  const { store, handlers } = current;
  const { documents } = await handlers.listDocuments({});

  // Document open: a few documents across the list, beside reading and parsing their files alone.
  const picks = [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => documents[Math.floor(f * (documents.length - 1))]?.id ?? '');
  const opens: number[] = [];
  const reads: number[] = [];
  for (const id of picks) {
    let t = performance.now();
    JSON.parse(await readFile(join(dir, 'documents', `${id}.json`), 'utf8'));
    reads.push(performance.now() - t);
    t = performance.now();
    await handlers.getDocument({ id });
    opens.push(performance.now() - t);
  }

  // Suggestions: the first one (the worker starts, reads the tables, indexes the project) and a warm one.
  const id = picks[2] ?? '';
  delay.reset();
  delay.enable();
  let t = performance.now();
  await handlers.suggest({ token: 'xx', limit: 10, context: {} });
  const suggestFirst = performance.now() - t;
  await settle();
  delay.disable();
  const suggestFirstBlockMs = delay.max / 1e6;
  const warmSuggest: number[] = [];
  for (let r = 0; r < 5; r++) {
    t = performance.now();
    await handlers.suggest({ token: r % 2 ? 'lP\\' : 'xx', limit: 10, context: {} });
    warmSuggest.push(performance.now() - t);
  }

  // Save: the Korean of one row typed in, as autosave sends the whole document.
  const doc = await handlers.getDocument({ id });
  const body = JSON.parse(JSON.stringify(doc.body)) as PMJson;
  const seg = (body.content ?? []).find((s) => (s.content ?? []).some((c) => c.type === 'korean')) as PMJson;
  const korean = (seg.content ?? []).find((c) => c.type === 'korean') as PMJson;
  korean.content = [{ type: 'text', text: '푸자노프 동지는 구두로 몇 가지 정보를 제공했다.' }];
  const before = await snapshot(dir);
  t = performance.now();
  await handlers.saveDocument({ id, meta: doc.meta, body });
  const saveMs = performance.now() - t;
  const after = await snapshot(dir);
  const saveBytes = bytesWritten(dir, before, after).bytes;
  const docJson = JSON.stringify({ ...doc, body }, null, 2);
  const scratch = join(dir, '..', `scratch-${process.pid}.json`);
  const writes: number[] = [];
  for (let r = 0; r < 3; r++) {
    t = performance.now();
    await writeFile(scratch, JSON.stringify({ ...doc, body }, null, 2));
    writes.push(performance.now() - t);
  }
  await rm(scratch, { force: true });

  delay.reset();
  delay.enable();
  t = performance.now();
  await handlers.suggest({ token: 'xx', limit: 10, context: {} });
  const suggestAfterSave = performance.now() - t;
  await settle();
  delay.disable();
  const suggestAfterSaveBlockMs = delay.max / 1e6;

  await store.close();

  // Every document file touched, as a checkout of another branch would: the index repairs itself by reading each one.
  const touched = new Date();
  for (const name of await readdir(join(dir, 'documents'))) if (name.endsWith('.json')) await utimes(join(dir, 'documents', name), touched, touched);
  const allChanged = await open();
  await allChanged.store.backupSettled();
  await allChanged.store.close();

  return {
    documents: documents.length,
    projectBytes,
    openColdMs: { value: cold.ms, baseline: indexCold, baselineIs: 'read and parse project.json alone' },
    openWarmMs: { value: median(warm), baseline: median(indexRuns), baselineIs: 'read and parse project.json alone' },
    openAllChangedMs: { value: allChanged.ms, baseline: median(indexRuns), baselineIs: 'read and parse project.json alone' },
    openLongestBlockMs,
    documentOpenMs: { value: median(opens), baseline: median(reads), baselineIs: "read and parse the document's file alone" },
    saveMs: { value: saveMs, baseline: median(writes), baselineIs: "stringify and write the document's JSON alone (no fsync)" },
    saveBytes: { value: saveBytes, baseline: Buffer.byteLength(docJson), baselineIs: "the document's JSON" },
    backupBytesPerOpen: { value: backupBytes, baseline: projectBytes, baselineIs: 'the whole project on disk (the second open of a project: unchanged files hard-linked from the first backup)' },
    suggestFirstMs: { value: suggestFirst, baseline: median(warmSuggest), baselineIs: 'a warm suggestion' },
    suggestAfterSaveMs: { value: suggestAfterSave, baseline: median(warmSuggest), baselineIs: 'a warm suggestion' },
    suggestFirstBlockMs,
    suggestAfterSaveBlockMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Ensures a folder exists. */
export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}
