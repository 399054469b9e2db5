import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { koreanCommands } from './korean-commands';
import { runCli } from './main';
import { check } from '../../shared/korean/check';
import type { CliIO } from './types';

const SEED_1960 = join(__dirname, '../../resources/samples/1960-08-30-puzanov-conversation.txt');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-korean-cli-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function run(
  name: string,
  argv: string[],
  stdin = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  const command = koreanCommands.find((c) => c.name === name);
  if (!command) throw new Error(`no command ${name}`);
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readStdin: async () => stdin,
    cwd: root,
  };
  const code = await command.run(argv, io);
  return { code, stdout, stderr };
}

describe('the Korean CLI commands', () => {
  it('all print their usage and exit 0 with --help', async () => {
    for (const c of koreanCommands) {
      const r = await run(c.name, ['--help']);
      expect(r.code, c.name).toBe(0);
      expect(r.stdout, c.name).toContain(`interlinea ${c.name}`);
    }
  });

  it('exit 2 on an unknown option', async () => {
    for (const c of koreanCommands) expect((await run(c.name, ['--frobnicate'])).code, c.name).toBe(2);
  });
});

describe('interlinea garble', () => {
  it('garbles stdin to stdout', async () => {
    const r = await run('garble', [], '1960년 8월 30일\n조선로동당의\n');
    expect(r).toEqual({ code: 0, stdout: '1960D 8 30|\np \\X\n', stderr: '' });
  });

  it('garbles a file', async () => {
    await writeFile(join(root, 'r.txt'), '푸자노프 동지는');
    expect((await run('garble', ['r.txt'])).stdout).toBe('xx\n');
  });

  it('reports a missing file as a user error', async () => {
    const r = await run('garble', ['missing.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no such file: missing.txt/);
  });
});

describe('interlinea check', () => {
  beforeEach(async () => {
    await writeFile(join(root, 'witness.txt'), '1960D 8 30|\nxx lP\\ ( Y XX | .\n');
  });

  it('exits 0 when the restoration is consistent', async () => {
    await writeFile(
      join(root, 'good.txt'),
      '1960년 8월 30일\n푸자노프 동지는 구두로 소련공산당 중앙위원회 회의의 몇 가지 정보를 제공했다.\n',
    );
    const r = await run('check', ['--witness', 'witness.txt', '--restored', 'good.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^state: consistent/);
  });

  it('exits 1 and names the contradicting syllable', async () => {
    await writeFile(
      join(root, 'bad.txt'),
      '1960년 8월 30일\n푸자노프 동지는 고두로 소련공산당 중앙위원회 회의의 몇 가지 정보를 제공했다.\n',
    );
    const r = await run('check', ['--witness', 'witness.txt', '--restored', 'bad.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 2, witness column 4: '고' leaves nothing where the witness has 'l'/);
  });

  it('reports JSON with the state and contradictions', async () => {
    await writeFile(join(root, 'part.txt'), '1960년 8월 30일\n푸자노프');
    const r = await run('check', ['--witness', 'witness.txt', '--restored', 'part.txt', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { state: string; contradictions: unknown[]; unexplained: { kind: string }[] };
    expect(json.state).toBe('partial');
    expect(json.contradictions).toEqual([]);
    expect(json.unexplained.map((u) => u.kind)).toEqual(['pending']);
  });

  it('requires both files', async () => {
    expect((await run('check', ['--witness', 'witness.txt'])).code).toBe(2);
  });
});

describe('interlinea suggest', () => {
  it('offers words whose garble is the token, best first, as JSON', async () => {
    const r = await run('suggest', ['lP\\', '--json', '--limit', '3']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { text: string; garble: string }[];
    expect(list.length).toBe(3);
    for (const s of list) expect(s.garble).toBe('lP\\');
    expect(list.map((s) => s.text)).toContain('구두로');
  });

  it('answers many tokens from stdin, one JSON array per line', async () => {
    const r = await run('suggest', ['--stdin', '--limit', '2'], 'lP\\\nTm\n');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(Array.isArray(JSON.parse(l))).toBe(true);
  });

  it('uses the project glossary and offers both spellings it knows', async () => {
    const dir = join(root, 'project');
    const io: CliIO = { stdout: () => undefined, stderr: () => undefined, readStdin: async () => '', cwd: root };
    expect(await runCli(['import', SEED_1960, '--project', dir], io)).toBe(0);
    expect(
      await runCli(
        [
          'glossary',
          'add',
          '--project',
          dir,
          '--en',
          "Korean Workers' Party",
          '--ko',
          '조선로동당',
          '--ko',
          '조선노동당',
          '--type',
          'organisation',
        ],
        io,
      ),
    ).toBe(0);
    const ro = JSON.parse((await run('suggest', ['p \\X', '--project', dir, '--json'])).stdout) as {
      text: string;
      source: string;
    }[];
    expect(ro[0]).toMatchObject({ text: '조선로동당의', source: 'glossary' });
    const no = JSON.parse((await run('suggest', ['p x', '--project', dir, '--json'])).stdout) as { text: string }[];
    expect(no[0]?.text).toBe('조선노동당');
  });

  it('rejects a bad limit and a missing project', async () => {
    expect((await run('suggest', ['x', '--limit', 'many'])).code).toBe(2);
    const missing = await run('suggest', ['x', '--project', 'nowhere']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot open project nowhere/);
  });
});

describe('interlinea draft', () => {
  const witness = ['1960D 8 30|', '8 : SAPMO-BA, DY 30, IV 2/20/137', '', 'xx lP\\ ( Y XX | .'];
  beforeEach(async () => {
    await writeFile(join(root, 'witness.txt'), `${witness.join('\n')}\n`);
    await writeFile(
      join(root, 'english.txt'),
      'August 30, 1960\nArchival signature: SAPMO-BA, DY 30, IV 2/20/137\n\nComrade Puzanov informed me orally.\n',
    );
  });

  it('prints one drafted line per witness line, each fitting its witness', async () => {
    const r = await run('draft', ['--witness', 'witness.txt', '--english', 'english.txt']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(witness.length);
    lines.forEach((line, i) =>
      expect(check(line, [witness[i] ?? ''], { wildcard: '□' }).contradictions, line).toEqual([]),
    );
    expect(lines[0]).toBe('1960년 8월 30일');
    expect(lines[1]).toContain('SAPMO-BA, DY 30, IV 2/20/137');
    expect(lines[2]).toBe('');
  });

  it('copies Latin text only when the English of that line has it', async () => {
    const r = await run('draft', ['--witness', 'witness.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).not.toContain('SAPMO-BA');
  });

  it('prints the drafted lines with their words as JSON', async () => {
    const r = await run('draft', ['--witness', 'witness.txt', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      text: string;
      words: { text: string; witness: string; undecided: boolean }[];
    }[];
    expect(json).toHaveLength(witness.length);
    expect(json[0]?.words.map((w) => w.witness)).toEqual(['1960D', '8', '30|']);
    expect(json[2]).toEqual({ words: [], text: '' });
  });

  it("drafts with the project's glossary", async () => {
    const dir = join(root, 'project');
    const io: CliIO = { stdout: () => undefined, stderr: () => undefined, readStdin: async () => '', cwd: root };
    expect(await runCli(['import', SEED_1960, '--project', dir], io)).toBe(0);
    expect(
      await runCli(
        ['glossary', 'add', '--project', dir, '--en', 'Puzanov', '--ko', '푸자노프', '--type', 'person'],
        io,
      ),
    ).toBe(0);
    const r = await run('draft', ['--witness', 'witness.txt', '--english', 'english.txt', '--project', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[3]).toMatch(/^푸자노프 /);
  });

  it('reads the witness from stdin', async () => {
    const r = await run('draft', ['--witness', '-'], '1958D 3 12|\n');
    expect(r).toEqual({ code: 0, stdout: '1958년 3월 12일\n', stderr: '' });
  });

  it('exits 1 on a missing file and 2 without --witness', async () => {
    const missing = await run('draft', ['--witness', 'nowhere.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file: nowhere.txt/);
    const noEnglish = await run('draft', ['--witness', 'witness.txt', '--english', 'none.txt']);
    expect(noEnglish.code).toBe(1);
    expect(noEnglish.stderr).toMatch(/no such file: none.txt/);
    const usage = await run('draft', []);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--witness FILE is required/);
    expect((await run('draft', ['--witness', 'witness.txt', 'extra'])).code).toBe(2);
  });

  it('is listed in the overview', async () => {
    let out = '';
    const io: CliIO = { stdout: (s) => void (out += s), stderr: () => undefined, readStdin: async () => '', cwd: root };
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out).toMatch(/^ {2}draft +Draft a Korean restoration/m);
  });
});

describe('interlinea repair', () => {
  it('repairs EUC-KR read as Latin-1 from stdin and reports it on stderr', async () => {
    const broken = `Kim Il Sung (${iconv.decode(iconv.encode('김일성', 'euc-kr'), 'latin1')})`;
    const r = await run('repair', [], broken);
    expect(r.stdout).toBe('Kim Il Sung (김일성)');
    expect(r.stderr).toMatch(/euckr-as-latin1/);
  });

  it('leaves good text alone and says so', async () => {
    const r = await run('repair', [], 'Grüße aus Köln');
    expect(r.stdout).toBe('Grüße aus Köln');
    expect(r.stderr).toMatch(/no reversible mojibake/);
  });
});
