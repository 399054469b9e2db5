/**
 * The summary index (summary-index.ts): the list comes from the journal, a
 * document file is read again only when its stamp changed, and the journal is
 * derived data that repairs itself (torn, foreign, outdated, files changed,
 * added or removed outside the app).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectStore } from './project-store';
import { memoryFiles, type ProjectFiles } from './project-files';
import { noLock } from './lock';
import { SUMMARY_JOURNAL, needsCompaction, parseJournal } from './summary-index';
import { emptyMeta, type ImportedDocument } from '../../shared/model/document';
import { body, segment, inlineFromPlain, text } from '../../shared/model/build';

function doc(title: string): ImportedDocument {
  return {
    meta: { ...emptyMeta(title), date: '1961-03-02' },
    source: { file: `${title}.txt`, format: 'text', importedAt: '', witness: ['abc'], notes: [] },
    body: body([segment({ english: inlineFromPlain(`${title} said so.`), witness: ['abc'] })]),
  };
}

/** Counts reads of document files. */
function countReads(files: ProjectFiles): { documents: number } {
  const counter = { documents: 0 };
  const file = files.file.bind(files);
  files.file = (name) => {
    const inner = file(name);
    return {
      read: () => {
        if (name.startsWith('documents/')) counter.documents++;
        return inner.read();
      },
      write: (t) => inner.write(t),
    };
  };
  return counter;
}

async function project(titles: string[]): Promise<{ files: ProjectFiles; ids: string[] }> {
  const files = memoryFiles();
  const store = await ProjectStore.load(files, { lock: noLock(), create: true, name: 'Index', dir: 'memory' });
  const ids = (await store.addDocuments(titles.map(doc))).map((d) => d.id);
  await store.close();
  return { files, ids };
}

const reopen = (files: ProjectFiles, write = true) => ProjectStore.load(files, { lock: write ? noLock() : null, name: 'Index', dir: 'memory' });
const titles = async (store: ProjectStore) => (await store.listDocuments()).documents.map((d) => d.title);

describe('the summary index', () => {
  it('lists a reopened project without reading a single document file', async () => {
    const { files } = await project(['Alpha', 'Beta', 'Gamma']);
    const reads = countReads(files);
    const store = await reopen(files);
    expect(await titles(store)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(reads.documents).toBe(0);
    expect(await store.restoredKorean()).toEqual([]);
  });

  it('reads again only the file changed outside the app, and remembers what it read', async () => {
    const { files, ids } = await project(['Alpha', 'Beta', 'Gamma']);
    const data = JSON.parse((await files.file(`documents/${ids[1]}.json`).read())!);
    data.meta.title = 'Beta (pulled)';
    await files.file(`documents/${ids[1]}.json`).write(JSON.stringify(data));
    const reads = countReads(files);
    const store = await reopen(files);
    expect(await titles(store)).toEqual(['Alpha', 'Beta (pulled)', 'Gamma']);
    expect(reads.documents).toBe(1);
    await store.close();
    const after = await reopen(files);
    expect(await titles(after)).toEqual(['Alpha', 'Beta (pulled)', 'Gamma']);
    expect(reads.documents).toBe(1);
  });

  it('lists a document file added outside the app and drops one removed outside it', async () => {
    const { files, ids } = await project(['Alpha', 'Beta']);
    const copy = JSON.parse((await files.file(`documents/${ids[0]}.json`).read())!);
    copy.id = 'from-a-colleague';
    copy.meta.title = 'From a colleague';
    await files.file('documents/from-a-colleague.json').write(JSON.stringify(copy));
    const store = await reopen(files);
    expect(await titles(store)).toEqual(['Alpha', 'Beta', 'From a colleague']);
  });

  it('reads again the documents of a torn line, and all of them when the journal is not ours', async () => {
    const { files } = await project(['Alpha', 'Beta', 'Gamma']);
    const journal = (await files.cache(SUMMARY_JOURNAL).read())!;
    const lines = journal.split('\n');
    // A kill in the middle of an append: the last line is cut short.
    await files.cache(SUMMARY_JOURNAL).replace(`${lines.slice(0, -2).join('\n')}\n${lines.at(-2)!.slice(0, 40)}`);
    let reads = countReads(files);
    expect(await titles(await reopen(files))).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(reads.documents).toBe(1);

    await files.cache(SUMMARY_JOURNAL).replace('{"something":"else"}\n');
    const fresh = await project(['Alpha', 'Beta', 'Gamma']);
    await fresh.files.cache(SUMMARY_JOURNAL).replace('{"something":"else"}\n');
    reads = countReads(fresh.files);
    const store = await reopen(fresh.files);
    expect(await titles(store)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(reads.documents).toBe(3);
    await store.close();
    // Rewritten whole: the next open reads nothing.
    expect(parseJournal((await fresh.files.cache(SUMMARY_JOURNAL).read())!).records.size).toBe(3);
    expect(await titles(await reopen(fresh.files))).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(reads.documents).toBe(3);
  });

  it('appends one line per save and compacts when outdated lines pile up', async () => {
    const { files, ids } = await project(['Alpha', 'Beta']);
    const store = await reopen(files);
    const stored = await store.readDocument(ids[0]);
    for (let i = 0; i < 100; i++) {
      await store.saveDocument(ids[0], { ...stored.meta, title: `Alpha ${i}` }, body([segment({ english: text(`Take ${i}`) })]));
    }
    await store.close();
    const journal = parseJournal((await files.cache(SUMMARY_JOURNAL).read())!);
    expect(journal.records.get(ids[0])?.summary.title).toBe('Alpha 99');
    expect(journal.lines).toBeLessThanOrEqual(2 * 2 + 64 + 1);
    expect(needsCompaction(journal.lines, 2)).toBe(false);
    expect(await titles(await reopen(files))).toEqual(['Alpha 99', 'Beta']);
  });

  it('is written only by the store holding the lock; a read-only store keeps its repairs in memory', async () => {
    const { files, ids } = await project(['Alpha']);
    const data = JSON.parse((await files.file(`documents/${ids[0]}.json`).read())!);
    data.meta.title = 'Changed';
    await files.file(`documents/${ids[0]}.json`).write(JSON.stringify(data));
    const before = await files.cache(SUMMARY_JOURNAL).read();
    expect(await titles(await reopen(files, false))).toEqual(['Changed']);
    expect(await files.cache(SUMMARY_JOURNAL).read()).toBe(before);
  });

  it('shares one listing between callers at the same time', async () => {
    const { files } = await project(['Alpha', 'Beta']);
    await files.cache(SUMMARY_JOURNAL).replace('');
    const reads = countReads(files);
    const store = await reopen(files);
    const [a, b] = await Promise.all([store.listDocuments(), store.listDocuments()]);
    expect(a).toBe(b);
    expect(reads.documents).toBe(2);
  });
});

describe('the summary index on disk', () => {
  let root: string | null = null;
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
    root = null;
  });

  it('follows a file changed by another program (a git pull) and one deleted, and keeps the journal in .interlinea/', async () => {
    root = await mkdtemp(join(tmpdir(), 'interlinea-index-'));
    const dir = join(root, 'project');
    const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
    const ids = (await store.addDocuments([doc('Alpha'), doc('Beta'), doc('Gamma')])).map((d) => d.id);
    await store.close();
    expect(parseJournal(await readFile(join(dir, SUMMARY_JOURNAL), 'utf8')).records.size).toBe(3);

    const path = join(dir, 'documents', `${ids[0]}.json`);
    const data = JSON.parse(await readFile(path, 'utf8'));
    data.meta.title = 'Alpha, as pulled';
    await writeFile(path, JSON.stringify(data));
    await utimes(path, new Date(), new Date(Date.now() + 3000));
    await unlink(join(dir, 'documents', `${ids[2]}.json`));
    const again = await ProjectStore.open(dir, { write: true, holder: 'test' });
    try {
      expect((await again.listDocuments()).documents.map((d) => d.title)).toEqual(['Alpha, as pulled', 'Beta']);
    } finally {
      await again.close();
    }
    const journal = parseJournal(await readFile(join(dir, SUMMARY_JOURNAL), 'utf8'));
    expect([...journal.records.values()].map((r) => r.summary.title).sort()).toEqual(['Alpha, as pulled', 'Beta']);
  });

  it('journals a save that left the restored Korean alone without it, and one that changed a row with that row only', async () => {
    const files = memoryFiles();
    const store = await ProjectStore.load(files, { lock: noLock(), create: true, name: 'Index', dir: 'memory' });
    const rows = Array.from({ length: 40 }, (_, i) => segment({ english: text(`Row ${i}.`), witness: ['xx lP\\'], korean: text(`한국어 ${i}`) }));
    const [{ id }] = await store.addDocuments([{ ...doc('Korean'), body: body(rows) }]);
    const journal = async () => (await files.cache(SUMMARY_JOURNAL).read()) ?? '';
    const save = async (at: number, korean: string) => {
      const d = await store.readDocument(id);
      const row = segment({ english: text(`Row ${at}, edited.`), witness: ['xx lP\\'], korean: text(korean) });
      await store.saveDocumentChanges(id, { base: d.updatedAt, meta: d.meta, rowCount: 40, changes: [{ from: at, to: at + 1, rows: [row] }] });
    };
    const before = (await journal()).length;
    await save(5, '한국어 5');
    const unchanged = (await journal()).slice(before);
    expect(unchanged).toContain('"koreanEdit":{"at":40,"remove":0,"insert":[]}');
    expect(unchanged).not.toContain('한국어 6');
    await save(7, '고친 말');
    expect((await journal()).split('\n').at(-2)).toContain('"koreanEdit":{"at":7,"remove":1,"insert":["고친 말"]}');
    await store.close();
    // Read back, the edits give the Korean in full (the suggester's text) without reading the document.
    const reads = countReads(files);
    const again = await reopen(files);
    const korean = await again.restoredKorean();
    expect(reads.documents).toBe(0);
    expect(korean).toHaveLength(40);
    expect(korean[7]).toBe('고친 말');
    expect(korean[8]).toBe('한국어 8');
    // An edit line without the line it edits (a journal cut short) makes the document be read again.
    const lines = (await journal()).split('\n').filter(Boolean);
    const orphan = parseJournal([lines[0], lines.at(-1)].join('\n'));
    expect(orphan.records.has(id)).toBe(false);
  });
});

