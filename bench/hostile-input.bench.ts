/**
 * Hostile-input benchmark: inputs that once took minutes or killed the process,
 * timed now. Each case has a generous bound (a linear run takes a small fraction
 * of it, a quadratic one far more); the run fails when a case goes over.
 *
 * The 19 MB pages go through the import worker as the app and the CLI run it
 * (electron/import/run.ts, default limits), once each; the peak resident memory
 * of this process and its worker is sampled while each runs.
 *
 *   npx tsx bench/hostile-input.bench.ts
 *
 * Writes bench/results/hostile-input.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { exportEdition } from '../shared/export';
import { GLOSSARY, documentFile } from '../shared/export/testing/fixtures';
import { importFile } from '../shared/import';
import { markdownInline } from '../shared/import/archive-markdown';
import { signatureFromLine } from '../shared/import/archive-meta';
import { body, segment, text } from '../shared/model/build';
import { closeImportWorker, importLimits, parseImports } from '../electron/import/run';
import { median } from './bench-kit';

interface Case {
  name: string;
  /** Characters of hostile input. */
  size: number;
  /** Generous bound in ms: quadratic code needs far longer. */
  boundMs: number;
  run(): Promise<void> | void;
}

const encoder = new TextEncoder();

function markdownExport(n: number): Case {
  const doc = documentFile(
    'runs',
    { title: 'Runs' },
    body([
      segment({ english: [...text(`a${' '.repeat(n)}b  `), { type: 'hard_break' }] }),
      segment({ english: text(`c${'\\'.repeat(n)}d${'\t'.repeat(n)}`) }),
    ]),
  );
  return {
    name: `Markdown export, runs of ${n.toLocaleString('en')} spaces, backslashes and tabs`,
    size: 3 * n,
    boundMs: 2000 + n / 100,
    async run() {
      await exportEdition('md', { documents: [doc], glossary: GLOSSARY, title: 'E' }, {});
    },
  };
}

function imported(name: string, what: string, source: string, boundMs: number): Case {
  const bytes = encoder.encode(source);
  return {
    name: `${what} (${name})`,
    size: source.length,
    boundMs,
    run() {
      const result = importFile({ name, bytes });
      if (!result.ok) throw new Error(result.error);
    },
  };
}

export const cases: Case[] = [
  markdownExport(80_000),
  markdownExport(1_000_000),
  {
    name: 'archival signature line with 1,000,000 spaces',
    size: 1_000_000,
    boundMs: 1000,
    run: () => void signatureFromLine(`Archival Signature: A${' '.repeat(1_000_000)}B`),
  },
  {
    name: 'markdown inline with 300,000 unclosed comments and <script>',
    size: 2_100_000,
    boundMs: 2000,
    run: () => void markdownInline(`a${'<!--'.repeat(300_000)}${'<script>'.repeat(100_000)}b`),
  },
  imported('page.md', 'markdown heading with 1,000,000 spaces', `# Title${' '.repeat(1_000_000)}end ##\n\nText.\n`, 3000),
  imported('page.html', 'HTML paragraph with 300,000 <br>', `<html><body><p>a${'<br>'.repeat(300_000)}b</p></body></html>`, 20_000),
];

const MB = 1024 * 1024;
const BIG = 19 * MB;

/** 19 MB pages (just under the 20 MB limit) of the shapes that once took minutes and gigabytes. */
const bigPages: { name: string; page: () => string }[] = [
  {
    name: 'real shape: script, style, inline image, 750-character paragraphs',
    page: () => {
      const p = `<p>${'The ambassador said that the harvest was good this year, that the talks on the treaty went on, and that the delegation would return in the spring. '.repeat(5)}</p>\n`;
      const head = `<html><head><title>Big</title><script>${'var x = 1;'.repeat(BIG / 40)}</script><style>${'.a{b:c}'.repeat(BIG / 56)}</style></head><body><h1>Big</h1><img src="data:image/png;base64,${'QUJD'.repeat(BIG / 16)}">`;
      return head + p.repeat(Math.floor((BIG - head.length) / p.length));
    },
  },
  {
    name: 'short paragraphs (230,000 rows)',
    page: () => `<html><body>${'<p>The ambassador said that the harvest was good this year and the talks went on.</p>\n'.repeat(BIG / 86)}`,
  },
  { name: 'one text node', page: () => `<html><body><p>${'word '.repeat(BIG / 5)}` },
  { name: '4 million <br>', page: () => `<html><body>${'a<br>'.repeat(BIG / 5)}` },
  { name: '6 million nested <b>', page: () => `<html><body>${'<b>'.repeat(BIG / 3)}` },
  { name: '1.4 million <span>', page: () => `<html><body>${'<span>a</span>'.repeat(BIG / 14)}` },
  { name: '1.5 million lines in <pre>', page: () => `<html><body><pre>${'line of text\n'.repeat(BIG / 13)}` },
  { name: '20,000 nested labelled <div>', page: () => `<html><body>${'<div id="d"> '.repeat(20_000)}x` },
];

/** Imports one page in the worker, sampling this process's resident memory (the worker's included). */
async function inWorker(name: string, source: string) {
  const bytes = encoder.encode(source);
  // A fresh worker for each page, so one page's heap is not counted under the next.
  await closeImportWorker();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const start = performance.now();
  const [result] = await parseImports([{ name, bytes }]);
  const ms = performance.now() - start;
  clearInterval(sampler);
  const outcome = result.ok ? `imported, ${result.document.body.content?.length ?? 0} rows` : result.error.replace(/^[^:]*: /, '');
  return { ms, startMB: Math.round(before / MB), peakMB: Math.round(peak / MB), outcome };
}


async function main(): Promise<void> {
  const loadBefore = loadavg()[0];
  const rows: { what: string; chars: number; 'median ms': number; 'bound ms': number; ok: boolean }[] = [];
  for (const c of cases) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await c.run();
      times.push(performance.now() - start);
    }
    const ms = Math.round(median(times));
    rows.push({ what: c.name, chars: c.size, 'median ms': ms, 'bound ms': c.boundMs, ok: ms <= c.boundMs });
  }
  const limits = importLimits();
  const big: { page: string; MB: number; ms: number; 'RSS MB before': number; 'peak RSS MB': number; outcome: string; ok: boolean }[] = [];
  for (const { name, page } of bigPages) {
    const source = page();
    const run = await inWorker('page.html', source);
    // Imported or refused with a clear error, well within the worker's time limit.
    const ok = run.ms < 60_000 && !/stopped/.test(run.outcome);
    big.push({
      page: name,
      MB: +(source.length / MB).toFixed(1),
      ms: Math.round(run.ms),
      'RSS MB before': run.startMB,
      'peak RSS MB': run.peakMB,
      outcome: run.outcome.slice(0, 90),
      ok,
    });
  }
  await closeImportWorker();

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: { before: +loadBefore.toFixed(2), after: +loadavg()[0].toFixed(2) },
  };
  console.log('Hostile input: median of 3 runs per case, each against a generous bound');
  console.table(rows);
  console.log(`19 MB pages in the import worker (limits: ${limits.memoryMb} MB heap, ${limits.timeoutMs / 1000} s per file; bound 60 s)`);
  console.table(big);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'hostile-input.json'),
    `${JSON.stringify({ benchmark: 'hostile-input', date: new Date().toISOString(), machine, results: rows, bigPages: big }, null, 2)}\n`,
  );
  const over = [...rows.filter((r) => !r.ok).map((r) => r.what), ...big.filter((r) => !r.ok).map((r) => r.page)];
  if (over.length) {
    console.error('Over the bound: ' + over.join('; '));
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
