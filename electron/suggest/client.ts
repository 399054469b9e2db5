/**
 * The suggester as the main process uses it: a worker thread (worker.ts) answers, so the
 * main process's event loop is never held up by indexing, ranking or drafting. One worker
 * serves every project of the process (the lexical index under them is read and built once);
 * the same interface runs the engine in process where no worker is wanted.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DraftLine } from '../../shared/korean/draft';
import type { SuggestOptions, Suggestion } from '../../shared/korean/suggest';
import { DraftCancelled, SuggestEngine, UnknownProject } from './engine';
import type { DraftRowRequest, SyncRequest, WorkerReply, WorkerRequest } from './protocol';
import { workerEntry } from '../workers/worker-entry';

export { DraftCancelled, UnknownProject };

/** A suggester over the projects synced to it. */
export interface SuggestService {
  /** Sends a change of a project (`reset`: the whole project); requests made after it see it. */
  sync(req: SyncRequest): Promise<void>;
  /** Starts reading the tables and indexing, so the first suggestion finds them ready. */
  warm(): void;
  suggest(project: number, token: string, options: SuggestOptions): Promise<Suggestion[]>;
  /** Drafts rows; aborting `signal` stops the draft between lines (it rejects with DraftCancelled). */
  draft(project: number, rows: DraftRowRequest[], signal?: AbortSignal): Promise<DraftLine[][]>;
  /** Stops the worker (the service starts a new one if asked again). */
  close(): Promise<void>;
}

/** A request before it has an id (Omit distributed over the union). */
type Outgoing = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** Sends one request and gives its id (for a cancel) and its answer. */
type Send = (req: Outgoing) => { id: number; done: Promise<WorkerReply & { ok: true }> };

/** Projects whose whole state the service keeps, to bring an engine up to date that lost them. */
const HELD_PROJECTS = 64;

/**
 * The service over a way of sending requests. It keeps each project's state as last synced
 * (glossary and texts: references to the caller's strings), so an engine that does not hold a
 * project (a new worker after one died, or one that evicted it) is sent it whole and asked again.
 */
function serviceOver(send: Send, cancel: (id: number) => void, close: () => Promise<void>): SuggestService {
  const held = new Map<number, { glossary: NonNullable<SyncRequest['glossary']>; texts: string[] }>();
  const whole = (project: number): SyncRequest | null => {
    const state = held.get(project);
    return state ? { project, reset: true, glossary: state.glossary, corpus: { start: 0, remove: 0, insert: state.texts } } : null;
  };
  async function ask<T>(project: number, req: Outgoing): Promise<T> {
    try {
      return (await send(req).done).value as T;
    } catch (err) {
      const sync = err instanceof UnknownProject ? whole(project) : null;
      if (!sync) throw err;
      await send({ type: 'sync', sync }).done;
      return (await send(req).done).value as T;
    }
  }
  return {
    async sync(req) {
      let state = req.reset ? undefined : held.get(req.project);
      held.delete(req.project);
      state ??= { glossary: [], texts: [] };
      if (req.glossary) state.glossary = req.glossary;
      if (req.corpus) state.texts = state.texts.slice(0, req.corpus.start).concat(req.corpus.insert, state.texts.slice(req.corpus.start + req.corpus.remove));
      held.set(req.project, state);
      for (const key of held.keys()) {
        if (held.size <= HELD_PROJECTS) break;
        held.delete(key);
      }
      try {
        await send({ type: 'sync', sync: req }).done;
      } catch (err) {
        // The engine lost the project: the whole state (this change included) replaces the change.
        const sync = err instanceof UnknownProject ? whole(req.project) : null;
        if (!sync) throw err;
        await send({ type: 'sync', sync }).done;
      }
    },
    warm() {
      send({ type: 'warm' }).done.catch(() => undefined);
    },
    suggest(project, token, options) {
      return ask<Suggestion[]>(project, { type: 'suggest', project, token, options });
    },
    async draft(project, rows, signal) {
      if (signal?.aborted) throw new DraftCancelled();
      const request = async (): Promise<DraftLine[][]> => {
        const { id, done } = send({ type: 'draft', project, rows });
        const onAbort = (): void => cancel(id);
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          return (await done).value as DraftLine[][];
        } finally {
          signal?.removeEventListener('abort', onAbort);
        }
      };
      try {
        return await request();
      } catch (err) {
        const sync = err instanceof UnknownProject ? whole(project) : null;
        if (!sync) throw err;
        await send({ type: 'sync', sync }).done;
        return request();
      }
    },
    close,
  };
}

/** The engine in this process (requests in order, as the worker answers them). */
export function inProcessSuggestService(engine = new SuggestEngine()): SuggestService {
  let nextId = 1;
  let synced: Promise<void> = Promise.resolve();
  const cancelled = new Set<number>();
  const send: Send = (req) => {
    const id = nextId++;
    const run = async (): Promise<WorkerReply & { ok: true }> => {
      if (req.type === 'sync') {
        synced = synced.catch(() => undefined).then(() => engine.sync(req.sync));
        await synced;
        return { id, ok: true, value: null };
      }
      await synced.catch(() => undefined);
      try {
        if (req.type === 'warm') await engine.warm();
        else if (req.type === 'suggest') return { id, ok: true, value: await engine.suggest(req.project, req.token, req.options) };
        else if (req.type === 'draft') return { id, ok: true, value: await engine.draft(req.project, req.rows, () => cancelled.has(id)) };
        return { id, ok: true, value: null };
      } finally {
        cancelled.delete(id);
      }
    };
    return { id, done: run() };
  };
  return serviceOver(send, (id) => cancelled.add(id), async () => undefined);
}


interface Pending {
  resolve(value: WorkerReply & { ok: true }): void;
  reject(err: Error): void;
}

/**
 * The suggester in a worker thread of its own (a worker that dies is replaced on the next
 * request, and brought up to date project by project). Falls back to the engine in process
 * when no worker script exists (a bundle without one).
 */
export function workerSuggestService(): SuggestService {
  // out/main/suggest-worker.js beside the bundle, or worker.ts from the sources.
  const entry = workerEntry(__dirname, 'suggest-worker', join(__dirname, 'worker.ts'));
  if (!entry) return inProcessSuggestService();
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const start = (): Worker => {
    const w = new Worker(entry.file, { eval: entry.eval });
    w.on('message', (reply: WorkerReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply);
      else if (reply.cancelled) p.reject(new DraftCancelled());
      else if (reply.unknownProject) p.reject(new UnknownProject(-1));
      else p.reject(new Error(reply.message));
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

  const send: Send = (req) => {
    const w = (worker ??= start());
    const id = nextId++;
    // The worker keeps the process alive only while it owes an answer.
    w.ref();
    const done = new Promise<WorkerReply & { ok: true }>((resolve, reject) => pending.set(id, { resolve, reject }));
    w.postMessage({ ...req, id } as WorkerRequest);
    return { id, done };
  };
  const cancel = (target: number): void => void worker?.postMessage({ id: nextId++, type: 'cancel', target } satisfies WorkerRequest);
  return serviceOver(send, cancel, async () => {
    const w = worker;
    worker = null;
    for (const p of pending.values()) p.reject(new Error('The suggester was closed'));
    pending.clear();
    await w?.terminate();
  });
}

let shared: SuggestService | null = null;

/** The process's one suggester worker, shared by every handler table (each syncs its own projects). */
export function sharedSuggestService(): SuggestService {
  return (shared ??= workerSuggestService());
}
