import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The CLI as shipped: bundled by scripts/build-cli.mjs (with its import worker beside
// it) into a folder of its own inside the checkout, so it finds node_modules.
const root = join(__dirname, '..', '..');
const outDir = join(root, '.tmp', `cli-import-test-${process.pid}`);
const bundle = join(outDir, 'interlinea.cjs');
let work = '';

const MB = 1024 * 1024;

/** A page shaped like a big real one: a script, a style, an inline image, then long paragraphs. */
function realPage(size: number): string {
  const p = `<p>${'The ambassador said that the harvest was good this year, that the talks on the treaty went on, and that the delegation would return in the spring. '.repeat(5)}</p>\n`;
  const head = `<!DOCTYPE html><html><head><title>A big report | Wilson Center Digital Archive</title><script>${'var x = 1;'.repeat(size / 40)}</script><style>${'.a{b:c}'.repeat(size / 56)}</style></head><body><h1>A big report</h1><img src="data:image/png;base64,${'QUJD'.repeat(size / 16)}">`;
  const rest = size - head.length - 20;
  return `${head}${p.repeat(Math.floor(rest / p.length))}</body></html>`;
}

function cli(args: string[], env: Record<string, string> = {}) {
  const script = `const c = require(${JSON.stringify(bundle)}); c.runCli(process.argv.slice(1), c.processIO()).then((code) => { process.exitCode = code; });`;
  return spawnSync(process.execPath, ['-e', script, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * MB,
  });
}

beforeAll(async () => {
  const script = pathToFileURL(join(root, 'scripts', 'build-cli.mjs')).href;
  const { buildCli } = (await import(script)) as { buildCli(dir: string): Promise<void> };
  await buildCli(outDir);
  work = mkdtempSync(join(tmpdir(), 'interlinea-big-import-'));
}, 120_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the built CLI importing big and hostile pages', () => {
  it('bundles the import worker beside the CLI', () => {
    expect(existsSync(join(outDir, 'import-worker.js'))).toBe(true);
  });

  it('imports a 19 MB page of real shape (scripts, styles, an inline image, long paragraphs)', () => {
    const page = realPage(19 * MB);
    expect(page.length).toBeGreaterThan(18.5 * MB);
    writeFileSync(join(work, 'big.html'), page);
    const run = cli(['import', 'big.html', '--project', 'big-project']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^[\w-]+\tA big report\n$/);
    const shown = cli(['show', run.stdout.split('\t')[0], '--project', 'big-project', '--json']);
    const doc = JSON.parse(shown.stdout) as { body: { content: unknown[] }; source: { notes: string[] } };
    expect(doc.body.content.length).toBeGreaterThan(10_000);
    expect(doc.source.notes.join('\n')).toMatch(/left out 1 script, 1 style/);
  }, 300_000);

  it('refuses a 19 MB page of four million <br> with a clear error, creating nothing', () => {
    writeFileSync(join(work, 'breaks.html'), `<html><body>${'a<br>'.repeat((19 * MB) / 5)}</body></html>`);
    const run = cli(['import', 'breaks.html', '--project', 'breaks-project']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'interlinea: breaks.html: the page has more than 500,000 HTML elements, the most Interlinea reads in one page; save it as plain text or split it\nNothing was imported.\n',
    );
    expect(existsSync(join(work, 'breaks-project'))).toBe(false);
  }, 300_000);

  it('stops an import over the memory limit with a clear error, leaving the project unlocked and usable', () => {
    writeFileSync(join(work, 'note.txt'), 'A short note.\n\nIts second paragraph.\n');
    expect(cli(['import', 'note.txt', '--project', 'kept']).status).toBe(0);
    writeFileSync(join(work, 'big.html'), realPage(19 * MB));
    const run = cli(['import', 'big.html', '--project', 'kept'], { INTERLINEA_IMPORT_MEMORY_MB: '48' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'interlinea: big.html: reading it needed more than 48 MB of memory and was stopped; the file is too large or too complex to import\nNothing was imported.\n',
    );
    expect(readdirSync(join(work, 'kept')).filter((n) => n.includes('lock'))).toEqual([]);
    const list = cli(['list', '--project', 'kept']);
    expect(list.status).toBe(0);
    expect(list.stdout.trim().split('\n')).toHaveLength(1);
    expect(cli(['import', 'note.txt', '--project', 'kept']).status).toBe(0);
  }, 300_000);
});
