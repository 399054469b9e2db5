/**
 * The import worker's entry: parses the files it is sent, one after another, with
 * the pure importers of shared/import. It runs in a worker thread with its own
 * heap limit (see run.ts), so a page that needs too much memory or time ends this
 * thread, never the app's main process or the CLI. Built as its own file:
 * out/main/import-worker.js (electron-vite) and out/cli/import-worker.js (CLI).
 */
import { parentPort } from 'node:worker_threads';
import { importFile } from '../../shared/import';
import { importError } from '../../shared/import/result';
import type { ParseRequest, WorkerMessage } from './protocol';

const port = parentPort;
if (!port) throw new Error('electron/import/worker.ts runs only as a worker thread');

port.on('message', (request: ParseRequest) => {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const now = request.now === undefined ? undefined : new Date(request.now);
  request.files.forEach((file, index) => {
    post({ type: 'start', index });
    let result;
    try {
      result = importFile(file, { now });
    } catch (err) {
      // The importers return errors for bad input; anything thrown is a bug, reported for this file alone.
      result = importError(file.name, `the importer failed on it (${err instanceof Error ? err.message : String(err)})`);
    }
    post({ type: 'done', index, result });
  });
  post({ type: 'end' });
});
