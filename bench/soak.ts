/**
 * `npm run soak`: the long setting of the reliability suite (docs/reliability.md).
 *
 * 1. kill -9 soak (electron/store/testing/chaos.ts): worker processes import,
 *    save, edit the glossary and export while being killed by pid at random
 *    moments; after every round the project must open, be consistent and hold
 *    every acknowledged change. `--kills N` (default 1,000).
 * 2. The fault suite (electron/store/faults.test.ts): ENOSPC, EIO and EACCES at
 *    each write step of each store operation, run under vitest (it replaces
 *    node:fs/promises), with its figures.
 *
 * Prints the figures, writes them to bench/results/soak.json, exits 1 on any failure.
 * `npm run soak` then runs the long fuzz setting (bench/fuzz.ts, 12,000 inputs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChaos } from '../electron/store/testing/chaos';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<number> {
  const kills = option('kills', 1000);
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, node ${process.version}, ${process.platform}`);
  console.log(`kill -9 soak: ${kills} kills, 2 workers a round`);
  const chaos = await runChaos({
    root: join(tmpdir(), `interlinea-soak-${process.pid}`),
    kills,
    workers: 2,
    freshEvery: 20,
    maxRunMs: 800,
    log: (line) => console.log(`  ${line}`),
  });
  console.log(
    `  ${chaos.kills} kills in ${chaos.rounds} rounds, ${chaos.seconds} s; acknowledged before the kills: ` +
      `${chaos.acknowledged.imports} imports of 4 documents, ${chaos.acknowledged.saves} saves, ${chaos.acknowledged.glossary} glossary entries, ${chaos.acknowledged.exports} exports`,
  );
  console.log(`  inconsistent projects: ${chaos.problems.length}, acknowledged changes lost: ${chaos.lost.length}, workers crashed: ${chaos.crashed.length}`);
  for (const line of [...chaos.problems, ...chaos.lost, ...chaos.crashed].slice(0, 20)) console.log(`  ! ${line}`);

  console.log('fault suite: ENOSPC, EIO, EACCES at each write step (vitest electron/store/faults.test.ts)');
  const figuresPath = join(process.cwd(), '.tmp', 'fault-figures.json');
  mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
  const run = spawnSync('npx', ['vitest', 'run', 'electron/store/faults.test.ts', '--reporter=dot'], {
    stdio: 'inherit',
    env: { ...process.env, INTERLINEA_FAULT_FIGURES: figuresPath },
  });
  const faults = JSON.parse(readFileSync(figuresPath, 'utf8')) as { faults: number; failures: number; operations: Record<string, number> };
  console.log(`  ${faults.faults} faults injected over ${Object.keys(faults.operations).length} operations; failures: ${faults.failures}; vitest exit ${run.status}`);

  const failed = chaos.problems.length + chaos.lost.length + chaos.crashed.length + faults.failures + (run.status === 0 ? 0 : 1);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/soak.json',
    JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, chaos, faults, failed }, null, 2) + '\n',
  );
  console.log(failed ? `soak: ${failed} failure(s)` : 'soak: no failure');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
