/**
 * A bad day for the disk: a full disk during the backup taken on opening, a
 * read-only folder, disk errors on save, a document that cannot be read for
 * its permissions. The project still opens, says what happened in plain words
 * naming the file, and loses nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('node:fs/promises', async (real) => (await import('./testing/faulty-fs')).faultyFs(await real()));
import { cp, mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as faults from './testing/faulty-fs';
import { ProjectStore } from './project-store';
import { KEEP_BACKUPS } from './backups';
import { importFiles } from './testing/import-files';
import { createHandlers } from '../handlers';
import { dispatch } from '../../shared/ipc/dispatch';
import { batchFiles } from './testing/import-loop';

let root: string;
let dir: string;
let ids: string[];
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-disk-'));
  dir = join(root, 'project');
  const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'setup' });
  ids = (await importFiles(store, batchFiles(0))).imported.map((d) => d.id);
  await store.close();
});
afterEach(async () => {
  faults.stop();
  await rm(root, { recursive: true, force: true });
});

/** The complete backups: folders of backups/ holding project.json and every document. */
async function backups(project = dir): Promise<{ all: string[]; complete: string[] }> {
  const all = await readdir(join(project, 'backups')).catch(() => [] as string[]);
  const complete: string[] = [];
  for (const name of all) {
    const docs = await readdir(join(project, 'backups', name, 'documents')).catch(() => [] as string[]);
    const hasIndex = await readFile(join(project, 'backups', name, 'project.json'), 'utf8').then(
      () => true,
      () => false,
    );
    if (hasIndex && ids.every((id) => docs.includes(`${id}.json`))) complete.push(name);
  }
  return { all, complete };
}

describe('the backup taken on opening', () => {
  it('never blocks opening when it fails at any step (disk full): the project opens, says so, and keeps no partial backup', async () => {
    const counted = join(root, 'counted');
    await cp(dir, counted, { recursive: true });
    faults.record(null);
    await (await ProjectStore.open(counted, { write: true, holder: 'test', backup: true })).close();
    const steps = faults.stop();
    const backupSteps = steps.map((s, i) => ({ ...s, k: i + 1 })).filter((s) => s.path.includes(`${join(counted, 'backups')}`));
    expect(backupSteps.length).toBeGreaterThan(4);
    for (const { k, op, path } of backupSteps) {
      const copy = join(root, `fault-${k}`);
      await cp(dir, copy, { recursive: true });
      faults.record(k, 'ENOSPC');
      const store = await ProjectStore.open(copy, { write: true, holder: 'test', backup: true });
      faults.stop();
      const context = `disk full at step ${k} (${op} ${path})`;
      const notices = store.notices.map((n) => n.message).join('\n');
      if (notices) expect(notices, context).toMatch(/backup.*failed.*opened anyway.*the disk is full \(ENOSPC\)/is);
      // It still writes.
      const doc = await store.readDocument(ids[0]);
      await store.saveDocument(ids[0], { ...doc.meta, title: 'Saved after' }, doc.body);
      await store.close();
      const { all, complete } = await backups(copy);
      expect(all, context).toEqual(complete);
      if (!notices) expect(complete, context).toHaveLength(1);
      await rm(copy, { recursive: true, force: true });
    }
  }, 120_000);

  it('removes partial backup folders left by a killed backup and never counts them among the kept backups', async () => {
    for (let i = 0; i < KEEP_BACKUPS; i++) {
      const store = await ProjectStore.open(dir, { write: true, holder: 'test', backup: true });
      await store.close();
      await new Promise((r) => setTimeout(r, 2));
    }
    // What a backup killed half-way leaves: a folder with project.json and not every document.
    const partial = join(dir, 'backups', '.partial-2999-01-01T00-00-00-000Z-123');
    await mkdir(join(partial, 'documents'), { recursive: true });
    await writeFile(join(partial, 'project.json'), '{}');
    const store = await ProjectStore.open(dir, { write: true, holder: 'test', backup: true });
    await store.close();
    const { all, complete } = await backups();
    expect(all).toEqual(complete);
    expect(complete).toHaveLength(KEEP_BACKUPS);
  });
});

describe('a folder that cannot be written', () => {
  it('opens read-only with a clear notice in the app, and refuses edits with a plain message', async () => {
    faults.failWrites(new RegExp(`^${dir}`), 'EROFS');
    const store = await ProjectStore.open(dir, { write: true, holder: 'test', backup: true, readOnlyIfUnwritable: true });
    expect(store.writable).toBe(false);
    expect(store.notices.map((n) => n.message).join('\n')).toMatch(/read-only \(EROFS\).*open read-only/s);
    const handlers = createHandlers({ store: () => store });
    const info = await dispatch(handlers, 'projectInfo', {});
    expect(info.ok && info.value.problems.map((p) => p.message).join('\n')).toMatch(/open read-only/);
    const doc = await store.readDocument(ids[0]);
    const saved = await dispatch(handlers, 'saveDocument', { id: ids[0], meta: doc.meta, body: doc.body });
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.error.message).toMatch(/open read-only/);
  });

  it('gives the CLI a plain message naming the place, not an internal error', async () => {
    faults.failWrites(new RegExp(`^${dir}`), 'EACCES');
    const error = await ProjectStore.open(dir, { write: true, holder: 'test' }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^Could not lock the project at .*project\.lock: permission denied \(EACCES\)/);
  });
});

describe('disk errors while saving', () => {
  for (const code of ['ENOSPC', 'EIO', 'EACCES', 'EROFS']) {
    it(`read as a plain message naming the file, and keep the file (${code})`, async () => {
      const store = await ProjectStore.open(dir, { write: true, holder: 'test' });
      const handlers = createHandlers({ store: () => store });
      const before = await readFile(join(dir, 'documents', `${ids[0]}.json`), 'utf8');
      const doc = await store.readDocument(ids[0]);
      faults.failWrites(/documents/, code);
      const saved = await dispatch(handlers, 'saveDocument', { id: ids[0], meta: { ...doc.meta, title: 'Changed' }, body: doc.body });
      faults.stop();
      expect(saved.ok).toBe(false);
      if (!saved.ok) {
        expect(saved.error.message).toMatch(new RegExp(`^Could not save documents/${ids[0]}\\.json: .* \\(${code}\\)\\. The file on disk was left as it was\\.$`));
        expect(saved.error.code).not.toBe('internal');
      }
      expect(await readFile(join(dir, 'documents', `${ids[0]}.json`), 'utf8')).toBe(before);
      await store.close();
    });
  }
});

describe('a document that cannot be read for its permissions', () => {
  it('is reported as unreadable with the reason, not as damaged, and is never written over', async () => {
    const store = await ProjectStore.open(dir, { write: true, holder: 'test' });
    const path = join(dir, 'documents', `${ids[1]}.json`);
    const before = await readFile(path, 'utf8');
    // The summary index lists an unchanged file without reading it: this one changed outside the app (a git pull), so it is read.
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    faults.failReads(new RegExp(`${ids[1]}\\.json$`), 'EACCES');
    const { documents, problems } = await store.listDocuments();
    expect(documents.map((d) => d.id)).toEqual(ids.filter((id) => id !== ids[1]));
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toBe(`Could not read documents/${ids[1]}.json: permission denied (EACCES).`);
    expect(problems[0].message).not.toMatch(/damaged/);
    await expect(store.saveDocument(ids[1], { ...(await store.readDocument(ids[0])).meta }, (await store.readDocument(ids[0])).body)).rejects.toThrow(/permission denied/);
    faults.stop();
    expect(await readFile(path, 'utf8')).toBe(before);
    await store.close();
  });
});
