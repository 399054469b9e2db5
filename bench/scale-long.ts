/**
 * The scale bench's long document (issue 12 item 5), measured in the window: a 2,000-row
 * report (bench/long-document.ts, imported with the real importer into a small project,
 * with the translator's work a project of that size holds) opened in Chromium over the real
 * handlers, beside a 20-row report of the same kind in the same project and run:
 * - open: from the click on the document in the list to its first rows painted, to the first
 *   live witness check done (every row checked), the longest main-thread block meanwhile
 *   (long tasks, and the longest gap between animation frames);
 * - a keystroke to paint in a row of it (row ~1,500 of 2,000, scrolled there);
 * - autosave: the renderer's time to make the payload and the request (the app's User Timing
 *   measures `interlinea:autosave-payload` and `-request`, per save), a structured clone of it (what Electron's IPC does to
 *   send it), the payload's bytes, the main process's time to save it and the bytes written,
 *   and the longest main-thread block from the first key until the edit is saved and the
 *   live checks that follow an edit have run.
 * Baselines: the same steps on the 20-row report; JSON.stringify of the body in the page.
 */
import { cp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { ProjectStore } from '../electron/store/project-store';
import { readDocumentParts } from '../electron/store/document-file';
import { folderFiles } from '../electron/store/project-files';
import { createHandlers } from '../electron/handlers';
import { importInto } from '../electron/handlers/documents';
import { dispatch } from '../shared/ipc/dispatch';
import { REQUEST_NAMES, type RequestName } from '../shared/ipc/names';
import type { HandlerTable } from '../shared/ipc/contract';
import { addTranslatorWork, longArchivePage } from './long-document';
import { bytesWritten, snapshot, type Figure } from './scale-lib';

/** Rows of the long document, and of the short one beside it. */
export const LONG_ROWS = 2000;
export const SHORT_ROWS = 20;
const LONG_TITLE = 'Report on the situation in the DPRK (long)';
const SHORT_TITLE = 'Report on the situation in the DPRK (short)';
/** Requests that save a document (the whole document, or what changed in it). */
const SAVES = new Set<string>(['saveDocument', 'saveDocumentChanges']);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2 : NaN;
};

/** A project holding the long and the short report, imported with the real importer, built once into `cache`. */
export async function longProjectCopy(cache: string, dir: string, rows = LONG_ROWS): Promise<void> {
  // v2: built by the store that keeps a long document in chunks (electron/store/chunks.ts), as it is after
  // its first save with this store (a v1 copy, one file, would be chunked whole by the first autosave measured).
  const source = join(cache, `long-v2-${rows}`);
  if (!existsSync(join(source, 'project.json'))) {
    await rm(source, { recursive: true, force: true });
    const started = performance.now();
    const store = await ProjectStore.open(source, { write: true, create: true, holder: 'scale bench (long document)' });
    try {
      const encode = (text: string) => new TextEncoder().encode(text);
      const { imported } = await importInto(store, [
        { name: 'long-report.txt', bytes: encode(longArchivePage(rows, LONG_TITLE)) },
        { name: 'short-report.txt', bytes: encode(longArchivePage(SHORT_ROWS, SHORT_TITLE)) },
      ]);
      for (const { id } of imported) {
        const doc = await store.readDocument(id);
        addTranslatorWork(doc.body);
        await store.saveDocument(id, doc.meta, doc.body);
      }
    } finally {
      await store.close();
    }
    console.error(`built the long-document project in ${((performance.now() - started) / 1000).toFixed(1)} s (kept in ${source})`);
  }
  await rm(dir, { recursive: true, force: true });
  await cp(source, dir, { recursive: true });
  await rm(join(dir, 'backups'), { recursive: true, force: true });
}

/** One save as the main process saw it. */
interface SaveRecord {
  request: string;
  payloadBytes: number;
  mainMs: number;
  /** Bytes of the files rewritten, plus what journals grew by. */
  bytesWritten: number;
  /** The same by the project's top folder (documents, history, .interlinea) or file. */
  byPlace: Record<string, number>;
  ok: boolean;
}

/**
 * The page's `window.interlinea` over `handlers`, recording each save into `saves`. Requests
 * and answers cross as JSON text, parsed on the other side: Playwright's own serialisation of
 * a 1.4 MB object tree takes about a second each way, which Electron's IPC (a structured clone,
 * 20-30 ms for the same document) does not pay. (Dates and bytes would not survive JSON; the
 * requests measured here carry neither.)
 */
async function serve(page: Page, handlers: HandlerTable, dir: string, saves: SaveRecord[], opens: number[]): Promise<void> {
  await page.exposeBinding('__interlineaInvoke', async (_s, name: string, json: string) => {
    const input = JSON.parse(json) as unknown;
    if (name === 'getDocument') {
      const t = performance.now();
      const result = await dispatch(handlers, name, input);
      opens.push(performance.now() - t);
      return JSON.stringify(result);
    }
    if (!SAVES.has(name)) return JSON.stringify(await dispatch(handlers, name as RequestName, input));
    const payloadBytes = Buffer.byteLength(json);
    const before = await snapshot(dir);
    const t = performance.now();
    const result = await dispatch(handlers, name as RequestName, input);
    const mainMs = performance.now() - t;
    const after = await snapshot(dir);
    const { bytes, byPlace } = bytesWritten(dir, before, after);
    saves.push({ request: name, payloadBytes, mainMs, bytesWritten: bytes, byPlace, ok: (result as { ok: boolean }).ok });
    return JSON.stringify(result);
  });
  await page.addInitScript((names: string[]) => {
    const api: Record<string, unknown> = {};
    const w = window as unknown as { __interlineaInvoke(name: string, json: string): Promise<string>; __cloneMs: number[] };
    w.__cloneMs = [];
    for (const name of names) {
      api[name] = async (input: unknown) => {
        // What Electron's ipcRenderer.invoke does to a payload before it leaves the renderer.
        if (name === 'saveDocument' || name === 'saveDocumentChanges') {
          const t = performance.now();
          structuredClone(input);
          w.__cloneMs.push(performance.now() - t);
        }
        return JSON.parse(await w.__interlineaInvoke(name, JSON.stringify(input ?? {}))) as unknown;
      };
    }
    api.onMenu = () => () => undefined;
    Object.defineProperty(window, 'interlinea', { value: Object.freeze(api) });
  }, [...REQUEST_NAMES]);
}

/** Watches the page from the click on a document: first rows painted, the check done, long tasks, frame gaps. */
function installOpenProbe(): void {
  type Probe = { clickAt: number; firstRows: number; checkDone: number; tasks: { start: number; duration: number }[]; gaps: { at: number; gap: number }[]; measures: { name: string; start: number; duration: number }[] };
  const w = window as unknown as { __probe: Probe };
  const probe: Probe = { clickAt: 0, firstRows: 0, checkDone: 0, tasks: [], gaps: [], measures: [] };
  w.__probe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.measures.push({ name: e.name, start: e.startTime, duration: e.duration });
  }).observe({ type: 'measure' });
  const afterPaint = (done: (t: number) => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  };
  const watch = () => {
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      probe.gaps.push({ at: now, gap: now - last });
      last = now;
      // Rows drawn in this frame are painted when it ends.
      if (!probe.firstRows && document.querySelector('.doc-editor > .segment:not(.segment-hidden) > .english')?.textContent) afterPaint((t) => (probe.firstRows ||= t));
      if (!probe.checkDone && document.querySelector('.doc-editor[data-witness-check="done"]')) afterPaint((t) => (probe.checkDone ||= t));
      if (!probe.checkDone || now - probe.checkDone < 1000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  document.addEventListener(
    'click',
    (e) => {
      if (probe.clickAt || !(e.target as Element).closest('.document-row')) return;
      probe.clickAt = e.timeStamp;
      watch();
    },
    true,
  );
}

/** Milliseconds from each key's keydown to the paint after it, for every key typed after `installKeyProbe`. */
function installKeyProbe(): void {
  const w = window as unknown as { __keys: number[]; __keyAt: number; __keyProbe?: boolean };
  w.__keys = [];
  if (w.__keyProbe) return;
  w.__keyProbe = true;
  document.addEventListener('keydown', (e) => (w.__keyAt = e.timeStamp), true);
  document.addEventListener('input', () =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => w.__keys.push(performance.now() - w.__keyAt);
      channel.port2.postMessage(null);
    }),
  );
}

/** What one open, edit and save of a document measured. */
export interface DocumentRun {
  firstRowsMs: number;
  /** The main process's part of it: getDocument from request to answer (read and check the file). */
  mainOpenMs: number;
  checkDoneMs: number;
  openLongestTaskMs: number;
  openLongestFrameGapMs: number;
  /** Row typed in (0-based) and the keystrokes' median. */
  typedRow: number;
  keystrokeMs: number;
  keystrokeP95Ms: number;
  serialiseMs: number;
  cloneMs: number;
  payloadBytes: number;
  mainSaveMs: number;
  bytesWritten: number;
  /** Bytes written by the last save, by place (the document's file, its history, the summary journal). */
  bytesWrittenByPlace: Record<string, number>;
  saves: number;
  /** Longest main-thread block from the first key until the edit was saved and checked. */
  editLongestTaskMs: number;
  /** JSON.stringify of the stored body in the page, and its bytes. */
  stringifyBodyMs: number;
  bodyBytes: number;
  fileBytes: number;
}

const KEYS = 'qwertyuiopasdf'.split('');

async function runOnce(browser: Browser, url: string, handlers: HandlerTable, dir: string, title: string, id: string, targetRow: number): Promise<DocumentRun> {
  const saves: SaveRecord[] = [];
  const opens: number[] = [];
  // A fresh context each time: the window would reopen the document last open (local storage).
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    await serve(page, handlers, dir, saves, opens);
    // tsx (esbuild) names the functions it compiles with a helper the page does not have.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.addInitScript(installOpenProbe);
    await page.goto(url);
    const link = page.locator('.document-row', { hasText: title });
    await link.waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
    await link.click();
    await page.waitForFunction(() => {
      const p = (window as unknown as { __probe: { firstRows: number; checkDone: number } }).__probe;
      return p.firstRows > 0 && p.checkDone > 0;
    }, undefined, { timeout: 120_000 });
    // Let anything the open started in the background (the QA live check) finish before typing.
    await page.waitForTimeout(1500);
    const open = await page.evaluate(() => {
      const p = (window as unknown as { __probe: { clickAt: number; firstRows: number; checkDone: number; tasks: { start: number; duration: number }[]; gaps: { at: number; gap: number }[] } }).__probe;
      const during = (t: number) => t >= p.clickAt && t <= p.checkDone;
      return {
        firstRowsMs: p.firstRows - p.clickAt,
        checkDoneMs: p.checkDone - p.clickAt,
        openLongestTaskMs: Math.max(0, ...p.tasks.filter((x) => during(x.start)).map((x) => x.duration)),
        openLongestFrameGapMs: Math.max(0, ...p.gaps.filter((x) => during(x.at)).map((x) => x.gap)),
      };
    });

    // Scroll to the target row (the document is drawn windowed: scroll by proportion, then by the row found).
    const scroller = page.locator('.document-scroll');
    const rowCount = await page.locator('.doc-editor > .segment').count();
    await scroller.evaluate((el, f) => (el.scrollTop = f * (el.scrollHeight - el.clientHeight)), targetRow / Math.max(1, rowCount - 1));
    const settle = () => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    await settle();
    const typedRow = await page.evaluate(() => {
      const box = document.querySelector('.document-scroll')!.getBoundingClientRect();
      const row = document.elementFromPoint(box.left + box.width / 3, box.top + box.height / 2)?.closest('.segment');
      return row ? Array.prototype.indexOf.call(document.querySelectorAll('.doc-editor > .segment'), row) : -1;
    });
    if (typedRow < 0) throw new Error('no row in the middle of the screen');
    const cell = page.locator('.doc-editor > .segment').nth(typedRow).locator(':scope > .english');
    await cell.click();
    await page.keyboard.press('End');
    await page.evaluate(() => {
      const w = window as unknown as { __probe: { tasks: unknown[]; measures: unknown[] }; __cloneMs: number[] };
      w.__probe.tasks.length = 0;
      w.__probe.measures.length = 0;
      w.__cloneMs.length = 0;
    });
    saves.length = 0;
    await page.evaluate(installKeyProbe);
    const typedAt = await page.evaluate(() => performance.now());
    for (const [n, key] of KEYS.entries()) {
      await page.keyboard.press(key);
      await page.waitForFunction((count) => (window as unknown as { __keys: number[] }).__keys.length >= count, n + 1);
    }
    await page.waitForFunction(() => document.querySelector('.save-state')?.getAttribute('data-status') === 'saved', undefined, { timeout: 60_000 });
    // The live checks after an edit (the QA check runs 0.7 s after typing stops).
    await page.waitForTimeout(2500);
    const keys = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
    const after = await page.evaluate((since) => {
      const w = window as unknown as { __probe: { tasks: { start: number; duration: number }[]; measures: { name: string; duration: number }[] }; __cloneMs: number[] };
      return {
        editLongestTaskMs: Math.max(0, ...w.__probe.tasks.filter((x) => x.start >= since).map((x) => x.duration)),
        // The payload read from the editor, and the request made of it (the changed rows, or the whole body).
        serialise: w.__probe.measures.filter((m) => m.name.startsWith('interlinea:autosave-')).reduce((sum, m) => sum + m.duration, 0),
        clone: [...w.__cloneMs],
      };
    }, typedAt);
    const stringify = await page.evaluate(async (docId) => {
      const w = window as unknown as { interlinea: { getDocument(input: { id: string }): Promise<{ value: { body: unknown } }> } };
      const { value } = await w.interlinea.getDocument({ id: docId });
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        bytes = JSON.stringify(value.body).length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return { ms: times[2], bytes };
    }, id);
    // The document's files: its head, and for a long document the chunks it names (read and checked as the store reads them).
    const name = `documents/${id}.json`;
    const stored = await readDocumentParts(folderFiles(dir), id, name, await readFile(join(dir, name), 'utf8'));
    // The edit reached the disk (else the figures are of nothing).
    const typed = KEYS.join('');
    if (!JSON.stringify(stored.data).includes(typed)) throw new Error(`the typed text “${typed}” is not in the saved ${title}`);
    const ok = saves.filter((s) => s.ok);
    if (!ok.length) throw new Error(`no save of ${title} was recorded`);
    const sorted = [...keys.slice(2)].sort((a, b) => a - b);
    return {
      ...open,
      mainOpenMs: opens[0] ?? NaN,
      typedRow,
      keystrokeMs: median(keys.slice(2)),
      keystrokeP95Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN,
      serialiseMs: after.serialise / Math.max(1, ok.length),
      cloneMs: median(after.clone),
      payloadBytes: median(ok.map((s) => s.payloadBytes)),
      mainSaveMs: median(ok.map((s) => s.mainMs)),
      bytesWritten: median(ok.map((s) => s.bytesWritten)),
      bytesWrittenByPlace: ok[ok.length - 1]?.byPlace ?? {},
      saves: ok.length,
      editLongestTaskMs: after.editLongestTaskMs,
      stringifyBodyMs: stringify.ms,
      bodyBytes: stringify.bytes,
      fileBytes: stored.bytes,
    };
  } finally {
    await context.close();
  }
}

/** The medians of several runs, figure by figure. */
function medianRun(runs: DocumentRun[]): DocumentRun {
  const keys = Object.keys(runs[0] ?? {}) as (keyof DocumentRun)[];
  return Object.fromEntries(keys.map((k) => [k, typeof runs[0]?.[k] === 'number' ? median(runs.map((r) => r[k] as number)) : runs[runs.length - 1]?.[k]])) as unknown as DocumentRun;
}

export interface LongDocumentFigures {
  rows: number;
  baselineRows: number;
  runs: number;
  open: { firstRowsMs: Figure; mainOpenMs: Figure; checkDoneMs: Figure; longestTaskMs: Figure; longestFrameGapMs: Figure };
  keystrokeMs: Figure;
  keystrokeP95Ms: Figure;
  autosave: {
    serialiseMs: Figure;
    ipcCloneMs: Figure;
    payloadBytes: Figure;
    mainSaveMs: Figure;
    bytesWritten: Figure;
    editLongestTaskMs: Figure;
  };
  long: DocumentRun;
  short: DocumentRun;
}

const SHORT = (what: string) => `the same on the ${SHORT_ROWS}-row report${what}`;

/** The figures of one renderer from its runs. */
function figures(longRuns: DocumentRun[], shortRuns: DocumentRun[]): LongDocumentFigures {
  const long = medianRun(longRuns);
  const short = medianRun(shortRuns);
  const f = (value: number, baseline: number, baselineIs: string): Figure => ({ value, baseline, baselineIs });
  return {
    rows: LONG_ROWS,
    baselineRows: SHORT_ROWS,
    runs: longRuns.length,
    open: {
      firstRowsMs: f(long.firstRowsMs, short.firstRowsMs, SHORT(': click in the list to the first rows painted')),
      mainOpenMs: f(long.mainOpenMs, short.mainOpenMs, SHORT(": the main process's getDocument (read and check the file), part of the above")),
      checkDoneMs: f(long.checkDoneMs, short.checkDoneMs, SHORT(': click to every row checked')),
      longestTaskMs: f(long.openLongestTaskMs, short.openLongestTaskMs, SHORT(': longest long task from the click to the check done')),
      longestFrameGapMs: f(long.openLongestFrameGapMs, short.openLongestFrameGapMs, SHORT(': longest gap between animation frames meanwhile')),
    },
    keystrokeMs: f(long.keystrokeMs, short.keystrokeMs, SHORT(', a row in the middle')),
    keystrokeP95Ms: f(long.keystrokeP95Ms, short.keystrokeP95Ms, SHORT(', a row in the middle')),
    autosave: {
      serialiseMs: f(long.serialiseMs, long.stringifyBodyMs, 'JSON.stringify of the whole body in the page'),
      ipcCloneMs: f(long.cloneMs, short.cloneMs, SHORT(': structuredClone of the payload (as Electron sends it)')),
      payloadBytes: f(long.payloadBytes, long.bodyBytes, "the whole body's JSON"),
      mainSaveMs: f(long.mainSaveMs, short.mainSaveMs, SHORT(': the main process from request to answer')),
      bytesWritten: f(long.bytesWritten, long.fileBytes, "the document's files (one file, or its head and chunks)"),
      editLongestTaskMs: f(long.editLongestTaskMs, short.editLongestTaskMs, SHORT(': longest long task from the first key to saved and checked')),
    },
    long,
    short,
  };
}

/**
 * Opens, edits and saves the long and the short report `runs` times each, in every renderer
 * of `urls` (label → served renderer: this checkout's, and another to compare with), taking
 * turns run by run so that each sees the same load; medians per renderer.
 */
export async function measureLongDocument(browser: Browser, urls: Record<string, string>, cache: string, dir: string, runs = 3): Promise<Record<string, LongDocumentFigures>> {
  await longProjectCopy(cache, dir);
  const store = await ProjectStore.open(dir, { write: true, holder: 'scale bench (long document, window)' });
  try {
    const handlers = createHandlers({ store: () => store });
    const { documents } = await handlers.listDocuments({});
    const idOf = (title: string) => documents.find((d) => d.title === title)?.id ?? '';
    const labels = Object.keys(urls);
    const longRuns: Record<string, DocumentRun[]> = Object.fromEntries(labels.map((l) => [l, []]));
    const shortRuns: Record<string, DocumentRun[]> = Object.fromEntries(labels.map((l) => [l, []]));
    for (let r = 0; r < runs; r++) {
      for (const label of labels) {
        const url = urls[label] as string;
        shortRuns[label]?.push(await runOnce(browser, url, handlers, dir, SHORT_TITLE, idOf(SHORT_TITLE), Math.floor(SHORT_ROWS / 2)));
        const long = await runOnce(browser, url, handlers, dir, LONG_TITLE, idOf(LONG_TITLE), Math.floor((LONG_ROWS * 3) / 4));
        longRuns[label]?.push(long);
        console.error(`long document, ${label}, run ${r + 1}: ${JSON.stringify(long)}`);
      }
    }
    return Object.fromEntries(labels.map((l) => [l, figures(longRuns[l] ?? [], shortRuns[l] ?? [])]));
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
