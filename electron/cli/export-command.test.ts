import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured, type CliRun } from './testing/run-cli';

const SEEDS = join(__dirname, '../../resources/samples');
const SEED_1960 = join(SEEDS, '1960-08-30-puzanov-conversation.txt');
const SEED_1963 = join(SEEDS, '1963-06-20-kwp-policy-information.txt');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-cli-export-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const cli = (...argv: string[]): Promise<CliRun> => runCaptured(argv, root);

/** A project with both samples, the 1963 one's file damaged on disk. */
async function projectWithDamage(): Promise<string> {
  const dir = join(root, 'p');
  expect((await cli('import', SEED_1960, SEED_1963, '--project', dir)).code).toBe(0);
  const files = (await readdir(join(dir, 'documents'))).filter((f) => f.startsWith('1963'));
  expect(files).toHaveLength(1);
  await writeFile(join(dir, 'documents', files[0]), '{ "schemaVersion": 1, "id": ');
  return dir;
}

describe('interlinea export of a whole project with a damaged document', () => {
  it('refuses with exit 1, names the damaged file and writes nothing', async () => {
    const dir = await projectWithDamage();
    const out = join(root, 'edition.html');
    const result = await cli('export', '--project', dir, '--format', 'html', '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/1 document could not be read and would be left out/);
    expect(result.stderr).toMatch(/documents\/1963-[^:]+\.json/);
    expect(result.stderr).toMatch(/--skip-damaged/);
    expect(existsSync(out)).toBe(false);
  });

  it('with --skip-damaged exports the rest, exit 0, and lists what was left out', async () => {
    const dir = await projectWithDamage();
    const out = join(root, 'edition.txt');
    const result = await cli('export', '--project', dir, '--format', 'txt', '--out', out, '--skip-damaged');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Left out 1 damaged document: documents\/1963-[^:]+\.json/);
    const text = await readFile(out, 'utf8');
    expect(text).toContain('Puzanov');
    expect(text).not.toContain('Information About the Policy');
  });

  it('prints an export warning (characters XML does not allow) on stderr', async () => {
    const dir = join(root, 'q');
    const source = join(root, 'odd.txt');
    await writeFile(source, 'A title\n\nText with a noncharacter \uFFFE inside.\n');
    expect((await cli('import', source, '--project', dir)).code).toBe(0);
    const out = join(root, 'odd.docx');
    const result = await cli('export', '--project', dir, '--format', 'docx', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: Replaced 1 character that XML does not allow \(U\+FFFE\)/);
  });

  it.skipIf(spawnSync('sh', ['-c', 'command -v chromium && command -v pdfinfo'], { stdio: 'ignore' }).status !== 0)(
    'titles a PDF of one document by the document, never the project folder',
    async () => {
      const dir = join(root, 'my-project-folder');
      expect((await cli('import', SEED_1960, '--project', dir)).code).toBe(0);
      const out = join(root, 'one.pdf');
      const result = await cli('export', '--project', dir, '--format', 'pdf', '--out', out);
      expect(result.code, result.stderr).toBe(0);
      const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/^Title:\s+Note about a Conversation in the Soviet Embassy with Comrade Puzanov$/m);
      expect(info).toMatch(/^Creator:\s+Interlinea$/m);
      expect(info).not.toContain('my-project-folder');
    },
    120_000,
  );
});
