/**
 * Parsing imported files off the main thread, in bounded memory and time.
 *
 * The importers are pure functions (shared/import); a hostile or just huge page
 * could still make them take minutes and gigabytes (a 19 MB page once took 150 s
 * and 4.5 GB and killed the process). Here they run in a worker thread with a heap
 * limit and a time limit per file. A file that goes over gets a clear error, the
 * worker is thrown away, and the caller (the app's main process, the CLI) carries
 * on; the files after it are parsed in a fresh worker, so every failure is named.
 *
 * One worker is kept between imports (starting one costs more than small files
 * take to parse) and batches are parsed one at a time.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { importError, type ImportResult } from '../../shared/import/result';
import { workerEntry, type WorkerEntry } from '../workers/worker-entry';
import type { ParseRequest, WorkerMessage } from './protocol';

/** Memory and time an import may take. */
export interface ImportLimits {
  /** Heap of the worker (V8's old generation), in MB. */
  memoryMb: number;
  /** Time to parse one file, in ms. */
  timeoutMs: number;
}

/**
 * A 19 MB page of ordinary paragraphs parses in about 10 s with a heap under
 * 1 GB (bench/hostile-input.bench.ts); the limits leave room for a slow machine
 * and stop a runaway long before it could hurt the app.
 */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { memoryMb: 2048, timeoutMs: 120_000 };

/** A positive whole number from the environment, or undefined. */
function fromEnv(name: string): number | undefined {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * The limits in force: the defaults, or INTERLINEA_IMPORT_MEMORY_MB and
 * INTERLINEA_IMPORT_TIMEOUT_S where set (a machine with little memory).
 */
export function importLimits(): ImportLimits {
  const memoryMb = fromEnv('INTERLINEA_IMPORT_MEMORY_MB') ?? DEFAULT_IMPORT_LIMITS.memoryMb;
  const seconds = fromEnv('INTERLINEA_IMPORT_TIMEOUT_S');
  return { memoryMb, timeoutMs: seconds ? seconds * 1000 : DEFAULT_IMPORT_LIMITS.timeoutMs };
}

type Files = ParseRequest['files'];

/**
 * How to start the worker: the built script beside the bundle (out/main/import-worker.js,
 * out/cli/import-worker.js) or, running from the sources (tests), worker.ts through tsx.
 */
function importWorker(): WorkerEntry {
  const entry = workerEntry(__dirname, 'import-worker', join(__dirname, 'worker.ts'));
  // A bundle built without its worker: a clear error, not a parse in this process.
  if (!entry) throw new Error(`the import worker is missing (${join(__dirname, 'import-worker.js')}); rebuild Interlinea`);
  return entry;
}

/** How a batch ended in one worker: all parsed, or the worker lost at file `index`. */
type Outcome = { results: ImportResult[]; lost?: { index: number; reason: string } };

function lostReason(why: 'memory' | 'time' | 'crash', limits: ImportLimits, detail = ''): string {
  if (why === 'memory') {
    return `reading it needed more than ${limits.memoryMb} MB of memory and was stopped; the file is too large or too complex to import`;
  }
  if (why === 'time') {
    const time = limits.timeoutMs >= 1000 ? `${Math.round(limits.timeoutMs / 1000)} s` : `${limits.timeoutMs} ms`;
    return `reading it took longer than ${time} and was stopped; the file is too large or too complex to import`;
  }
  return `the importer stopped while reading it${detail ? ` (${detail})` : ''}`;
}

class ImportWorker {
  private worker: Worker | null = null;
  private limits: ImportLimits | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** Parses `files` in order; a file that fails for any reason gets an error result naming it. */
  parse(files: Files, limits: ImportLimits, now?: Date): Promise<ImportResult[]> {
    const run = this.queue.then(() => this.parseAll(files, limits, now));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private async parseAll(files: Files, limits: ImportLimits, now?: Date): Promise<ImportResult[]> {
    const results: ImportResult[] = [];
    while (results.length < files.length) {
      const rest = files.slice(results.length);
      const outcome = await this.parseIn(this.ready(limits), rest, limits, now);
      results.push(...outcome.results);
      if (outcome.lost) {
        results.push(importError(rest[outcome.lost.index].name, outcome.lost.reason));
        await this.close();
      }
    }
    return results;
  }

  private ready(limits: ImportLimits): Worker {
    if (this.worker && this.limits?.memoryMb === limits.memoryMb) return this.worker;
    void this.worker?.terminate();
    const entry = importWorker();
    this.worker = new Worker(entry.file, {
      eval: entry.eval,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    this.limits = limits;
    const worker = this.worker;
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    worker.unref();
    return worker;
  }

  private parseIn(worker: Worker, files: Files, limits: ImportLimits, now?: Date): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      const results: ImportResult[] = [];
      let current = 0;
      let timer: NodeJS.Timeout | null = null;
      const finish = (outcome: Outcome) => {
        if (timer) clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        resolve(outcome);
      };
      const lose = (why: 'memory' | 'time' | 'crash', detail?: string) => {
        void worker.terminate();
        finish({ results, lost: { index: current, reason: lostReason(why, limits, detail) } });
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'start') {
          current = message.index;
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => lose('time'), limits.timeoutMs);
        } else if (message.type === 'done') {
          results.push(message.result);
          current = message.index + 1;
          if (timer) clearTimeout(timer);
          timer = null;
        } else {
          finish({ results });
        }
      };
      const onError = (err: Error & { code?: string }) => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') lose('memory');
        else lose('crash', err.message);
      };
      const onExit = (code: number) => lose('crash', `exit code ${code}`);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // Busy: keep the process alive until the batch is parsed.
      worker.ref();
      const request: ParseRequest = { files, now: now?.getTime() };
      worker.postMessage(request);
    });
  }
}

const shared = new ImportWorker();

/**
 * Parses files for import in the import worker, within `limits`. Resolves with one
 * result per file, in order; never rejects for a bad, huge or hostile file.
 */
export function parseImports(files: Files, limits: Partial<ImportLimits> = {}, now?: Date): Promise<ImportResult[]> {
  if (!files.length) return Promise.resolve([]);
  return shared.parse(files, { ...importLimits(), ...limits }, now);
}

/** Ends the kept worker (tests, and the app when it quits). */
export function closeImportWorker(): Promise<void> {
  return shared.close();
}
