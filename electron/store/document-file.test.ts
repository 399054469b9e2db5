/**
 * Long documents in chunks (chunks.ts, document-file.ts) through the store: the round trip in
 * memory and on disk, a save of one row writing one or two chunks and the head, short and
 * old documents in one file, damaged and missing chunks as clear errors that never get
 * written over, changes from outside (a git pull) read fresh, the history of a chunked
 * document (list, restore) and the collection of chunks nothing names (never one a kept
 * version names), and backups holding the chunks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectStore } from './project-store';
import { memoryFiles, type ProjectFiles } from './project-files';
import { noLock } from './lock';
import { backupProject } from './backups';
import { KEEP_VERSIONS } from './history';
import { CHUNKED_ABOVE_ROWS, chunkFolder, chunksNamed } from './chunks';
import { chunkFilesOf, readStoredDocument } from './testing/stored-document';
import { body, segment, text } from '../../shared/model/build';
import { emptyMeta, type DocumentFile, type ImportedDocument, type PMJson } from '../../shared/model/document';
import { canonicalJson } from '../../shared/model/canonical-json';

const row = (i: number, tag = ''): PMJson =>
  segment({ id: `r${i}`, english: text(`Row ${i}${tag}: the delegation arrived.`), witness: ['xx lP\\'], korean: [] });
const rows = (n: number, tag = ''): PMJson[] => Array.from({ length: n }, (_, i) => row(i, tag));
const long = (n: number, title = 'Long report'): ImportedDocument => ({
  meta: emptyMeta(title),
  source: { file: 'long.txt', format: 'text', importedAt: '', witness: ['xx lP\\'], notes: [] },
  body: body(rows(n)),
});
const englishOf = (doc: DocumentFile) => (doc.body.content ?? []).map((seg) => (seg.content?.[0]?.content ?? []).map((t) => t.text).join(''));

/** Edits row `at` of the document as the window's autosave does (saveDocumentChanges). */
async function editRow(store: ProjectStore, id: string, at: number, tag: string) {
  const doc = await store.readDocument(id);
  return store.saveDocumentChanges(id, { base: doc.updatedAt, meta: doc.meta, rowCount: doc.body.content!.length, changes: [{ from: at, to: at + 1, rows: [row(at, tag)] }] });
}

describe('chunked documents in memory', () => {
  const load = (files: ProjectFiles) => ProjectStore.load(files, { lock: noLock(), create: true, name: 'Chunks', dir: 'memory' });

  it('keeps a long document as a head and chunks, reads it back whole, and goes back to one file when it becomes short', async () => {
    const files = memoryFiles();
    const store = await load(files);
    const [{ id }] = await store.addDocuments([long(450)]);
    // Imported in one file (staged whole, all or nothing); chunked at its first save.
    expect(await files.list(chunkFolder(id))).toEqual([]);
    await editRow(store, id, 10, ' edited');
    const head = (await files.file(`documents/${id}.json`).read())!;
    const named = chunksNamed(head)!;
    expect(named.length).toBeGreaterThan(450 / 64);
    expect(JSON.parse(head).body).toEqual({ type: 'doc' });
    expect((await files.list(chunkFolder(id))).sort()).toEqual(named.map((n) => `${n}.json`).sort());

    const again = await load(files);
    const doc = await again.readDocument(id);
    expect(englishOf(doc)[10]).toBe('Row 10 edited: the delegation arrived.');
    expect(doc.body.content).toHaveLength(450);
    expect(doc.source.witness).toEqual(['xx lP\\']);
    const { documents } = await again.listDocuments();
    expect(documents[0]!.segments).toBe(450);

    // Short again: one file, as before chunks existed.
    await again.saveDocument(id, doc.meta, body(rows(CHUNKED_ABOVE_ROWS)));
    const short = JSON.parse((await files.file(`documents/${id}.json`).read())!) as DocumentFile;
    expect(short.body.content).toHaveLength(CHUNKED_ABOVE_ROWS);
    expect('chunks' in short).toBe(false);
    expect((await again.readDocument(id)).body.content).toHaveLength(CHUNKED_ABOVE_ROWS);
  });

  it('collects the chunks of versions dropped from the history, never one a kept version names, and every kept version restores', async () => {
    const files = memoryFiles();
    const store = await load(files);
    const [{ id }] = await store.addDocuments([long(300)]);
    for (let i = 0; i < KEEP_VERSIONS + 5; i++) await editRow(store, id, (i * 37) % 300, ` v${i}`);
    await store.close();
    const versions = await files.list(`history/${id}`);
    expect(versions).toHaveLength(KEEP_VERSIONS);
    const named = new Set(chunksNamed((await files.file(`documents/${id}.json`).read())!));
    for (const v of versions) for (const n of chunksNamed((await files.file(`history/${id}/${v}`).read())!) ?? []) named.add(n);
    // Nothing more than what the head and the kept versions name (the dropped versions' chunks are gone)…
    expect((await files.list(chunkFolder(id))).sort()).toEqual([...named].map((n) => `${n}.json`).sort());
    // …and every kept version reads whole.
    const again = await load(files);
    for (const entry of await again.documentVersions(id)) {
      expect(entry.problem).toBeNull();
      expect(entry.rows).toBe(300);
    }
    const restored = await again.restoreVersion(id, KEEP_VERSIONS);
    expect(restored.doc.body.content).toHaveLength(300);
    expect((await again.readDocument(id)).updatedAt).toBe(restored.doc.updatedAt);
  });
});

describe('chunked documents on disk', () => {
  let root: string;
  let dir: string;
  let store: ProjectStore;
  let id: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'interlinea-chunks-'));
    dir = join(root, 'project');
    store = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
    [{ id }] = await store.addDocuments([long(600)]);
    await editRow(store, id, 0, ' first');
  });
  afterEach(async () => {
    await store.close();
    await rm(root, { recursive: true, force: true });
  });

  it('saves one edited row by writing one or two chunks and the head, and a short line in the summary journal', async () => {
    const before = new Set((await chunkFilesOf(dir, id)).onDisk);
    const journal = (await readFile(join(dir, '.interlinea', 'summaries.jsonl'), 'utf8')).length;
    const head = (await readFile(join(dir, 'documents', `${id}.json`), 'utf8')).length;
    await editRow(store, id, 300, ' edited');
    const after = await chunkFilesOf(dir, id);
    const fresh = after.onDisk.filter((n) => !before.has(n));
    expect(fresh.length).toBeGreaterThanOrEqual(1);
    expect(fresh.length).toBeLessThanOrEqual(2);
    expect(after.named.filter((n) => !after.onDisk.includes(n))).toEqual([]);
    // The head is a line per chunk; the journal line carries no Korean that did not change.
    expect(head).toBeLessThan(10_000);
    expect((await readFile(join(dir, '.interlinea', 'summaries.jsonl'), 'utf8')).length - journal).toBeLessThan(1_000);
    const stored = await readStoredDocument(dir, id);
    expect(englishOf(stored)[300]).toBe('Row 300 edited: the delegation arrived.');
    expect(englishOf(stored)[0]).toBe('Row 0 first: the delegation arrived.');
  });

  it('reports a damaged or missing chunk naming the document and the chunk, and never saves over it', async () => {
    const { named } = await chunkFilesOf(dir, id);
    const chunk = join(dir, chunkFolder(id), named[0]!);
    const original = await readFile(chunk, 'utf8');
    await writeFile(chunk, original.replace('delegation', 'delegatiom'));
    const head = await readFile(join(dir, 'documents', `${id}.json`), 'utf8');
    await expect(store.readDocument(id)).rejects.toThrow(
      new RegExp(`documents/${id}\\.json is damaged and was left untouched: rows \\d+–\\d+ are in documents/${id}\\.chunks/${named[0]!.slice(0, -5)}\\.json, which is damaged`),
    );
    await expect(store.saveDocument(id, emptyMeta('Over it'), body(rows(600)))).rejects.toThrow('is damaged');
    await expect(editRow(store, id, 5, ' over it')).rejects.toThrow('is damaged');
    expect(await readFile(join(dir, 'documents', `${id}.json`), 'utf8')).toBe(head);

    await unlink(chunk);
    await expect(store.readDocument(id)).rejects.toThrow(`documents/${id}.chunks/${named[0]}, which is missing`);
    // A fresh store lists it as damaged, and opens the rest.
    await store.close();
    store = await ProjectStore.open(dir, { write: true, holder: 'test' });
    const { problems } = await store.listDocuments();
    expect(problems.map((p) => p.message).join('\n')).toContain('which is missing');
    expect(await readFile(join(dir, 'documents', `${id}.json`), 'utf8')).toBe(head);
    await writeFile(chunk, original);
    expect((await store.readDocument(id)).body.content).toHaveLength(600);
  });

  it('reads a document changed from outside (a git pull of its head and chunks) fresh, in the list and on opening', async () => {
    // A colleague's copy of the project, edited there and pulled back (head and chunks).
    const theirs = join(root, 'theirs');
    await store.close();
    await cp(dir, theirs, { recursive: true });
    const other = await ProjectStore.open(theirs, { write: true, holder: 'colleague' });
    await editRow(other, id, 450, ' pulled');
    await other.saveDocument(id, { ...(await other.readDocument(id)).meta, title: 'Pulled title' }, (await other.readDocument(id)).body);
    await other.close();
    store = await ProjectStore.open(dir, { write: true, holder: 'test' });
    const opened = await store.readDocument(id);
    expect((await store.listDocuments()).documents[0]!.title).toBe('Long report');
    await cp(join(theirs, 'documents'), join(dir, 'documents'), { recursive: true });
    expect((await store.listDocuments()).documents[0]!.title).toBe('Pulled title');
    expect(englishOf(await store.readDocument(id))[450]).toBe('Row 450 pulled: the delegation arrived.');
    // The window's changes to the version before the pull are refused, and the pulled version stays.
    await expect(
      store.saveDocumentChanges(id, { base: opened.updatedAt, meta: opened.meta, rowCount: 600, changes: [{ from: 1, to: 2, rows: [row(1, ' mine')] }] }),
    ).rejects.toThrow('they are to the version saved at');
    expect(englishOf(await readStoredDocument(dir, id))[450]).toBe('Row 450 pulled: the delegation arrived.');
  });

  it('backs up the chunks with the head, linked when unchanged, and a backup copied back opens whole', async () => {
    const first = await backupProject(dir);
    const { named } = await chunkFilesOf(dir, id);
    expect(first.files).toBe(2 + named.length); // project.json, the head, its chunks
    const manifest = JSON.parse(await readFile(join(first.folder, 'manifest.json'), 'utf8')) as { files: Record<string, unknown> };
    for (const n of named) expect(Object.keys(manifest.files)).toContain(`documents/${id}.chunks/${n}`);
    await editRow(store, id, 200, ' after the backup');
    const second = await backupProject(dir, { now: new Date(Date.now() + 1000) });
    // The head and the one or two new chunks are copied; every other chunk is linked.
    expect(second.copied).toBeLessThanOrEqual(4);
    expect(second.linked).toBeGreaterThanOrEqual(named.length - 2);
    const copy = join(root, 'restored');
    await cp(first.folder, copy, { recursive: true });
    await unlink(join(copy, 'manifest.json'));
    const restored = await readStoredDocument(copy, id);
    expect(englishOf(restored)[200]).toBe('Row 200: the delegation arrived.');
    expect(restored.body.content).toHaveLength(600);
  });

  it('removes chunks no head names (a save killed before its head) when the project is opened for writing', async () => {
    const orphan = join(dir, chunkFolder(id), `${'0'.repeat(32)}.json`);
    const temp = join(dir, chunkFolder(id), `.${'1'.repeat(32)}.json.123.abcd.tmp`);
    await writeFile(orphan, canonicalJson({ rows: [row(1)] }));
    await writeFile(temp, 'half');
    const before = await chunkFilesOf(dir, id);
    await store.close();
    store = await ProjectStore.open(dir, { write: true, holder: 'test' });
    await store.close();
    const after = await readdir(join(dir, chunkFolder(id)));
    expect(after).not.toContain(`${'0'.repeat(32)}.json`);
    expect(after).not.toContain(temp.split('/').at(-1));
    // Everything named by the head or a kept version is still there.
    expect(after.length).toBe(before.onDisk.length - 2);
    expect((await readStoredDocument(dir, id)).body.content).toHaveLength(600);
    store = await ProjectStore.open(dir, { write: true, holder: 'test' });
  });
});
