/**
 * One document's changes run one after another, and a read waits for them: a
 * window reloaded while its last save is still being written gets that save.
 */
import { describe, expect, it } from 'vitest';
import { ProjectStore } from './project-store';
import { memoryFiles, type ProjectFiles } from './project-files';
import { noLock } from './lock';
import { emptyMeta } from '../../shared/model/document';
import { body, segment, text } from '../../shared/model/build';

/** Makes every write of a document file slow, as a busy disk would. */
function slowDocumentWrites(files: ProjectFiles, ms: number): void {
  const file = files.file.bind(files);
  files.file = (name) => {
    const inner = file(name);
    return {
      read: () => inner.read(),
      write: async (t) => {
        if (name.startsWith('documents/')) await new Promise((r) => setTimeout(r, ms));
        return inner.write(t);
      },
    };
  };
}

const english = (doc: { body: unknown }) => JSON.stringify(doc.body).match(/"text":"([^"]*)"/)?.[1];

describe('one document’s saves and reads', () => {
  it('a read made while a save is being written returns the saved text', async () => {
    const files = memoryFiles();
    const store = await ProjectStore.load(files, { lock: noLock(), create: true, name: 'Order', dir: 'memory' });
    const [{ id }] = await store.addDocuments([{ meta: emptyMeta('A'), source: { file: 'a.txt', format: 'text', importedAt: '', witness: [], notes: [] }, body: body([segment({ english: text('first') })]) }]);
    const doc = await store.readDocument(id);
    slowDocumentWrites(files, 30);
    const saving = store.saveDocument(id, doc.meta, body([segment({ english: text('second') })]));
    const read = await store.readDocument(id);
    expect(english(read)).toBe('second');
    await saving;
  });

  it('saves sent one after another land in that order, the last one kept', async () => {
    const files = memoryFiles();
    const store = await ProjectStore.load(files, { lock: noLock(), create: true, name: 'Order', dir: 'memory' });
    const [{ id }] = await store.addDocuments([{ meta: emptyMeta('A'), source: { file: 'a.txt', format: 'text', importedAt: '', witness: [], notes: [] }, body: body([segment({ english: text('v0') })]) }]);
    const doc = await store.readDocument(id);
    slowDocumentWrites(files, 5);
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.saveDocument(id, doc.meta, body([segment({ english: text(`v${i + 1}`) })]))));
    expect(english(await store.readDocument(id))).toBe('v8');
    const again = await ProjectStore.load(files, { lock: null, name: 'Order', dir: 'memory' });
    expect(english(await again.readDocument(id))).toBe('v8');
  });
});
