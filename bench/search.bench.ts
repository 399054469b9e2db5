/**
 * Search benchmark: a regular-expression search across a generated 2,000-document
 * project on disk (the archive-scale project of bench/scale-lib.ts: the sample pages
 * imported with their own titles and dates), through the handler the app and the
 * CLI use (`searchProject`, page by page as the app asks: a first page of about
 * 15 ms of work, then pages of about 60 ms):
 * - time to the first results (the first page holding a match) and to the whole
 *   search, with the pages it took (the progress the panel shows between them);
 * - the first search after opening the project, then warm runs (median);
 * - beside them, the matching alone over documents already parsed (what the
 *   search costs beyond reading and validating the files).
 *
 *   npx tsx bench/search.bench.ts [--docs 2000] [--runs 5]
 *
 * Writes bench/results/search.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProject } from './scale-lib';
import { arg, median } from './bench-kit';
import { ProjectStore } from '../electron/store/project-store';
import { createHandlers } from '../electron/handlers';
import { dispatch } from '../shared/ipc/dispatch';
import { bodyToNode } from '../shared/model/document';
import { compilePattern, searchDocument, searchQuery, SEARCH_FIRST_PAGE_MS, SEARCH_PAGE_MS, type SearchQueryInput } from '../shared/search';
import type { HandlerTable } from '../shared/ipc/contract';

const DOCS = arg('docs', 2000);
const RUNS = arg('runs', 5);

const QUERIES: { name: string; query: SearchQueryInput }[] = [
  { name: 'regex: the leader’s name and its OCR slip', query: { pattern: 'Kim I[Il] Sung', regex: true, caseSensitive: true } },
  { name: 'regex, whole words, everywhere: Puzanov or Pusanov', query: { pattern: 'Pu[sz]anov', regex: true, wholeWord: true, scope: 'all' } },
  { name: 'regex matching nothing (reads every document)', query: { pattern: 'Zhou\\s+Enlai\\d', regex: true } },
];

interface Run {
  firstResultMs: number | null;
  firstPageMs: number;
  totalMs: number;
  pages: number;
  documents: number;
  matches: number;
}

async function search(handlers: HandlerTable, query: SearchQueryInput): Promise<Run> {
  const start = performance.now();
  let firstResultMs: number | null = null;
  let firstPageMs = 0;
  let pages = 0;
  let documents = 0;
  let matches = 0;
  let from: number | null = 0;
  while (from !== null) {
    // Pages as the app asks for them: a short first page, longer ones after.
    const result: Awaited<ReturnType<typeof dispatch<'searchProject'>>> = await dispatch(handlers, 'searchProject', { query, from, budgetMs: from === 0 ? SEARCH_FIRST_PAGE_MS : SEARCH_PAGE_MS });
    if (!result.ok) throw new Error(result.error.message);
    pages++;
    if (pages === 1) firstPageMs = performance.now() - start;
    if (firstResultMs === null && result.value.documents.length) firstResultMs = performance.now() - start;
    documents += result.value.documents.length;
    matches += result.value.documents.reduce((n, d) => n + d.counts.total, 0);
    from = result.value.next;
  }
  return { firstResultMs, firstPageMs, totalMs: performance.now() - start, pages, documents, matches };
}

async function main() {
  const loadBefore = loadavg()[0];
  const root = mkdtempSync(join(tmpdir(), 'interlinea-search-bench-'));
  const dir = join(root, 'project');
  const built = performance.now();
  await buildProject(dir, DOCS);
  console.error(`built the ${DOCS}-document project in ${((performance.now() - built) / 1000).toFixed(1)} s`);

  const rows: Record<string, unknown>[] = [];
  try {
    for (const { name, query } of QUERIES) {
      // A fresh store per query: its first search is the first after opening the project.
      const store = await ProjectStore.open(dir, { holder: 'search bench' });
      try {
        const handlers = createHandlers({ store: () => store });
        const first = await search(handlers, query);
        const warm: Run[] = [];
        for (let i = 0; i < RUNS; i++) warm.push(await search(handlers, query));

        // Matching alone, over documents already read and parsed.
        const compiled = compilePattern(searchQuery(query));
        const docs = await Promise.all(store.project.documents.map(async (d) => store.readDocument(d.id)));
        const nodes = docs.map((d) => ({ node: bodyToNode(d.body), meta: d.meta }));
        const matchTimes: number[] = [];
        for (let i = 0; i <= RUNS; i++) {
          const start = performance.now();
          for (const { node, meta } of nodes) searchDocument(node, meta, compiled);
          if (i > 0) matchTimes.push(performance.now() - start);
        }

        const w = (key: 'firstResultMs' | 'firstPageMs' | 'totalMs') => +median(warm.map((r) => r[key] ?? Infinity)).toFixed(1);
        rows.push({
          query: name,
          pattern: query.pattern,
          matches: first.matches,
          'docs with matches': first.documents,
          pages: first.pages,
          'first results ms (first search)': first.firstResultMs === null ? 'none' : +first.firstResultMs.toFixed(1),
          'whole search ms (first search)': +first.totalMs.toFixed(0),
          'first page ms (warm median)': w('firstPageMs'),
          'first results ms (warm median)': first.firstResultMs === null ? 'none' : w('firstResultMs'),
          'whole search ms (warm median)': w('totalMs'),
          'matching alone ms (parsed docs, median)': +median(matchTimes).toFixed(0),
        });
      } finally {
        await store.close();
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: { before: +loadBefore.toFixed(2), after: +loadavg()[0].toFixed(2) },
  };
  console.log(`Search benchmark: ${DOCS} documents on disk, searchProject page by page (first page ~15 ms of work, then ~60 ms), ${RUNS} warm runs`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, load average ${machine.loadAverage.before} before, ${machine.loadAverage.after} after`);
  for (const row of rows) console.log(row);
  const out = join(__dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'search.json'), `${JSON.stringify({ benchmark: 'search', date: new Date().toISOString(), documents: DOCS, runs: RUNS, machine, results: rows }, null, 2)}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
