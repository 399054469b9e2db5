/**
 * QA benchmark: the quality checks over a synthetic 2,000-document project (the
 * two samples and the every-annotation fixture, copied with varied dates and
 * text, as in export.bench.ts), with the starter termbase as the glossary.
 * - rules only: checkDocument over every document already parsed (median of runs);
 * - the whole run as the app and `interlinea qa` do it: qaRun over the project on
 *   disk (read, validate, count names across the project, check), first and warm;
 * - the live check of one open document (qaCheck), the project's names cached;
 * - the live check of a 2,000-row document, in the live check's worker (as the app runs it)
 *   and in the main process (as before the worker), with the longest main-loop block of each.
 *
 *   npx tsx bench/qa.bench.ts [--docs 2000] [--runs 3]
 *
 * Writes bench/results/qa.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, median, syntheticDocuments } from './bench-kit';
import { segmentsOf } from '../shared/model/build';
import { bodyToNode, type ImportedDocument } from '../shared/model/document';
import { checkDocument, qaContext } from '../shared/qa';
import { dispatch } from '../shared/ipc/dispatch';
import { englishSpeller } from '../electron/handlers/qa-speller';
import { loadTermbase } from '../electron/store/termbase';
import { ProjectStore } from '../electron/store/project-store';
import { createHandlers } from '../electron/handlers';
import { inProcessLiveChecker } from '../electron/qa-live/client';

const DOCS = arg('docs', 2000);
const RUNS = arg('runs', 3);
/** The project's documents as imported (the store gives them their ids). */
const documents = (count: number): ImportedDocument[] => syntheticDocuments(count).map(({ meta, source, body }) => ({ meta, source, body }));

async function main() {
  const docs = documents(DOCS);
  const termbase = await loadTermbase();
  const ctx = qaContext(await englishSpeller(), termbase.entries);
  const nodes = docs.map((d) => bodyToNode(d.body));

  let findings = 0;
  const rules: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const start = performance.now();
    findings = 0;
    nodes.forEach((node, i) => (findings += checkDocument(`d${i}`, docs[i].meta, node, ctx).length));
    if (run > 0) rules.push(performance.now() - start); // run 0 warms up
  }

  const dir = join(mkdtempSync(join(tmpdir(), 'interlinea-qa-bench-')), 'project');
  const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'qa bench' });
  try {
    // A new project's glossary is the starter termbase (seeded by the store).
    await store.addDocuments(docs);
    const handlers = createHandlers({ store: () => store });
    const timed = async <T>(f: () => Promise<T>) => {
      const start = performance.now();
      const value = await f();
      return { ms: performance.now() - start, value };
    };
    const first = await timed(() => dispatch(handlers, 'qaRun', {}));
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push((await timed(() => dispatch(handlers, 'qaRun', {}))).ms);
    const open = await store.readDocument(store.project.documents[1].id);
    const live: number[] = [];
    for (let i = 0; i < 10; i++) live.push((await timed(() => dispatch(handlers, 'qaCheck', { id: open.id, body: open.body }))).ms);
    // A 2,000-row document: the open document's rows again and again.
    const rows = open.body.content ?? [];
    const longBody = { type: 'doc', content: Array.from({ length: Math.ceil(2000 / rows.length) }, () => rows).flat().slice(0, 2000) };
    const inMain = createHandlers({ store: () => store, liveChecker: inProcessLiveChecker } as Parameters<typeof createHandlers>[0]);
    const longLive = async (table: typeof handlers) => {
      const ms: number[] = [];
      const blocks: number[] = [];
      for (let i = 0; i <= 5; i++) {
        // The longest gap between ticks of a 2 ms interval: how long the main loop was held
        // (monitorEventLoopDelay missed most of these blocks when re-created per check).
        let last = performance.now();
        let gap = 0;
        const ticks = setInterval(() => {
          const now = performance.now();
          gap = Math.max(gap, now - last);
          last = now;
        }, 2);
        // With its metadata, as the editor sends it.
        const t = await timed(() => dispatch(table, 'qaCheck', { id: open.id, meta: open.meta, body: longBody }));
        await new Promise((done) => setTimeout(done, 30));
        clearInterval(ticks);
        if (!t.value.ok) throw new Error(t.value.error.message);
        // The first check starts the worker and loads the dictionary there.
        if (i > 0) {
          ms.push(t.ms);
          blocks.push(gap);
        }
      }
      return { medianMs: +median(ms).toFixed(0), longestMainLoopBlockMs: +Math.max(...blocks).toFixed(0), medianMainLoopBlockMs: +median(blocks).toFixed(0) };
    };
    const longWorker = await longLive(handlers);
    const longMain = await longLive(inMain);
    const run = first.value.ok ? first.value.value : null;
    const result = {
      machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, load: loadavg().map((l) => +l.toFixed(2)) },
      documents: DOCS,
      findings,
      findingsPerRun: run?.documents.reduce((n, d) => n + d.findings.length, 0) ?? null,
      rulesOnlyMs: +median(rules).toFixed(0),
      rulesOnlyDocsPerSecond: +((DOCS / median(rules)) * 1000).toFixed(0),
      qaRunFirstMs: +first.ms.toFixed(0),
      qaRunWarmMs: +median(warm).toFixed(0),
      liveCheckMs: { median: +median(live).toFixed(1), max: +Math.max(...live).toFixed(1), rows: segmentsOf(open.body).length },
      liveCheckLong: { rows: segmentsOf(longBody as typeof open.body).length, inWorker: longWorker, inMainProcess: longMain },
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', 'qa.json'), JSON.stringify(result, null, 2) + '\n');
  } finally {
    await store.close();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

void main();
