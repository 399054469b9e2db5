/**
 * The live quality check's worker thread (built to out/main/qa-worker.js): checks run here,
 * one after another, so a long document's check never holds up the main process.
 */
import { parentPort } from 'node:worker_threads';
import { LiveCheckEngine, UnknownWords } from './engine';
import type { LiveCheckReply, LiveCheckRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('qa-worker must run as a worker thread');

const engine = new LiveCheckEngine();
let queue: Promise<unknown> = Promise.resolve();

port.on('message', (req: LiveCheckRequest) => {
  queue = queue.then(async () => {
    let reply: LiveCheckReply;
    try {
      reply = { id: req.id, ok: true, value: await engine.check(req.input) };
    } catch (err) {
      reply = { id: req.id, ok: false, message: (err as Error).message, ...(err instanceof UnknownWords ? { unknownWords: true as const } : {}) };
    }
    port.postMessage(reply);
  });
});
