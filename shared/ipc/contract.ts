/**
 * The IPC contract: for every request, the schema of its payload and the type of
 * its response. The main process validates every payload against these schemas;
 * the CLI and the browser tests run the same handler table.
 */
import { z } from 'zod';
import type { RequestName } from './names';
import { metaSchema, type DocumentFile, type PMJson } from '../model/document';
import { glossaryEntrySchema, type GlossaryEntry, type ProjectEditor } from '../model/project';
import type { ProgressCounts } from '../model/stats';
import { EXPORT_FORMATS, exportOptionsSchema } from '../export/options';
import type { DraftLine } from '../korean/draft';
import { SEVERITIES, type QaFinding } from '../qa/types';
import { MAX_PATTERN_LENGTH, searchQuerySchema } from '../search/query';
import type { HitCounts, SearchHit } from '../search/find';

const documentId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/, 'not a document id');

/** A version of a document's history: the time it was replaced (`2026-12-05T10-11-12-345Z`). */
const versionName = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/, 'not a version name');

const pmJsonLoose = z.custom<PMJson>(
  (value) => typeof value === 'object' && value !== null && typeof (value as PMJson).type === 'string',
  'body must be a ProseMirror JSON node',
);

/**
 * Limits of one draftRows request: the app drafts a document a few rows at a time, so that
 * each call stays short (it can show progress and cancel between calls).
 */
export const DRAFT_MAX_ROWS = 20;
export const DRAFT_MAX_CHARS = 4000;

/** Payload schemas, one per request. */
export const requestSchemas = {
  projectInfo: z.object({}),
  listDocuments: z.object({}),
  getDocument: z.object({ id: documentId }),
  saveDocument: z.object({
    id: documentId,
    meta: metaSchema,
    body: pmJsonLoose,
  }),
  /**
   * Saves a document from what changed since the version saved at `base` (its `updatedAt`,
   * from getDocument or the last save): runs of that version's rows, [from, to), replaced
   * by `rows`, in order and apart; the document then has `rowCount` rows. Refused, writing
   * nothing, when `base` is not the version on disk ('stale-base') or the changes do not
   * fit it ('invalid-changes'): then save the whole document (electron/handlers/document-changes.ts).
   */
  saveDocumentChanges: z.object({
    id: documentId,
    base: z.string().min(1).max(100),
    meta: metaSchema,
    rowCount: z.number().int().min(1),
    changes: z.array(z.object({ from: z.number().int().min(0), to: z.number().int().min(0), rows: z.array(pmJsonLoose) })),
  }),
  importFiles: z.object({
    files: z
      .array(z.object({ name: z.string().min(1).max(1000), bytes: z.instanceof(Uint8Array) }))
      .min(1, 'no files to import')
      .max(500),
  }),
  glossaryList: z.object({}),
  glossaryAdd: glossaryEntrySchema.omit({ id: true }),
  glossaryUpdate: glossaryEntrySchema,
  glossaryRemove: z.object({ id: z.string().min(1) }),
  /** Reads, and with `enabled` switches, the use of the starter termbase's entries. */
  glossaryTermbase: z.object({ enabled: z.boolean().optional() }),
  /** Lists the project's editors (provenance), and with `add` adds one (name and initials, checked). */
  projectEditors: z.object({ add: z.object({ name: z.string().max(200), initials: z.string().max(12) }).optional() }),
  suggest: z.object({
    token: z.string().max(2000),
    limit: z.number().int().min(1).max(200).default(10),
    context: z
      .object({
        english: z.string().max(100000).optional(),
        /** Restored text just before and after the token (the ranking reads the nearest words). */
        before: z.string().max(2000).optional(),
        after: z.string().max(2000).optional(),
      })
      .default({}),
  }),
  draftRows: z.object({
    rows: z
      .array(
        z.object({
          /** The row's witness lines, drafted one by one. */
          witness: z.array(z.string().max(DRAFT_MAX_CHARS)).max(200),
          /** The row's English: evidence for every line of the row. */
          english: z.string().max(100000).default(''),
        }),
      )
      .min(1, 'no rows to draft')
      .max(DRAFT_MAX_ROWS, `draft at most ${DRAFT_MAX_ROWS} rows per request (send the rest in further requests)`)
      .refine(
        (rows) => rows.reduce((n, r) => n + r.witness.reduce((m, w) => m + w.length, 0), 0) <= DRAFT_MAX_CHARS,
        `draft at most ${DRAFT_MAX_CHARS} witness characters per request (send fewer rows at a time, or split a long witness line)`,
      ),
  }),
  projectCorpus: z.object({}),
  exportEdition: z.object({
    ids: z.array(documentId).min(1, 'choose at least one document'),
    format: z.enum(EXPORT_FORMATS),
    options: exportOptionsSchema.default(exportOptionsSchema.parse({})),
  }),
  saveExport: z.object({
    suggestedName: z.string().min(1).max(255),
    bytes: z.instanceof(Uint8Array),
  }),
  openProject: z.object({ dir: z.string().optional() }),
  newProject: z.object({}),
  recentProjects: z.object({}),
  chooseImportFiles: z.object({}),
  /**
   * Quality checks over the project's documents (all, or `ids`), findings at `severity` or worse.
   * With `budgetMs`, one page: documents from index `from` of the project's list for about that
   * long (at least one); call again with `next` until it is null. Without it, the whole run.
   */
  qaRun: z.object({
    ids: z.array(documentId).max(100000).optional(),
    severity: z.enum(SEVERITIES).optional(),
    from: z.number().int().min(0).default(0),
    budgetMs: z.number().int().min(1).max(5000).optional(),
  }),
  /** Quality checks over one document as the editor holds it (saved or not); without `meta`, the saved metadata. */
  qaCheck: z.object({ id: documentId, meta: metaSchema.optional(), body: pmJsonLoose }),
  /** Remembers (or forgets) "ignore here" for a finding's key, in project.json. */
  qaIgnore: z.object({ key: z.string().min(1).max(4000), ignore: z.boolean().default(true) }),
  /**
   * One page of a project-wide find (shared/search): documents from index `from` of the
   * project's list, as many as `budgetMs` allows (at least one), leaving out `exclude`
   * (the open document, searched in the editor). Call again with `next` until it is null.
   */
  searchProject: z.object({
    query: searchQuerySchema,
    replacement: z.string().max(MAX_PATTERN_LENGTH).optional(),
    from: z.number().int().min(0).default(0),
    exclude: z.array(documentId).max(100).default([]),
    /** Hits sent per document (the counts are always whole). */
    maxHits: z.number().int().min(1).max(2000).default(200),
    budgetMs: z.number().int().min(1).max(5000).default(40),
  }),
  /** Replaces every match of `query` in the stored documents `ids`: one save per document that changes. */
  replaceInDocuments: z.object({
    query: searchQuerySchema,
    replacement: z.string().max(MAX_PATTERN_LENGTH),
    ids: z.array(documentId).min(1, 'choose at least one document').max(500),
    asCorrection: z.boolean().default(false),
    /** The editor making the corrections (the id or initials of one of settings.editors): they record who and when. */
    editor: z.string().max(200).optional(),
  }),
  /** A document's saved versions (its history, `history/<id>/`), newest first. */
  documentHistory: z.object({ id: documentId }),
  /**
   * Saves a version from the document's history as the current document, as any save (the
   * version it replaces is kept in the history in turn, so a restore is undone by another).
   */
  restoreVersion: z.object({
    id: documentId,
    /** The version's name, or its place counting back from the newest (1: the newest). */
    version: z.union([versionName, z.number().int().min(1).max(100000)]),
  }),
} satisfies Record<RequestName, z.ZodType>;

/** A problem with one file of the project: reported, never fatal for the rest. */
export interface FileProblem {
  file: string;
  message: string;
}

/** One row of the document list. */
export interface DocumentSummary {
  id: string;
  title: string;
  date: string;
  segments: number;
  /** Segments that have witness lines. */
  witnessSegments: number;
  /** Of those, segments restored: consistent with the witness, no proposal, no placeholder. */
  restoredSegments: number;
  /** Segments with witness lines by restoration state (shared/model/stats.ts). */
  progress: ProgressCounts;
}

/** One saved version of a document, in its history. */
export interface DocumentVersion {
  /** Its name in the history (`2026-12-05T10-11-12-345Z`): what restoreVersion asks for. */
  version: string;
  /** When it was replaced by a later save (ISO). */
  keptAt: string;
  /** When it was saved (its `updatedAt`), if it can be read. */
  savedAt: string | null;
  /** Its title, if it can be read. */
  title: string | null;
  /** Size of its file in bytes. */
  size: number;
  /** Its rows, if it can be read. */
  rows: number | null;
  /** Why it cannot be read (a damaged file): it cannot be restored. */
  problem: string | null;
}

/** A ranked suggestion for a garbled witness token. */
export interface SuggestionItem {
  text: string;
  garble: string;
  source: string;
  score: number;
}

/** An export ready to be written. */
export interface ExportResult {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  /** What the user should be told about this export (characters replaced, fonts, …); empty when nothing. */
  warnings: string[];
}

/** Response type of each request. */
export interface Responses {
  projectInfo: { dir: string; name: string; documentCount: number; problems: FileProblem[] };
  listDocuments: { documents: DocumentSummary[]; problems: FileProblem[] };
  getDocument: DocumentFile;
  /** `warnings`: what the user should know though the save succeeded (the version replaced could not be kept in history). */
  saveDocument: { updatedAt: string; warnings?: string[] };
  saveDocumentChanges: { updatedAt: string; warnings?: string[] };
  importFiles: { imported: { id: string; title: string }[] };
  glossaryList: GlossaryEntry[];
  glossaryAdd: GlossaryEntry;
  glossaryUpdate: GlossaryEntry;
  glossaryRemove: { removed: boolean };
  /** Whether the starter termbase's entries are in use, and how many the glossary holds. */
  glossaryTermbase: { enabled: boolean; entries: number };
  /** The project's editors, and the one just added (null when none was asked for). */
  projectEditors: { editors: ProjectEditor[]; added: ProjectEditor | null };
  suggest: SuggestionItem[];
  draftRows: { rows: { lines: DraftLine[] }[] };
  projectCorpus: { glossary: GlossaryEntry[]; koreanTexts: string[] };
  exportEdition: ExportResult;
  saveExport: { path: string | null };
  openProject: { dir: string | null };
  newProject: { dir: string | null };
  recentProjects: string[];
  chooseImportFiles: { imported: { id: string; title: string }[] };
  qaRun: {
    documents: QaDocumentFindings[];
    problems: FileProblem[];
    ignored: number;
    /** Documents of the project's list looked at so far (this page included), of `total`. */
    scanned: number;
    total: number;
    /** Where the next page starts; null when the run is done. */
    next: number | null;
  };
  qaCheck: { findings: QaFinding[]; ignored: number };
  qaIgnore: { ignored: number };
  searchProject: {
    documents: ProjectSearchDocument[];
    problems: FileProblem[];
    /** Documents looked at so far (this page included), of `total`. */
    scanned: number;
    total: number;
    /** Where the next page starts; null when the search is done. */
    next: number | null;
  };
  replaceInDocuments: { documents: ProjectReplaceDocument[]; problems: FileProblem[] };
  documentHistory: { versions: DocumentVersion[] };
  /** The version restored and the document as now saved. */
  restoreVersion: { version: string; doc: DocumentFile; warnings: string[] };
}

/** One document's matches in a project search. */
export interface ProjectSearchDocument {
  id: string;
  title: string;
  date: string;
  counts: HitCounts;
  /** The first `maxHits` hits, in reading order. */
  hits: SearchHit[];
}

/** What a project replace did in one document. */
export interface ProjectReplaceDocument {
  id: string;
  title: string;
  replaced: number;
  /** Matches left alone, and why (the witness is read-only; metadata cannot keep a correction). */
  skipped: { text: string; where: string; reason: string }[];
}

/** One document's findings (shared/qa). */
export interface QaDocumentFindings {
  id: string;
  title: string;
  findings: QaFinding[];
}

/** Payload type of each request (before defaults are applied). */
export type Requests = { [K in RequestName]: z.input<(typeof requestSchemas)[K]> };
/** Payload type of each request after validation. */
export type ValidRequests = { [K in RequestName]: z.output<(typeof requestSchemas)[K]> };

/** A user-facing error: what went wrong, in words that name the problem. */
export interface ErrorInfo {
  code: string;
  message: string;
}

/** What crosses the IPC boundary: a value or an error, never a thrown exception. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** The API the preload exposes as `window.interlinea`. */
export type InterlineaApi = {
  [K in RequestName]: (input: Requests[K]) => Promise<Envelope<Responses[K]>>;
} & {
  /** Subscribes to menu commands; returns an unsubscribe function. */
  onMenu(listener: (command: string) => void): () => void;
};

/** The table of handlers, one per request. */
export type HandlerTable = {
  [K in RequestName]: (input: ValidRequests[K]) => Promise<Responses[K]>;
};
