/**
 * TEI import benchmark (issue 11, item 6): import time against nesting depth (up to
 * the importer's limit of 200 levels, and the refusal of 10,000 levels) and against
 * size (flat documents of many paragraphs). Linear code shows time per element
 * staying flat as depth and size grow. Median of several runs after a warm-up.
 *
 *   npx tsx bench/tei-import.bench.ts [--runs 5]
 *
 * Writes bench/results/tei-import.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { importTei } from '../shared/import/tei';
import { median } from './bench-kit';

const at = process.argv.indexOf('--runs');
const RUNS = at > 0 ? Number(process.argv[at + 1]) : 5;
const HEAD = '<teiHeader><fileDesc><titleStmt><title>B</title></titleStmt></fileDesc></teiHeader>';

function nested(depth: number): string {
  return `<TEI xmlns="http://www.tei-c.org/ns/1.0">${HEAD}<text><body>${'<div><p>x</p>'.repeat(depth)}${'</div>'.repeat(depth)}</body></text></TEI>`;
}

function flat(paragraphs: number): string {
  const p = '<p>Text with <hi>markup</hi>, a <persName>name</persName> and a note<note>n</note>.</p>';
  return `<TEI xmlns="http://www.tei-c.org/ns/1.0">${HEAD}<text><body><div>${p.repeat(paragraphs)}</div></body></text></TEI>`;
}


function time(xml: string): number {
  importTei(xml, 'bench.xml');
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    importTei(xml, 'bench.xml');
    times.push(performance.now() - start);
  }
  return median(times);
}

const results: Record<string, unknown>[] = [];
for (const depth of [25, 50, 100, 199]) {
  const ms = time(nested(depth));
  results.push({ case: 'nested divisions', depth, ms: +ms.toFixed(2), usPerLevel: +((ms * 1000) / depth).toFixed(1) });
}
const refusal = time(nested(10_000));
results.push({ case: 'nested divisions (refused)', depth: 10_000, ms: +refusal.toFixed(2) });
for (const paragraphs of [1_000, 4_000, 16_000]) {
  const ms = time(flat(paragraphs));
  results.push({
    case: 'flat paragraphs',
    paragraphs,
    ms: +ms.toFixed(1),
    usPerParagraph: +((ms * 1000) / paragraphs).toFixed(1),
  });
}
console.table(results);
const out = {
  machine: `${cpus()[0]?.model}, ${cpus().length} cores`,
  load: loadavg()[0].toFixed(2),
  node: process.version,
  runs: RUNS,
  results,
};
mkdirSync(join(__dirname, 'results'), { recursive: true });
writeFileSync(join(__dirname, 'results', 'tei-import.json'), JSON.stringify(out, null, 2) + '\n');
