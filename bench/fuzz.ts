/**
 * `npm run fuzz`: the long setting of the importer and IPC fuzzers
 * (electron/import/fuzz): `--inputs N` per fuzzer (default 1,500, so 12,000 in
 * all), `--seed S`, `--timeout MS` per input (default 20,000; a hang is a
 * failure). Failing inputs are written to .tmp/fuzz-failures/ to be replayed.
 * Prints the figures, writes bench/results/fuzz.json, exits 1 on any failure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { runFuzz } from '../electron/import/fuzz/run';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<number> {
  const inputs = option('inputs', 1500);
  const seed = option('seed', Date.now() % 1_000_000);
  const timeoutMs = option('timeout', 20_000);
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, node ${process.version}`);
  console.log(`fuzz: ${inputs} inputs per fuzzer, seed ${seed}, ${timeoutMs} ms per input`);
  const report = await runFuzz({
    inputsPerTarget: inputs,
    seed,
    timeoutMs,
    failuresDir: join(process.cwd(), '.tmp', 'fuzz-failures'),
    log: (line) => console.log(`  ${line}`),
  });
  const hangs = report.failures.filter((f) => f.kind === 'hang').length;
  console.log(`fuzz: ${report.inputs} inputs in ${report.seconds} s; failures ${report.failures.length} (hangs ${hangs})`);
  console.table(Object.entries(report.perTarget).map(([target, s]) => ({ target, ...s })));
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'fuzz.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, ...report }, null, 2)}\n`);
  return report.failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
