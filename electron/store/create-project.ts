/**
 * Writing into a project that may not exist yet (`interlinea import` into a new
 * folder, the first launch's sample project): the project is created whole,
 * with what is written into it, or not at all. It is built in a hidden folder
 * beside its place (`.<name>.new-<pid>-<random>`), filled, and renamed into
 * place in one step; a refused or failed fill removes the hidden folder, so no
 * project folder appears, not even an empty one. A killed one leaves only the
 * hidden folder, which the next creation of the same project removes.
 *
 * A folder that already holds other files (but no project) cannot be replaced
 * by a rename: the project is created in it, and removed again if filling fails.
 */
import { mkdir, readdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../../shared/errors';
import { ProjectStore } from './project-store';
import { syncDir } from './durable-file';
import { diskError } from './disk-errors';
import { processState } from './process-identity';
import { LOCK_FILE } from './lock';

export interface FillOptions {
  holder: string;
  /** Name of a created project (defaults to the folder name). */
  name?: string;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

/** The nearest folder that exists, at or above `path`. */
async function existingAncestor(path: string): Promise<string> {
  let at = path;
  while (!(await exists(at)) && dirname(at) !== at) at = dirname(at);
  return at;
}

/** Removes hidden folders of earlier creations of `root` whose process is gone. */
async function removeAbandoned(parent: string, root: string): Promise<void> {
  const prefix = `.${basename(root)}.new-`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (processState({ pid, host: hostname() }) === 'gone') await rm(join(parent, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

async function fillExisting<T>(root: string, options: FillOptions, fill: (store: ProjectStore) => Promise<T>): Promise<T> {
  const store = await ProjectStore.open(root, { write: true, holder: options.holder });
  try {
    return await fill(store);
  } finally {
    await store.close();
  }
}

/** Creates the project in a folder that has other files: removed again when `fill` fails. */
async function fillInPlace<T>(root: string, options: FillOptions, fill: (store: ProjectStore) => Promise<T>): Promise<T> {
  const store = await ProjectStore.open(root, { write: true, create: true, holder: options.holder, name: options.name });
  try {
    return await fill(store);
  } catch (err) {
    await unlink(join(root, 'project.json')).catch(() => undefined);
    await rmdir(join(root, 'documents')).catch(() => undefined);
    throw err;
  } finally {
    await store.close();
  }
}

/**
 * Runs `fill` on the project in `dir` with its lock held, creating the project
 * when there is none: then it appears with everything `fill` wrote, or not at all.
 */
export async function fillProject<T>(dir: string, options: FillOptions, fill: (store: ProjectStore) => Promise<T>): Promise<T> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => null);
  if (info && !info.isDirectory()) throw new UserError(`${root} is a file, not a project folder`, 'not-a-project');
  if (info && (await exists(join(root, 'project.json')))) return fillExisting(root, options, fill);
  if (info && (await readdir(root)).length > 0) return fillInPlace(root, options, fill);

  const parent = await existingAncestor(dirname(root));
  await removeAbandoned(parent, root);
  const hidden = join(parent, `.${basename(root)}.new-${process.pid}-${randomBytes(4).toString('hex')}`);
  let result: T;
  try {
    const store = await ProjectStore.open(hidden, { write: true, create: true, holder: options.holder, name: options.name ?? basename(root) });
    try {
      result = await fill(store);
    } finally {
      await store.close();
    }
    // Nobody else knows the hidden folder: a lock record whose removal failed is ours, and goes.
    await rm(join(hidden, LOCK_FILE), { recursive: true, force: true });
    await mkdir(dirname(root), { recursive: true });
  } catch (err) {
    await rm(hidden, { recursive: true, force: true }).catch(() => undefined);
    throw diskError(err, 'create the project folder', root, 'Nothing was written.');
  }
  try {
    // Onto a missing or empty folder in one step (POSIX replaces an empty folder).
    await rename(hidden, root);
  } catch (err) {
    await rm(hidden, { recursive: true, force: true }).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    // Another process created the project meanwhile: write into it as into any existing project.
    if ((code === 'ENOTEMPTY' || code === 'EEXIST') && (await exists(join(root, 'project.json')))) return fillExisting(root, options, fill);
    throw diskError(err, 'create the project folder', root, 'Nothing was written.');
  }
  await syncDir(dirname(root)).catch(() => undefined); // in place already; only a power loss could undo it
  return result;
}
