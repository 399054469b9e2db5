/**
 * Each document's history (history.ts): the version a save replaces is kept
 * (a hard link on disk), at most 20 per document; a version restores as a
 * save (so a restore is undone by restoring again); damaged and unknown
 * versions are clear errors that write nothing; a read-only store writes
 * nothing; a history that cannot be kept never fails the save.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, link: vi.fn(real.link) };
});
import * as fsp from 'node:fs/promises';
import { mkdtemp, readFile, readdir, rm, stat, symlink, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectStore } from './project-store';
import { memoryFiles } from './project-files';
import { noLock } from './lock';
import { DocumentHistory, KEEP_VERSIONS, versionName, versionTime } from './history';
import { importFiles } from './testing/import-files';
import { checkProject } from './testing/consistency';
import { emptyMeta } from '../../shared/model/document';
import { body, inlineFromPlain, segment } from '../../shared/model/build';
import { isUserError } from '../../shared/errors';

let root: string;
let dir: string;
let ids: string[];
let store: ProjectStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-history-'));
  dir = join(root, 'project');
  store = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
  ids = (
    await importFiles(
      store,
      [0, 1].map((i) => ({ name: `doc-${i}.txt`, bytes: new TextEncoder().encode(`Report ${i}\n\nThe first row.\n\nThe second row.\n`) })),
    )
  ).imported.map((d) => d.id);
});
const realLink = (await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises')).link;
afterEach(async () => {
  vi.mocked(fsp.link).mockImplementation(realLink);
  await store.close();
  await rm(root, { recursive: true, force: true });
});

const live = (id: string) => join(dir, 'documents', `${id}.json`);

async function saveTitle(s: ProjectStore, id: string, title: string) {
  const doc = await s.readDocument(id);
  return s.saveDocument(id, { ...doc.meta, title }, doc.body);
}

/** Every file under the project but the lock, as text. */
async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (rel: string) => {
    for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (name === 'project.lock') continue;
      if (entry.isDirectory()) await walk(name);
      else out.set(name, await readFile(join(dir, name), 'utf8'));
    }
  };
  await walk('');
  return out;
}

describe('a save', () => {
  it('keeps the version it replaces in history/<id>/, as a hard link to that very file', async () => {
    const before = await stat(live(ids[0]));
    const text = await readFile(live(ids[0]), 'utf8');
    const rows = (await store.listDocuments()).documents.find((d) => d.id === ids[0])!.segments;
    const saved = await saveTitle(store, ids[0], 'Second title');
    expect(saved.warnings).toBeUndefined();
    const names = await readdir(join(dir, 'history', ids[0]));
    expect(names).toHaveLength(1);
    const kept = join(dir, 'history', ids[0], names[0]);
    expect((await stat(kept)).ino).toBe(before.ino);
    expect((await stat(live(ids[0]))).ino).not.toBe(before.ino);
    expect(await readFile(kept, 'utf8')).toBe(text);
    // The other document has no history.
    expect(await readdir(join(dir, 'history'))).toEqual([ids[0]]);
    const [version] = await store.documentVersions(ids[0]);
    expect(version).toMatchObject({ version: names[0].slice(0, -5), title: 'Report 0', rows, size: Buffer.byteLength(text), problem: null });
    expect(version.savedAt).toBe(JSON.parse(text).updatedAt);
    expect(Date.parse(version.keptAt)).toBeGreaterThan(Date.parse(version.savedAt!));
  });

  it('keeps a copy where the disk will not link (another device, no hard links), and clears what a killed copy left', async () => {
    vi.mocked(fsp.link).mockImplementation(() => Promise.reject(Object.assign(new Error('EXDEV: cross-device link'), { code: 'EXDEV' })));
    const before = await stat(live(ids[0]));
    const text = await readFile(live(ids[0]), 'utf8');
    await fsp.mkdir(join(dir, 'history', ids[0]), { recursive: true });
    await writeFile(join(dir, 'history', ids[0], '.2030-01-01T00-00-00-000Z.json.123.abcd.tmp'), '{"half": ');
    expect((await saveTitle(store, ids[0], 'Copied')).warnings).toBeUndefined();
    const names = await readdir(join(dir, 'history', ids[0]));
    expect(names).toHaveLength(1);
    const kept = join(dir, 'history', ids[0], names[0]);
    expect((await stat(kept)).ino).not.toBe(before.ino);
    expect(await readFile(kept, 'utf8')).toBe(text);
  });

  it(`keeps at most ${KEEP_VERSIONS} versions per document, removing the oldest`, async () => {
    for (let i = 1; i <= KEEP_VERSIONS + 5; i++) await saveTitle(store, ids[0], `Title ${i}`);
    const versions = await store.documentVersions(ids[0]);
    expect(versions).toHaveLength(KEEP_VERSIONS);
    expect(versions.map((v) => v.title)).toEqual(Array.from({ length: KEEP_VERSIONS }, (_, i) => `Title ${KEEP_VERSIONS + 4 - i}`));
    expect(await readdir(join(dir, 'history', ids[0]))).toHaveLength(KEEP_VERSIONS);
  });

  it('saves of one document at once are kept in order', async () => {
    const doc = await store.readDocument(ids[0]);
    await Promise.all(['A', 'B', 'C'].map((t) => store.saveDocument(ids[0], { ...doc.meta, title: t }, doc.body)));
    expect((await store.documentVersions(ids[0])).map((v) => v.title)).toEqual(['B', 'A', 'Report 0']);
    expect((await store.readDocument(ids[0])).meta.title).toBe('C');
  });

  it('that is refused keeps no version (the kept one was still the current file)', async () => {
    await store.readDocument(ids[0]);
    // The document file becomes a symbolic link: the store refuses to write through it.
    const elsewhere = join(root, 'elsewhere.json');
    await copyFile(live(ids[0]), elsewhere);
    await rm(live(ids[0]));
    await symlink(elsewhere, live(ids[0]));
    await expect(saveTitle(store, ids[0], 'Refused')).rejects.toThrow(/symbolic link/);
    expect(await readdir(join(dir, 'history', ids[0])).catch(() => [])).toEqual([]);
  });

  it('goes on when history cannot be kept, and says so once (the notice and the save’s warning) until it works again', async () => {
    await writeFile(join(dir, 'history'), 'a file where the history folder goes');
    const first = await saveTitle(store, ids[0], 'Saved anyway');
    expect(first.warnings).toHaveLength(1);
    expect(first.warnings![0]).toMatch(
      new RegExp(`^Could not keep the previous version of documents/${ids[0]}\\.json in history/${ids[0]}/: .*\\((ENOTDIR|EEXIST)\\)\\. The document was saved`),
    );
    expect(JSON.parse(await readFile(live(ids[0]), 'utf8')).meta.title).toBe('Saved anyway');
    expect(store.notices.map((n) => n.message)).toEqual(first.warnings);
    const second = await saveTitle(store, ids[1], 'Also saved');
    expect(second.warnings).toBeUndefined();
    expect(store.notices).toHaveLength(1);
    await rm(join(dir, 'history'));
    expect((await saveTitle(store, ids[0], 'Kept again')).warnings).toBeUndefined();
    expect((await store.documentVersions(ids[0])).map((v) => v.title)).toEqual(['Saved anyway']);
  });
});

describe('restoring a version', () => {
  it('saves it as the current document, keeping the version it replaces: restoring again undoes it', async () => {
    await saveTitle(store, ids[0], 'Second');
    await saveTitle(store, ids[0], 'Third');
    const [newest, older] = await store.documentVersions(ids[0]);
    expect([newest.title, older.title]).toEqual(['Second', 'Report 0']);
    const restored = await store.restoreVersion(ids[0], older.version);
    expect(restored.version).toBe(older.version);
    expect(restored.doc.meta.title).toBe('Report 0');
    expect(JSON.parse(await readFile(live(ids[0]), 'utf8')).meta.title).toBe('Report 0');
    expect((await store.readDocument(ids[0])).meta.title).toBe('Report 0');
    expect((await store.listDocuments()).documents.find((d) => d.id === ids[0])?.title).toBe('Report 0');
    const after = await store.documentVersions(ids[0]);
    expect(after.map((v) => v.title)).toEqual(['Third', 'Second', 'Report 0']);
    // Undo the restore: the newest version (1) is what it replaced.
    await store.restoreVersion(ids[0], 1);
    expect((await store.readDocument(ids[0])).meta.title).toBe('Third');
  });

  it('of a damaged version file says so, naming it, and writes nothing', async () => {
    await saveTitle(store, ids[0], 'Second');
    const [version] = await store.documentVersions(ids[0]);
    const file = `history/${ids[0]}/${version.version}.json`;
    // Break the kept file (a new file in its place: the old one is still linked nowhere else).
    await rm(join(dir, file));
    await writeFile(join(dir, file), '{"schemaVersion": 1, "id": ');
    const listed = await store.documentVersions(ids[0]);
    expect(listed[0].problem).toMatch(new RegExp(`^${file} is damaged and was left untouched: not valid JSON`));
    expect(listed[0].title).toBeNull();
    const before = await snapshot();
    const error = await store.restoreVersion(ids[0], version.version).catch((e: Error) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(new RegExp(`^${file} is damaged and was left untouched: not valid JSON .*nothing was restored$`));
    // Valid JSON of another document, or not a document at all.
    await writeFile(join(dir, file), JSON.stringify({ ...(await store.readDocument(ids[1])) }));
    await expect(store.restoreVersion(ids[0], 1)).rejects.toThrow(/its id is .*, not .*; nothing was restored/);
    await writeFile(join(dir, file), JSON.stringify({ schemaVersion: 1, id: ids[0] }));
    await expect(store.restoreVersion(ids[0], 1)).rejects.toThrow(/is damaged and was left untouched: .*nothing was restored/);
    await writeFile(join(dir, file), '{"schemaVersion": 1, "id": ');
    expect(await snapshot()).toEqual(before);
  });

  it('of an unknown version or document is a clear error', async () => {
    await saveTitle(store, ids[0], 'Second');
    await expect(store.restoreVersion(ids[0], '2000-01-01T00-00-00-000Z')).rejects.toThrow(
      new RegExp(`^Document ${ids[0]} has no version 2000-01-01T00-00-00-000Z in its history \\(its newest is .*\\)$`),
    );
    await expect(store.restoreVersion(ids[0], 2)).rejects.toThrow(`Document ${ids[0]} has 1 earlier version in its history; there is no version 2`);
    await expect(store.restoreVersion(ids[1], 1)).rejects.toThrow(`Document ${ids[1]} has no earlier versions in its history`);
    await expect(store.restoreVersion('no-such-document', 1)).rejects.toThrow('No document no-such-document in this project');
    await expect(store.documentVersions('no-such-document')).rejects.toThrow('No document no-such-document in this project');
  });

  it('is refused by a read-only store, which still lists versions and writes nothing', async () => {
    await saveTitle(store, ids[0], 'Second');
    await store.close();
    const before = await snapshot();
    const reader = await ProjectStore.open(dir, { holder: 'reader' });
    expect((await reader.documentVersions(ids[0])).map((v) => v.title)).toEqual(['Report 0']);
    await expect(reader.restoreVersion(ids[0], 1)).rejects.toThrow(/open read-only/);
    await reader.close();
    expect(await snapshot()).toEqual(before);
    store = await ProjectStore.open(dir, { write: true, holder: 'test' });
  });
});

describe('the history', () => {
  it('is not part of the project’s documents: the project stays consistent', async () => {
    for (let i = 0; i < 3; i++) await saveTitle(store, ids[i % 2], `Title ${i}`);
    await store.close();
    const check = await checkProject(dir);
    expect(check.problems).toEqual([]);
    expect(check.titles.sort()).toEqual(['Title 1', 'Title 2']);
    store = check.store!;
  });

  it('names versions by time, always later than the newest (same millisecond, a clock set back)', async () => {
    const files = memoryFiles();
    await files.file('documents/x.json').write('{}');
    const times = [new Date('2030-01-01T00:00:00.000Z'), new Date('2030-01-01T00:00:00.000Z'), new Date('2029-01-01T00:00:00.000Z')];
    const history = new DocumentHistory(files, 20, () => times.shift()!);
    for (let i = 0; i < 3; i++) await history.replacing('x', 'documents/x.json', () => files.file('documents/x.json').write(`{"n": ${i}}`));
    expect((await history.versions('x')).reverse()).toEqual(['2030-01-01T00-00-00-000Z', '2030-01-01T00-00-00-001Z', '2030-01-01T00-00-00-002Z']);
    expect(versionTime(versionName(new Date('2030-05-06T07:08:09.010Z')))?.toISOString()).toBe('2030-05-06T07:08:09.010Z');
    expect(versionTime('2030-05-06')).toBeNull();
  });

  it('works over a project in memory as on disk', async () => {
    const files = memoryFiles();
    const mem = await ProjectStore.load(files, { lock: noLock(), create: true, name: 'M', dir: 'memory' });
    const [{ id }] = await mem.addDocuments([
      {
        meta: { ...emptyMeta('First'), date: '1960-08-30' },
        source: { file: 'f.txt', format: 'text', importedAt: '', witness: [], notes: [] },
        body: body([segment({ english: inlineFromPlain('They agreed.') })]),
      },
    ]);
    await saveTitle(mem, id, 'Second');
    await saveTitle(mem, id, 'Third');
    expect((await mem.documentVersions(id)).map((v) => v.title)).toEqual(['Second', 'First']);
    await mem.restoreVersion(id, 2);
    expect((await mem.readDocument(id)).meta.title).toBe('First');
    expect((await mem.documentVersions(id)).map((v) => v.title)).toEqual(['Third', 'Second', 'First']);
    expect(await files.documentIds()).toEqual([id]);
  });
});
