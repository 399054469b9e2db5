/**
 * Backups: a timestamped, complete, plain copy of the project's files
 * (`backups/<time>/project.json`, `documents/*.json` and the chunks of long documents,
 * `documents/<id>.chunks/*.json`), taken when a project
 * is opened, so a bad session can always be rolled back by hand: copy the
 * files back.
 *
 * A backup costs what changed since the previous one. Each backup keeps a
 * manifest (`manifest.json`: for each file, the size, mtime, ctime, inode and
 * device of the project's file when it was backed up). A file whose stat is
 * still what the newest earlier backup's manifest says is hard-linked from
 * that backup (never from the project's own file, which other programs may
 * write in place), so it takes no new space; the rest is copied (a reflink
 * where the filesystem offers one). Linking falls back to copying when the
 * filesystem will not link (another device, no hard links, a permission).
 * Removing an old backup never touches a newer one: a linked file lives on
 * while any backup names it.
 *
 * A backup is built in `backups/.partial-<time>-<pid>/` and renamed to
 * `backups/<time>/` only once every file is there, so a folder without the dot
 * is always a whole backup. Partial folders (of a backup that failed, was
 * cancelled or was killed) are removed and never count among the backups kept.
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diskError } from './disk-errors';

/** How many backups are kept; older ones are removed. */
export const KEEP_BACKUPS = 10;

/** The manifest's name inside a backup. */
export const MANIFEST = 'manifest.json';

const PARTIAL = '.partial-';

/** What a project file was when it was backed up (numbers as decimal strings: inodes can pass 2^53). */
export interface ManifestEntry {
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
  dev: string;
}

/** A backup's manifest: its files by name inside the backup (`project.json`, `documents/<id>.json`). */
export interface Manifest {
  version: 1;
  files: Record<string, ManifestEntry>;
}

/** What one backup did. */
export interface BackupResult {
  /** The backup's folder. */
  folder: string;
  /** Files in the backup (project.json and the documents). */
  files: number;
  /** Files hard-linked from the previous backup: no new bytes. */
  linked: number;
  /** Files copied (new, changed, or where linking was refused). */
  copied: number;
  /** Bytes of the files copied. */
  bytesCopied: number;
}

export interface BackupOptions {
  now?: Date;
  /** Cancels the backup between files; the partial folder is removed and `BackupCancelled` thrown. */
  signal?: AbortSignal;
  /** How many backups to keep (default `KEEP_BACKUPS`). */
  keep?: number;
}

/** A backup stopped by its signal: nothing of it is left. */
export class BackupCancelled extends Error {
  constructor() {
    super('The backup was cancelled');
    this.name = 'BackupCancelled';
  }
}

/** A manifest as JSON, one file to a line (readable, and a fifth smaller than indented JSON). */
function manifestText(manifest: Manifest): string {
  const lines = Object.keys(manifest.files)
    .sort()
    .map((name) => `${JSON.stringify(name)}:${JSON.stringify(manifest.files[name])}`);
  return `{"version":1,"files":{\n${lines.join(',\n')}\n}}\n`;
}

/** Files worked on at once (stat, link or copy). */
const PARALLEL = 8;

async function entryOf(path: string): Promise<ManifestEntry> {
  const info = await stat(path, { bigint: true });
  return {
    size: String(info.size),
    mtimeNs: String(info.mtimeNs),
    ctimeNs: String(info.ctimeNs),
    ino: String(info.ino),
    dev: String(info.dev),
  };
}

function sameEntry(a: ManifestEntry | undefined, b: ManifestEntry): boolean {
  return !!a && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino && a.dev === b.dev;
}

function isEntry(value: unknown): value is ManifestEntry {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return ['size', 'mtimeNs', 'ctimeNs', 'ino', 'dev'].every((k) => typeof v[k] === 'string');
}

/** A backup's manifest, or null when it has none or it cannot be read (then nothing is linked from it). */
export async function readManifest(folder: string): Promise<Manifest | null> {
  try {
    const data = JSON.parse(await readFile(join(folder, MANIFEST), 'utf8')) as unknown;
    if (!data || typeof data !== 'object') return null;
    const { version, files } = data as { version?: unknown; files?: unknown };
    if (version !== 1 || !files || typeof files !== 'object') return null;
    const out: Record<string, ManifestEntry> = {};
    for (const [name, entry] of Object.entries(files)) if (isEntry(entry)) out[name] = entry;
    return { version: 1, files: out };
  } catch {
    return null;
  }
}

/** The whole backups in `backups/`, oldest first. */
export async function listBackups(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, 'backups')).catch(() => [] as string[]);
  return names.filter((n) => !n.startsWith('.')).sort();
}

/** The newest whole backup with a readable manifest, to link unchanged files from. */
async function previousBackup(dir: string): Promise<{ folder: string; manifest: Manifest } | null> {
  const whole = await listBackups(dir);
  for (let i = whole.length - 1; i >= 0; i--) {
    const folder = join(dir, 'backups', whole[i]);
    const manifest = await readManifest(folder);
    if (manifest) return { folder, manifest };
  }
  return null;
}

/**
 * Backs up project.json and documents/ to `backups/<timestamp>/`, linking the
 * files unchanged since the previous backup and copying the rest; keeps the
 * newest `keep` backups.
 */
export async function backupProject(dir: string, options: BackupOptions = {}): Promise<BackupResult> {
  const now = options.now ?? new Date();
  const signal = options.signal;
  const folder = join(dir, 'backups');
  // Called with the lock held: no partial folder belongs to a backup still running.
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (name.startsWith(PARTIAL)) await rm(join(folder, name), { recursive: true, force: true }).catch(() => undefined);
  }
  const base = now.toISOString().replace(/[:.]/g, '-');
  let stamp = base;
  for (let n = 2; await stat(join(folder, stamp)).catch(() => null); n++) stamp = `${base}-${n}`;
  const partial = join(folder, `${PARTIAL}${stamp}-${process.pid}`);
  const target = join(folder, stamp);
  const result: BackupResult = { folder: target, files: 0, linked: 0, copied: 0, bytesCopied: 0 };
  let failedAt = target;
  try {
    const previous = await previousBackup(dir);
    await mkdir(join(partial, 'documents'), { recursive: true });
    const names = ['project.json'];
    const entries = (await readdir(join(dir, 'documents')).catch(() => [] as string[])).sort();
    for (const name of entries) {
      if (name.endsWith('.json') && !name.startsWith('.')) names.push(`documents/${name}`);
    }
    const manifest: Manifest = { version: 1, files: {} };
    let next = 0;
    let failed = false;
    const work = async (): Promise<void> => {
      while (next < names.length && !failed) {
        if (signal?.aborted) throw new BackupCancelled();
        const name = names[next++];
        try {
          // The stat before the copy: a change during the copy makes the next backup copy again.
          const source = join(dir, name);
          let entry: ManifestEntry;
          try {
            entry = await entryOf(source);
          } catch (err) {
            // A document removed since the folder was read is simply not in this backup.
            if (name !== 'project.json' && (err as NodeJS.ErrnoException).code === 'ENOENT') continue;
            throw err;
          }
          const dest = join(partial, name);
          if (previous && sameEntry(previous.manifest.files[name], entry) && (await linked(join(previous.folder, name), dest, entry))) {
            result.linked++;
          } else {
            await copyFile(source, dest, constants.COPYFILE_FICLONE);
            result.copied++;
            result.bytesCopied += Number(entry.size);
          }
          manifest.files[name] = entry;
          result.files++;
        } catch (err) {
          failed = true;
          failedAt = name;
          throw err;
        }
      }
    };
    const copyAll = async (): Promise<void> => {
      const workers = await Promise.allSettled(Array.from({ length: Math.min(PARALLEL, names.length - next) }, work));
      const rejected = workers.find((w): w is PromiseRejectedResult => w.status === 'rejected');
      if (rejected) throw rejected.reason;
    };
    await copyAll();
    // Then the chunks of long documents (electron/store/chunks.ts), listed only now: a save writes its chunks before
    // its head, so every chunk a head copied above names is here (chunks are immutable: linked like any unchanged file).
    const chunkFolders = entries.filter((name) => name.endsWith('.chunks') && !name.startsWith('.'));
    for (const folder of chunkFolders) {
      const chunks = (await readdir(join(dir, 'documents', folder)).catch(() => [] as string[])).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
      if (!chunks.length) continue;
      await mkdir(join(partial, 'documents', folder));
      for (const chunk of chunks.sort()) names.push(`documents/${folder}/${chunk}`);
    }
    await copyAll();
    if (signal?.aborted) throw new BackupCancelled();
    failedAt = `${stamp}/${MANIFEST}`;
    await writeFile(join(partial, MANIFEST), manifestText(manifest));
    failedAt = target;
    await rename(partial, target);
  } catch (err) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    if (err instanceof BackupCancelled) throw err;
    throw diskError(err, 'back up', failedAt);
  }
  const whole = await listBackups(dir);
  for (const old of whole.slice(0, Math.max(0, whole.length - (options.keep ?? KEEP_BACKUPS)))) {
    await rm(join(folder, old), { recursive: true, force: true }).catch(() => undefined);
  }
  return result;
}

/**
 * Links the previous backup's `from` to `to` when it is still the size the
 * manifest says; false when it cannot be used (then the caller copies).
 */
async function linked(from: string, to: string, entry: ManifestEntry): Promise<boolean> {
  const info = await stat(from, { bigint: true }).catch(() => null);
  if (!info || String(info.size) !== entry.size) return false;
  // Another device, a filesystem without hard links (EXDEV, EPERM, ENOTSUP), too many links: copy instead.
  return link(from, to).then(
    () => true,
    () => false,
  );
}
