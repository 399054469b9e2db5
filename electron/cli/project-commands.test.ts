import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured, type CliRun } from './testing/run-cli';
import { countMarks, columnOf, plainText, segmentsOf, witnessOf } from '../../shared/model/build';
import type { DocumentFile } from '../../shared/model/document';

const SEEDS = join(__dirname, '../../resources/samples');
const SEED_1960 = join(SEEDS, '1960-08-30-puzanov-conversation.txt');
const SEED_1963 = join(SEEDS, '1963-06-20-kwp-policy-information.txt');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'interlinea-cli-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const cli = (...argv: string[]): Promise<CliRun> => runCaptured(argv, root);

async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe('interlinea import, list and show', () => {
  it('imports both seeds into a new project and lists them with their dates', async () => {
    const dir = join(root, 'new-project');
    const imported = await cli('import', SEED_1960, SEED_1963, '--project', dir);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const lines = imported.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^1960-08-30-[a-z0-9-]+\tNote about a Conversation in the Soviet Embassy with Comrade Puzanov$/,
    );

    const listed = await cli('list', '--project', dir, '--json');
    expect(listed.code).toBe(0);
    const docs = JSON.parse(listed.stdout) as { id: string; title: string; date: string }[];
    expect(docs.map((d) => d.date)).toEqual(['1960-08-30', '1963-06-20']);
    expect(Object.keys(docs[0]).sort()).toEqual(['date', 'id', 'title']);
  });

  it('shows the 1960 document with 19 insertions and the witness exactly as the seed has it', async () => {
    const dir = join(root, 'p');
    await cli('import', SEED_1960, '--project', dir);
    const [{ id }] = JSON.parse((await cli('list', '--project', dir, '--json')).stdout);
    const shown = await cli('show', id, '--project', dir, '--json');
    expect(shown.code).toBe(0);
    const doc = JSON.parse(shown.stdout) as DocumentFile;
    const segments = segmentsOf(doc.body);
    const insertions = segments.reduce((n, s) => n + countMarks(columnOf(s, 'english')!, 'insertion'), 0);
    expect(insertions).toBe(19);
    const english = segments.map((s) => plainText(columnOf(s, 'english')!.content)).join('\n');
    expect(english).toContain('they the Koreans strictly rejected');
    expect(english).not.toMatch(/\[|\]/);

    const seed = await readFile(SEED_1960, 'utf8');
    const korean = seed.slice(seed.indexOf('Korean HTML\n') + 'Korean HTML\n'.length).split('\n');
    const nonBlank = korean.filter((l) => l.trim() !== '');
    expect(segments.flatMap(witnessOf)).toEqual(nonBlank);
    expect(doc.source.witness.filter((l) => l.trim() !== '')).toEqual(nonBlank);
  });

  it('reports a bad file by name and writes nothing at all', async () => {
    const dir = join(root, 'untouched');
    const binary = join(root, 'scan.pdf');
    await writeFile(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0xff, 0xfe]));
    const result = await cli('import', SEED_1960, binary, '--project', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('scan.pdf');
    expect(result.stderr).toMatch(/nothing was imported/i);
    // Not even the project folder was created.
    await expect(readdir(dir)).rejects.toThrow();
  });

  it('leaves an existing project exactly as it was when an import fails', async () => {
    const dir = join(root, 'existing');
    await cli('import', SEED_1963, '--project', dir);
    const before = await listing(dir);
    const project = await readFile(join(dir, 'project.json'), 'utf8');
    for (const bad of ['empty.txt', 'folder', 'invalid.txt', 'huge.txt']) {
      const path = join(root, bad);
      if (bad === 'folder') await mkdir(path);
      else if (bad === 'invalid.txt') await writeFile(path, Buffer.from([0x41, 0xc3, 0x28, 0x42]));
      else if (bad === 'huge.txt') await writeFile(path, Buffer.alloc(20 * 1024 * 1024 + 1, 0x61));
      else await writeFile(path, '');
      const result = await cli('import', SEED_1960, path, '--project', dir);
      expect(result.code, bad).toBe(1);
      expect(result.stderr, bad).toContain(bad);
      expect(await listing(dir)).toEqual(before);
      expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(project);
    }
  });

  it('exits 2 for bad usage and prints help with --help on every command', async () => {
    expect((await cli('import', SEED_1960)).code).toBe(2);
    expect((await cli('list')).code).toBe(2);
    expect((await cli('show', '--project', root)).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('list', '--project', root, '--bogus')).code).toBe(2);
    for (const command of ['import', 'list', 'show', 'export', 'glossary', 'garble', 'check', 'suggest', 'repair']) {
      const help = await cli(command, '--help');
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toMatch(/^Usage: interlinea /);
    }
  });

  it('exits 1 with a message for a missing project or document', async () => {
    const missing = await cli('list', '--project', join(root, 'nowhere'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does not exist/);
    const dir = join(root, 'p');
    await cli('import', SEED_1963, '--project', dir);
    const noDoc = await cli('show', 'no-such-doc', '--project', dir, '--json');
    expect(noDoc.code).toBe(1);
    expect(noDoc.stderr).toMatch(/No document no-such-doc/);
  });
});

describe('interlinea glossary', () => {
  it('adds entries with variants and several Korean forms, and lists them', async () => {
    const dir = join(root, 'g');
    await cli('import', SEED_1963, '--project', dir);
    const added = await cli(
      'glossary',
      'add',
      '--project',
      dir,
      '--en',
      'Choe Yong-geon',
      '--variant',
      'Choe Yong Gon',
      '--ko',
      '최용건',
      '--type',
      'person',
    );
    expect(added.code).toBe(0);
    await cli(
      'glossary',
      'add',
      '--project',
      dir,
      '--en',
      'Korean Workers Party',
      '--ko',
      '조선로동당',
      '--ko',
      '조선노동당',
      '--type',
      'organisation',
    );
    // The user's entries, after the starter termbase every new project starts with.
    const all = JSON.parse((await cli('glossary', 'list', '--project', dir, '--json')).stdout) as { origin: string; ko: string[] }[];
    expect(all.filter((e) => e.origin === 'termbase').length).toBeGreaterThanOrEqual(400);
    const listed = all.filter((e) => e.origin === 'user');
    expect(listed).toHaveLength(2);
    // Choe Yong-geon was in the termbase: the added forms merge into that entry, which becomes the user's.
    expect(listed[0]).toMatchObject({
      en: 'Choe Yong-geon',
      variants: expect.arrayContaining(['Choe Yong Gon']),
      ko: ['최용건'],
      type: 'person',
    });
    expect(listed[1].ko).toEqual(['조선로동당', '조선노동당']);
    const project = JSON.parse(await readFile(join(dir, 'project.json'), 'utf8'));
    expect(project.glossary.filter((e: { origin: string }) => e.origin === 'user')).toHaveLength(2);
    const text = (await cli('glossary', 'list', '--project', dir)).stdout;
    expect(text).toMatch(/^person\tChoe Yong-geon\t최용건\tChoe Yong Gon, .*\tuser$/m);
    expect(text).toMatch(/^organisation\tKorean Workers' Party\t조선로동당, 조선노동당\t.*\ttermbase$/m);
  });

  it('rejects an unknown type as bad usage', async () => {
    const result = await cli('glossary', 'add', '--project', root, '--en', 'X', '--ko', 'ㅋ', '--type', 'animal');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--type must be one of/);
  });
});

describe('interlinea export', () => {
  it('writes every format for one document, and a TEI export imports back to the same document', async () => {
    const dir = join(root, 'e');
    await cli('import', SEED_1960, SEED_1963, '--project', dir);
    const [first] = JSON.parse((await cli('list', '--project', dir, '--json')).stdout) as { id: string }[];
    for (const format of ['tei', 'html', 'md', 'txt', 'docx', 'pdf']) {
      const out = join(root, `out.${format}`);
      const result = await cli('export', '--project', dir, '--doc', first.id, '--format', format, '--out', out);
      expect(result.code, `${format}: ${result.stderr}`).toBe(0);
      const bytes = await readFile(out);
      expect(bytes.length, format).toBeGreaterThan(500);
      if (format === 'pdf') expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      if (format === 'docx') expect(bytes.subarray(0, 2).toString()).toBe('PK');
    }
    const copy = join(root, 'copy');
    const reimported = await cli('import', join(root, 'out.tei'), '--project', copy);
    expect(reimported.code, reimported.stderr).toBe(0);
    const [again] = JSON.parse((await cli('list', '--project', copy, '--json')).stdout) as { id: string }[];
    const original = JSON.parse((await cli('show', first.id, '--project', dir, '--json')).stdout) as DocumentFile;
    const roundTrip = JSON.parse((await cli('show', again.id, '--project', copy, '--json')).stdout) as DocumentFile;
    expect(roundTrip.body).toEqual(original.body);
    expect(roundTrip.meta).toEqual(original.meta);
  }, 120_000);

  it('exports the whole project as one edition in date order and rejects an unknown format', async () => {
    const dir = join(root, 'e2');
    await cli('import', SEED_1963, SEED_1960, '--project', dir);
    const out = join(root, 'edition.txt');
    expect((await cli('export', '--project', dir, '--format', 'txt', '--out', out)).code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text.indexOf('Puzanov')).toBeLessThan(text.indexOf('Information About the Policy'));
    const bad = await cli('export', '--project', dir, '--format', 'rtf', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of tei, html, md, docx, pdf, txt/);
  });

  it('says clearly what is missing when no browser can print PDF', async () => {
    const dir = join(root, 'e3');
    await cli('import', SEED_1963, '--project', dir);
    const result = await cli(
      'export',
      '--project',
      dir,
      '--format',
      'pdf',
      '--out',
      join(root, 'x.pdf'),
      '--browser',
      join(root, 'no-such-chromium'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no-such-chromium/);
  });
});
