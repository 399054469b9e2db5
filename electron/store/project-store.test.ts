import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectStore } from './project-store';
import { validateDocumentFile, emptyMeta, type ImportedDocument } from '../../shared/model/document';
import { body, segment, text, inlineFromPlain } from '../../shared/model/build';
import { runTs, waitForLine } from './testing/processes';
import { chunkFilesOf, readStoredDocument } from './testing/stored-document';
import { chunksNamed } from './chunks';

function sampleDoc(title: string, date = '1960-08-30'): ImportedDocument {
  return {
    meta: { ...emptyMeta(title), date },
    source: { file: `${title}.txt`, format: 'text', importedAt: '', witness: ['abc'], notes: [] },
    body: body([segment({ english: inlineFromPlain('They [the Koreans] agreed.'), witness: ['abc'] })]),
  };
}

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-store-'));
  dir = join(root, 'project');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the project store', () => {
  it('creates a project folder with project.json and documents/', async () => {
    const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
    await store.addDocuments([sampleDoc('A note')]);
    await store.close();
    const project = JSON.parse(await readFile(join(dir, 'project.json'), 'utf8'));
    expect(project.schemaVersion).toBe(1);
    expect(project.documents).toEqual([{ id: '1960-08-30-a-note', title: 'A note', date: '1960-08-30' }]);
    expect(await readdir(join(dir, 'documents'))).toEqual(['1960-08-30-a-note.json']);
  });

  it('writes pretty-printed JSON with schemaVersion and id first', async () => {
    const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
    const [{ id }] = await store.addDocuments([sampleDoc('A note')]);
    await store.close();
    const raw = await readFile(join(dir, 'documents', `${id}.json`), 'utf8');
    expect(raw.startsWith('{\n  "schemaVersion": 1,\n  "id": "1960-08-30-a-note",\n')).toBe(true);
    expect(raw.endsWith('}\n')).toBe(true);
  });

  it('saving one document rewrites only that document file', async () => {
    const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
    const [a, b] = await store.addDocuments([sampleDoc('First'), sampleDoc('Second')]);
    const before = await Promise.all(['project.json', `documents/${b.id}.json`].map((f) => stat(join(dir, f))));
    await new Promise((r) => setTimeout(r, 20));
    const doc = await store.readDocument(a.id);
    await store.saveDocument(a.id, doc.meta, body([segment({ english: text('Changed') })]));
    const after = await Promise.all(['project.json', `documents/${b.id}.json`].map((f) => stat(join(dir, f))));
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs));
    const saved = await store.readDocument(a.id);
    expect(JSON.stringify(saved.body)).toContain('Changed');
    await store.close();
  });

  it('gives two documents with the same date and title different ids', async () => {
    const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
    const ids = await store.addDocuments([sampleDoc('Same'), sampleDoc('Same')]);
    expect(ids.map((d) => d.id)).toEqual(['1960-08-30-same', '1960-08-30-same-2']);
    await store.close();
  });

  it('refuses to save a body that breaks the schema, and keeps the file', async () => {
    const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
    const [{ id }] = await store.addDocuments([sampleDoc('A note')]);
    const before = await readFile(join(dir, 'documents', `${id}.json`), 'utf8');
    const doc = await store.readDocument(id);
    await expect(store.saveDocument(id, doc.meta, { type: 'doc', content: [{ type: 'english' }] })).rejects.toThrow(/not saved/);
    expect(await readFile(join(dir, 'documents', `${id}.json`), 'utf8')).toBe(before);
    await store.close();
  });

  it('a read-only store cannot write', async () => {
    const writer = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
    const [{ id }] = await writer.addDocuments([sampleDoc('A note')]);
    await writer.close();
    const reader = await ProjectStore.open(dir);
    const doc = await reader.readDocument(id);
    await expect(reader.saveDocument(id, doc.meta, doc.body)).rejects.toThrow(/read-only/);
  });

  it('says clearly when a folder is not a project', async () => {
    await expect(ProjectStore.open(join(root, 'missing'))).rejects.toThrow(/does not exist/);
    await writeFile(join(root, 'file.txt'), 'x');
    await expect(ProjectStore.open(join(root, 'file.txt'))).rejects.toThrow(/is a file/);
    await expect(ProjectStore.open(root)).rejects.toThrow(/no project.json/);
  });
});

describe('damaged files', () => {
  it('reports a corrupt document by name, never overwrites it, and still opens the rest', async () => {
    const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
    const [bad, good] = await store.addDocuments([sampleDoc('Bad'), sampleDoc('Good')]);
    await store.close();
    const badPath = join(dir, 'documents', `${bad.id}.json`);
    const garbage = '{"schemaVersion": 1, "id": "1960-08-30-bad", "meta": {"title": "Bad"'; // truncated
    await writeFile(badPath, garbage);

    const reopened = await ProjectStore.open(dir, { write: true, holder: 'test', backup: true });
    const { documents, problems } = await reopened.listDocuments();
    expect(documents.map((d) => d.id)).toEqual([good.id]);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe(`documents/${bad.id}.json`);
    expect(problems[0].message).toMatch(/documents\/1960-08-30-bad\.json.*not valid JSON/);
    await expect(reopened.readDocument(bad.id)).rejects.toThrow(/damaged/);
    await expect(reopened.saveDocument(bad.id, emptyMeta('Bad'), body([segment({})]))).rejects.toThrow(/damaged/);
    expect(await readFile(badPath, 'utf8')).toBe(garbage);
    // The good document still opens and saves.
    const doc = await reopened.readDocument(good.id);
    await reopened.saveDocument(good.id, doc.meta, doc.body);
    await reopened.close();
  });

  it('reports a document that parses but fails validation, naming the field', async () => {
    const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
    const [doc] = await store.addDocuments([sampleDoc('Bad date')]);
    const path = join(dir, 'documents', `${doc.id}.json`);
    const data = JSON.parse(await readFile(path, 'utf8'));
    data.meta.date = '30 August 1960';
    await writeFile(path, JSON.stringify(data));
    const { problems } = await store.listDocuments();
    expect(problems[0].message).toMatch(/meta\.date: date must be ISO/);
    await store.close();
  });

  it('refuses to open a project whose project.json is damaged, and leaves it untouched', async () => {
    const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
    await store.close();
    await writeFile(join(dir, 'project.json'), '{ not json');
    await expect(ProjectStore.open(dir, { write: true, holder: 'test' })).rejects.toThrow(/project\.json is damaged/);
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe('{ not json');
    // A failed open releases the lock it took.
    await expect(readdir(dir)).resolves.not.toContain('project.lock');
  });
});

describe('the project lock', () => {
  it('keeps a second writer in the same process out, naming the holder', async () => {
    const first = await ProjectStore.open(dir, { write: true, create: true, holder: 'the first writer' });
    await expect(ProjectStore.open(dir, { write: true, holder: 'the second writer' })).rejects.toThrow(/open for writing by the first writer/);
    await first.close();
    const second = await ProjectStore.open(dir, { write: true, holder: 'the second writer' });
    await second.close();
  });

  it('keeps a writer in another process out while the first holds the project', async () => {
    const first = await ProjectStore.open(dir, { write: true, create: true, holder: 'the app' });
    const child = runTs('testing/hold-lock.ts', [dir], ['pipe', 'pipe', 'pipe']);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(3);
    await first.close();
  });

  it('keeps this process out while another process holds the project, and takes over a dead holder', async () => {
    const setup = await ProjectStore.open(dir, { write: true, create: true, holder: 'setup' });
    await setup.close();
    const child = runTs('testing/hold-lock.ts', [dir], ['pipe', 'pipe', 'pipe']);
    await waitForLine(child, 'locked');
    await expect(ProjectStore.open(dir, { write: true, holder: 'test' })).rejects.toThrow(/hold-lock test process \(process \d+/);
    // Readers are never locked out.
    await expect(ProjectStore.open(dir)).resolves.toBeInstanceOf(ProjectStore);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const after = await ProjectStore.open(dir, { write: true, holder: 'test' });
    await after.close();
  });
});

describe('durability', () => {
  // Whole saves of 200 to 249 rows (one file at 200, a head and chunks above: chunks.ts), and saves of one row of
  // 600 as the window's autosave makes them (a chunk or two, then the head).
  for (const mode of ['whole', 'rows'] as const)
  it(`a SIGKILL during a save never leaves an unreadable file or a head naming a missing chunk (${mode === 'whole' ? 'whole saves' : 'one row a save'}, 30 kills)`, async () => {
    const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'setup' });
    const [{ id }] = await store.addDocuments([sampleDoc('Killed')]);
    await store.close();
    const titles = new Set<string>();
    let chunked = 0;
    for (let i = 0; i < 30; i++) {
      const child = runTs('testing/save-loop.ts', [dir, id, mode], ['ignore', 'pipe', 'pipe']);
      // Kill within about three saves' time (a save's length depends on the machine's load),
      // so the kills land at different moments of different saves.
      const saveMs = Number(await waitForLine(child, 'ready'));
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 3 * Math.max(20, saveMs)));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
      // Read as the store reads it: every chunk the head names is there and matches its name.
      const stored = await readStoredDocument(dir, id);
      expect(validateDocumentFile(stored).ok).toBe(true);
      titles.add(stored.meta.title);
      if (existsSync(join(dir, 'documents', `${id}.chunks`))) chunked++;
    }
    // The kills landed at different moments of the save loop, not all before the first save.
    expect(titles.size).toBeGreaterThan(1);
    expect(chunked).toBeGreaterThan(0);
    const leftovers = (await readdir(join(dir, 'documents'))).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    expect(leftovers).toEqual([`${id}.json`]);
    // Chunks of saves killed before their head are removed on the next open for writing; the ones named stay.
    const reopened = await ProjectStore.open(dir, { write: true, holder: 'check' });
    await reopened.close();
    const { onDisk, named } = await chunkFilesOf(dir, id);
    const versions = await readdir(join(dir, 'history', id));
    const kept = new Set(named);
    for (const v of versions) for (const n of chunksNamed(await readFile(join(dir, 'history', id, v), 'utf8')) ?? []) kept.add(`${n}.json`);
    expect(onDisk.filter((n) => !kept.has(n))).toEqual([]);
    expect(named.filter((n) => !onDisk.includes(n))).toEqual([]);
    expect((await readStoredDocument(dir, id)).meta.title).toMatch(/^Round \d+$/);
  }, 180_000);
});
