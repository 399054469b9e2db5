/**
 * Saving a document from its changes (saveDocumentChanges), through the handler table as
 * the window makes the request: the changed rows are applied to the version they are to and
 * saved; changes to another version, or that do not fit it, are refused with a clear message
 * and write nothing; the version the window knows survives a restart of the handlers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTempProject, type TempProject } from '../testing/temp-project';
import { readStoredDocument } from '../store/testing/stored-document';
import { createHandlers } from './index';
import { applyRowChanges } from './document-changes';
import { dispatch } from '../../shared/ipc/dispatch';
import { body, segment, text } from '../../shared/model/build';
import { emptyMeta, type DocumentFile, type PMJson } from '../../shared/model/document';

let project: TempProject | null = null;
afterEach(async () => {
  await project?.close();
  project = null;
});

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

async function value<T>(envelope: Promise<Result<T>>): Promise<T> {
  const result = await envelope;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function refusal<T>(envelope: Promise<Result<T>>): Promise<{ code: string; message: string }> {
  const result = await envelope;
  if (result.ok) throw new Error('the request was not refused');
  return result.error;
}

const row = (english: string): PMJson => segment({ english: text(english), witness: ['xx lP\\'], korean: [] });

/** A project with one document of `rows` rows, `Row 1.` to `Row N.`; its id. */
async function projectWithRows(rows: number): Promise<{ project: TempProject; id: string }> {
  const p = await createTempProject({ samples: false });
  const [{ id }] = await p.store.addDocuments([
    { meta: emptyMeta('Rows'), source: { file: 'rows.txt', format: 'text', importedAt: '', witness: [], notes: [] }, body: body(Array.from({ length: rows }, (_, i) => row(`Row ${i + 1}.`))) },
  ]);
  return { project: p, id };
}

const fileOf = (p: TempProject, id: string) => join(p.dir, 'documents', `${id}.json`);
const englishOf = (doc: DocumentFile) => (doc.body.content ?? []).map((seg) => (seg.content?.[0]?.content ?? []).map((t) => t.text).join(''));

describe('applyRowChanges', () => {
  const base = body([row('A'), row('B'), row('C'), row('D')]);
  const texts = (b: PMJson) => (b.content ?? []).map((seg) => seg.content?.[0]?.content?.[0]?.text);

  it('replaces, inserts and deletes runs of rows, in order, leaving the base as it was', () => {
    const before = structuredClone(base);
    const out = applyRowChanges('d', base, 5, [
      { from: 0, to: 1, rows: [row('A2')] },
      { from: 2, to: 2, rows: [row('new'), row('new 2')] },
      { from: 3, to: 4, rows: [] },
    ]);
    expect(texts(out)).toEqual(['A2', 'B', 'new', 'new 2', 'C']);
    expect(base).toEqual(before);
    expect(texts(applyRowChanges('d', base, 4, []))).toEqual(['A', 'B', 'C', 'D']);
  });

  it('refuses changes past the end, overlapping or out of order, backwards, or making another number of rows, naming the problem', () => {
    const cases: [number, { from: number; to: number; rows: PMJson[] }[], RegExp][] = [
      [4, [{ from: 3, to: 5, rows: [row('x'), row('y')] }], /change 1 replaces rows 4–5, but the saved version has 4 rows/],
      [4, [{ from: 9, to: 9, rows: [] }], /change 1 replaces rows 10–9|ends \(row 9\) before it starts \(row 10\)|saved version has 4 rows/],
      [4, [{ from: 1, to: 3, rows: [row('x'), row('y')] }, { from: 2, to: 3, rows: [row('z')] }], /change 2 \(from row 3\) overlaps or precedes the change before it \(to row 3\)/],
      [4, [{ from: 2, to: 1, rows: [] }], /change 1 ends \(row 1\) before it starts \(row 3\)/],
      [5, [{ from: 0, to: 1, rows: [row('x')] }], /they make 4 rows, where the window has 5 rows/],
    ];
    for (const [count, changes, message] of cases) {
      expect(() => applyRowChanges('d', base, count, changes)).toThrow(message);
      try {
        applyRowChanges('d', base, count, changes);
      } catch (err) {
        expect((err as { code: string }).code).toBe('invalid-changes');
        expect((err as Error).message).toMatch(/^Document d was not saved from its changes: .*\. Nothing was written\.$/);
      }
    }
  });
});

describe('saveDocumentChanges', () => {
  it('saves the changed rows into the version they are to; the rest of the document is as it was', async () => {
    ({ project } = await projectWithRows(300));
    const { handlers } = project;
    const { id } = (await value(dispatch(project.handlers, 'listDocuments', {}))).documents[0] as { id: string };
    const opened = await value(dispatch(handlers, 'getDocument', { id }));
    const saved = await value(
      dispatch(handlers, 'saveDocumentChanges', {
        id,
        base: opened.updatedAt,
        meta: { ...opened.meta, title: 'Rows, edited' },
        rowCount: 301,
        changes: [
          { from: 149, to: 150, rows: [row('Row 150, edited.')] },
          { from: 300, to: 300, rows: [row('A new last row.')] },
        ],
      }),
    );
    // 301 rows: a head naming chunks (electron/store/chunks.ts), read back as the store reads it.
    const stored = await readStoredDocument(project.dir, id);
    expect(stored.updatedAt).toBe(saved.updatedAt);
    expect(stored.meta.title).toBe('Rows, edited');
    const expected = Array.from({ length: 300 }, (_, i) => `Row ${i + 1}.`);
    expected[149] = 'Row 150, edited.';
    expected.push('A new last row.');
    expect(englishOf(stored)).toEqual(expected);

    // Changes to the version just saved: saved again, from the version kept in memory.
    await value(dispatch(handlers, 'saveDocumentChanges', { id, base: saved.updatedAt, meta: stored.meta, rowCount: 300, changes: [{ from: 0, to: 1, rows: [] }] }));
    expect(englishOf(await readStoredDocument(project.dir, id))).toEqual(expected.slice(1));
  });

  it('refuses changes to a version that is no longer the saved one, and writes nothing', async () => {
    ({ project } = await projectWithRows(50));
    const { handlers } = project;
    const { id } = (await value(dispatch(project.handlers, 'listDocuments', {}))).documents[0] as { id: string };
    const opened = await value(dispatch(handlers, 'getDocument', { id }));
    // Another save meanwhile (a find and replace, another window): its text is on disk.
    const other = structuredClone(opened.body);
    other.content![0] = row('Saved by someone else.');
    await value(dispatch(handlers, 'saveDocument', { id, meta: opened.meta, body: other }));
    const onDisk = await readFile(fileOf(project, id), 'utf8');

    const error = await refusal(
      dispatch(handlers, 'saveDocumentChanges', { id, base: opened.updatedAt, meta: opened.meta, rowCount: 50, changes: [{ from: 3, to: 4, rows: [row('Mine.')] }] }),
    );
    expect(error.code).toBe('stale-base');
    expect(error.message).toContain(`they are to the version saved at ${opened.updatedAt}, but the version on disk was saved at `);
    expect(error.message).toMatch(/Nothing was written\.$/);
    expect(await readFile(fileOf(project, id), 'utf8')).toBe(onDisk);
  });

  it('refuses changes after the file was changed outside the app, keeping what is on disk', async () => {
    ({ project } = await projectWithRows(20));
    const { handlers } = project;
    const { id } = (await value(dispatch(project.handlers, 'listDocuments', {}))).documents[0] as { id: string };
    const opened = await value(dispatch(handlers, 'getDocument', { id }));
    // A `git pull` brings another version of the file.
    const pulled = JSON.parse(await readFile(fileOf(project, id), 'utf8')) as DocumentFile;
    pulled.body.content![5] = row('Pulled from a colleague.');
    pulled.updatedAt = '2030-01-02T03:04:05.000Z';
    const pulledText = `${JSON.stringify(pulled, null, 2)}\n`;
    await writeFile(fileOf(project, id), pulledText);

    const error = await refusal(
      dispatch(handlers, 'saveDocumentChanges', { id, base: opened.updatedAt, meta: opened.meta, rowCount: 20, changes: [{ from: 5, to: 6, rows: [row('Mine.')] }] }),
    );
    expect(error.code).toBe('stale-base');
    expect(error.message).toContain('the version on disk was saved at 2030-01-02T03:04:05.000Z');
    expect(await readFile(fileOf(project, id), 'utf8')).toBe(pulledText);
  });

  it('refuses changes that do not fit the version, naming why, and writes nothing', async () => {
    ({ project } = await projectWithRows(10));
    const { handlers } = project;
    const { id } = (await value(dispatch(project.handlers, 'listDocuments', {}))).documents[0] as { id: string };
    const opened = await value(dispatch(handlers, 'getDocument', { id }));
    const onDisk = await readFile(fileOf(project, id), 'utf8');
    const outOfRange = await refusal(
      dispatch(handlers, 'saveDocumentChanges', { id, base: opened.updatedAt, meta: opened.meta, rowCount: 10, changes: [{ from: 10, to: 11, rows: [row('x')] }] }),
    );
    expect(outOfRange).toEqual({ code: 'invalid-changes', message: `Document ${id} was not saved from its changes: change 1 replaces rows 11–11, but the saved version has 10 rows. Nothing was written.` });
    const invalidRow = await refusal(
      dispatch(handlers, 'saveDocumentChanges', { id, base: opened.updatedAt, meta: opened.meta, rowCount: 10, changes: [{ from: 0, to: 1, rows: [{ type: 'no-such-node' }] }] }),
    );
    expect(invalidRow.code).toBe('invalid-document');
    expect(invalidRow.message).toContain(`Document ${id} was not saved`);
    const malformed = await refusal(dispatch(handlers, 'saveDocumentChanges', { id, base: opened.updatedAt, meta: opened.meta, rowCount: 10, changes: [{ from: -1, to: 0, rows: [] }] }));
    expect(malformed.code).toBe('invalid-request');
    expect(await readFile(fileOf(project, id), 'utf8')).toBe(onDisk);

    // The refusals changed nothing: changes that fit are saved.
    await value(dispatch(handlers, 'saveDocumentChanges', { id, base: opened.updatedAt, meta: opened.meta, rowCount: 10, changes: [{ from: 9, to: 10, rows: [row('Row 10, fixed.')] }] }));
    expect(englishOf(JSON.parse(await readFile(fileOf(project, id), 'utf8')) as DocumentFile).at(-1)).toBe('Row 10, fixed.');
  });

  it('saves changes to the version on disk when these handlers never read it (the window kept its version across a restart)', async () => {
    ({ project } = await projectWithRows(12));
    const { id } = (await value(dispatch(project.handlers, 'listDocuments', {}))).documents[0] as { id: string };
    const opened = await value(dispatch(project.handlers, 'getDocument', { id }));
    const fresh = createHandlers({ store: () => project!.store });
    await value(dispatch(fresh, 'saveDocumentChanges', { id, base: opened.updatedAt, meta: opened.meta, rowCount: 12, changes: [{ from: 0, to: 1, rows: [row('First, edited.')] }] }));
    const stored = JSON.parse(await readFile(fileOf(project, id), 'utf8')) as DocumentFile;
    expect(englishOf(stored).slice(0, 2)).toEqual(['First, edited.', 'Row 2.']);
    const missing = await refusal(dispatch(fresh, 'saveDocumentChanges', { id: 'no-such-document', base: opened.updatedAt, meta: opened.meta, rowCount: 1, changes: [] }));
    expect(missing.message).toMatch(/no-such-document/);
  });
});
