/**
 * The suggester's worker thread (built to out/main/suggest-worker.js): it owns the lexicon,
 * the word model and the project's suggester, so that reading them, indexing and drafting
 * never run on the main process's event loop. Requests are answered in order of arrival;
 * a draft yields between lines, so a suggestion or a cancel sent during it is answered then.
 */
import { parentPort } from 'node:worker_threads';
import { DraftCancelled, SuggestEngine, UnknownProject } from './engine';
import type { WorkerReply, WorkerRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('suggest-worker must run as a worker thread');

const engine = new SuggestEngine();
const cancelled = new Set<number>();
// Syncs are applied in order, and every request waits for the syncs sent before it.
let synced: Promise<void> = Promise.resolve();

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

async function answer(req: Exclude<WorkerRequest, { type: 'cancel' }>): Promise<WorkerReply> {
  try {
    if (req.type === 'sync') {
      const sync = req.sync;
      synced = synced.catch(() => undefined).then(() => engine.sync(sync));
      await synced;
      return { id: req.id, ok: true, value: null };
    }
    await synced.catch(() => undefined);
    if (req.type === 'warm') {
      await engine.warm();
      return { id: req.id, ok: true, value: null };
    }
    if (req.type === 'suggest') return { id: req.id, ok: true, value: await engine.suggest(req.project, req.token, req.options) };
    const value = await engine.draft(req.project, req.rows, () => cancelled.has(req.id));
    return { id: req.id, ok: true, value };
  } catch (err) {
    return {
      id: req.id,
      ok: false,
      message: (err as Error).message,
      ...(err instanceof DraftCancelled ? { cancelled: true } : {}),
      ...(err instanceof UnknownProject ? { unknownProject: true } : {}),
    };
  } finally {
    cancelled.delete(req.id);
  }
}

port.on('message', (req: WorkerRequest) => {
  if (req.type === 'cancel') {
    cancelled.add(req.target);
    return;
  }
  void answer(req).then(reply);
});
