/**
 * Messages between the import runner (main process or CLI) and the import worker.
 */
import type { ImportResult } from '../../shared/import/result';

/** Files to parse, in order. `now` (ms since the epoch) fixes `source.importedAt` for tests. */
export interface ParseRequest {
  files: { name: string; bytes: Uint8Array }[];
  now?: number;
}

/** What the worker says: it starts a file, it finished one, or the whole batch is done. */
export type WorkerMessage =
  | { type: 'start'; index: number }
  | { type: 'done'; index: number; result: ImportResult }
  | { type: 'end' };
