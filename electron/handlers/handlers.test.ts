import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTempProject, type TempProject } from '../testing/temp-project';
import { dispatch } from '../../shared/ipc/dispatch';
import { garble } from '../../shared/korean/garble';
import { columnOf, segmentsOf, text } from '../../shared/model/build';

let project: TempProject | null = null;
afterEach(async () => {
  await project?.close();
  project = null;
});

describe('the handler table over a real project', () => {
  it('lists the sample documents with restoration progress', async () => {
    project = await createTempProject();
    const result = await dispatch(project.handlers, 'listDocuments', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first] = result.value.documents;
    expect(first).toMatchObject({ date: '1960-08-30', restoredSegments: 0 });
    expect(first.witnessSegments).toBe(6);
  });

  it('suggests a glossary entry as soon as it is added, and restored text once it is saved', async () => {
    project = await createTempProject();
    const token = garble('푸자노프');
    const before = await dispatch(project.handlers, 'suggest', { token, limit: 50 });
    expect(before.ok && before.value.map((s) => s.text)).not.toContain('푸자노프');

    await dispatch(project.handlers, 'glossaryAdd', { en: 'Puzanov', ko: ['푸자노프'], type: 'person', variants: ['Pusanov'], note: '' });
    const after = await dispatch(project.handlers, 'suggest', { token, limit: 5, context: { english: 'Comrade Puzanov said' } });
    expect(after.ok && after.value[0]).toMatchObject({ text: '푸자노프', source: 'glossary' });

    // A word restored in one document is offered everywhere.
    const list = await dispatch(project.handlers, 'listDocuments', {});
    const id = list.ok ? list.value.documents[0].id : '';
    const doc = await dispatch(project.handlers, 'getDocument', { id });
    if (!doc.ok) throw new Error(doc.error.message);
    const body = structuredClone(doc.value.body);
    columnOf(segmentsOf(body)[0], 'korean')!.content = text('독일통일사회당 중앙위원회');
    const saved = await dispatch(project.handlers, 'saveDocument', { id, meta: doc.value.meta, body });
    expect(saved.ok).toBe(true);
    const restored = await dispatch(project.handlers, 'suggest', { token: garble('독일통일사회당'), limit: 10 });
    expect(restored.ok && restored.value.map((s) => s.text)).toContain('독일통일사회당');
    const stored = JSON.parse(await readFile(join(project.dir, 'documents', `${id}.json`), 'utf8'));
    expect(JSON.stringify(stored.body)).toContain('독일통일사회당 중앙위원회');
  });

  it('imports nothing when one of several files is bad, and says which', async () => {
    project = await createTempProject({ samples: false });
    const good = { name: 'good.txt', bytes: new TextEncoder().encode('A short note.\n\nIts second paragraph.') };
    const bad = { name: 'bad.bin', bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 0]) };
    const result = await dispatch(project.handlers, 'importFiles', { files: [good, bad] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/bad\.bin: .*\n.*Nothing was imported/s);
    const list = await dispatch(project.handlers, 'listDocuments', {});
    expect(list.ok && list.value.documents).toEqual([]);
  });

  it('answers app-only requests outside the app with a clear error', async () => {
    project = await createTempProject({ samples: false });
    const result = await dispatch(project.handlers, 'openProject', {});
    expect(result).toEqual({ ok: false, error: { code: 'not-available', message: 'This action needs the Interlinea desktop app' } });
  });
});
