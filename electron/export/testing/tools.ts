/**
 * Node-side helpers for the export tests and benchmark: where the repository,
 * its sample documents and the TEI schema are, the sample documents as models, and the external
 * validators (jing, LibreOffice, pdftoppm, pdftotext) with a loud notice when
 * one is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DocumentFile } from '../../../shared/model/document';
import { annotate, seed1960, seed1963 } from '../../../shared/export/testing/fixtures';

/** The project root (the folder with package.json). */
export const ROOT = resolve(__dirname, '..', '..', '..');
/** `../shared` beside the project: the TEI schema (too large to keep in the repository). */
export const SHARED = resolve(ROOT, '..', 'shared');
/** The TEI P5 schema, found relative to the repository as CI lays it out. */
export const TEI_SCHEMA = join(SHARED, 'schemas', 'tei_all.rng');
/** The sample documents shipped with the app (the default project's documents). */
export const SAMPLES = join(ROOT, 'resources', 'samples');
/** Where renders that people look at are written. */
export const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots');

export const SEED_1960 = join(SAMPLES, '1960-08-30-puzanov-conversation.txt');
export const SEED_1963 = join(SAMPLES, '1963-06-20-kwp-policy-information.txt');

/** True when a command is on the PATH. */
export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Says loudly that a check is skipped because a tool is missing. Returns whether the tool is there. */
export function requireTool(name: string, what: string): boolean {
  if (hasCommand(name)) return true;
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!!! ${name} is not installed: ${what} SKIPPED.\n!!! CI installs it (see .ci/run); install it to run this check.\n${line}\n`,
  );
  return false;
}

/** The two sample documents (resources/samples) as models, without the annotations. */
export function seedDocuments(): DocumentFile[] {
  return [seed1960(readFileSync(SEED_1960, 'utf8')), seed1963(readFileSync(SEED_1963, 'utf8'))];
}

/** The two samples with the annotations of the issue (a correction, two footnotes, a restoration). */
export function annotatedSamples(): DocumentFile[] {
  return seedDocuments().map(annotate);
}

/** Runs jing on files; `ok` is exit code 0, `errors` its output without its `[warning]` lines. */
export function jing(files: string[]): { ok: boolean; errors: string } {
  const run = spawnSync('jing', [TEI_SCHEMA, ...files], { encoding: 'utf8', timeout: 120_000 });
  const errors = `${run.stdout ?? ''}${run.stderr ?? ''}`
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('[warning]'))
    .join('\n');
  return { ok: run.status === 0, errors };
}

/** Runs a command, with a timeout; returns its exit code and output. */
export function run(command: string, args: string[], timeoutMs = 120_000): { status: number | null; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: timeoutMs });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** Renders the first page of a PDF to `png` (`pdftoppm -png -r 60 -f 1 -l 1`). */
export function renderFirstPage(pdf: string, png: string, dpi = 60): boolean {
  const prefix = png.replace(/\.png$/, '');
  return run('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, prefix]).status === 0;
}

/** Screenshots an HTML file as a reader's browser window shows it (headless Chromium). */
export function screenshotHtml(htmlFile: string, png: string, profileDir: string): boolean {
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--hide-scrollbars',
    '--window-size=1280,1700',
    `--screenshot=${png}`,
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    '--disable-background-networking',
    `--user-data-dir=${profileDir}`,
    `file://${htmlFile}`,
  ];
  return run('chromium', args).status === 0 && existsSync(png);
}
