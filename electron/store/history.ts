/**
 * Each document's history: the last N saved versions of a document, kept as
 * `history/<id>/<time>.json` (the time the version was replaced), so any save
 * can be undone after the window was closed, from the app or the CLI
 * (`interlinea restore`).
 *
 * When the store saves a document, the version on disk is kept first: a hard
 * link to the file about to be replaced (the store replaces files by rename,
 * so the kept file never changes afterwards, and keeping it costs no bytes),
 * or a copy where the disk has no hard links. If the save then fails without
 * writing, the version kept is still the document's current file, and is
 * dropped again. Keeping history never fails a save: a failure comes back as a
 * warning and the save goes on. At most `keep` versions are kept per document;
 * older ones are removed.
 *
 * Restoring a version saves it as the current document through the store
 * (ProjectStore.restoreVersion), so the version it replaces is kept in turn:
 * a restore is undone by restoring again.
 */
import { validateDocumentFile, type DocumentFile } from '../../shared/model/document';
import { UserError } from '../../shared/errors';
import type { DocumentVersion } from '../../shared/ipc/contract';
import { diskError, errnoOf, wasWritten } from './disk-errors';
import { CorruptFileError } from './durable-file';
import { summarizeData } from './summary-index';
import { readDocumentParts } from './document-file';
import type { ProjectFiles } from './project-files';

export type { DocumentVersion };

/** The history folder, inside the project folder. */
export const HISTORY_FOLDER = 'history';
/** Versions kept per document, unless told otherwise. */
export const KEEP_VERSIONS = 20;

/** A version's name: the time it was replaced, as `2026-12-05T10-11-12-345Z`. */
const VERSION_NAME = /^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/;

/** A version's name for a time. */
export function versionName(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** The time of a version's name, or null when it is not one. */
export function versionTime(name: string): Date | null {
  const m = VERSION_NAME.exec(name);
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : null;
}

/** The folder of a document's history. */
export function historyFolder(id: string): string {
  return `${HISTORY_FOLDER}/${id}`;
}

function versionFile(id: string, version: string): string {
  return `${historyFolder(id)}/${version}.json`;
}

export class DocumentHistory {
  /** Keeping and replacing, one after another per document. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly files: ProjectFiles,
    readonly keep = KEEP_VERSIONS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The names of a document's versions, newest first. */
  async versions(id: string): Promise<string[]> {
    const names = await this.files.list(historyFolder(id));
    return names
      .filter((n) => n.endsWith('.json') && versionTime(n.slice(0, -5)))
      .map((n) => n.slice(0, -5))
      .sort()
      .reverse();
  }

  /**
   * Runs `write`, which replaces the document file `name` of document `id`,
   * after keeping the file it replaces. Returns what `write` returns and a
   * warning when the version could not be kept (the write went on); throws
   * what `write` throws.
   */
  replacing<T>(id: string, name: string, write: () => Promise<T>): Promise<{ value: T; warning: string | null; trimmed: boolean }> {
    const run = (this.queues.get(id) ?? Promise.resolve()).then(() => this.replace(id, name, write));
    const queued = run.catch(() => undefined);
    this.queues.set(id, queued);
    void queued.then(() => {
      if (this.queues.get(id) === queued) this.queues.delete(id);
    });
    return run;
  }

  private async replace<T>(id: string, name: string, write: () => Promise<T>): Promise<{ value: T; warning: string | null; trimmed: boolean }> {
    let kept: string | null = null;
    let warning: string | null = null;
    try {
      kept = await this.keepCurrent(id, name);
    } catch (err) {
      warning = this.problem(err, name, id);
    }
    let value: T;
    try {
      value = await write();
    } catch (err) {
      // Not written: the version kept is the current file still, not a replaced one.
      if (kept && !wasWritten(err)) await this.files.remove(kept).catch(() => undefined);
      throw err;
    }
    let trimmed = false;
    if (kept) {
      try {
        trimmed = await this.prune(id);
      } catch (err) {
        warning ??= this.problem(err, name, id);
      }
    }
    return { value, warning, trimmed };
  }

  /** Keeps the file `name` as the newest version; its name in the project, or null when there is no file. */
  private async keepCurrent(id: string, name: string): Promise<string | null> {
    const newest = (await this.versions(id))[0];
    let at = this.now();
    // Names sort as times: a new version is always later than the newest (same millisecond, a clock set back).
    const last = newest ? versionTime(newest) : null;
    if (last && at.getTime() <= last.getTime()) at = new Date(last.getTime() + 1);
    const as = versionFile(id, versionName(at));
    return (await this.files.keep(name, as)) ? as : null;
  }

  /**
   * Removes the oldest versions beyond `keep`, and what a copy killed half-way left
   * (`.<name>.tmp`). True when a version was removed (the chunks it named may be unused now).
   */
  private async prune(id: string): Promise<boolean> {
    const versions = await this.versions(id);
    for (const old of versions.slice(this.keep)) await this.files.remove(versionFile(id, old));
    for (const name of await this.files.list(historyFolder(id))) {
      if (name.startsWith('.') && name.endsWith('.tmp')) await this.files.remove(`${historyFolder(id)}/${name}`);
    }
    return versions.length > this.keep;
  }

  private problem(err: unknown, name: string, id: string): string {
    const plain = errnoOf(err)
      ? (diskError(err, 'keep the previous version of', `${name} in ${historyFolder(id)}/`) as Error).message
      : `Could not keep the previous version of ${name} in ${historyFolder(id)}/: ${(err as Error).message}.`;
    return `${plain} The document was saved; only that earlier version is not in its history.`;
  }

  /** A document's versions, newest first, with what can be read of each (a damaged one says why). */
  async list(id: string): Promise<DocumentVersion[]> {
    const out: DocumentVersion[] = [];
    for (const version of await this.versions(id)) {
      const file = versionFile(id, version);
      const entry: DocumentVersion = {
        version,
        keptAt: versionTime(version)!.toISOString(),
        savedAt: null,
        title: null,
        size: 0,
        rows: null,
        problem: null,
      };
      try {
        const text = await this.files.file(file).read();
        if (text === null) continue; // removed meanwhile
        // A long document's version is a head naming chunks (chunks.ts): its rows are read too, and checked.
        const parts = await readDocumentParts(this.files, id, file, text);
        entry.size = parts.bytes;
        const { summary } = summarizeData(id, parts.data);
        entry.title = summary.title;
        entry.rows = summary.segments;
        const updatedAt = (parts.data as { updatedAt?: unknown }).updatedAt;
        entry.savedAt = typeof updatedAt === 'string' ? updatedAt : null;
      } catch (err) {
        entry.problem = errnoOf(err)
          ? (diskError(err, 'read', file) as Error).message
          : err instanceof UserError
            ? err.message
            : new CorruptFileError(file, (err as Error).message).message;
      }
      out.push(entry);
    }
    return out;
  }

  /**
   * The version asked for: its name, or its place counting back from the newest
   * (1 is the newest). Throws a clear error for an unknown version and for a
   * damaged one (fully checked, as a document being opened).
   */
  async read(id: string, version: string | number): Promise<{ version: string; doc: DocumentFile }> {
    const versions = await this.versions(id);
    let name: string | undefined;
    if (typeof version === 'number') {
      name = versions[version - 1];
      if (!name) {
        throw new UserError(
          versions.length
            ? `Document ${id} has ${versions.length} earlier version${versions.length === 1 ? '' : 's'} in its history; there is no version ${version}`
            : `Document ${id} has no earlier versions in its history`,
          'unknown-version',
        );
      }
    } else {
      name = versions.find((v) => v === version);
      if (!name) {
        throw new UserError(
          `Document ${id} has no version ${version} in its history` +
            (versions.length ? ` (its newest is ${versions[0]})` : ' (it has no earlier versions)'),
          'unknown-version',
        );
      }
    }
    const file = versionFile(id, name);
    let text: string | null;
    try {
      text = await this.files.file(file).read();
    } catch (err) {
      throw diskError(err, 'read', file);
    }
    if (text === null) throw new UserError(`Document ${id} has no version ${name} in its history`, 'unknown-version');
    let data: unknown;
    try {
      data = (await readDocumentParts(this.files, id, file, text)).data;
    } catch (err) {
      if (err instanceof CorruptFileError) throw new CorruptFileError(file, `${err.reason}; nothing was restored`);
      throw err;
    }
    const valid = validateDocumentFile(data);
    if (!valid.ok) throw new CorruptFileError(file, `${valid.error}; nothing was restored`);
    if (valid.value.id !== id) throw new CorruptFileError(file, `its id is ${valid.value.id}, not ${id}; nothing was restored`);
    return { version: name, doc: valid.value };
  }
}
