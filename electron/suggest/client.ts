/**
 * The suggester as the main process uses it: a worker thread (worker.ts) answers, so the
 * main process's event loop is never held up by indexing, ranking or drafting. The same
 * interface runs the engine in process where no worker is wanted (the CLI, whose own
 * process nothing else shares).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DraftLine } from '../../shared/korean/draft';
import type { SuggestOptions, Suggestion } from '../../shared/korean/suggest';
import { DraftCancelled, SuggestEngine } from './engine';
import type { DraftRowRequest, SyncRequest, WorkerReply, WorkerRequest } from './protocol';

export { DraftCancelled };

/** A suggester over one project at a time. */
export interface SuggestService {
  /** Sends a change of the project; requests made after it see it. */
  sync(req: SyncRequest): Promise<void>;
  /** Starts reading the tables and indexing, so the first suggestion finds them ready. */
  warm(): void;
  suggest(token: string, options: SuggestOptions): Promise<Suggestion[]>;
  /** Drafts rows; aborting `signal` stops the draft between lines (it rejects with DraftCancelled). */
  draft(rows: DraftRowRequest[], signal?: AbortSignal): Promise<DraftLine[][]>;
  /** Stops the worker (the service starts a new one if asked again). */
  close(): Promise<void>;
}

/** The engine in this process. */
export function inProcessSuggestService(engine = new SuggestEngine()): SuggestService {
  let synced: Promise<void> = Promise.resolve();
  return {
    sync(req) {
      synced = synced.catch(() => undefined).then(() => engine.sync(req));
      return synced;
    },
    warm() {
      void engine.warm().catch(() => undefined);
    },
    async suggest(token, options) {
      await synced.catch(() => undefined);
      return engine.suggest(token, options);
    },
    async draft(rows, signal) {
      await synced.catch(() => undefined);
      return engine.draft(rows, () => signal?.aborted ?? false);
    },
    async close() {},
  };
}

/**
 * How to start the worker: the built script beside the main bundle (out/main/suggest-worker.js),
 * or, running from the sources (tests, tsx), worker.ts through tsx. Null when neither is there.
 */
function workerEntry(): { file: string; eval: boolean } | null {
  const built = join(__dirname, 'suggest-worker.js');
  if (existsSync(built)) return { file: built, eval: false };
  const source = join(__dirname, 'worker.ts');
  if (__filename.endsWith('.ts') && existsSync(source)) {
    return { file: `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(source)});`, eval: true };
  }
  return null;
}

/** A request before it has an id (Omit distributed over the union). */
type Outgoing = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(value: WorkerReply & { ok: true }): void;
  reject(err: Error): void;
}

/**
 * The suggester in a worker thread. The last sync sent is remembered whole (project, glossary,
 * texts), so a worker that dies is replaced and brought up to date before the next request.
 * Falls back to the engine in process when no worker script exists (a bundle without one).
 */
export function workerSuggestService(): SuggestService {
  const entry = workerEntry();
  if (!entry) return inProcessSuggestService();
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  // What a new worker needs to know: the project as last synced.
  let state: { project: number; glossary: NonNullable<SyncRequest['glossary']>; texts: string[] } | null = null;

  const start = (): Worker => {
    const w = new Worker(entry.file, { eval: entry.eval });
    w.on('message', (reply: WorkerReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply);
      else p.reject(reply.cancelled ? new DraftCancelled() : new Error(reply.message));
      if (pending.size === 0) w.unref();
    });
    const fail = (err: Error): void => {
      if (worker !== w) return;
      worker = null;
      for (const p of pending.values()) p.reject(new Error(`The suggester stopped: ${err.message}`));
      pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`its worker exited (code ${code})`)));
    w.unref();
    return w;
  };

  const send = (req: Outgoing): { id: number; done: Promise<WorkerReply & { ok: true }> } => {
    if (!worker) {
      worker = start();
      // A replaced worker learns the project as it was last synced before anything else.
      if (state) post({ type: 'sync', sync: { project: state.project, glossary: state.glossary, corpus: { start: 0, remove: 0, insert: state.texts } } });
    }
    return post(req);
  };

  function post(req: Outgoing): { id: number; done: Promise<WorkerReply & { ok: true }> } {
    const w = worker as Worker;
    const id = nextId++;
    // The worker keeps the process alive only while it owes an answer.
    w.ref();
    const done = new Promise<WorkerReply & { ok: true }>((resolve, reject) => pending.set(id, { resolve, reject }));
    w.postMessage({ ...req, id } as WorkerRequest);
    return { id, done };
  }

  return {
    async sync(req) {
      if (!state || state.project !== req.project) state = { project: req.project, glossary: [], texts: [] };
      if (req.glossary) state.glossary = req.glossary;
      if (req.corpus) state.texts = state.texts.slice(0, req.corpus.start).concat(req.corpus.insert, state.texts.slice(req.corpus.start + req.corpus.remove));
      // A worker started now learns the whole state (which already holds this change), not the splice.
      await (worker ? post({ type: 'sync', sync: req }) : send({ type: 'warm' })).done;
    },
    warm() {
      send({ type: 'warm' }).done.catch(() => undefined);
    },
    async suggest(token, options) {
      return (await send({ type: 'suggest', token, options }).done).value as Suggestion[];
    },
    async draft(rows, signal) {
      if (signal?.aborted) throw new DraftCancelled();
      const { id, done } = send({ type: 'draft', rows });
      const onAbort = (): void => void worker?.postMessage({ id: nextId++, type: 'cancel', target: id } satisfies WorkerRequest);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return (await done).value as DraftLine[][];
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
    async close() {
      const w = worker;
      worker = null;
      for (const p of pending.values()) p.reject(new Error('The suggester was closed'));
      pending.clear();
      await w?.terminate();
    },
  };
}
