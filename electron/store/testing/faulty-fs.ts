/**
 * A fault-injecting `node:fs/promises` for tests: every step that changes the
 * disk (open for writing, write, fsync, close, rename, mkdir, unlink, copy…)
 * is counted while recording, and the step numbered `failAt` throws the errno
 * error asked for (ENOSPC, EIO, EACCES…) instead of running, as a full disk, a
 * failing disk or a permission change would at that moment. Reads can be made
 * to fail by path.
 *
 * Use it in a test file with
 * `vi.mock('node:fs/promises', async (real) => (await import('./testing/faulty-fs')).faultyFs(await real()))`.
 */
import type * as FsPromises from 'node:fs/promises';

/** One counted step: the operation and the path it touched. */
export interface Step {
  op: string;
  path: string;
}

interface Plan {
  /** Counting steps (and failing one) only between `record` and `stop`. */
  active: boolean;
  steps: Step[];
  failAt: number | null;
  code: string;
  /** Reads of paths matching this fail with `readCode`. */
  readFails: RegExp | null;
  readCode: string;
  /** Every disk-changing step on a path matching this fails with `writeCode` (a read-only folder). */
  writeFails: RegExp | null;
  writeCode: string;
}

const plan: Plan = { active: false, steps: [], failAt: null, code: 'ENOSPC', readFails: null, readCode: 'EACCES', writeFails: null, writeCode: 'EROFS' };

const MESSAGES: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EIO: 'i/o error',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
  EPERM: 'operation not permitted',
};

function errnoError(code: string, op: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${MESSAGES[code] ?? 'injected fault'}, ${op} '${path}'`), { code, syscall: op, path });
}

/** Starts counting steps; with `failAt`, the step of that number fails with `code`. */
export function record(failAt: number | null = null, code = 'ENOSPC'): void {
  Object.assign(plan, { active: true, steps: [], failAt, code });
}

/** Stops counting; the steps counted since `record`. */
export function stop(): Step[] {
  plan.active = false;
  plan.failAt = null;
  plan.readFails = null;
  plan.writeFails = null;
  return plan.steps;
}

/** Makes reads of paths matching `pattern` fail with `code` (null: reads work again). */
export function failReads(pattern: RegExp | null, code = 'EACCES'): void {
  plan.readFails = pattern;
  plan.readCode = code;
}

/** Makes every disk-changing step on paths matching `pattern` fail with `code` (null: they work again). */
export function failWrites(pattern: RegExp | null, code = 'EROFS'): void {
  plan.writeFails = pattern;
  plan.writeCode = code;
}

/** True when the fault asked for was injected since `record`. */
export function injected(): boolean {
  return plan.failAt !== null && plan.steps.length >= plan.failAt;
}

function step(op: string, path: unknown): void {
  const where = String(path);
  if (plan.writeFails && plan.writeFails.test(where)) throw errnoError(plan.writeCode, op, where);
  if (!plan.active) return;
  plan.steps.push({ op, path: where });
  if (plan.steps.length === plan.failAt) throw errnoError(plan.code, op, where);
}

function checkRead(op: string, path: unknown): void {
  if (plan.readFails && plan.readFails.test(String(path))) throw errnoError(plan.readCode, op, String(path));
}

const HANDLE_STEPS = new Set(['write', 'writeFile', 'writev', 'sync', 'datasync', 'truncate', 'chmod', 'close']);

function wrapHandle(handle: FsPromises.FileHandle, path: unknown): FsPromises.FileHandle {
  return new Proxy(handle, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && HANDLE_STEPS.has(prop)) {
        return async (...args: unknown[]) => {
          // A close that fails still lets the descriptor go (as close(2) does), so a fault leaks none.
          if (prop === 'close') {
            const closed = await (value as (...a: unknown[]) => unknown).apply(target, args);
            step(`handle.${prop}`, path);
            return closed;
          }
          step(`handle.${prop}`, path);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

/** `real` with every disk-changing step counted and, when asked, failing. */
export function faultyFs(real: typeof FsPromises): typeof FsPromises {
  const counted =
    <A extends unknown[], R>(op: string, fn: (...args: A) => Promise<R>, pathArg = 0) =>
    async (...args: A): Promise<R> => {
      step(op, args[pathArg]);
      return fn(...args);
    };
  return {
    ...real,
    async open(path: FsPromises.FileHandle | string, flags?: string | number, mode?: number) {
      const writing = typeof flags === 'string' ? /[wax+]/.test(flags) : typeof flags === 'number' && flags !== 0;
      if (writing) step('open', path);
      else checkRead('open', path);
      return wrapHandle(await real.open(path as string, flags, mode), path);
    },
    async readFile(path: unknown, options?: unknown) {
      checkRead('readFile', path);
      return (real.readFile as (p: unknown, o?: unknown) => Promise<string | Buffer>)(path, options);
    },
    rename: counted('rename', real.rename, 1),
    mkdir: counted('mkdir', real.mkdir),
    unlink: counted('unlink', real.unlink),
    rm: counted('rm', real.rm),
    rmdir: counted('rmdir', real.rmdir),
    copyFile: counted('copyFile', real.copyFile, 1),
    writeFile: counted('writeFile', real.writeFile),
    link: counted('link', real.link, 1),
    symlink: counted('symlink', real.symlink, 1),
    chmod: counted('chmod', real.chmod),
    utimes: counted('utimes', real.utimes),
  } as typeof FsPromises;
}
