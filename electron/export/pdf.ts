/**
 * PDF printing outside Electron: the edition's print HTML (`exportEdition('pdf-html', …)`)
 * printed by a Chromium-family browser found on the system, run headless on a
 * temporary file with every outside host unreachable. The only script that runs
 * is the one the page's CSP names by its hash: the paginator of page-foot notes
 * (`shared/export/paginator.ts`), inline at the end of the body and synchronous,
 * so it has finished before the load event after which Chromium prints.
 *
 * The app prints with its own hidden window instead (`electron/main/print.ts`);
 * both have the {@link PdfPrinter} shape so the handlers take either.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../../shared/errors';

/** Page sizes the editions are laid out for. */
export type PageSize = 'A4' | 'Letter';

/** Prints print-ready HTML to PDF bytes. */
export type PdfPrinter = (html: string, opts: { pageSize: PageSize }) => Promise<Uint8Array>;

/** Executable names tried on the PATH, in order. */
export const BROWSER_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
  'microsoft-edge',
  'microsoft-edge-stable',
  'brave-browser',
];

function fixedPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(Boolean) as string[];
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];
}

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where to look for a browser, and what to say when there is none. */
export interface FindBrowserOptions {
  /** A browser the user named (`--browser PATH`): used as is, or an error. */
  browser?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/**
 * Finds a Chromium-family browser: the one given, else `INTERLINEA_BROWSER`,
 * else the usual names on the PATH and the usual install locations. Throws a
 * {@link UserError} naming what is missing.
 */
export async function findBrowser(opts: FindBrowserOptions = {}): Promise<string> {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  for (const [given, source] of [
    [opts.browser, '--browser'],
    [env['INTERLINEA_BROWSER'], 'INTERLINEA_BROWSER'],
  ] as const) {
    if (!given) continue;
    if (await executable(given)) return given;
    throw new UserError(`The browser given with ${source} (${given}) does not exist or cannot be run.`, 'no-browser');
  }
  const exe = platform === 'win32' ? '.exe' : '';
  const dirs = (env['PATH'] ?? '').split(delimiter).filter((dir) => dir && isAbsolute(dir));
  for (const name of BROWSER_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name + exe);
      if (await executable(candidate)) return candidate;
    }
  }
  for (const candidate of fixedPaths(platform, env)) if (await executable(candidate)) return candidate;
  throw new UserError(
    'PDF export needs Chromium, Google Chrome or Microsoft Edge, and none was found ' +
      `(looked for ${BROWSER_NAMES.join(', ')} on the PATH and in the usual install folders). ` +
      'Install one (on Debian or Ubuntu: apt-get install chromium), or give its path with --browser PATH ' +
      'or the INTERLINEA_BROWSER environment variable. The app itself prints without one.',
    'no-browser',
  );
}

/** Command-line flags for a headless, offline print. */
export function chromiumArgs(htmlFile: string, pdfFile: string, profileDir: string): string[] {
  return [
    '--headless',
    // Chromium refuses to start as root with its sandbox (containers, CI). What it opens is our own
    // file whose CSP forbids fetches and every script but the paginator (by its hash; imported text is
    // escaped, so it cannot add one), with every outside host unresolvable.
    '--no-sandbox',
    '--disable-gpu',
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdfFile}`,
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--mute-audio',
    `--user-data-dir=${profileDir}`,
    pathToFileURL(htmlFile).href,
  ];
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const posix = process.platform !== 'win32';
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: posix });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    const timer = setTimeout(() => {
      // Kill the browser's whole process group (its renderer and GPU helpers), not just the parent.
      try {
        if (posix && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
      reject(
        new UserError(`The browser did not finish printing within ${Math.round(timeoutMs / 1000)} s.`, 'pdf-failed'),
      );
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new UserError(`Could not start the browser ${command}: ${err.message}`, 'pdf-failed'));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stderr });
    });
  });
}

/** Options of {@link printPdf}. */
export interface PrintOptions {
  pageSize: PageSize;
  /** Browser executable (`--browser PATH`); found on the system when absent. */
  browser?: string;
  timeoutMs?: number;
}

/**
 * Makes sure the HTML asks for the page size: Chromium's `--print-to-pdf` takes
 * the size from CSS `@page`. The exporter already writes it; HTML from elsewhere
 * gets a rule appended to its head (later rules win). HTML the paginator lays
 * into pages of another size is refused (its pages would not be the sheets).
 */
export function withPageSize(html: string, pageSize: PageSize): string {
  if (new RegExp(`@page\\s*\\{[^}]*size:\\s*${pageSize}\\s*;`).test(html)) return html;
  // Pages laid out by the paginator for one size would each spill onto two sheets of another.
  if (/<html[^>]*\sdata-notes="page"/.test(html)) {
    throw new Error(`The print HTML is laid out in pages of another size than ${pageSize}; export it for ${pageSize}.`);
  }
  const rule = `<style>@page { size: ${pageSize}; }</style>`;
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${rule}</head>`) : rule + html;
}

/** Prints HTML to PDF with a system Chromium, on `pageSize` pages. */
export async function printPdf(html: string, opts: PrintOptions): Promise<Uint8Array> {
  const browser = await findBrowser({ browser: opts.browser });
  const dir = await mkdtemp(join(tmpdir(), 'interlinea-pdf-'));
  try {
    const htmlFile = join(dir, 'edition.html');
    const pdfFile = join(dir, 'edition.pdf');
    await writeFile(htmlFile, withPageSize(html, opts.pageSize), 'utf8');
    const { code, stderr } = await run(
      browser,
      chromiumArgs(htmlFile, pdfFile, join(dir, 'profile')),
      opts.timeoutMs ?? 60_000,
    );
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(pdfFile));
    } catch {
      const detail = stderr.trim().split('\n').slice(-3).join(' ');
      throw new UserError(
        `The browser (${browser}) did not print a PDF (exit code ${code}). ${detail}`.trim(),
        'pdf-failed',
      );
    }
    if (bytes.length < 5 || new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-') {
      throw new UserError(`The browser (${browser}) wrote something that is not a PDF.`, 'pdf-failed');
    }
    return bytes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A {@link PdfPrinter} that prints with a system Chromium (looked up when it prints). */
export function createChromiumPrinter(opts: { browser?: string; timeoutMs?: number } = {}): PdfPrinter {
  return (html, { pageSize }) => printPdf(html, { pageSize, browser: opts.browser, timeoutMs: opts.timeoutMs });
}
