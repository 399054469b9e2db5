/**
 * What the paginator of page-foot notes costs: the long synthetic document
 * (`shared/export/testing/long-edition.ts`, a note every third row, three rows
 * longer than a page, the witness as a third column) printed to PDF with the
 * system Chromium (the CLI's printer) with `notes: 'end'` (Chromium paginates,
 * no script) and `notes: 'page'` (the paginator lays out every page first), in
 * milliseconds per print, median of several runs after a warm-up.
 *
 *   npx tsx bench/pdf-pages.bench.ts [--rows 1000] [--runs 3]
 *
 * Writes bench/results/pdf-pages.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { exportEdition } from '../shared/export';
import { longDocument } from '../shared/export/testing/long-edition';
import { printPdf } from '../electron/export/pdf';
import { arg, median } from './bench-kit';

const ROWS = arg('rows', 1000);
const RUNS = arg('runs', 3);

async function main(): Promise<void> {
  const loadBefore = loadavg()[0];
  const { doc } = longDocument({ rows: ROWS, longRows: [9, 40, Math.floor(ROWS / 2)] });
  const rows: { what: string; 'median ms': number; pages: number }[] = [];
  for (const notes of ['end', 'page'] as const) {
    const html = new TextDecoder().decode(
      (await exportEdition('pdf-html', { documents: [doc], glossary: [] }, { witness: true, notes })).bytes,
    );
    const times: number[] = [];
    let pages = 0;
    for (let i = 0; i <= RUNS; i++) {
      const start = performance.now();
      const pdf = await printPdf(html, { pageSize: 'A4', timeoutMs: 600_000 });
      if (i > 0) times.push(performance.now() - start); // the first run warms up
      pages = (new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    }
    rows.push({ what: `notes: ${notes}`, 'median ms': Math.round(median(times)), pages });
  }
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: { before: +loadBefore.toFixed(2), after: +loadavg()[0].toFixed(2) },
  };
  console.log(`PDF pagination benchmark: ${ROWS} rows with the witness, A4, median of ${RUNS} prints after a warm-up`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, load average ${machine.loadAverage.before} → ${machine.loadAverage.after}`);
  console.table(rows);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'pdf-pages.json'),
    `${JSON.stringify({ benchmark: 'pdf-pages', date: new Date().toISOString(), rows: ROWS, runs: RUNS, machine, results: rows }, null, 2)}\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
