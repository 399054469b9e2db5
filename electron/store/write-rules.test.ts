/**
 * What a write may and may not do: memory changes only after the disk took
 * the change, nothing is written once the store is closed, a rewritten file
 * keeps its mode, and a symbolic link in the project is never replaced.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('node:fs/promises', async (real) => (await import('./testing/faulty-fs')).faultyFs(await real()));
import { chmod, lstat, mkdtemp, readFile, rename, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as faults from './testing/faulty-fs';
import { ProjectStore } from './project-store';
import { importFiles } from './testing/import-files';
import { createHandlers } from '../handlers';
import { dispatch } from '../../shared/ipc/dispatch';
import { batchFiles } from './testing/import-loop';

let root: string;
let dir: string;
let store: ProjectStore;
let id: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-writes-'));
  dir = join(root, 'project');
  store = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
  id = (await importFiles(store, batchFiles(0))).imported[0].id;
});
afterEach(async () => {
  faults.stop();
  await store.close();
  await rm(root, { recursive: true, force: true });
});

const entry = { en: 'Ri Zebra Hwan', ko: ['리제환'], type: 'person' as const, variants: [], note: '' };

describe('memory follows the disk', () => {
  it('a glossary entry whose write failed is not shown, and a later write does not save it', async () => {
    const handlers = createHandlers({ store: () => store });
    faults.failWrites(/project\.json/, 'ENOSPC');
    const added = await dispatch(handlers, 'glossaryAdd', entry);
    faults.stop();
    expect(added.ok).toBe(false);
    if (!added.ok) expect(added.error.message).toMatch(/^Could not save project\.json: the disk is full \(ENOSPC\)/);
    const listed = await dispatch(handlers, 'glossaryList', {});
    expect(listed.ok && listed.value.some((e) => e.en === 'Ri Zebra Hwan')).toBe(false);
    // A later change of project.json writes only itself.
    await dispatch(handlers, 'glossaryTermbase', { enabled: !store.project.settings.termbase });
    expect(await readFile(join(dir, 'project.json'), 'utf8')).not.toContain('Ri Zebra Hwan');
  });

  it('a document whose save failed keeps what is on disk as the store reads it', async () => {
    const doc = await store.readDocument(id);
    faults.failWrites(/documents/, 'EIO');
    await expect(store.saveDocument(id, { ...doc.meta, title: 'Never saved' }, doc.body)).rejects.toThrow(/input\/output error \(EIO\)/);
    faults.stop();
    expect(store.project.documents.find((d) => d.id === id)?.title).toBe(doc.meta.title);
    expect((await store.listDocuments()).documents.find((d) => d.id === id)?.title).toBe(doc.meta.title);
  });
});

describe('a closed store', () => {
  it('refuses a save that arrives after it closed, and writes nothing', async () => {
    const doc = await store.readDocument(id);
    const before = await readFile(join(dir, 'documents', `${id}.json`), 'utf8');
    await store.close();
    await expect(store.saveDocument(id, { ...doc.meta, title: 'Too late' }, doc.body)).rejects.toThrow(/was closed/);
    await expect(store.updateProject((p) => void (p.name = 'Too late'))).rejects.toThrow(/was closed/);
    expect(await readFile(join(dir, 'documents', `${id}.json`), 'utf8')).toBe(before);
  });

  it('finishes a save already under way before it lets the lock go', async () => {
    const doc = await store.readDocument(id);
    const saving = store.saveDocument(id, { ...doc.meta, title: 'In flight' }, doc.body);
    await store.close();
    await saving;
    expect(JSON.parse(await readFile(join(dir, 'documents', `${id}.json`), 'utf8')).meta.title).toBe('In flight');
    await expect(stat(join(dir, 'project.lock'))).rejects.toThrow();
  });
});

describe('rewritten files', () => {
  it('keep their mode', async () => {
    const path = join(dir, 'documents', `${id}.json`);
    await chmod(path, 0o600);
    await chmod(join(dir, 'project.json'), 0o640);
    const doc = await store.readDocument(id);
    await store.saveDocument(id, { ...doc.meta, title: 'Private' }, doc.body);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'project.json'))).mode & 0o777).toBe(0o640);
  });

  it('are not replaced when they are symbolic links: the write is refused, naming the file, and the link and its target stay', async () => {
    const real = join(root, 'elsewhere.json');
    await rename(join(dir, 'project.json'), real);
    await symlink(real, join(dir, 'project.json'));
    const before = await readFile(real, 'utf8');
    const handlers = createHandlers({ store: () => store });
    const added = await dispatch(handlers, 'glossaryAdd', entry);
    expect(added.ok).toBe(false);
    if (!added.ok) expect(added.error.message).toMatch(/project\.json is a symbolic link/);
    expect((await lstat(join(dir, 'project.json'))).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe(before);
  });
});
