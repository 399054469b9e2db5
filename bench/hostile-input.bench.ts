/**
 * Hostile-input benchmark: inputs that once took minutes or killed the process,
 * timed now. Each case has a generous bound (a linear run takes a small fraction
 * of it, a quadratic one far more); the run fails when a case goes over.
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
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
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: { before: +loadBefore.toFixed(2), after: +loadavg()[0].toFixed(2) },
  };
  console.log('Hostile input: median of 3 runs per case, each against a generous bound');
  console.table(rows);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'hostile-input.json'),
    `${JSON.stringify({ benchmark: 'hostile-input', date: new Date().toISOString(), machine, results: rows }, null, 2)}\n`,
  );
  if (rows.some((r) => !r.ok)) {
    console.error('Over the bound: ' + rows.filter((r) => !r.ok).map((r) => r.what).join('; '));
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
