/**
 * `interlinea restore`: lists a document's versions and restores one, with
 * clear errors (unknown document, unknown version, damaged version file: said,
 * nothing overwritten). The CLI takes no backups.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured, type CliRun } from './testing/run-cli';
import type { DocumentFile } from '../../shared/model/document';

const SEED_1960 = join(__dirname, '../../resources/samples/1960-08-30-puzanov-conversation.txt');

let root: string;
let dir: string;
let id: string;
const cli = (...argv: string[]): Promise<CliRun> => runCaptured(argv, root);
const stored = async () => JSON.parse(await readFile(join(dir, 'documents', `${id}.json`), 'utf8')) as DocumentFile;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-restore-'));
  dir = join(root, 'p');
  const imported = await cli('import', SEED_1960, '--project', dir);
  expect(imported.code).toBe(0);
  id = imported.stdout.split('\t')[0];
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('interlinea restore', () => {
  it('lists nothing before the first save, then each version a save replaced, newest first (text and JSON)', async () => {
    const none = await cli('restore', dir, id);
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: `interlinea: document ${id} has no earlier versions in its history\n` });
    const original = await stored();
    expect((await cli('replace', 'Puzanov', 'Pusanov', '--project', dir)).code).toBe(0);
    const listed = await cli('restore', dir, id, '--list');
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const [n, version, savedAt, rows, bytes, title] = lines[0].split('\t');
    expect([n, savedAt, title]).toEqual(['1', original.updatedAt, original.meta.title]);
    expect(version).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(Number(rows)).toBeGreaterThan(5);
    expect(Number(bytes)).toBe(Buffer.byteLength(JSON.stringify(original, null, 2)) + 1);
    const json = JSON.parse((await cli('restore', dir, id, '--json')).stdout) as { n: number; version: string; title: string }[];
    expect(json).toEqual([expect.objectContaining({ n: 1, version, title: original.meta.title, problem: null })]);
  });

  it('restores a version by number or time; restoring --version 1 right after undoes it', async () => {
    const original = await stored();
    await cli('replace', 'Puzanov', 'Pusanov', '--project', dir);
    expect(JSON.stringify((await stored()).body)).toContain('Pusanov');
    const restored = await cli('restore', dir, id, '--version', '1');
    expect(restored.code).toBe(0);
    const [, version] = restored.stdout.trim().split('\t');
    expect(restored.stderr).toMatch(/^Restored .* the version it replaced is now the newest in its history \(restore --version 1 undoes this\)\.\n$/);
    expect((await stored()).body).toEqual(original.body);
    const versions = JSON.parse((await cli('restore', dir, id, '--json')).stdout) as { version: string }[];
    expect(versions).toHaveLength(2);
    expect(versions[1].version).toBe(version);
    // Undo the restore, then go back again by the version's time, with --project.
    expect((await cli('restore', dir, id, '--version', '1')).code).toBe(0);
    expect(JSON.stringify((await stored()).body)).toContain('Pusanov');
    const byTime = await cli('restore', id, '--project', dir, '--version', version, '--json');
    expect(byTime.code).toBe(0);
    expect(JSON.parse(byTime.stdout)).toMatchObject({ id, version, title: original.meta.title });
    expect((await stored()).body).toEqual(original.body);
  });

  it('says what is wrong and writes nothing: unknown document, unknown version, damaged version, bad usage', async () => {
    await cli('replace', 'Puzanov', 'Pusanov', '--project', dir);
    const before = await readFile(join(dir, 'documents', `${id}.json`), 'utf8');
    expect(await cli('restore', dir, 'no-such-document', '--list')).toMatchObject({ code: 1, stderr: 'interlinea: No document no-such-document in this project\n' });
    expect(await cli('restore', dir, 'no-such-document', '--version', '1')).toMatchObject({ code: 1, stderr: 'interlinea: No document no-such-document in this project\n' });
    expect(await cli('restore', dir, id, '--version', '3')).toMatchObject({
      code: 1,
      stderr: `interlinea: Document ${id} has 1 earlier version in its history; there is no version 3\n`,
    });
    const unknownTime = await cli('restore', dir, id, '--version', '2001-01-01T00-00-00-000Z');
    expect(unknownTime.code).toBe(1);
    expect(unknownTime.stderr).toMatch(/has no version 2001-01-01T00-00-00-000Z in its history/);

    const [version] = await readdir(join(dir, 'history', id));
    const file = join(dir, 'history', id, version);
    await rm(file);
    await writeFile(file, '{"schemaVersion": 1');
    const listed = await cli('restore', dir, id);
    expect(listed.stdout).toMatch(new RegExp(`^1\\t${version.slice(0, -5)}\\tdamaged\\t\\t\\d+\\thistory/${id}/${version} is damaged and was left untouched: not valid JSON`));
    const damaged = await cli('restore', dir, id, '--version', '1');
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(new RegExp(`^interlinea: history/${id}/${version} is damaged and was left untouched: not valid JSON .*nothing was restored\\n$`));

    expect((await cli('restore', dir, id, '--version', 'yesterday')).code).toBe(2);
    expect((await cli('restore', dir, id, '--version', '0')).code).toBe(2);
    expect((await cli('restore', dir, id, '--list', '--version', '1')).code).toBe(2);
    expect((await cli('restore', dir)).code).toBe(2);
    expect(await readFile(join(dir, 'documents', `${id}.json`), 'utf8')).toBe(before);
    expect(await readdir(join(dir, 'history', id))).toEqual([version]);
  });

  it('is listed in the help; the CLI takes no backups and listing leaves no lock', async () => {
    expect((await cli('--help')).stdout).toMatch(/\n {2}restore +List a document's saved versions, or restore one\n/);
    await cli('replace', 'Puzanov', 'Pusanov', '--project', dir);
    await cli('list', '--project', dir);
    await cli('restore', dir, id, '--version', '1');
    await cli('restore', dir, id, '--list');
    const names = await readdir(dir);
    expect(names).not.toContain('backups');
    expect(names).not.toContain('project.lock');
    expect(names.sort()).toEqual(['.interlinea', 'documents', 'history', 'project.json']);
  });
});

describe('interlinea restore of a long document (kept in chunks)', () => {
  it('lists its versions with their rows and bytes, restores one whole, and show prints it whole', async () => {
    const file = join(root, 'long.txt');
    const paragraphs = Array.from({ length: 320 }, (_, i) => `Paragraph ${i + 1}: the delegation met Puzanov.`);
    await writeFile(file, `A long report\n\n${paragraphs.join('\n\n')}\n`);
    const imported = await cli('import', file, '--project', dir);
    expect(imported.code).toBe(0);
    const longId = imported.stdout.split('\t')[0];
    // Two saves: the first makes it a head and chunks, the second replaces that version.
    expect((await cli('replace', 'Puzanov', 'Pusanov', '--project', dir)).code).toBe(0);
    expect((await cli('replace', 'delegation', 'mission', '--project', dir)).code).toBe(0);
    expect((await readdir(join(dir, 'documents', `${longId}.chunks`))).length).toBeGreaterThan(2);
    const listed = (await cli('restore', dir, longId, '--list')).stdout.trim().split('\n');
    expect(listed).toHaveLength(2);
    const [, , , rows, bytes] = listed[0]!.split('\t');
    expect(Number(rows)).toBeGreaterThan(300);
    // The head and its chunks: about the size of the document in one file.
    expect(Number(bytes)).toBeGreaterThan(320 * 100);
    const restored = await cli('restore', dir, longId, '--version', '1');
    expect(restored.code).toBe(0);
    const shown = JSON.parse((await cli('show', longId, '--project', dir, '--json')).stdout) as DocumentFile;
    const text = JSON.stringify(shown.body);
    expect(text).toContain('the delegation met Pusanov');
    expect(text).not.toContain('mission');
    expect(shown.body.content!.length).toBe(Number(rows));
  });
});

