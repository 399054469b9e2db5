import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured, type CliRun } from './testing/run-cli';

const SEEDS = join(__dirname, '../../resources/samples');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-qa-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const cli = (...argv: string[]): Promise<CliRun> => runCaptured(argv, root);

describe('interlinea qa', () => {
  it('lists the findings of the samples and exits 1 while warnings remain', async () => {
    await cli('import', join(SEEDS, '1960-08-30-puzanov-conversation.txt'), join(SEEDS, '1963-06-20-kwp-policy-information.txt'), '--project', 'p');
    const run = await cli('qa', '--project', 'p', '--severity', 'warning');
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(lines.filter((l) => l[4] === 'II').map((l) => l[3])).toEqual(['meta:summary', 'row 7 english', 'row 25 english']);
    expect(lines.map((l) => l[4])).toEqual(expect.arrayContaining(['Pusanov', 'Im', 'Dreemphasis']));
    expect(run.stderr).toContain('14 findings in 2 of 2 documents (14 warning or worse)');
  });

  it('checks one document as JSON, and exits 0 when nothing at --fail-on remains', async () => {
    await cli('import', join(SEEDS, '1960-08-30-puzanov-conversation.txt'), '--project', 'p');
    const id = (await cli('list', '--project', 'p')).stdout.split('\t')[0];
    const json = await cli('qa', '--project', 'p', '--doc', id, '--json');
    const [doc] = JSON.parse(json.stdout);
    expect(doc.findings.find((f: { text: string }) => f.text === 'Pusanov').fix).toMatchObject({ kind: 'correct', text: 'Puzanov' });
    expect((await cli('qa', '--project', 'p', '--fail-on', 'error')).code).toBe(0);
  });

  it('leaves out what the project ignores', async () => {
    await cli('import', join(SEEDS, '1960-08-30-puzanov-conversation.txt'), '--project', 'p');
    const [doc] = JSON.parse((await cli('qa', '--project', 'p', '--json', '--severity', 'warning')).stdout);
    const file = join(root, 'p', 'project.json');
    const project = JSON.parse(await readFile(file, 'utf8'));
    project.settings.qaIgnored = [doc.findings[0].key];
    await writeFile(file, JSON.stringify(project));
    const run = await cli('qa', '--project', 'p', '--severity', 'warning');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 ignored');
  });

  it('refuses unknown documents and severities', async () => {
    await cli('import', join(SEEDS, '1960-08-30-puzanov-conversation.txt'), '--project', 'p');
    expect(await cli('qa', '--project', 'p', '--doc', 'nope')).toMatchObject({ code: 1, stderr: 'interlinea: no document nope in this project\n' });
    expect((await cli('qa', '--project', 'p', '--severity', 'loud')).code).toBe(2);
    expect((await cli('qa', '--project', join(root, 'none'))).code).toBe(1);
  });
});
