import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openOrCreateDefaultProject } from './default-project';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-default-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the default project', () => {
  it('is created on first launch with both sample documents and their citations', async () => {
    const store = await openOrCreateDefaultProject(join(root, 'Default Project'), 'test');
    const { documents, problems } = await store.listDocuments();
    expect(problems).toEqual([]);
    expect(documents.map((d) => d.date)).toEqual(['1960-08-30', '1963-06-20']);
    const doc = await store.readDocument(documents[0].id);
    expect(doc.meta.citation).toMatch(/Translated for NKIDP by Bernd Schaefer/);
    expect(documents[0].witnessSegments).toBeGreaterThan(0);
    await store.close();
  });

  it('is opened, not re-created, on later launches, with a backup taken', async () => {
    const dir = join(root, 'Default Project');
    const first = await openOrCreateDefaultProject(dir, 'test');
    await first.close();
    const second = await openOrCreateDefaultProject(dir, 'test');
    expect((await second.listDocuments()).documents).toHaveLength(2);
    await second.close();
    const backups = await readdir(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(await readdir(join(dir, 'backups', backups[0], 'documents'))).toHaveLength(2);
  });
});
