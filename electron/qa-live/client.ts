/**
 * The live quality check as the main process calls it: in a worker thread of its own
 * (started when first needed, replaced when it dies, idle without holding the process
 * open), or in this process when the bundle has no worker. The worker keeps the words
 * (glossary and termbase) it was last sent; a check sends them again only when they
 * changed or the worker is new.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../workers/worker-entry';
import { LiveCheckEngine } from './engine';
import type { LiveCheckInput, LiveCheckReply, LiveCheckRequest, LiveCheckResult } from './protocol';

export type { LiveCheckInput, LiveCheckResult, QaWords } from './protocol';

export interface LiveChecker {
  check(input: LiveCheckInput): Promise<LiveCheckResult>;
  close(): Promise<void>;
}

/** The check in this process (tests, a bundle without the worker). */
export function inProcessLiveChecker(engine = new LiveCheckEngine()): LiveChecker {
  return { check: (input) => engine.check(input), close: async () => undefined };
}

interface Pending {
  resolve(reply: LiveCheckReply): void;
  reject(err: Error): void;
}

/** The check in a worker thread (out/main/qa-worker.js, or worker.ts from the sources). */
export function workerLiveChecker(): LiveChecker {
  const entry = workerEntry(__dirname, 'qa-worker', join(__dirname, 'worker.ts'));
  if (!entry) return inProcessLiveChecker();
  let worker: Worker | null = null;
  /** The key of the words the current worker holds. */
  let wordsHeld: string | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const start = (): Worker => {
    const w = new Worker(entry.file, { eval: entry.eval });
    wordsHeld = null;
    w.on('message', (reply: LiveCheckReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      p.resolve(reply);
      if (pending.size === 0) w.unref();
    });
    const fail = (err: Error): void => {
      if (worker !== w) return;
      worker = null;
      for (const p of pending.values()) p.reject(new Error(`The quality check stopped: ${err.message}`));
      pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`its worker exited (code ${code})`)));
    w.unref();
    return w;
  };

  const send = (input: LiveCheckRequest['input']): Promise<LiveCheckReply> => {
    const w = (worker ??= start());
    const id = nextId++;
    w.ref();
    const done = new Promise<LiveCheckReply>((resolve, reject) => pending.set(id, { resolve, reject }));
    w.postMessage({ id, input } satisfies LiveCheckRequest);
    return done;
  };

  return {
    async check(input) {
      const { words } = input;
      let reply = await send({ ...input, words: wordsHeld === words.key ? { key: words.key } : words });
      if (!reply.ok && reply.unknownWords) reply = await send(input);
      if (!reply.ok) throw new Error(reply.message);
      wordsHeld = words.key;
      return reply.value;
    },
    async close() {
      const w = worker;
      worker = null;
      for (const p of pending.values()) p.reject(new Error('The quality check was closed'));
      pending.clear();
      await w?.terminate();
    },
  };
}

let shared: LiveChecker | null = null;

/** The process's one live-check worker. */
export function sharedLiveChecker(): LiveChecker {
  return (shared ??= workerLiveChecker());
}
