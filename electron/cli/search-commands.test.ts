import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured, type CliRun } from './testing/run-cli';

const SEEDS = join(__dirname, '../../resources/samples');
const SEED_1960 = join(SEEDS, '1960-08-30-puzanov-conversation.txt');
const SEED_1963 = join(SEEDS, '1963-06-20-kwp-policy-information.txt');

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-cli-search-'));
  dir = join(root, 'project');
  const imported = await cli('import', SEED_1960, SEED_1963, '--project', dir);
  expect(imported.code).toBe(0);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const cli = (...argv: string[]): Promise<CliRun> => runCaptured(argv, root);

async function documentsText(): Promise<string> {
  const files = await readdir(join(dir, 'documents'));
  return (await Promise.all(files.map((f) => readFile(join(dir, 'documents', f), 'utf8')))).join('\n');
}

describe('interlinea search', () => {
  it('lists matches per document with counts and context', async () => {
    const run = await cli('search', 'Kim II Sung', '--project', dir, '--case');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^1963-06-20-[a-z0-9-]+\t3 matches\t/);
    expect(lines[1]).toMatch(/^ {2}summary\t.*\[Kim II Sung\]/);
    expect(lines[2]).toMatch(/^ {2}row \d+ · English\t.*Comrade \[Kim II Sung\]/);
    expect(lines.at(-1)).toBe('3 matches found in 1 document');
  });

  it('searches one scope, whole words, as a regex, and prints JSON', async () => {
    const run = await cli('search', 'Kim I[Il] Sung', '--project', dir, '--regex', '--case', '--word', '--in', 'english', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { total: number; documents: { counts: { english: number; meta: number } }[] };
    expect(out.total).toBe(8);
    expect(out.documents.every((d) => d.counts.meta === 0)).toBe(true);
  });

  it('reports an invalid regex and a bad scope clearly', async () => {
    const bad = await cli('search', '(Kim', '--project', dir, '--regex');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('interlinea search: Not a valid regular expression: Unterminated group.\n');
    const scope = await cli('search', 'Kim', '--project', dir, '--in', 'body');
    expect(scope.code).toBe(2);
    expect(scope.stderr).toMatch(/--in must be one of english, korean, witness, notes, meta, all; got body/);
  });
});

describe('interlinea replace', () => {
  it('shows a dry run and writes nothing', async () => {
    const before = await documentsText();
    const run = await cli('replace', 'Kim II Sung', 'Kim Il Sung', '--project', dir, '--case', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[Kim II Sung → Kim Il Sung]');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('3 matches would be replaced (dry run: nothing written) in 1 document');
    expect(await documentsText()).toBe(before);
  });

  it('replaces as corrections, says what it left alone, and a second run finds nothing to do', async () => {
    const run = await cli('replace', 'Kim II Sung', 'Kim Il Sung', '--project', dir, '--case', '--as-correction');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1963-06-20-[a-z0-9-]+\t3\t/);
    // Two in the body, one in the summary (its rich form keeps the source reading).
    expect(run.stdout.trim().split('\n').at(-1)).toBe('3 replaced as corrections in 1 document');
    expect(run.stderr).toBe('');
    expect((await documentsText()).match(/"original": "Kim II Sung"/g)).toHaveLength(3);

    const again = await cli('replace', 'Kim II Sung', 'Kim Il Sung', '--project', dir, '--case', '--in', 'english');
    expect(again.stdout).toBe('0 replaced in 0 documents\n');
  });

  it('replaces with regex groups in the metadata too', async () => {
    const run = await cli('replace', '(Kim) II (Sung)', '$1 Il $2', '--project', dir, '--regex', '--in', 'meta', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).replaced).toBe(1);
    const check = await cli('search', 'Kim Il Sung', '--project', dir, '--in', 'meta');
    expect(check.stdout.trim().split('\n').at(-1)).toBe('2 matches found in 2 documents');
  });

  it('records the editor named by --editor, and refuses one the project does not have', async () => {
    const none = await cli('replace', 'Kim II Sung', 'Kim Il Sung', '--project', dir, '--case', '--as-correction', '--editor', 'AB');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/No editor AB in this project; its editors: none yet/);
    const plain = await cli('replace', 'Kim II Sung', 'Kim Il Sung', '--project', dir, '--editor', 'AB');
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/use it with --as-correction/);
  });

  it('needs both PATTERN and TEXT', async () => {
    const run = await cli('replace', 'Kim', '--project', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/give a PATTERN and the replacement TEXT/);
  });
});
