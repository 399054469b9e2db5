/**
 * The fuzz worker: runs one target on one input at a time and says how it went.
 * The runner (run.ts) times each input and ends this thread when one hangs.
 */
import { parentPort } from 'node:worker_threads';
import { FUZZ_TARGETS, type FuzzInput } from './targets';

const port = parentPort;
if (!port) throw new Error('electron/import/fuzz/worker.ts runs only as a worker thread');

port.on('message', async ({ target, input }: { target: string; input: FuzzInput }) => {
  const start = performance.now();
  try {
    await FUZZ_TARGETS[target](input);
    port.postMessage({ ok: true, ms: performance.now() - start });
  } catch (err) {
    port.postMessage({ ok: false, ms: performance.now() - start, message: err instanceof Error ? `${err.message}` : String(err) });
  }
});
