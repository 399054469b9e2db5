/**
 * Backups that cost what changed (issue 12): a whole, plain folder per backup,
 * whose unchanged files are hard links into the previous backup (never to the
 * project's own files), decided from the manifest without reading contents;
 * copies where linking is refused; no partial folder, whatever happens; ten
 * kept, and removing old ones never breaks newer ones. The bytes a backup
 * writes are measured as new inodes' blocks.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, link: vi.fn(real.link), copyFile: vi.fn(real.copyFile) };
});
import * as fsp from 'node:fs/promises';
import { mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackupCancelled, KEEP_BACKUPS, MANIFEST, backupProject, listBackups, readManifest } from './backups';
import { ProjectStore } from './project-store';
import { importFiles } from './testing/import-files';
import { createHandlers } from '../handlers';
import { dispatch } from '../../shared/ipc/dispatch';

const realFs = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
const linkMock = vi.mocked(fsp.link);
const copyMock = vi.mocked(fsp.copyFile);

let root: string;
let dir: string;
let ids: string[];

function files(n: number): { name: string; bytes: Uint8Array }[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `doc-${i}.txt`,
    bytes: new TextEncoder().encode(`Report number ${i}\n\n${`Row ${i} of the report. `.repeat(150)}\n`),
  }));
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-backups-'));
  dir = join(root, 'project');
  const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'setup' });
  ids = (await importFiles(store, files(50))).imported.map((d) => d.id);
  await store.close();
});
afterEach(async () => {
  linkMock.mockImplementation(realFs.link);
  copyMock.mockImplementation(realFs.copyFile);
  await rm(root, { recursive: true, force: true });
});

/** Every file of a backup (project.json and documents/*.json) with its inode and the bytes of its blocks. */
async function filesOf(backup: string): Promise<Map<string, { ino: bigint; bytes: number; nlink: number }>> {
  const out = new Map<string, { ino: bigint; bytes: number; nlink: number }>();
  const names = ['project.json', ...(await readdir(join(backup, 'documents'))).map((n) => `documents/${n}`)];
  for (const name of names) {
    const info = await stat(join(backup, name), { bigint: true });
    out.set(name, { ino: info.ino, bytes: Number(info.blocks) * 512, nlink: Number(info.nlink) });
  }
  return out;
}

/** What the newest backup added to the disk: its files whose inode no earlier backup holds, and their blocks' bytes. */
async function newBlocks(): Promise<{ files: string[]; bytes: number }> {
  const all = await listBackups(dir);
  const earlier = new Set<bigint>();
  for (const name of all.slice(0, -1)) for (const f of (await filesOf(join(dir, 'backups', name))).values()) earlier.add(f.ino);
  const latest = await filesOf(join(dir, 'backups', all[all.length - 1]));
  const added = [...latest].filter(([, f]) => !earlier.has(f.ino));
  return { files: added.map(([name]) => name).sort(), bytes: added.reduce((n, [, f]) => n + f.bytes, 0) };
}

/** The project's files, by name, as text. */
async function projectText(folder: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  out.set('project.json', await readFile(join(folder, 'project.json'), 'utf8'));
  for (const n of (await readdir(join(folder, 'documents'))).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
    out.set(`documents/${n}`, await readFile(join(folder, 'documents', n), 'utf8'));
  }
  return out;
}

async function saveTitle(id: string, title: string): Promise<void> {
  const store = await ProjectStore.open(dir, { write: true, holder: 'test' });
  const doc = await store.readDocument(id);
  await store.saveDocument(id, { ...doc.meta, title }, doc.body);
  await store.close();
}

describe('a backup', () => {
  it('is a complete plain folder with a manifest of what each file was when copied', async () => {
    const first = await backupProject(dir);
    expect(first).toMatchObject({ files: 51, copied: 51, linked: 0 });
    expect(await projectText(first.folder)).toEqual(await projectText(dir));
    expect((await readdir(first.folder)).sort()).toEqual(['documents', MANIFEST, 'project.json']);
    const manifest = await readManifest(first.folder);
    expect(Object.keys(manifest!.files).sort()).toEqual(['project.json', ...ids.map((id) => `documents/${id}.json`)].sort());
    const live = await stat(join(dir, 'documents', `${ids[0]}.json`), { bigint: true });
    expect(manifest!.files[`documents/${ids[0]}.json`]).toEqual({
      size: String(live.size),
      mtimeNs: String(live.mtimeNs),
      ctimeNs: String(live.ctimeNs),
      ino: String(live.ino),
      dev: String(live.dev),
    });
    expect(first.bytesCopied).toBe([...(await projectText(dir)).values()].reduce((n, t) => n + Buffer.byteLength(t), 0));
  });

  it('of an unchanged project writes no file bytes: every file is a hard link into the previous backup, none to the project', async () => {
    const first = await backupProject(dir, { now: new Date('2030-01-01T00:00:00Z') });
    const second = await backupProject(dir, { now: new Date('2030-01-01T00:01:00Z') });
    expect(second).toMatchObject({ files: 51, copied: 0, linked: 51, bytesCopied: 0 });
    expect(await newBlocks()).toEqual({ files: [], bytes: 0 });
    const a = await filesOf(first.folder);
    const b = await filesOf(second.folder);
    for (const [name, f] of b) {
      expect(f.ino, name).toBe(a.get(name)!.ino);
      expect(f.nlink, name).toBe(2);
      expect(f.ino, `${name} is not the project's own file`).not.toBe((await stat(join(dir, name), { bigint: true })).ino);
    }
    expect(await projectText(second.folder)).toEqual(await projectText(dir));
  });

  it('after one document is saved copies exactly that file, and its new blocks are the only bytes written', async () => {
    await backupProject(dir, { now: new Date('2030-01-01T00:00:00Z') });
    await saveTitle(ids[7], 'Changed title');
    const after = await backupProject(dir, { now: new Date('2030-01-01T00:01:00Z') });
    expect(after).toMatchObject({ files: 51, copied: 1, linked: 50 });
    const size = (await stat(join(dir, 'documents', `${ids[7]}.json`))).size;
    expect(after.bytesCopied).toBe(size);
    const added = await newBlocks();
    expect(added.files).toEqual([`documents/${ids[7]}.json`]);
    expect(added.bytes).toBeGreaterThanOrEqual(size);
    expect(added.bytes).toBeLessThan(size + 8192);
    expect(JSON.parse(await readFile(join(after.folder, 'documents', `${ids[7]}.json`), 'utf8')).meta.title).toBe('Changed title');
    expect(await projectText(after.folder)).toEqual(await projectText(dir));
  });

  it('sees a file another program rewrote in place with its old size and mtime (the ctime changed), and copies it', async () => {
    const path = join(dir, 'documents', `${ids[3]}.json`);
    // A whole second, so that setting it again gives the same time to the nanosecond.
    const time = new Date('2029-06-01T12:00:00Z');
    await utimes(path, time, time);
    await backupProject(dir, { now: new Date('2030-01-01T00:00:00Z') });
    const before = await stat(path, { bigint: true });
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('Report number 3', 'Report number X'));
    await utimes(path, time, time);
    const now = await stat(path, { bigint: true });
    expect([now.mtimeNs, now.size, now.ino]).toEqual([before.mtimeNs, before.size, before.ino]);
    const after = await backupProject(dir, { now: new Date('2030-01-01T00:01:00Z') });
    expect(after).toMatchObject({ copied: 1, linked: 50 });
    expect(await readFile(join(after.folder, 'documents', `${ids[3]}.json`), 'utf8')).toContain('Report number X');
    // The earlier backup still holds the file as it was.
    const [first] = await listBackups(dir);
    expect(await readFile(join(dir, 'backups', first, 'documents', `${ids[3]}.json`), 'utf8')).toBe(text);
  });

  it('copies where the disk refuses the link (another device, no hard links, a permission)', async () => {
    const first = await backupProject(dir, { now: new Date('2030-01-01T00:00:00Z') });
    for (const code of ['EXDEV', 'EPERM', 'ENOTSUP']) {
      linkMock.mockImplementation(() => Promise.reject(Object.assign(new Error(`${code}: refused`), { code })));
      const next = await backupProject(dir, { now: new Date(`2030-01-01T00:0${['EXDEV', 'EPERM', 'ENOTSUP'].indexOf(code) + 1}:00Z`) });
      expect(next, code).toMatchObject({ files: 51, copied: 51, linked: 0 });
      const a = await filesOf(first.folder);
      for (const [name, f] of await filesOf(next.folder)) expect(f.ino, name).not.toBe(a.get(name)!.ino);
      expect(await projectText(next.folder)).toEqual(await projectText(dir));
    }
    linkMock.mockImplementation(realFs.link);
    // The copies have manifests too: the next backup links from the newest.
    expect(await backupProject(dir, { now: new Date('2030-01-01T00:09:00Z') })).toMatchObject({ copied: 0, linked: 51 });
    expect((await readdir(join(dir, 'backups'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('copies everything when the previous backup has no manifest or a damaged one, and a file whose backup was changed', async () => {
    const first = await backupProject(dir, { now: new Date('2030-01-01T00:00:00Z') });
    await writeFile(join(first.folder, MANIFEST), '{"version": 1, "files": ');
    expect(await backupProject(dir, { now: new Date('2030-01-01T00:01:00Z') })).toMatchObject({ copied: 0 + 51, linked: 0 });
    const third = await backupProject(dir, { now: new Date('2030-01-01T00:02:00Z') });
    expect(third).toMatchObject({ copied: 0, linked: 51 });
    // Someone edited a file inside the newest backup (its size changed): it is not linked from there.
    const inBackup = join(third.folder, 'documents', `${ids[0]}.json`);
    await writeFile(inBackup, (await readFile(inBackup, 'utf8')) + ' ');
    const fourth = await backupProject(dir, { now: new Date('2030-01-01T00:03:00Z') });
    expect(fourth).toMatchObject({ copied: 1, linked: 50 });
    expect(await projectText(fourth.folder)).toEqual(await projectText(dir));
  });

  it('keeps the newest ten; removing older ones leaves every newer backup whole', async () => {
    await backupProject(dir, { now: new Date('2030-01-01T00:00:00Z') });
    for (let i = 1; i <= KEEP_BACKUPS + 2; i++) {
      if (i % 3 === 0) await saveTitle(ids[i], `Title ${i}`);
      await backupProject(dir, { now: new Date(Date.UTC(2030, 0, 1, 0, i)) });
    }
    const kept = await listBackups(dir);
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(kept[0]).toBe('2030-01-01T00-03-00-000Z');
    expect(await projectText(join(dir, 'backups', kept[kept.length - 1]))).toEqual(await projectText(dir));
    for (const name of kept) {
      const text = await projectText(join(dir, 'backups', name));
      expect(text.size, name).toBe(51);
      for (const [file, content] of text) expect(() => JSON.parse(content), `${name}/${file}`).not.toThrow();
    }
  });

  it('cancelled half-way leaves no partial folder and no backup', async () => {
    await backupProject(dir, { now: new Date('2030-01-01T00:00:00Z') });
    const cancel = new AbortController();
    let links = 0;
    linkMock.mockImplementation(async (from, to) => {
      if (++links === 10) cancel.abort();
      return realFs.link(from, to);
    });
    await expect(backupProject(dir, { now: new Date('2030-01-01T00:01:00Z'), signal: cancel.signal })).rejects.toBeInstanceOf(BackupCancelled);
    expect(links).toBeGreaterThanOrEqual(10);
    expect(links).toBeLessThan(51);
    expect(await readdir(join(dir, 'backups'))).toEqual(['2030-01-01T00-00-00-000Z']);
  });

  it('that fails half-way (disk full) names the file and leaves no partial folder', async () => {
    let copies = 0;
    copyMock.mockImplementation(async (from, to, mode) => {
      if (++copies === 20) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return realFs.copyFile(from, to, mode);
    });
    await expect(backupProject(dir)).rejects.toThrow(/^Could not back up documents\/.+\.json: the disk is full \(ENOSPC\)\.$/);
    expect(await readdir(join(dir, 'backups'))).toEqual([]);
  });
});

describe('the backup in the background (the app)', () => {
  it('is not waited for by opening: it starts once the list is answered, holds the lock, and ends whole', async () => {
    const store = await ProjectStore.open(dir, { write: true, holder: 'test', backup: 'background' });
    expect(await readdir(join(dir, 'backups')).catch(() => [])).toEqual([]);
    const handlers = createHandlers({ store: () => store });
    const [info, list] = await Promise.all([dispatch(handlers, 'projectInfo', {}), dispatch(handlers, 'listDocuments', {})]);
    expect(info.ok && list.ok && list.value.documents.length).toBe(50);
    const result = await store.backupSettled();
    expect(result).toMatchObject({ files: 51, copied: 51 });
    expect(await projectText(result!.folder)).toEqual(await projectText(dir));
    // Another writer is still kept out while the store is open.
    await expect(ProjectStore.open(dir, { write: true, holder: 'other' })).rejects.toThrow(/test/);
    await store.close();
    // The next open's backup links what did not change.
    const again = await ProjectStore.open(dir, { write: true, holder: 'test', backup: 'background' });
    await again.listDocuments();
    expect(await again.backupSettled()).toMatchObject({ copied: 0, linked: 51 });
    await again.close();
  });

  it('closing before it starts cancels it: no backup, no partial folder, the lock released', async () => {
    const store = await ProjectStore.open(dir, { write: true, holder: 'test', backup: 'background' });
    await store.close();
    expect(await store.backupSettled()).toBeNull();
    expect(await readdir(join(dir, 'backups')).catch(() => [])).toEqual([]);
    await (await ProjectStore.open(dir, { write: true, holder: 'next' })).close();
  });

  it('closing while it runs cancels it safely, leaving no partial folder', async () => {
    let copies = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    copyMock.mockImplementation(async (from, to, mode) => {
      if (++copies >= 5) await held;
      return realFs.copyFile(from, to, mode);
    });
    const store = await ProjectStore.open(dir, { write: true, holder: 'test', backup: 'background' });
    await store.listDocuments();
    while (copies < 5) await new Promise((r) => setTimeout(r, 5));
    const closing = store.close();
    release();
    await closing;
    expect(await store.backupSettled()).toBeNull();
    expect(copies).toBeLessThan(51);
    expect(await readdir(join(dir, 'backups'))).toEqual([]);
  });

  it('that fails is a notice to whoever listens, and projectInfo carries it afterwards', async () => {
    await writeFile(join(dir, 'backups'), 'not a folder');
    const store = await ProjectStore.open(dir, { write: true, holder: 'test', backup: 'background' });
    const heard: string[] = [];
    store.onNotice((n) => heard.push(n.message));
    const handlers = createHandlers({ store: () => store });
    const first = await dispatch(handlers, 'projectInfo', {});
    expect(first.ok && first.value.problems).toEqual([]);
    expect(await store.backupSettled()).toBeNull();
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatch(/^The backup taken on opening failed, and the project opened anyway: Could not back up .*: a part of the path is not a folder \(ENOTDIR\)/);
    const later = await dispatch(handlers, 'projectInfo', {});
    expect(later.ok && later.value.problems.map((p) => p.message)).toEqual(heard);
    // The project works as ever.
    const doc = await store.readDocument(ids[0]);
    await store.saveDocument(ids[0], { ...doc.meta, title: 'Still saves' }, doc.body);
    await store.close();
  });
});
