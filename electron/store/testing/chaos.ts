/**
 * The kill -9 soak: worker processes (chaos-worker.ts) import, save, edit the
 * glossary and export against one project, and are killed by pid at random
 * moments; after every round the project must open and be consistent
 * (consistency.ts) and hold every change a worker acknowledged before it died.
 * `npm test` runs a short setting (store/chaos.test.ts), `npm run soak` a long
 * one (bench/soak.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { checkProject, partialBatches } from './consistency';

export interface ChaosOptions {
  /** A folder for the projects, exports and the worker bundle (emptied first). */
  root: string;
  /** How many kills to deliver (each round kills every worker still alive). */
  kills: number;
  /** Workers per round, racing for the lock. */
  workers?: number;
  /** A fresh project every this many rounds, so a long soak does not slow down with size. */
  freshEvery?: number;
  /** The longest time (ms) a round lets its workers run before the kills. */
  maxRunMs?: number;
  log?: (line: string) => void;
}

export interface ChaosFigures {
  rounds: number;
  kills: number;
  /** Acknowledged changes checked after the kills. */
  acknowledged: { imports: number; saves: number; glossary: number; exports: number };
  /** Problems of the project after a round (consistency.ts), and acknowledged changes that were missing. */
  problems: string[];
  lost: string[];
  /** Workers that died of an error of their own, not of a kill. */
  crashed: string[];
  seconds: number;
}

/**
 * Bundles the worker into one CommonJS file, so that each of the many processes starts fast. It
 * is put inside the repository (.tmp/), where the bundle finds resources/ and node_modules.
 */
async function bundleWorker(): Promise<string> {
  const outfile = join(__dirname, '..', '..', '..', '.tmp', `chaos-worker-${process.pid}.cjs`);
  await build({
    entryPoints: [join(__dirname, 'chaos-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    // As the CLI bundle has them; tsx only matters to the handlers' worker threads, which the worker does not start.
    external: ['electron', 'docx', 'xmlbuilder2', 'iconv-lite', 'tsx', 'tsx/*'],
  });
  return outfile;
}

interface Worker {
  tag: string;
  child: ChildProcess;
  lines: string[];
  stderr: string;
  ready: Promise<void>;
}

function startWorker(bundle: string, dir: string, tag: string, exports: string): Worker {
  const child = spawn(process.execPath, [bundle, dir, tag, exports], { stdio: ['ignore', 'pipe', 'pipe'] });
  const worker: Worker = { tag, child, lines: [], stderr: '', ready: Promise.resolve() };
  let partial = '';
  worker.ready = new Promise((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop()!;
      worker.lines.push(...lines);
      if (lines.includes('ready')) resolve();
    });
    child.on('exit', () => resolve());
  });
  child.stderr!.on('data', (chunk: Buffer) => (worker.stderr += chunk.toString('utf8')));
  return worker;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Kills the worker by its pid; true when it was alive to be killed. */
async function kill(worker: Worker): Promise<boolean> {
  const { child } = worker;
  if (child.exitCode !== null || child.signalCode !== null) return false;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  process.kill(child.pid!, 'SIGKILL');
  await gone;
  return child.signalCode === 'SIGKILL';
}

/** Checks the project against what the workers acknowledged; adds to `figures`. */
async function verify(dir: string, workers: Worker[], exportsDir: string, figures: ChaosFigures, round: number): Promise<void> {
  const check = await checkProject(dir);
  const where = `round ${round}`;
  figures.problems.push(...check.problems.map((p) => `${where}: ${p}`));
  figures.problems.push(...partialBatches(check.titles).map((p) => `${where}: partial ${p}`));
  const counts = new Map<string, number>();
  for (const title of check.titles) counts.set(title, (counts.get(title) ?? 0) + 1);
  for (const [title, count] of counts) if (count > 1) figures.problems.push(`${where}: ${title} is there ${count} times`);
  const store = check.store;
  if (!store) return;
  try {
    const lastSave = new Map<string, number>();
    const added = new Set<string>();
    for (const worker of workers) {
      for (const line of worker.lines) {
        const [kind, ...rest] = line.split(' ');
        const value = rest.join(' ');
        if (kind === 'imported') {
          figures.acknowledged.imports++;
          for (const title of value.split('|')) if (!counts.has(title)) figures.lost.push(`${where}: imported ${title} is missing`);
        } else if (kind === 'saved') {
          figures.acknowledged.saves++;
          lastSave.set(rest[0], Number(rest[1]));
        } else if (kind === 'glossary') {
          figures.acknowledged.glossary++;
          added.add(value);
        } else if (kind === 'removing') {
          added.delete(value);
        } else if (kind === 'exported') {
          figures.acknowledged.exports++;
          const text = await readFile(value, 'utf8').catch(() => '');
          if (!text.endsWith('\n')) figures.lost.push(`${where}: export ${value} is missing or cut short`);
        }
      }
    }
    for (const [id, count] of lastSave) {
      const doc = await store.readDocument(id).catch((err: Error) => err);
      const saved = doc instanceof Error ? NaN : Number(/^save (\d+)$/.exec(doc.meta.summary)?.[1] ?? 0);
      // The acknowledged save, or a later one that was under way when the kill came.
      if (!(saved >= count)) figures.lost.push(`${where}: save ${count} of ${id} is missing (found ${doc instanceof Error ? doc.message : saved})`);
    }
    const glossary = new Set(store.glossary.map((e) => e.en));
    for (const en of added) if (!glossary.has(en)) figures.lost.push(`${where}: glossary entry ${en} is missing`);
  } finally {
    await store.close();
  }
  void exportsDir;
}

/** Runs the soak; the figures say what was tried and what went wrong (nothing, when it holds). */
export async function runChaos(options: ChaosOptions): Promise<ChaosFigures> {
  const { root, kills, workers: perRound = 2, freshEvery = 20, maxRunMs = 400, log = () => undefined } = options;
  const started = Date.now();
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const exportsDir = join(root, 'exports');
  await mkdir(exportsDir);
  const bundle = await bundleWorker();
  const figures: ChaosFigures = {
    rounds: 0,
    kills: 0,
    acknowledged: { imports: 0, saves: 0, glossary: 0, exports: 0 },
    problems: [],
    lost: [],
    crashed: [],
    seconds: 0,
  };
  for (let round = 0; figures.kills < kills; round++) {
    const dir = join(root, `project-${Math.floor(round / freshEvery)}`);
    const workers = Array.from({ length: perRound }, (_, i) => startWorker(bundle, dir, `r${round}w${i}`, exportsDir));
    await Promise.race([Promise.any(workers.map((w) => w.ready)), sleep(15_000)]);
    await sleep(Math.random() * maxRunMs);
    await Promise.all(
      workers.map(async (worker) => {
        await sleep(Math.random() * 30);
        if (await kill(worker)) figures.kills++;
        else if (worker.child.exitCode !== 0) figures.crashed.push(`round ${round} worker ${worker.tag} exited with ${worker.child.exitCode}: ${worker.stderr.slice(0, 500)}`);
      }),
    );
    await verify(dir, workers, exportsDir, figures, round);
    figures.rounds++;
    // Workers that die of their own errors deliver no kills: stop rather than go round for ever.
    if (figures.crashed.length > 10) break;
    if (round % 50 === 49) log(`${figures.kills} kills, ${figures.problems.length + figures.lost.length + figures.crashed.length} failures`);
  }
  figures.seconds = Math.round((Date.now() - started) / 1000);
  await rm(bundle, { force: true });
  return figures;
}
