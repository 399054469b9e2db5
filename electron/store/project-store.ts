/**
 * The project store: a project is a folder with `project.json` (index, glossary,
 * settings) and `documents/<id>.json` (one document each), each a lowdb `Low`:
 * project.json over a `JsonFile` (parse, validate, canonical JSON) over a
 * `DurableTextFile` (project-files.ts; in memory for tests), a document over a
 * `DocumentFileAdapter` (document-file.ts: a long document's rows are in chunk
 * files its head names, chunks.ts). Saving one document never rewrites another;
 * saving rows of a long document writes the chunks around them and its head.
 *
 * A damaged document file is reported by name and left untouched; the rest of
 * the project still opens. A damaged `project.json` stops the project from
 * opening, with its name and the reason, and is left untouched too.
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import {
  DOCUMENT_SCHEMA_VERSION,
  bodyToNode,
  validateDocumentFile,
  validateDocumentShape,
  type DocumentFile,
  type DocumentMeta,
  type ImportedDocument,
  type PMJson,
} from '../../shared/model/document';
import { newProjectFile, validateProjectFile, type GlossaryEntry, type ProjectFile } from '../../shared/model/project';
import { documentIdFor } from '../../shared/model/ids';
import type { DocumentSummary, FileProblem } from '../../shared/ipc/contract';
import { UserError } from '../../shared/errors';
import { CorruptFileError } from './durable-file';
import { JsonFile } from './json-file';
import { documentFileName, folderFiles, type ProjectFiles } from './project-files';
import { DocumentFileAdapter, collectChunks, readDocumentParts, type ChunkCollection } from './document-file';
import { CHUNKED_ABOVE_ROWS, chunkFolder } from './chunks';
import { applyRowChanges, canonicalChanges, type RowChange } from './row-changes';
import { acquireLock, type ProjectLock } from './lock';
import { BackupCancelled, backupProject, type BackupResult } from './backups';
import { DocumentHistory, type DocumentVersion } from './history';
import { termbaseGlossary } from './termbase';
import { diskError, errnoOf, isReadOnlyError, wasWritten } from './disk-errors';
import { canonicalJson } from '../../shared/model/canonical-json';
import {
  SUMMARY_JOURNAL,
  journalLine,
  journalLineAfter,
  journalText,
  needsCompaction,
  parseJournal,
  prepareRowFacts,
  summarize,
  summarizeData,
  type SummaryRecord,
} from './summary-index';
import { mapLimit } from './map-limit';

/**
 * The body as ProseMirror itself serialises it, after checking it against the
 * schema: one spelling for one document, whichever importer or editor made it.
 */
function canonicalBody(body: PMJson): PMJson {
  return bodyToNode(body).toJSON() as PMJson;
}

/** How to open a project. */
export interface OpenOptions {
  /** Take the project lock so this store may write. */
  write?: boolean;
  /** Who writes, for the lock's message to other processes. */
  holder?: string;
  /** Create the project when the folder has none. */
  create?: boolean;
  /** Name of a created project (defaults to the folder name). */
  name?: string;
  /**
   * Back the project up to `backups/` once opened (backups.ts). A backup that fails is a notice,
   * never a reason not to open. `true` waits for it; `'background'` (the app) takes it after the
   * first listing has been answered (or a few seconds after opening, if nothing lists), while
   * the store is in use, holding the lock: `close` cancels it, leaving no partial backup, and a
   * failure is a late notice (`onNotice`).
   */
  backup?: boolean | 'background';
  /**
   * With `write`: when the folder cannot be written (permissions, a read-only
   * disk), open read-only with a notice instead of failing (the app; the CLI
   * reports the error).
   */
  readOnlyIfUnwritable?: boolean;
}

/** How to load a project from its files (`ProjectStore.load`). */
export interface LoadOptions {
  /** The held lock, when this store may write (`noLock()` where there is no other process, in memory). */
  lock: ProjectLock | null;
  /** Create the project when there is no project.json. */
  create?: boolean;
  /** Name of a created project. */
  name: string;
  /** Where the project is, for messages. */
  dir: string;
}

/** The list: every readable document's summary, and the files that could not be read. */
interface Listing {
  documents: DocumentSummary[];
  problems: FileProblem[];
}

/** How long a background backup waits for a first listing to begin before it starts anyway. */
const BACKUP_DELAY_MS = 3000;

/** The message of a backup that failed. */
function backupNotice(err: Error): FileProblem {
  return {
    file: 'backups/',
    message: `The backup taken on opening failed, and the project opened anyway: ${err.message}`,
  };
}

/** One open project. */
export class ProjectStore {
  private readonly docs = new Map<string, Low<DocumentFile | null>>();
  /** The summary index (summary-index.ts) as read from its journal and kept up to date; null until first needed. */
  private summaries: Map<string, SummaryRecord> | null = null;
  private loadingSummaries: Promise<Map<string, SummaryRecord>> | null = null;
  /** Lines in the journal on disk (null: it must be rewritten whole before it is appended to). */
  private journalLines: number | null = null;
  /** Journal writes, one after another. */
  private journalQueue: Promise<void> = Promise.resolve();
  /** Files that could not be read, with the stamp they had then (read again once it changes). */
  private readonly unreadable = new Map<string, { stamp: string; problem: FileProblem }>();
  /** The listing under way, which every caller meanwhile shares. */
  private listing: Promise<Listing> | null = null;
  /** What the user should know about how the project was opened (read-only, a failed backup, history not kept). */
  readonly notices: FileProblem[] = [];
  /** Told of notices that arrive after opening with no request to carry them (a background backup that failed). */
  private readonly noticeListeners = new Set<(notice: FileProblem) => void>();
  /** The background backup (`backup: 'background'`): waiting for the first listing, then running; `close` cancels it. */
  private backgroundBackup: { start(): void; cancel: AbortController; done: Promise<BackupResult | null> } | null =
    null;
  /** Each document's saved versions (history.ts). */
  private readonly history: DocumentHistory;
  /** True after history could not be kept, until it can again (the user is told once, not at every save). */
  private historyTrouble = false;
  private writes = 0;
  /** Saves of each document by this store (documentStamp). */
  private readonly documentSaves = new Map<string, number>();
  /** The last change under way of each document (oneAtATime). */
  private readonly documentQueues = new Map<string, Promise<unknown>>();
  /** Changes of project.json, one after another (`exclusive`). */
  private queue: Promise<unknown> = Promise.resolve();
  /** Writes under way, which `close` waits for. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;
  /** What each kept version in the history names (versions never change), for collecting chunks. */
  private readonly versionChunks = new Map<string, string[]>();

  private constructor(
    readonly dir: string,
    private readonly files: ProjectFiles,
    private readonly db: Low<ProjectFile>,
    private readonly lock: ProjectLock | null,
  ) {
    this.history = new DocumentHistory(files);
  }

  /**
   * The store over a project's files (on disk: `open`, which also locks, backs
   * up and cleans; in memory: `memoryFiles()`). Throws a `CorruptFileError` for
   * a damaged project.json.
   */
  static async load(files: ProjectFiles, options: LoadOptions): Promise<ProjectStore> {
    const db = new Low<ProjectFile | null>(
      new JsonFile<ProjectFile | null>(files.file('project.json'), validateProjectFile, 'project.json'),
      null,
    );
    await db.read();
    if (!db.data) {
      if (!options.create)
        throw new UserError(`${options.dir} is not an Interlinea project: it has no project.json`, 'not-a-project');
      if (!options.lock) throw new UserError(`Creating a project in ${options.dir} needs write access`, 'read-only');
      await files.prepare();
      // A new project's glossary starts from the starter termbase (electron/store/termbase.ts).
      db.data = { ...newProjectFile(options.name), glossary: await termbaseGlossary() };
      await db.write();
    }
    const store = new ProjectStore(options.dir, files, db as Low<ProjectFile>, options.lock);
    // What a killed writer left: imports the index names are completed, the rest rolled back.
    if (options.lock) {
      await files.recover(store.indexedIds());
      // Chunks of long documents no head names (a save killed before its head), off the open's path.
      store.collectAllChunks();
    }
    return store;
  }

  /** Opens (and with `create`, creates) the project in `dir`. */
  static async open(dir: string, options: OpenOptions = {}): Promise<ProjectStore> {
    const root = resolve(dir);
    const info = await stat(root).catch(() => null);
    if (info && !info.isDirectory()) throw new UserError(`${root} is a file, not a project folder`, 'not-a-project');
    if (!info && !options.create)
      throw new UserError(`No project at ${root}: the folder does not exist`, 'not-a-project');
    if (!info)
      await mkdir(root, { recursive: true }).catch((err) =>
        Promise.reject(diskError(err, 'create the project folder', root)),
      );

    const existed = info !== null && (await stat(join(root, 'project.json')).catch(() => null)) !== null;
    const notices: FileProblem[] = [];
    let lock: ProjectLock | null = null;
    if (options.write) {
      try {
        lock = await acquireLock(root, options.holder ?? 'Interlinea');
      } catch (err) {
        if (!(options.readOnlyIfUnwritable && existed && isReadOnlyError(err))) throw err;
        notices.push({
          file: root,
          message: `${(err as Error).message} The folder cannot be written, so the project is open read-only: edits cannot be saved.`,
        });
      }
    }
    try {
      const store = await ProjectStore.load(folderFiles(root), {
        lock,
        create: options.create,
        name: options.name ?? basename(root),
        dir: root,
      });
      store.notices.push(...notices);
      if (options.backup === 'background' && existed && lock) store.backUpInBackground();
      else if (options.backup && existed && lock) {
        await backupProject(root).catch((err: Error) => {
          store.notices.push(backupNotice(err));
        });
      }
      return store;
    } catch (err) {
      await lock?.release();
      if (err instanceof CorruptFileError) {
        throw new UserError(`Cannot open the project in ${root}: ${err.message}`, 'corrupt-file');
      }
      throw err;
    }
  }

  /** Counts the writes this store has made; what is derived from the project can key on it. */
  get revision(): number {
    return this.writes;
  }

  /** True when this store holds the lock and may write. */
  get writable(): boolean {
    return this.lock !== null;
  }

  /** The project file as last read or written. */
  get project(): ProjectFile {
    return this.db.data;
  }

  /**
   * Closes the store: writes already under way finish, later ones are refused
   * (a save arriving after the project was switched would write without the
   * lock), then the lock is released.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.backgroundBackup) {
      this.backgroundBackup.cancel.abort();
      this.backgroundBackup.start();
      await this.backgroundBackup.done;
    }
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
    await this.lock?.release();
  }

  /** Runs one write the caller asked for: refused when read-only or closed, waited for by `close`. */
  private write<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.lock) return Promise.reject(new UserError(`The project in ${this.dir} is open read-only`, 'read-only'));
    if (this.closed)
      return Promise.reject(
        new UserError(`The project in ${this.dir} was closed, so this change was not saved`, 'closed'),
      );
    const run = fn();
    this.inFlight.add(run);
    void run.catch(() => undefined).finally(() => this.inFlight.delete(run));
    return run;
  }

  private docLow(id: string): Low<DocumentFile | null> {
    let low = this.docs.get(id);
    if (!low) {
      low = new Low<DocumentFile | null>(new DocumentFileAdapter(this.files, id, validateDocumentFile), null);
      this.docs.set(id, low);
    }
    return low;
  }

  /** A document's files (head and chunks) as its adapter. */
  private docFile(id: string): DocumentFileAdapter {
    return this.docLow(id).adapter as DocumentFileAdapter;
  }

  /**
   * Removes, for every long document, the chunk files that neither its head nor its history
   * names (document-file.ts), in the background, each document between its saves.
   */
  private collectAllChunks(): void {
    const run = (async () => {
      // Close waits for it (each document's collection is short: a folder listed, a head and its versions read).
      for (const id of await this.chunkedIds()) await this.collectNow(id).catch(() => undefined);
    })();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  /** Removes the chunk files of one document that nothing names any more (with the lock, between its saves). */
  collectChunks(id: string): Promise<ChunkCollection> {
    if (!this.lock || this.closed) return Promise.resolve({ removed: [], skipped: 'the project is not open for writing' });
    return this.collectNow(id);
  }

  private collectNow(id: string): Promise<ChunkCollection> {
    const run = this.oneAtATime(id, async () => {
      const versions = (await this.history.versions(id)).map((v) => `history/${id}/${v}.json`);
      const result = await collectChunks(this.files, id, versions, this.versionChunks);
      // Removing files changed the chunk folder's stamp, not the document: the index says so (a line without its Korean).
      const record = this.summaries?.get(id);
      if (result.removed.length && record) {
        const stamp = await this.listingStamp(id).catch(() => null);
        if (stamp && record.stamp.split('|')[0] === stamp.split('|')[0]) {
          const restamped = { ...record, stamp };
          this.summaries!.set(id, restamped);
          this.journal([journalLineAfter(restamped, record)]);
        }
      }
      return result;
    });
    this.inFlight.add(run);
    void run.catch(() => undefined).finally(() => this.inFlight.delete(run));
    return run;
  }

  /** Ids of the document files in the folder, in index order then the rest by name. */
  private async documentIds(): Promise<string[]> {
    const onDisk = await this.files.documentIds();
    const set = new Set(onDisk);
    const ordered = this.project.documents.map((d) => d.id).filter((id) => set.has(id));
    const seen = new Set(ordered);
    return [...ordered, ...onDisk.filter((id) => !seen.has(id)).sort()];
  }

  /**
   * Every document's summary, and the files that could not be read: answered
   * from the summary index, reading again only the files whose stamp changed
   * (and files new to it); files gone are dropped. Callers at the same time
   * share one listing.
   */
  listDocuments(): Promise<Listing> {
    if (!this.listing) {
      this.listing = this.scan().finally(() => {
        this.listing = null;
        // The list is answered: the backup may start.
        this.backgroundBackup?.start();
      });
    }
    return this.listing;
  }

  /**
   * Tells `listener` of each notice that arrives later with no request to
   * carry it (a background backup that failed); it is also kept in `notices`,
   * which projectInfo answers with. Returns the unsubscribe function.
   */
  onNotice(listener: (notice: FileProblem) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  private lateNotice(notice: FileProblem): void {
    this.notices.push(notice);
    for (const listener of this.noticeListeners) listener(notice);
  }

  /**
   * The background backup's outcome (`backup: 'background'`): what it did, or
   * null when it failed (a notice says why), was cancelled, or none was asked for.
   */
  backupSettled(): Promise<BackupResult | null> {
    return this.backgroundBackup?.done ?? Promise.resolve(null);
  }

  /** Starts the backup once the first listing is answered (or after a delay), holding the lock until it ends. */
  private backUpInBackground(): void {
    const cancel = new AbortController();
    let start!: () => void;
    const started = new Promise<void>((resolve) => (start = resolve));
    // Nothing listed after a while: start anyway (a listing under way starts it when it ends).
    const timer = setTimeout(() => this.listing === null && start(), BACKUP_DELAY_MS);
    timer.unref?.();
    const done = started.then(async () => {
      clearTimeout(timer);
      if (cancel.signal.aborted) return null;
      try {
        return await backupProject(this.dir, { signal: cancel.signal });
      } catch (err) {
        if (!(err instanceof BackupCancelled)) this.lateNotice(backupNotice(err as Error));
        return null;
      }
    });
    this.backgroundBackup = { start, cancel, done };
  }

  /** The restored Korean of every readable document, one string per segment. */
  async restoredKorean(): Promise<string[]> {
    const { documents } = await this.listDocuments();
    const texts: string[] = [];
    for (const { id } of documents) texts.push(...(this.summaries?.get(id)?.korean ?? []));
    return texts;
  }

  /**
   * The stamp of a document's file: it changes when the file does (its mtime and size, and
   * this store's saves of it, which a same-size save within the mtime's granularity would
   * not change). What is derived from one document can key on it.
   */
  async documentStamp(id: string): Promise<string> {
    return `${(await this.files.stamp(documentFileName(id))) ?? ''}#${this.documentSaves.get(id) ?? 0}`;
  }

  /** The summary index, read from its journal once. */
  private loadSummaries(): Promise<Map<string, SummaryRecord>> {
    if (this.summaries) return Promise.resolve(this.summaries);
    this.loadingSummaries ??= (async () => {
      const text = await this.files
        .cache(SUMMARY_JOURNAL)
        .read()
        .catch(() => null);
      const journal = parseJournal(text);
      this.summaries = journal.records;
      this.journalLines = journal.usable ? journal.lines : null;
      return journal.records;
    })();
    return this.loadingSummaries;
  }

  /** Compares every document file's stamp with the index, reads the changed ones, and answers the list. */
  private async scan(): Promise<Listing> {
    const index = await this.loadSummaries();
    const ids = await this.documentIds();
    const chunked = await this.chunkedIds();
    const stamps = await mapLimit(ids, 64, (id) => this.listingStamp(id, chunked.has(id)).catch(() => null));
    const lines: string[] = [];
    const stale: { id: string; stamp: string }[] = [];
    for (const [i, id] of ids.entries()) {
      const stamp = stamps[i] ?? '';
      if (index.get(id)?.stamp === stamp) continue;
      if (this.unreadable.get(id)?.stamp === stamp) continue;
      stale.push({ id, stamp });
    }
    await mapLimit(stale, 8, async ({ id, stamp }) => {
      const before = index.get(id);
      const name = documentFileName(id);
      try {
        const text = await this.files.file(name).read();
        if (text === null) return; // gone since the folder was read
        const parts = await readDocumentParts(this.files, id, name, text);
        const record = { ...summarizeData(id, parts.data), stamp };
        // A save that finished meanwhile knows better.
        if (index.get(id) !== before) return;
        index.set(id, record);
        this.unreadable.delete(id);
        lines.push(journalLine(record));
      } catch (err) {
        const message = errnoOf(err)
          ? (diskError(err, 'read', name) as Error).message
          : err instanceof UserError
            ? err.message
            : new CorruptFileError(name, (err as Error).message).message;
        this.unreadable.set(id, { stamp, problem: { file: name, message } });
        if (index.delete(id)) lines.push(journalLine({ id, removed: true }));
      }
    });
    const present = new Set(ids);
    for (const id of [...index.keys()]) {
      if (present.has(id)) continue;
      index.delete(id);
      lines.push(journalLine({ id, removed: true }));
    }
    for (const id of [...this.unreadable.keys()]) if (!present.has(id)) this.unreadable.delete(id);
    this.journal(lines);

    const documents: DocumentSummary[] = [];
    const problems: FileProblem[] = [];
    for (const id of ids) {
      const record = index.get(id);
      if (record) documents.push(record.summary);
      else {
        const bad = this.unreadable.get(id);
        if (bad) problems.push(bad.problem);
      }
    }
    return { documents, problems };
  }

  /** The ids of the documents kept in chunks (with a `documents/<id>.chunks/` folder). */
  private async chunkedIds(): Promise<Set<string>> {
    const names = await this.files.list('documents');
    return new Set(names.filter((n) => n.endsWith('.chunks') && !n.startsWith('.')).map((n) => n.slice(0, -'.chunks'.length)));
  }

  /**
   * The stamp the summary index keeps of a document: its file's, and for a long document its
   * chunk folder's too, so that a chunk added or removed from outside (a git pull, a hand)
   * makes the list read the document again. (A chunk edited in place, which no tool does to
   * a content-addressed file, is found when the document is opened: its hash no longer
   * matches its name.) Null when the document has no file.
   */
  private async listingStamp(id: string, chunked = true): Promise<string | null> {
    const head = await this.files.stamp(documentFileName(id));
    if (head === null || !chunked) return head;
    const folder = await this.files.stamp(chunkFolder(id));
    return folder === null ? head : `${head}|${folder}`;
  }

  /** Notes in the index what was just written to a document file (a save, an import). */
  private async recordWritten(docs: DocumentFile[]): Promise<void> {
    const index = await this.loadSummaries();
    const lines: string[] = [];
    for (const doc of docs) {
      const stamp = await this.listingStamp(doc.id).catch(() => null);
      if (stamp === null) continue; // the next listing reads it
      const record = { ...summarize(doc), stamp };
      lines.push(journalLineAfter(record, index.get(doc.id)));
      index.set(doc.id, record);
      this.unreadable.delete(doc.id);
    }
    this.journal(lines);
  }

  /**
   * Writes index lines to the journal (with the lock only): appended, or the
   * whole journal rewritten when it is missing, foreign or mostly outdated.
   * A failure only costs reading those documents again next time.
   */
  private journal(lines: string[]): void {
    if (!this.lock || this.closed || !this.summaries) return;
    const index = this.summaries;
    const rewrite = this.journalLines === null || needsCompaction(this.journalLines + lines.length, index.size);
    if (!rewrite && !lines.length) return;
    const cache = this.files.cache(SUMMARY_JOURNAL);
    const run = this.journalQueue.then(async () => {
      if (rewrite) {
        this.journalLines = null;
        const all = [...index.values()];
        await cache.replace(journalText(all));
        this.journalLines = all.length;
      } else {
        // The newline first ends a line a killed writer may have left torn.
        await cache.append(`\n${lines.join('')}`);
        this.journalLines = (this.journalLines ?? 0) + lines.length;
      }
    });
    const queued = run.catch(() => {
      this.journalLines = null;
    });
    this.journalQueue = queued;
    this.inFlight.add(queued);
    void queued.finally(() => this.inFlight.delete(queued));
  }

  /**
   * Reads one document, validated. What was read before is forgotten first, so
   * a file that is now missing or damaged cannot be saved over from memory.
   */
  async readDocument(id: string): Promise<DocumentFile> {
    // A save of this document under way is waited for: a window reloaded while its last save
    // was still being written must get that save, not the version before it (and then write
    // the older text back with its next save).
    await this.documentQueues.get(id)?.catch(() => undefined);
    return this.readNow(id);
  }

  /** Reads a document without waiting for its saves (inside one of them). */
  private async readNow(id: string): Promise<DocumentFile> {
    const low = this.docLow(id);
    low.data = null;
    await low.read();
    const doc = low.data as DocumentFile | null;
    if (!doc) throw new UserError(`No document ${id} in this project`, 'not-found');
    if (doc.id !== id) {
      low.data = null;
      throw new CorruptFileError(documentFileName(id), `its id is ${doc.id}, not ${id}`);
    }
    // A long document is being opened to edit: its rows' summary facts are made between other
    // work now, so that its first save summarises only what it changed (summary-index.ts).
    const rows = doc.body.content ?? [];
    if (rows.length > CHUNKED_ABOVE_ROWS) void prepareRowFacts(rows, () => this.closed || low.data !== doc);
    return doc;
  }

  /**
   * Saves one document's metadata and body. Only documents that were read
   * successfully (or created) by this store can be saved, so a damaged file is
   * never overwritten.
   */
  saveDocument(id: string, meta: DocumentMeta, body: PMJson): Promise<{ updatedAt: string; warnings?: string[] }> {
    return this.write(() => this.oneAtATime(id, () => this.writeDocument(id, meta, body)));
  }

  /** Runs the changes of one document one after another; reads wait for them (readDocument). */
  private oneAtATime<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.documentQueues.get(id) ?? Promise.resolve()).catch(() => undefined).then(fn);
    const tail = run.catch(() => undefined);
    this.documentQueues.set(id, tail);
    void tail.then(() => {
      if (this.documentQueues.get(id) === tail) this.documentQueues.delete(id);
    });
    return run;
  }

  private async writeDocument(
    id: string,
    meta: DocumentMeta,
    body: PMJson,
  ): Promise<{ updatedAt: string; warnings?: string[] }> {
    const low = this.docs.get(id);
    if (!low?.data) {
      await this.readNow(id); // throws for missing and damaged files
    }
    let normalised: PMJson;
    try {
      normalised = canonicalBody(body);
    } catch (err) {
      throw new UserError(
        `Document ${id} was not saved: its content is invalid (${(err as Error).message})`,
        'invalid-document',
      );
    }
    const { doc: _doc, ...saved } = await this.commit(id, meta, normalised);
    return saved;
  }

  /**
   * Saves a document from the rows that changed since the version `base` (its updatedAt), as
   * the store holds that version (read and checked, or saved): only the new rows are checked
   * against the schema, and only the chunks around them written (document-file.ts). Changes
   * to another version ('stale-base') or that do not fit it ('invalid-changes') write nothing.
   */
  saveDocumentChanges(
    id: string,
    request: { base: string; meta: DocumentMeta; rowCount: number; changes: readonly RowChange[] },
  ): Promise<{ updatedAt: string; warnings?: string[] }> {
    return this.write(() =>
      this.oneAtATime(id, async () => {
        const low = this.docLow(id);
        if (!low.data || low.data.updatedAt !== request.base) await this.readNow(id); // throws for missing and damaged files
        const current = low.data!;
        if (current.updatedAt !== request.base) {
          throw new UserError(
            `Document ${id} was not saved from its changes: they are to the version saved at ${request.base}, but the version on disk was saved at ${current.updatedAt || 'an unknown time'}. Nothing was written.`,
            'stale-base',
          );
        }
        const changes = canonicalChanges(id, request.changes);
        const body = applyRowChanges(id, current.body, request.rowCount, changes);
        if (!body.content?.length) throw new UserError(`Document ${id} was not saved: a document needs at least one row`, 'invalid-document');
        const spans = changes.map((c) => ({ from: c.from, to: c.to, count: c.rows.length }));
        const { doc: _doc, ...saved } = await this.commit(id, request.meta, body, { base: current.body.content ?? [], spans });
        return saved;
      }),
    );
  }

  /**
   * Writes a document whose body is checked (built as a ProseMirror node, or its new rows
   * were): the rest of the file is checked here, the version replaced kept in the history.
   */
  private async commit(
    id: string,
    meta: DocumentMeta,
    body: PMJson,
    edits?: { base: readonly PMJson[]; spans: { from: number; to: number; count: number }[] },
  ): Promise<{ updatedAt: string; warnings?: string[]; doc: DocumentFile }> {
    const target = this.docLow(id);
    const updatedAt = new Date().toISOString();
    // The body is checked: the rest is, not the tree again (a stand-in body keeps the shape check from walking it).
    const valid = validateDocumentShape({ ...target.data!, meta, body: { type: body.type }, updatedAt });
    if (!valid.ok) throw new UserError(`Document ${id} was not saved: ${valid.error}`, 'invalid-document');
    // The source is the one read and checked (a save changes meta and body only): kept as the same object, so
    // the chunk holding it is known unchanged without serialising it again (document-file.ts).
    const next: DocumentFile = { ...valid.value, source: target.data!.source, body };
    // Memory follows the disk: what failed to be written is not kept as if saved.
    // The version replaced is kept in the document's history first (history.ts).
    let warning: string | null;
    let trimmed: boolean;
    try {
      ({ warning, trimmed } = await this.history.replacing(id, documentFileName(id), () =>
        this.written(this.docFile(id).writeEdited(next, edits), () => {
          target.data = next;
        }),
      ));
    } finally {
      this.documentSaves.set(id, (this.documentSaves.get(id) ?? 0) + 1);
    }
    await this.recordWritten([next]);
    await this.syncIndex(id, meta);
    // A version dropped from the history may have been the last to name some chunks: collected after this save.
    if (trimmed) void this.collectChunks(id).catch(() => undefined);
    return { updatedAt, ...this.historyWarning(id, warning), doc: next };
  }

  /** A history that could not be kept: a notice the first time (and the save's warning), quiet until it works again. */
  private historyWarning(id: string, warning: string | null): { warnings?: string[] } {
    if (!warning) {
      this.historyTrouble = false;
      return {};
    }
    if (this.historyTrouble) return {};
    this.historyTrouble = true;
    this.notices.push({ file: `history/${id}/`, message: warning });
    return { warnings: [warning] };
  }

  /** A document's saved versions, newest first (history.ts); throws for a document the project does not have. */
  async documentVersions(id: string): Promise<DocumentVersion[]> {
    if ((await this.files.stamp(documentFileName(id)).catch(() => null)) === null)
      throw new UserError(`No document ${id} in this project`, 'not-found');
    return this.history.list(id);
  }

  /**
   * Saves a version from the document's history (its name, or 1 for the
   * newest, 2 for the one before…) as the current document, as any save: the
   * version it replaces is kept in turn. An unknown or damaged version is an
   * error, and nothing is written.
   */
  restoreVersion(
    id: string,
    version: string | number,
  ): Promise<{ version: string; doc: DocumentFile; warnings?: string[] }> {
    return this.write(() =>
      this.oneAtATime(id, async () => {
        await this.readNow(id); // throws for a missing or damaged current file, which is never written over
        const kept = await this.history.read(id, version);
        const saved = await this.writeDocument(id, kept.doc.meta, kept.doc.body);
        return {
          version: kept.version,
          doc: this.docLow(id).data!,
          ...(saved.warnings ? { warnings: saved.warnings } : {}),
        };
      }),
    );
  }

  /**
   * Adds a saved document missing from project.json's index. A title or date
   * that changed does not rewrite project.json (a whole-project write per
   * rename): its entries keep the title and date the document was imported
   * with, for older versions that read it; the current ones are the
   * document's own, and the summary index's.
   */
  private async syncIndex(id: string, meta: DocumentMeta): Promise<void> {
    if (this.project.documents.some((d) => d.id === id)) return;
    await this.exclusive(() =>
      this.writeProject((project) => {
        const index = project.documents.findIndex((d) => d.id === id);
        const row = { id, title: meta.title, date: meta.date };
        if (index >= 0) project.documents[index] = row;
        else project.documents.push(row);
      }),
    );
  }

  /**
   * Adds imported documents, all or none: all are validated before anything is
   * written, and the batch is committed by one durable write of the index
   * (project-files.ts), so a failure or a kill at any moment leaves either the
   * whole batch or nothing of it.
   */
  addDocuments(imported: ImportedDocument[]): Promise<{ id: string; title: string }[]> {
    // One batch at a time: ids are chosen against the index and files as they are.
    return this.write(() =>
      this.exclusive(async () => {
        const files = await this.importedFiles(imported);
        const batch = this.files.batch();
        try {
          await batch.stage(files.map((file) => ({ id: file.id, text: canonicalJson(file) })));
          await this.writeProject((project) => {
            for (const file of files)
              project.documents.push({ id: file.id, title: file.meta.title, date: file.meta.date });
          });
        } catch (err) {
          // The index on disk decides, as on the next open: its write may have landed before the error.
          await this.db
            .read()
            .then(() => batch.settle(this.indexedIds()))
            .catch(() => undefined);
          throw err;
        }
        await batch.publish();
        await this.recordWritten(files);
        return files.map((f) => ({ id: f.id, title: f.meta.title }));
      }),
    );
  }

  /** The imported documents as document files with free ids, validated; throws naming the first invalid one. */
  private async importedFiles(imported: ImportedDocument[]): Promise<DocumentFile[]> {
    const taken = new Set(await this.documentIds());
    for (const id of this.indexedIds()) taken.add(id);
    const files: DocumentFile[] = [];
    for (const doc of imported) {
      const id = documentIdFor(doc.meta.date, doc.meta.title, taken);
      taken.add(id);
      let body: PMJson;
      try {
        body = canonicalBody(doc.body);
      } catch (err) {
        throw new UserError(
          `${doc.source.file || doc.meta.title}: the imported document is invalid (${(err as Error).message}); nothing was imported`,
          'invalid-document',
        );
      }
      const file = {
        schemaVersion: DOCUMENT_SCHEMA_VERSION,
        id,
        meta: doc.meta,
        source: doc.source,
        body,
        updatedAt: new Date().toISOString(),
      };
      const valid = validateDocumentFile(file);
      if (!valid.ok) {
        throw new UserError(
          `${doc.source.file || doc.meta.title}: the imported document is invalid (${valid.error}); nothing was imported`,
          'invalid-document',
        );
      }
      files.push(valid.value);
    }
    return files;
  }

  /** The ids the index names. */
  private indexedIds(): Set<string> {
    return new Set(this.project.documents.map((d) => d.id));
  }

  /** Runs `fn` after every change of project.json begun before it has finished, so no change is built on a stale index. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Changes project.json through `fn` and writes it. */
  updateProject(fn: (project: ProjectFile) => void): Promise<void> {
    return this.write(() => this.exclusive(() => this.writeProject(fn)));
  }

  /** Writes project.json changed by `fn`; the store's copy changes only once the disk has it. */
  private async writeProject(fn: (project: ProjectFile) => void): Promise<void> {
    const draft = structuredClone(this.db.data);
    fn(draft);
    const valid = validateProjectFile(draft);
    if (!valid.ok) throw new UserError(`project.json was not changed: ${valid.error}`, 'invalid-project');
    await this.written(this.db.adapter.write(valid.value), () => {
      this.db.data = valid.value;
    });
  }

  /** Waits for a file write, then (also when only its confirmation failed: it is on disk) runs `apply` to change memory. */
  private async written(write: Promise<void>, apply: () => void): Promise<void> {
    try {
      await write;
    } catch (err) {
      if (wasWritten(err)) {
        apply();
        this.writes++;
      }
      throw err;
    }
    apply();
    this.writes++;
  }

  /** The glossary. */
  get glossary(): GlossaryEntry[] {
    return this.project.glossary;
  }
}
