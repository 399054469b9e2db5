/**
 * Export benchmark: a synthetic 2,000-document project (the two seed samples and
 * the every-annotation fixture, duplicated with varied ids, dates and text)
 * exported as one edition to TEI and to HTML (and Markdown and plain text), in
 * documents per second, beside a baseline of JSON.stringify of the same
 * documents. Median of several runs after a warm-up.
 *
 *   npx tsx bench/export.bench.ts [--docs 2000] [--runs 5]
 *
 * Writes bench/results/export.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { exportEdition, type EditionFormat } from '../shared/export';
import { GLOSSARY } from '../shared/export/testing/fixtures';
import { arg, median, syntheticDocuments } from './bench-kit';


const DOCS = arg('docs', 2000);
const RUNS = arg('runs', 5);
const project = syntheticDocuments;

async function time(fn: () => Promise<number> | number): Promise<{ ms: number; bytes: number }> {
  await fn(); // warm-up
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = await fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), bytes };
}

async function main(): Promise<void> {
  // Other work on the machine skews timings: the load average is recorded beside them.
  const loadBefore = loadavg()[0];
  const documents = project(DOCS);
  const edition = { documents, glossary: GLOSSARY, title: 'Benchmark Edition' };
  const encoder = new TextEncoder();
  const rows: { name: string; ms: number; bytes: number }[] = [];

  const baseline = await time(() => encoder.encode(JSON.stringify(documents)).length);
  rows.push({ name: 'JSON.stringify (baseline)', ...baseline });
  const formats: EditionFormat[] = ['tei', 'html', 'md', 'txt'];
  for (const format of formats) {
    const result = await time(async () => (await exportEdition(format, edition, { witness: true })).bytes.length);
    rows.push({ name: `${format} edition`, ...result });
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: { before: +loadBefore.toFixed(2), after: +loadavg()[0].toFixed(2) },
  };
  const table = rows.map((row) => ({
    what: row.name,
    'median ms': Math.round(row.ms),
    'docs/s': Math.round(DOCS / (row.ms / 1000)),
    'MB out': +(row.bytes / 2 ** 20).toFixed(1),
    'x JSON time': +(row.ms / baseline.ms).toFixed(1),
  }));
  console.log(`Export benchmark: ${DOCS} documents as one edition, median of ${RUNS} runs after a warm-up`);
  console.log(
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, node ${machine.node}, ${machine.platform}, ` +
      `load average ${machine.loadAverage.before} before, ${machine.loadAverage.after} after`,
  );
  console.table(table);

  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'export.json'),
    `${JSON.stringify({ benchmark: 'export', date: new Date().toISOString(), documents: DOCS, runs: RUNS, machine, results: table }, null, 2)}\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
