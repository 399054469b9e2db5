/**
 * Archive scale (issue 12): `npm run bench -- scale` builds projects of 200, 2,000 and 10,000
 * documents with the real importer (kept under .tmp/scale/projects and built once), and writes
 * bench/results/scale.json with, per size, what the app's main process does with them (each size
 * in its own process: bench/scale-node.ts) and what the window does with the list (Chromium over
 * the real handlers): open as the app does (lock, list, backup) cold and warm, document open,
 * save latency and bytes, suggestion latency first and after a save, the longest main-loop
 * blocks, peak RSS, backup bytes per open, list render and a filter keystroke; each beside a
 * baseline measured in the same run. Also `interlinea list` of 20 documents beside `node -e ''`,
 * and the small-size figures the regression guard (bench/scale.guard.test.ts) compares against.
 *
 * The long document (issue 12 item 5, bench/scale-long.ts): a 2,000-row report opened, typed
 * in and saved in the window, beside a 20-row report, under `longDocument`.
 *
 * Options: --sizes 200,2000 (default 200,2000,10000), --port N (default 4187), --long-runs N
 * (default 3), --long-only (only the long document; the other figures in scale.json are kept),
 * --no-long (all but the long document, whose figures in scale.json are kept),
 * --long-compare DIR (also measure the renderer of another checkout, e.g. `git archive` of an
 * earlier commit with node_modules linked, served on port N+1 over the same handlers, taking
 * turns with this one run by run; its figures go under `longDocument.compared`, named by
 * --long-compare-label TEXT).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { ProjectStore } from '../electron/store/project-store';
import { createHandlers } from '../electron/handlers';
import { dispatch } from '../shared/ipc/dispatch';
import { REQUEST_NAMES, type RequestName } from '../shared/ipc/names';
import type { HandlerTable } from '../shared/ipc/contract';
import { GUARD_SIZE, projectCopy, type NodeFigures } from './scale-lib';
import { measureLongDocument, type LongDocumentFigures } from './scale-long';

const ROOT = resolve(__dirname, '..');
const CACHE = join(ROOT, '.tmp', 'scale', 'projects');
const RUNS = join(ROOT, '.tmp', 'scale');
const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const SIZES = (option('sizes') ?? '200,2000,10000').split(',').map(Number);
const PORT = Number(option('port') ?? 4187);
const LONG_RUNS = Number(option('long-runs') ?? 3);
const LONG_ONLY = process.argv.includes('--long-only');
/** Everything but the long document: its figures in scale.json are kept. */
const NO_LONG = process.argv.includes('--no-long');
const LONG_COMPARE = option('long-compare');
/** What the compared renderer is (e.g. 'd8be365 before issue 12 item 5'); the folder's name by default. */
const LONG_COMPARE_LABEL = option('long-compare-label') ?? LONG_COMPARE;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2 : NaN;
};

function nodeSide(size: number): NodeFigures {
  const dir = join(RUNS, `run-${size}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'scale-node.ts'), CACHE, dir, String(size)], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`scale-node ${size} failed`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as NodeFigures;
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no server at ${url}`);
}

/** The page's `window.interlinea`, answered by `handlers` (as e2e/fixtures.ts does). */
async function serve(page: Page, handlers: HandlerTable): Promise<void> {
  // Answers cross as JSON text, parsed in the page: Playwright's own serialisation of the list of
  // 10,000 summaries (3 MB) costs over a second, which Electron's IPC (a structured clone) does not.
  await page.exposeBinding('__interlineaInvoke', async (_s, name: string, input: unknown) =>
    JSON.stringify(await dispatch(handlers, name as RequestName, input)),
  );
  await page.addInitScript((names: string[]) => {
    const api: Record<string, unknown> = {};
    const w = window as unknown as { __interlineaInvoke(name: string, input: unknown): Promise<string> };
    for (const name of names) api[name] = async (input: unknown) => JSON.parse(await w.__interlineaInvoke(name, input ?? {})) as unknown;
    api.onMenu = () => () => undefined;
    Object.defineProperty(window, 'interlinea', { value: Object.freeze(api) });
  }, [...REQUEST_NAMES]);
}

/** Milliseconds from each key's keydown to the paint after it (rAF, then a task), median of `keys`. */
async function keystrokes(page: Page, selector: string, keys: string[]): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __keyTimes: number[]; __t0: number };
    w.__keyTimes = [];
    document.addEventListener('keydown', (e) => (w.__t0 = e.timeStamp), true);
    document.addEventListener('input', () => requestAnimationFrame(() => setTimeout(() => w.__keyTimes.push(performance.now() - w.__t0))));
  });
  await page.focus(selector);
  for (const key of keys) {
    await page.keyboard.press(key);
    const n = keys.indexOf(key) + 1;
    await page.waitForFunction((count) => (window as unknown as { __keyTimes: number[] }).__keyTimes.length >= count, n);
  }
  return median(await page.evaluate(() => (window as unknown as { __keyTimes: number[] }).__keyTimes));
}

/** The filter's keys: each narrows or widens the list. */
const FILTER_KEYS = ['1', '9', '6', '0', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'r', 'e', 'p', 'Backspace', 'Backspace', 'Backspace'];

interface WindowFigures {
  listRenderMs: { value: number; baseline: number; baselineIs: string };
  rowsDrawn: number;
  filterKeystrokeMs: { value: number; baseline: number; baselineIs: string };
}

async function windowSide(size: number, page: Page, url: string): Promise<WindowFigures> {
  const dir = join(RUNS, `run-${size}`);
  const store = await ProjectStore.open(dir, { write: true, holder: 'scale bench (window)' });
  try {
    const handlers = createHandlers({ store: () => store });
    const empty: HandlerTable = { ...handlers, listDocuments: async () => ({ documents: [], problems: [] }), projectInfo: async () => ({ ...(await handlers.projectInfo({})), documentCount: 0 }) };
    // The store lists once before, so the page measures drawing, not the first read of the files.
    await handlers.listDocuments({});
    const shown = async (table: HandlerTable): Promise<{ ms: number; page: Page }> => {
      const p = await page.context().newPage();
      await serve(p, table);
      await p.goto(url);
      await p.waitForFunction(() => /document/.test(document.querySelector('.list-count')?.textContent ?? ''), undefined, { timeout: 120_000 });
      const ms = await p.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now())))));
      return { ms, page: p };
    };
    const runs: number[] = [];
    const bases: number[] = [];
    let last: Page | null = null;
    for (let r = 0; r < 3; r++) {
      const base = await shown(empty);
      bases.push(base.ms);
      await base.page.close();
      const full = await shown(handlers);
      runs.push(full.ms);
      if (last) await last.close();
      last = full.page;
    }
    const p = last as Page;
    const rowsDrawn = await p.locator('.document-row').count();
    const filter = await keystrokes(p, '.filter input', FILTER_KEYS);
    await p.close();
    const bare = await page.context().newPage();
    await bare.setContent('<input id="plain">');
    const plain = await keystrokes(bare, '#plain', FILTER_KEYS);
    await bare.close();
    return {
      listRenderMs: { value: median(runs), baseline: median(bases), baselineIs: 'the same page with an empty list (navigation to the list count shown and painted)' },
      rowsDrawn,
      filterKeystrokeMs: { value: filter, baseline: plain, baselineIs: 'the same keys in a bare <input> on its own page' },
    };
  } finally {
    await store.close();
  }
}

/** `interlinea list` of a 20-document project, beside `node -e ''` (medians of 7). */
async function cliFigures(): Promise<{ listMs: number; nodeMs: number; ratio: number }> {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
  // Sources being edited may not build: the last bundle built then stands in (said on stderr).
  if (built.status !== 0 && !existsSync(join(ROOT, 'out', 'cli', 'interlinea.cjs'))) throw new Error('CLI build failed');
  if (built.status !== 0) console.error('the CLI did not build from the current sources: timing the last bundle built');
  const dir = join(RUNS, 'cli-20');
  await projectCopy(CACHE, dir, 20);
  const time = (args: string[]): number => {
    const xs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
      xs.push(performance.now() - t);
    }
    return median(xs);
  };
  // The bundle itself (bin/interlinea.cjs adds only a rebuild check in a development checkout).
  const runner = `require(${JSON.stringify(join(ROOT, 'out', 'cli', 'interlinea.cjs'))}).runCli(process.argv.slice(1), require(${JSON.stringify(join(ROOT, 'out', 'cli', 'interlinea.cjs'))}).processIO()).then((c) => process.exit(c))`;
  const listMs = time(['-e', runner, 'list', '--project', dir]);
  const nodeMs = time(['-e', '']);
  return { listMs, nodeMs, ratio: listMs / nodeMs };
}

async function main(): Promise<void> {
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, loadAverage1min: loadavg()[0] };
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, load ${machine.loadAverage1min?.toFixed(2)} (shared: timings vary)`);
  const guard = LONG_ONLY ? null : nodeSide(GUARD_SIZE);
  const sizes: Record<string, NodeFigures & { window?: WindowFigures }> = {};
  // Measured in the window below (it needs the renderer served).
  let longDocument: (LongDocumentFigures & { compared?: LongDocumentFigures & { renderer: string } }) | undefined;
  for (const size of LONG_ONLY ? [] : SIZES) {
    console.log(`\n--- ${size} documents`);
    sizes[size] = nodeSide(size);
    console.log(JSON.stringify(sizes[size]));
  }

  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const env = { ...process.env, INTERLINEA_E2E_PORT: String(PORT), VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
  const built = spawnSync(process.execPath, [vite, 'build', '--config', 'e2e/vite.config.mts'], { cwd: ROOT, env, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('vite build failed');
  const server = spawn(process.execPath, [vite, 'preview', '--config', 'e2e/vite.config.mts'], { cwd: ROOT, env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${PORT}/`;
  // Another checkout's renderer to compare the long document with, built and served from there.
  let compared: ReturnType<typeof spawn> | null = null;
  const comparedUrl = `http://127.0.0.1:${PORT + 1}/`;
  if (LONG_COMPARE) {
    const dir = resolve(LONG_COMPARE);
    const compareEnv = { ...env, INTERLINEA_E2E_PORT: String(PORT + 1) };
    const b = spawnSync(process.execPath, [vite, 'build', '--config', 'e2e/vite.config.mts'], { cwd: dir, env: compareEnv, stdio: 'inherit' });
    if (b.status !== 0) throw new Error(`vite build failed in ${dir}`);
    compared = spawn(process.execPath, [vite, 'preview', '--config', 'e2e/vite.config.mts'], { cwd: dir, env: compareEnv, stdio: 'ignore' });
  }
  try {
    await waitForServer(url);
    if (compared) await waitForServer(comparedUrl);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1', '--disable-background-networking'],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      for (const size of SIZES) {
        const figures = sizes[size];
        if (!figures) continue;
        figures.window = await windowSide(size, page, url);
        console.log(`window, ${size}: ${JSON.stringify(figures.window)}`);
      }
      await context.close();
      if (!NO_LONG) {
        console.log('\n--- the long document');
        const measured = await measureLongDocument(browser, LONG_COMPARE ? { here: url, compared: comparedUrl } : { here: url }, CACHE, join(RUNS, 'run-long'), LONG_RUNS);
        longDocument = { ...(measured.here as LongDocumentFigures), ...(measured.compared && LONG_COMPARE ? { compared: { renderer: LONG_COMPARE_LABEL ?? LONG_COMPARE, ...measured.compared } } : {}) };
        if (measured.compared) printLong(measured.compared, `the renderer of ${LONG_COMPARE_LABEL}`);
        console.log(`long document: ${JSON.stringify({ open: longDocument.open, keystrokeMs: longDocument.keystrokeMs, autosave: longDocument.autosave })}`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
    compared?.kill();
  }
  const loadAfter = loadavg()[0];
  if (LONG_ONLY) {
    // Only the long document: the rest of scale.json stays as it was.
    const path = join(ROOT, 'bench', 'results', 'scale.json');
    const previous = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
    writeFileSync(path, `${JSON.stringify({ ...previous, longDocument: { machine: { ...machine, loadAverage1minAfter: loadAfter }, ...longDocument } }, null, 2)}\n`);
    printLong(longDocument ?? null);
    console.log('wrote bench/results/scale.json (longDocument)');
    return;
  }
  const cli = await cliFigures();
  // The copies measured (with a backup per open: 1.6 GB at 10,000) go; the built projects stay cached.
  for (const size of [...SIZES, GUARD_SIZE]) await rm(join(RUNS, `run-${size}`), { recursive: true, force: true });
  await rm(join(RUNS, 'cli-20'), { recursive: true, force: true });
  console.log(`\ninterlinea list of 20 documents: ${cli.listMs.toFixed(0)} ms; node -e '': ${cli.nodeMs.toFixed(0)} ms (${cli.ratio.toFixed(1)}×)`);

  const kept = NO_LONG && existsSync(join(ROOT, 'bench', 'results', 'scale.json'))
    ? (JSON.parse(readFileSync(join(ROOT, 'bench', 'results', 'scale.json'), 'utf8')) as { longDocument?: unknown }).longDocument
    : undefined;
  const results = {
    machine,
    sizes,
    cli,
    guard: { size: GUARD_SIZE, figures: guard },
    longDocument: NO_LONG ? kept : { machine: { ...machine, loadAverage1minAfter: loadAfter }, ...longDocument },
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'scale.json'), `${JSON.stringify(results, null, 2)}\n`);
  const row = (f: { value: number; baseline: number }): string => `${f.value.toFixed(1)} (base ${f.baseline.toFixed(1)})`;
  console.table(
    Object.fromEntries(
      Object.entries(sizes).map(([n, f]) => [
        n,
        {
          'open cold ms': row(f.openColdMs),
          'open warm ms': row(f.openWarmMs),
          'open all changed ms': f.openAllChangedMs ? row(f.openAllChangedMs) : '',
          'open block ms': f.openLongestBlockMs.toFixed(0),
          'doc open ms': row(f.documentOpenMs),
          'save ms': row(f.saveMs),
          'save KB': (f.saveBytes.value / 1024).toFixed(0),
          'backup MB/open': (f.backupBytesPerOpen.value / 2 ** 20).toFixed(1),
          'suggest first ms': f.suggestFirstMs.value.toFixed(0),
          'suggest after save ms': row(f.suggestAfterSaveMs),
          'suggest block ms (first / after save)': `${f.suggestFirstBlockMs.toFixed(0)} / ${f.suggestAfterSaveBlockMs.toFixed(0)}`,
          'RSS MB': f.peakRssMb.toFixed(0),
          'list render ms': f.window ? row(f.window.listRenderMs) : '',
          'filter key ms': f.window ? row(f.window.filterKeystrokeMs) : '',
        },
      ]),
    ),
  );
  printLong(longDocument ?? null);
  console.log('wrote bench/results/scale.json');
}

function printLong(long: LongDocumentFigures | null, which = 'this checkout'): void {
  if (!long) return;
  const row = (f: { value: number; baseline: number; baselineIs: string }, unit = 'ms') => ({
    value: `${f.value.toFixed(unit === 'B' ? 0 : 1)} ${unit}`,
    baseline: `${f.baseline.toFixed(unit === 'B' ? 0 : 1)} ${unit}`,
    ratio: f.baseline > 0 ? (f.value / f.baseline).toFixed(1) : '—',
    'baseline is': f.baselineIs,
  });
  console.log(`\nthe long document (${long.rows} rows), ${which}, medians of ${long.runs} runs:`);
  console.table({
    'first rows painted': row(long.open.firstRowsMs),
    '  of which getDocument (main)': row(long.open.mainOpenMs),
    'live check done': row(long.open.checkDoneMs),
    'longest task, open': row(long.open.longestTaskMs),
    'longest frame gap, open': row(long.open.longestFrameGapMs),
    'keystroke to paint': row(long.keystrokeMs),
    'keystroke p95': row(long.keystrokeP95Ms),
    'autosave payload (renderer)': row(long.autosave.serialiseMs),
    'IPC clone': row(long.autosave.ipcCloneMs),
    'payload bytes': row(long.autosave.payloadBytes, 'B'),
    'main-process save': row(long.autosave.mainSaveMs),
    'bytes written': row(long.autosave.bytesWritten, 'B'),
    'longest task, edit to saved': row(long.autosave.editLongestTaskMs),
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
