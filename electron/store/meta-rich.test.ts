/**
 * Metadata with corrections through the store: the rich form is kept in the
 * document file, the project index (project.json) stays plain text, and a file
 * with an invalid rich form is reported by name, never overwritten.
 */
import { describe, expect, it } from 'vitest';
import { ProjectStore } from './project-store';
import { memoryFiles } from './project-files';
import { noLock } from './lock';
import { emptyMeta, type ImportedDocument, type PMJson } from '../../shared/model/document';
import { body, segment, text } from '../../shared/model/build';

const correctedTitle: PMJson = {
  type: 'field',
  content: [
    { type: 'text', text: 'Talk with ' },
    { type: 'text', text: 'Kim Il Sung', marks: [{ type: 'correction', attrs: { original: 'Kim II Sung', resp: 'edab1', when: '2025-01-02' } }] },
  ],
};

function doc(): ImportedDocument {
  return {
    meta: { ...emptyMeta('Talk with Kim II Sung'), date: '1963-06-20' },
    source: { file: 'talk.txt', format: 'text', importedAt: '', witness: [], notes: [] },
    body: body([segment({ english: text('Fine.') })]),
  };
}

describe('corrected metadata in the store', () => {
  it('keeps the rich form in the document and plain text in the index', async () => {
    const files = memoryFiles();
    const store = await ProjectStore.load(files, { lock: noLock(), create: true, name: 'M', dir: 'memory' });
    const [{ id }] = await store.addDocuments([doc()]);
    const stored = await store.readDocument(id);
    await store.saveDocument(id, { ...stored.meta, title: 'Talk with Kim Il Sung', rich: { title: correctedTitle } }, stored.body);

    const project = JSON.parse((await files.file('project.json').read())!);
    // project.json's entry is as imported (a rename does not rewrite the whole index), plain text only.
    expect(project.documents).toEqual([{ id, title: 'Talk with Kim II Sung', date: '1963-06-20' }]);
    expect(JSON.stringify(project.documents)).not.toMatch(/"rich"|"field"|correction/);

    const again = await ProjectStore.load(files, { lock: null, name: 'M', dir: 'memory' });
    const read = await again.readDocument(id);
    expect(read.meta.title).toBe('Talk with Kim Il Sung');
    expect(read.meta.rich?.title).toEqual(correctedTitle);
    expect((await again.listDocuments()).documents.map((d) => d.title)).toEqual(['Talk with Kim Il Sung']);
  });

  it('refuses to save an invalid rich form, naming the field, and keeps the file', async () => {
    const files = memoryFiles();
    const store = await ProjectStore.load(files, { lock: noLock(), create: true, name: 'M', dir: 'memory' });
    const [{ id }] = await store.addDocuments([doc()]);
    const stored = await store.readDocument(id);
    const before = await files.file(`documents/${id}.json`).read();
    const bad = { ...stored.meta, rich: { summary: { type: 'field', content: [{ type: 'text', text: 'x', marks: [{ type: 'correction', attrs: {} }] }] } } };
    await expect(store.saveDocument(id, bad, stored.body)).rejects.toThrow(/meta\.rich\.summary: the corrected text of summary is not valid/);
    expect(await files.file(`documents/${id}.json`).read()).toBe(before);
  });

  it('reports a document file with an invalid rich form by name', async () => {
    const files = memoryFiles();
    const store = await ProjectStore.load(files, { lock: noLock(), create: true, name: 'M', dir: 'memory' });
    const [{ id }] = await store.addDocuments([doc()]);
    const raw = JSON.parse((await files.file(`documents/${id}.json`).read())!);
    raw.meta.rich = { title: { type: 'doc', content: [] } };
    await files.file(`documents/${id}.json`).write(JSON.stringify(raw));
    const again = await ProjectStore.load(files, { lock: null, name: 'M', dir: 'memory' });
    await expect(again.readDocument(id)).rejects.toThrow(/meta\.rich\.title/);
  });
});
