/**
 * The store's logic over a project in memory (lowdb's Memory under the same
 * JsonFile adapters): no temp folder. Locks, durability, backups and files on
 * disk are project-store.test.ts's.
 */
import { describe, expect, it } from 'vitest';
import { ProjectStore } from './project-store';
import { memoryFiles, type ProjectFiles } from './project-files';
import { noLock } from './lock';
import { emptyMeta, type ImportedDocument } from '../../shared/model/document';
import { body, segment, text, inlineFromPlain } from '../../shared/model/build';

function sampleDoc(title: string, date = '1960-08-30'): ImportedDocument {
  return {
    meta: { ...emptyMeta(title), date },
    source: { file: `${title}.txt`, format: 'text', importedAt: '', witness: ['abc'], notes: [] },
    body: body([segment({ english: inlineFromPlain('They [the Koreans] agreed.'), witness: ['abc'] })]),
  };
}

async function created(files: ProjectFiles = memoryFiles()): Promise<{ files: ProjectFiles; store: ProjectStore }> {
  const store = await ProjectStore.load(files, { lock: noLock(), create: true, name: 'Memory', dir: 'memory' });
  return { files, store };
}

/** Counts the writes to each file. */
function countWrites(files: ProjectFiles): Map<string, number> {
  const counts = new Map<string, number>();
  const file = files.file.bind(files);
  files.file = (name) => {
    const inner = file(name);
    return {
      read: () => inner.read(),
      write: (t) => {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        return inner.write(t);
      },
    };
  };
  return counts;
}

describe('the project store, in memory', () => {
  it('creates project.json named as asked, and reads it back in a new store', async () => {
    const { files } = await created();
    const text = await files.file('project.json').read();
    expect(JSON.parse(text!)).toMatchObject({ schemaVersion: 1, name: 'Memory', documents: [] });
    const again = await ProjectStore.load(files, { lock: null, name: 'ignored', dir: 'memory' });
    expect(again.project.name).toBe('Memory');
  });

  it('says a project without project.json is not a project, unless asked to create one with the lock held', async () => {
    await expect(ProjectStore.load(memoryFiles(), { lock: noLock(), name: 'x', dir: 'memory' })).rejects.toThrow(/memory is not an Interlinea project/);
    await expect(ProjectStore.load(memoryFiles(), { lock: null, create: true, name: 'x', dir: 'memory' })).rejects.toThrow(/needs write access/);
  });

  it('adds documents with one file each and an index entry each, in order', async () => {
    const { files, store } = await created();
    const added = await store.addDocuments([sampleDoc('First'), sampleDoc('Same'), sampleDoc('Same')]);
    expect(added.map((d) => d.id)).toEqual(['1960-08-30-first', '1960-08-30-same', '1960-08-30-same-2']);
    expect((await files.documentIds()).sort()).toEqual(added.map((d) => d.id).sort());
    expect(store.project.documents.map((d) => d.id)).toEqual(added.map((d) => d.id));
    const { documents, problems } = await store.listDocuments();
    expect(problems).toEqual([]);
    expect(documents.map((d) => d.title)).toEqual(['First', 'Same', 'Same']);
  });

  it('writes nothing when one document of a batch is invalid', async () => {
    const { files, store } = await created();
    const broken = { ...sampleDoc('Broken'), body: { type: 'doc', content: [{ type: 'nonsense' }] } } as ImportedDocument;
    await expect(store.addDocuments([sampleDoc('Fine'), broken])).rejects.toThrow(/Broken\.txt: the imported document is invalid.*nothing was imported/);
    expect(await files.documentIds()).toEqual([]);
    expect(store.project.documents).toEqual([]);
  });

  it('saving a document rewrites that file only, also when its title changes (the list takes it from the summary index)', async () => {
    const files = memoryFiles();
    const writes = countWrites(files);
    const { store } = await created(files);
    const [a] = await store.addDocuments([sampleDoc('First'), sampleDoc('Second')]);
    writes.clear();
    const doc = await store.readDocument(a.id);
    await store.saveDocument(a.id, doc.meta, body([segment({ english: text('Changed') })]));
    expect(Object.fromEntries(writes)).toEqual({ [`documents/${a.id}.json`]: 1 });
    await store.saveDocument(a.id, { ...doc.meta, title: 'Renamed' }, doc.body);
    // project.json keeps the title the document was imported with (older versions read it); no whole-index write per rename.
    expect(Object.fromEntries(writes)).toEqual({ [`documents/${a.id}.json`]: 2 });
    expect(store.project.documents[0].title).toBe('First');
    expect((await store.listDocuments()).documents.map((d) => d.title)).toEqual(['Renamed', 'Second']);
    const again = await ProjectStore.load(files, { lock: null, name: 'Memory', dir: 'memory' });
    expect((await again.listDocuments()).documents.map((d) => d.title)).toEqual(['Renamed', 'Second']);
    expect(JSON.stringify((await store.readDocument(a.id)).body)).not.toContain('Changed');
  });

  it('never saves over a document file that became damaged, and lists it by name with the rest', async () => {
    const { files, store } = await created();
    const [bad, good] = await store.addDocuments([sampleDoc('Bad'), sampleDoc('Good')]);
    const doc = await store.readDocument(bad.id); // read while it was fine
    const garbage = '{"schemaVersion": 1, "id": "1960-08-30-bad"';
    await files.file(`documents/${bad.id}.json`).write(garbage);
    await expect(store.readDocument(bad.id)).rejects.toThrow(/documents\/1960-08-30-bad\.json is damaged.*not valid JSON/);
    await expect(store.saveDocument(bad.id, doc.meta, doc.body)).rejects.toThrow(/damaged/);
    expect(await files.file(`documents/${bad.id}.json`).read()).toBe(garbage);
    const { documents, problems } = await store.listDocuments();
    expect(documents.map((d) => d.id)).toEqual([good.id]);
    expect(problems).toEqual([{ file: `documents/${bad.id}.json`, message: expect.stringMatching(/not valid JSON/) }]);
  });

  it('reports a document file whose id is not its name, and does not save over it', async () => {
    const { files, store } = await created();
    const [a, b] = await store.addDocuments([sampleDoc('A'), sampleDoc('B')]);
    await files.file(`documents/${a.id}.json`).write((await files.file(`documents/${b.id}.json`).read())!);
    await expect(store.readDocument(a.id)).rejects.toThrow(/its id is 1960-08-30-b, not 1960-08-30-a/);
    await expect(store.saveDocument(a.id, emptyMeta('A'), body([segment({})]))).rejects.toThrow(/its id is/);
  });

  it('sees a document changed behind its back on the next list (the summary follows the file)', async () => {
    const { files, store } = await created();
    const [a] = await store.addDocuments([sampleDoc('Before')]);
    expect((await store.listDocuments()).documents[0].title).toBe('Before');
    const data = JSON.parse((await files.file(`documents/${a.id}.json`).read())!);
    data.meta.title = 'After';
    await files.file(`documents/${a.id}.json`).write(JSON.stringify(data));
    expect((await store.listDocuments()).documents[0].title).toBe('After');
  });

  it('refuses a project change that does not validate, and keeps the project as it was', async () => {
    const { store } = await created();
    await expect(
      store.updateProject((project) => {
        (project as { name: unknown }).name = 42;
      }),
    ).rejects.toThrow(/project\.json was not changed/);
    expect(store.project.name).toBe('Memory');
  });

  it('a store without the lock cannot write', async () => {
    const { files, store } = await created();
    const [a] = await store.addDocuments([sampleDoc('A')]);
    const reader = await ProjectStore.load(files, { lock: null, name: 'x', dir: 'memory' });
    const doc = await reader.readDocument(a.id);
    await expect(reader.saveDocument(a.id, doc.meta, doc.body)).rejects.toThrow(/read-only/);
  });
});
