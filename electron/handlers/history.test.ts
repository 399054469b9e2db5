/**
 * The history requests through the handler table, as the window makes them:
 * list a document's versions, restore one (validated payloads, clear errors).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTempProject, type TempProject } from '../testing/temp-project';
import { dispatch } from '../../shared/ipc/dispatch';
import { columnOf, segmentsOf, text } from '../../shared/model/build';
import type { DocumentFile } from '../../shared/model/document';

let project: TempProject | null = null;
afterEach(async () => {
  await project?.close();
  project = null;
});

async function value<T>(envelope: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await envelope;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('documentHistory and restoreVersion', () => {
  it('list the versions a save replaced, newest first, and restore one as the current document', async () => {
    project = await createTempProject();
    const { handlers } = project;
    const [{ id }] = (await value(dispatch(handlers, 'listDocuments', {}))).documents;
    expect((await value(dispatch(handlers, 'documentHistory', { id }))).versions).toEqual([]);

    const original = await value(dispatch(handlers, 'getDocument', { id }));
    const edited = structuredClone(original.body);
    columnOf(segmentsOf(edited)[0], 'english')!.content = text('An edited first row.');
    const saved = await value(dispatch(handlers, 'saveDocument', { id, meta: { ...original.meta, title: 'Edited' }, body: edited }));
    expect(saved.warnings).toBeUndefined();

    const { versions } = await value(dispatch(handlers, 'documentHistory', { id }));
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ title: original.meta.title, rows: segmentsOf(original.body).length, problem: null, savedAt: original.updatedAt });

    const restored = await value(dispatch(handlers, 'restoreVersion', { id, version: versions[0].version }));
    expect(restored).toMatchObject({ version: versions[0].version, warnings: [] });
    expect(restored.doc.meta.title).toBe(original.meta.title);
    expect(restored.doc.body).toEqual(original.body);
    const stored = JSON.parse(await readFile(join(project.dir, 'documents', `${id}.json`), 'utf8')) as DocumentFile;
    expect(stored.body).toEqual(original.body);
    expect(stored.updatedAt).toBe(restored.doc.updatedAt);
    // The edit it replaced is now the newest version.
    const after = (await value(dispatch(handlers, 'documentHistory', { id }))).versions;
    expect(after.map((v) => v.title)).toEqual(['Edited', original.meta.title]);
    const list = (await value(dispatch(handlers, 'listDocuments', {}))).documents;
    expect(list.find((d) => d.id === id)?.title).toBe(original.meta.title);
  });

  it('refuse payloads that are not a document id and a version name, and say what is unknown', async () => {
    project = await createTempProject();
    const { handlers } = project;
    const [{ id }] = (await value(dispatch(handlers, 'listDocuments', {}))).documents;
    for (const payload of [{ id, version: '../../project' }, { id, version: '1' }, { id: '../x', version: '2030-01-01T00-00-00-000Z' }, { id }]) {
      const result = await dispatch(handlers, 'restoreVersion', payload);
      expect(result.ok, JSON.stringify(payload)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid-request');
    }
    const unknown = await dispatch(handlers, 'restoreVersion', { id, version: '2030-01-01T00-00-00-000Z' });
    expect(unknown.ok === false && unknown.error).toMatchObject({ code: 'unknown-version', message: expect.stringMatching(/has no version 2030-01-01T00-00-00-000Z/) });
    const missing = await dispatch(handlers, 'documentHistory', { id: 'no-such-document' });
    expect(missing.ok === false && missing.error).toMatchObject({ code: 'not-found', message: 'No document no-such-document in this project' });
  });

  it('report a damaged version in the list and refuse to restore it, writing nothing', async () => {
    project = await createTempProject();
    const { handlers } = project;
    const [{ id }] = (await value(dispatch(handlers, 'listDocuments', {}))).documents;
    const doc = await value(dispatch(handlers, 'getDocument', { id }));
    await value(dispatch(handlers, 'saveDocument', { id, meta: { ...doc.meta, title: 'Edited' }, body: doc.body }));
    const [version] = (await value(dispatch(handlers, 'documentHistory', { id }))).versions;
    const file = join(project.dir, 'history', id, `${version.version}.json`);
    await rm(file);
    await writeFile(file, 'not json');
    const [listed] = (await value(dispatch(handlers, 'documentHistory', { id }))).versions;
    expect(listed.problem).toMatch(/is damaged and was left untouched: not valid JSON/);
    const before = await readFile(join(project.dir, 'documents', `${id}.json`), 'utf8');
    const result = await dispatch(handlers, 'restoreVersion', { id, version: version.version });
    expect(result.ok === false && result.error).toMatchObject({ code: 'corrupt-file', message: expect.stringMatching(/nothing was restored$/) });
    expect(await readFile(join(project.dir, 'documents', `${id}.json`), 'utf8')).toBe(before);
    expect((await value(dispatch(handlers, 'documentHistory', { id }))).versions).toHaveLength(1);
  });
});
