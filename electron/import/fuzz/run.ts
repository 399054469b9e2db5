/**
 * The fuzz runner: draws inputs for each target (inputs.ts) from a seed and runs
 * them one by one in a worker thread (worker.ts), each within a time limit. A
 * target that throws, runs out of memory or goes over the time limit (a hang) is
 * a failure, recorded with the input (written to `failuresDir` when given, to be
 * replayed). `npm test` runs a short setting (fuzz.test.ts), `npm run fuzz` a
 * long one (bench/fuzz.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { sourceEntry } from '../../workers/worker-entry';
import { FUZZ_INPUTS } from './inputs';
import type { FuzzInput } from './targets';

export interface FuzzOptions {
  /** Inputs drawn and run for each target. */
  inputsPerTarget: number;
  seed: number;
  /** Time one input may take before it counts as a hang. */
  timeoutMs: number;
  /** Heap of the worker, in MB. */
  memoryMb?: number;
  targets?: string[];
  failuresDir?: string;
  log?: (line: string) => void;
}

export interface FuzzFailure {
  target: string;
  kind: 'error' | 'hang' | 'memory' | 'crash';
  message: string;
  /** The input's first characters. */
  sample: string;
  /** Where the whole input was written. */
  file?: string;
}

export interface FuzzReport {
  seed: number;
  timeoutMs: number;
  inputs: number;
  seconds: number;
  perTarget: Record<string, { inputs: number; failures: number; slowestMs: number; characters: number }>;
  failures: FuzzFailure[];
}

function sizeOf(input: FuzzInput): number {
  if (input.kind === 'text') return input.text.length;
  if (input.kind === 'bytes') return input.bytes.length;
  try {
    return JSON.stringify(input.payload)?.length ?? 0;
  } catch {
    return 0;
  }
}

function sampleOf(input: FuzzInput): string {
  const raw = input.kind === 'text' ? input.text : input.kind === 'bytes' ? Buffer.from(input.bytes).toString('latin1') : safeJson(input);
  return raw.length > 160 ? `${raw.slice(0, 160)}… (${raw.length} characters)` : raw;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

class FuzzWorker {
  private worker: Worker | null = null;
  constructor(private memoryMb: number) {}

  run(target: string, input: FuzzInput, timeoutMs: number): Promise<{ ok: true; ms: number } | { ok: false; kind: FuzzFailure['kind']; message: string }> {
    const entry = sourceEntry(join(__dirname, 'worker.ts'));
    this.worker ??= new Worker(entry.file, { eval: entry.eval, resourceLimits: { maxOldGenerationSizeMb: this.memoryMb }, stdout: false, stderr: false });
    const worker = this.worker;
    return new Promise((resolve) => {
      const done = (result: Parameters<typeof resolve>[0], kill: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill) {
          void worker.terminate();
          this.worker = null;
        }
        resolve(result);
      };
      const timer = setTimeout(() => done({ ok: false, kind: 'hang', message: `no answer within ${timeoutMs} ms` }, true), timeoutMs);
      const onMessage = (m: { ok: boolean; ms: number; message?: string }) =>
        done(m.ok ? { ok: true, ms: m.ms } : { ok: false, kind: 'error', message: m.message ?? '' }, false);
      const onError = (err: Error & { code?: string }) =>
        done({ ok: false, kind: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', message: err.message }, true);
      const onExit = (code: number) => done({ ok: false, kind: 'crash', message: `worker exited with ${code}` }, true);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ target, input });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

/** Runs the fuzzers; resolves with the figures and every failure. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const targets = options.targets ?? Object.keys(FUZZ_INPUTS);
  const worker = new FuzzWorker(options.memoryMb ?? 1024);
  const report: FuzzReport = { seed: options.seed, timeoutMs: options.timeoutMs, inputs: 0, seconds: 0, perTarget: {}, failures: [] };
  const BATCH = 50;
  try {
    for (const [t, target] of targets.entries()) {
      const stats = { inputs: 0, failures: 0, slowestMs: 0, characters: 0 };
      report.perTarget[target] = stats;
      for (let batch = 0; stats.inputs < options.inputsPerTarget; batch++) {
        const count = Math.min(BATCH, options.inputsPerTarget - stats.inputs);
        const inputs = fc.sample(FUZZ_INPUTS[target], { seed: options.seed + t * 100_003 + batch, numRuns: count });
        for (const input of inputs) {
          const result = await worker.run(target, input, options.timeoutMs);
          stats.inputs++;
          report.inputs++;
          stats.characters += sizeOf(input);
          if (result.ok) {
            stats.slowestMs = Math.max(stats.slowestMs, Math.round(result.ms));
            continue;
          }
          stats.failures++;
          const failure: FuzzFailure = { target, kind: result.kind, message: result.message.slice(0, 500), sample: sampleOf(input) };
          if (options.failuresDir) {
            mkdirSync(options.failuresDir, { recursive: true });
            failure.file = join(options.failuresDir, `${target}-${stats.inputs}.json`);
            writeFileSync(failure.file, safeJson({ target, seed: options.seed, batch, input: input.kind === 'bytes' ? { ...input, bytes: Buffer.from(input.bytes).toString('base64') } : input }));
          }
          report.failures.push(failure);
          options.log?.(`${target}: ${result.kind}: ${failure.message.slice(0, 160)} — input ${failure.sample.slice(0, 80)}`);
        }
      }
      options.log?.(`${target}: ${stats.inputs} inputs, ${stats.failures} failures, slowest ${stats.slowestMs} ms`);
    }
  } finally {
    await worker.close();
  }
  report.seconds = Math.round((Date.now() - started) / 1000);
  return report;
}
