/**
 * The fault suite: ENOSPC, EIO and EACCES at each write step of each store
 * operation (every open, write, fsync, close, rename, mkdir, copy, unlink it
 * makes, counted by testing/faulty-fs.ts). After each fault: the error is a
 * plain message naming the file, every project file is its previous version
 * (or, when the message says the change was recorded, its new one), the
 * store's memory matches the disk, and the project opens consistent.
 * `npm run soak` runs this file and reports its figures (INTERLINEA_FAULT_FIGURES).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('node:fs/promises', async (real) => (await import('./testing/faulty-fs')).faultyFs(await real()));
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as faults from './testing/faulty-fs';
import { ProjectStore } from './project-store';
import { importFiles } from './testing/import-files';
import { batchFiles } from './testing/import-loop';
import { checkProject, partialBatches } from './testing/consistency';
import { addGlossaryEntry } from '../handlers/glossary';
import { canonicalJson } from '../../shared/model/canonical-json';
import { body, segment, text } from '../../shared/model/build';
import { emptyMeta } from '../../shared/model/document';

const CODES = ['ENOSPC', 'EIO', 'EACCES'];

interface Operation {
  name: string;
  /** Runs the operation; `store` is open for writing unless the operation opens it itself. */
  run(dir: string, store: ProjectStore | null): Promise<ProjectStore | void>;
  opens?: boolean;
  /** Imports batches, which must be whole or absent. */
  batches?: boolean;
}

let ids: string[] = [];
/** A long document, kept in chunks (chunks.ts). */
let longId = '';
const longRow = (i: number, tag = '') => segment({ id: `r${i}`, english: text(`Row ${i}${tag}.`), witness: ['xx lP\\'], korean: [] });
const operations: Operation[] = [
  {
    name: 'save one row of a long document (its chunks and head)',
    async run(_dir, store) {
      const doc = await store!.readDocument(longId);
      await store!.saveDocumentChanges(longId, { base: doc.updatedAt, meta: doc.meta, rowCount: 250, changes: [{ from: 120, to: 121, rows: [longRow(120, ', edited')] }] });
    },
  },
  {
    name: 'save a document (and its title in the index)',
    async run(_dir, store) {
      const doc = await store!.readDocument(ids[0]);
      await store!.saveDocument(ids[0], { ...doc.meta, title: 'Renamed', summary: 'changed' }, doc.body);
    },
  },
  {
    name: 'add a glossary entry',
    async run(_dir, store) {
      await addGlossaryEntry(store!, { en: 'Fault Entry', ko: ['시험'], type: 'term', variants: [], note: '' });
    },
  },
  {
    name: 'remove a glossary entry',
    async run(_dir, store) {
      await store!.updateProject((p) => void (p.glossary = p.glossary.slice(1)));
    },
  },
  {
    name: 'import a batch of four documents',
    batches: true,
    async run(_dir, store) {
      await importFiles(store!, batchFiles(1));
    },
  },
  {
    name: 'open with the backup',
    opens: true,
    async run(dir) {
      return ProjectStore.open(dir, { write: true, holder: 'fault suite', backup: true });
    },
  },
];

let root: string;
let template: string;
const figures = { faults: 0, failures: 0, operations: {} as Record<string, number> };

/** Every project file's text, by name (times and new glossary ids aside, which differ from run to run). */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const read = async (name: string) =>
    (await readFile(join(dir, name), 'utf8')).replace(/"(updatedAt|importedAt)": "[^"]*"/g, '"$1": ""').replace(/"id": "g[^"]*"/g, '"id": "g"');
  const files = new Map<string, string>();
  files.set('project.json', await read('project.json'));
  for (const name of await readdir(join(dir, 'documents'))) {
    if (name.endsWith('.json') && !name.startsWith('.')) files.set(`documents/${name}`, await read(`documents/${name}`));
  }
  return files;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-faults-'));
  template = join(root, 'template');
  const store = await ProjectStore.open(template, { write: true, create: true, holder: 'setup' });
  ids = (await importFiles(store, batchFiles(0))).imported.map((d) => d.id);
  [{ id: longId }] = await store.addDocuments([
    { meta: emptyMeta('Long'), source: { file: 'long.txt', format: 'text', importedAt: '', witness: [], notes: [] }, body: body(Array.from({ length: 250 }, (_, i) => longRow(i))) },
  ]);
  const long = await store.readDocument(longId);
  await store.saveDocument(longId, long.meta, long.body);
  await store.close();
});
afterEach(() => void faults.stop());
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  const out = process.env['INTERLINEA_FAULT_FIGURES'];
  if (out) await writeFile(out, JSON.stringify(figures, null, 2) + '\n');
});

/** Runs `op` with the fault of step `failAt` (none: null); the error it gave, the store it leaves open (or null). */
async function attempt(op: Operation, dir: string, failAt: number | null, code: string) {
  const store = op.opens ? null : await ProjectStore.open(dir, { write: true, holder: 'fault suite' });
  faults.record(failAt, code);
  let error: Error | null = null;
  let opened: ProjectStore | null = store;
  try {
    opened = (await op.run(dir, store)) ?? store;
  } catch (err) {
    error = err as Error;
  }
  const steps = faults.stop();
  return { error, steps, store: opened };
}

describe('a disk error at each write step', () => {
  for (const op of operations) {
    it(`of "${op.name}" keeps the previous files, says what failed in plain words, and leaves a consistent project`, async () => {
      const before = await snapshot(template);
      const reference = join(root, 'reference');
      await rm(reference, { recursive: true, force: true });
      await cp(template, reference, { recursive: true });
      const counted = await attempt(op, reference, null, 'ENOSPC');
      expect(counted.error).toBeNull();
      await counted.store?.close();
      const after = await snapshot(reference);
      const failures: string[] = [];
      for (const code of CODES) {
        for (let k = 1; k <= counted.steps.length; k++) {
          const dir = join(root, `${code}-${k}`);
          await cp(template, dir, { recursive: true });
          const { error, store } = await attempt(op, dir, k, code);
          figures.faults++;
          figures.operations[op.name] = (figures.operations[op.name] ?? 0) + 1;
          const step = counted.steps[k - 1];
          const context = `${op.name}, ${code} at step ${k} (${step.op} ${step.path})`;
          const fail = (what: string) => failures.push(`${context}: ${what}`);
          const message = error?.message ?? store?.notices.map((n) => n.message).join(' ') ?? '';
          if (error || message) {
            if (!new RegExp(`Could not .+ \\(${code}\\)`).test(message)) fail(`unclear message: ${message || error}`);
            if (/internal|\n\s+at /.test(message)) fail(`message with internals: ${message}`);
          }
          // Memory follows the disk.
          if (store) {
            if (canonicalJson(store.project) !== (await readFile(join(dir, 'project.json'), 'utf8'))) fail('project.json in memory differs from the disk');
            await store.close();
          }
          const now = await snapshot(dir);
          // The file the message names is its previous version, unless the message says it was written.
          const named = error && !/was written|is recorded/.test(message) ? /^Could not .+? (\S+): /.exec(message)?.[1] : undefined;
          for (const [name, text] of now) {
            const old = before.get(name);
            if (named && (named === name || named.endsWith(`/${name}`)) && text !== old) fail(`${name} changed although its write failed`);
            // A file the operation adds is checked by the consistency check (it validates, and its batch is whole).
            if (old !== undefined && text !== old && text !== after.get(name)) fail(`${name} is neither its previous nor its new version`);
          }
          for (const name of before.keys()) if (!now.has(name)) fail(`${name} was lost`);
          const check = await checkProject(dir);
          await check.store?.close();
          for (const p of check.problems) fail(p);
          if (op.batches) for (const p of partialBatches(check.titles)) fail(`partial ${p}`);
          await rm(dir, { recursive: true, force: true });
        }
      }
      figures.failures += failures.length;
      expect(failures).toEqual([]);
    }, 240_000);
  }
});
