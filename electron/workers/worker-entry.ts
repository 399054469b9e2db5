/**
 * How to start one of the main process's worker threads: the script built beside the main
 * bundle (`out/main/<built>.js`, an entry of electron.vite.config.ts), or, running from the
 * sources (tests, benches, tsx), its TypeScript file through tsx. Null when neither is there
 * (a bundle built without that worker): each caller says what that means for it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkerEntry {
  /** The script, or (with `eval`) code that loads the sources through tsx. */
  file: string;
  eval: boolean;
}

/**
 * The entry of the worker built as `built` (its name in the bundle's folder, without `.js`)
 * from `source` (the worker's .ts file). `bundleDir` is where the main bundle runs from
 * (the caller's `__dirname`).
 */
export function workerEntry(bundleDir: string, built: string, source: string): WorkerEntry | null {
  const script = join(bundleDir, `${built}.js`);
  if (existsSync(script)) return { file: script, eval: false };
  if (source.endsWith('.ts') && existsSync(source) && __filename.endsWith('.ts')) return sourceEntry(source);
  return null;
}

/** A worker run from its TypeScript sources through tsx. */
export function sourceEntry(source: string): WorkerEntry {
  return { file: `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(source)});`, eval: true };
}
