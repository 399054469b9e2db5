/**
 * The summary index (issue 12): what the document list and the suggester need
 * from each document (title, date, row counts by restoration state, the
 * restored Korean), kept with the stamp (mtime and size) of the file it was
 * read from, so opening and listing a project reads one small file and stats
 * the documents instead of reading, parsing and checking every one.
 *
 * On disk it is a journal, `.interlinea/summaries.jsonl`: a header line, then
 * one JSON line per summary written (a save, an import, a file found changed)
 * or per document gone; the last line of an id wins. A change appends one line
 * (bytes proportional to the change); the journal is compacted (rewritten with
 * one line per document, atomically) when it holds many more lines than
 * documents. It is derived data: a torn or unreadable line, a missing or
 * foreign journal, a stamp that no longer matches the file (a git pull, an
 * editor, a copy) only mean that document is read again and its line
 * rewritten. Only a store holding the project lock writes it; read-only stores
 * use it and keep their repairs in memory.
 *
 * Reads made only to list check the file's shape (the document schema), not
 * its body against ProseMirror's schema: a document is fully checked when it
 * is opened or saved.
 */
import { validateDocumentShape, type DocumentFile } from '../../shared/model/document';
import { emptyProgress, segmentState, type RowState } from '../../shared/model/stats';
import type { PMJson } from '../../shared/model/document';
import { columnOf, segmentsOf } from '../../shared/model/build';
import { acceptedText } from '../../shared/korean/accepted-text';
import type { DocumentSummary } from '../../shared/ipc/contract';

/** Where the journal is, inside the project folder. */
export const SUMMARY_JOURNAL = '.interlinea/summaries.jsonl';
/** The journal's first line: a journal with another header is read as none. */
export const SUMMARY_HEADER = { interlinea: 'summaries', version: 1 } as const;

/** A summary as kept: what the list shows, the restored Korean, and the stamp of the file it came from. */
export interface SummaryRecord {
  id: string;
  /** The document file's stamp when it was read (ProjectFiles.stamp). */
  stamp: string;
  summary: DocumentSummary;
  /** The restored Korean of each segment that has any (accepted text only). */
  korean: string[];
}

/** The text cache under the index: a file that can be appended to and replaced whole, never fsynced (it is derived). */
export interface CacheFile {
  read(): Promise<string | null>;
  append(text: string): Promise<void>;
  replace(text: string): Promise<void>;
}

/** What the list and the suggester take from one row: its restoration state and its accepted Korean. */
interface RowFacts {
  state: RowState | null;
  korean: string;
}

/**
 * Each row's facts, by the row object: a save changes a few rows of a long document and keeps
 * the others' objects (electron/store/row-changes.ts), so its summary computes the witness
 * check of the changed rows only (rows are never changed in place once stored).
 */
const rowFacts = new WeakMap<PMJson, RowFacts>();

function factsOf(seg: PMJson): RowFacts {
  let facts = rowFacts.get(seg);
  if (!facts) {
    // Only accepted text teaches the suggester: proposals and gaps are masked.
    facts = { state: segmentState(seg), korean: acceptedText(columnOf(seg, 'korean')?.content).trim() };
    rowFacts.set(seg, facts);
  }
  return facts;
}

/**
 * Works out the facts of `rows` a slice at a time between other work, so that the first save
 * after a long document is opened finds them made. Stops when `cancelled` says so.
 */
export function prepareRowFacts(rows: readonly PMJson[], cancelled: () => boolean = () => false): Promise<void> {
  return new Promise((done) => {
    let next = 0;
    const slice = () => {
      const end = Math.min(rows.length, next + 50);
      for (; next < end && !cancelled(); next++) {
        const row = rows[next]!;
        if (row.type === 'segment') factsOf(row);
      }
      if (next >= rows.length || cancelled()) done();
      else setImmediate(slice);
    };
    setImmediate(slice);
  });
}

/** What the list and the suggester take from a document. */
export function summarize(doc: Pick<DocumentFile, 'id' | 'meta' | 'body'>): Omit<SummaryRecord, 'stamp'> {
  const progress = emptyProgress();
  const korean: string[] = [];
  let segments = 0;
  let witnessSegments = 0;
  // restorationCounts (shared/model/stats.ts), row by row through the facts kept per row.
  for (const seg of segmentsOf(doc.body)) {
    segments++;
    const facts = factsOf(seg);
    if (facts.korean) korean.push(facts.korean);
    if (facts.state === null) continue;
    witnessSegments++;
    progress[facts.state]++;
  }
  return {
    id: doc.id,
    summary: { id: doc.id, title: doc.meta.title, date: doc.meta.date, segments, witnessSegments, restoredSegments: progress.consistent, progress },
    korean,
  };
}

/**
 * Reads a document's text as the list needs it: parsed and checked against the
 * document schema (not ProseMirror's: that is for opening and saving). Throws
 * with the reason when it is not a document, or not the document `id`.
 */
export function summarizeText(id: string, text: string): Omit<SummaryRecord, 'stamp'> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`not valid JSON (${(err as Error).message})`, { cause: err });
  }
  return summarizeData(id, data);
}

/** `summarizeText` of parsed JSON (a chunked document's rows put back: document-file.ts). */
export function summarizeData(id: string, data: unknown): Omit<SummaryRecord, 'stamp'> {
  const parsed = validateDocumentShape(data);
  if (!parsed.ok) throw new Error(parsed.error);
  if (parsed.value.id !== id) throw new Error(`its id is ${parsed.value.id}, not ${id}`);
  return summarize(parsed.value);
}

function isRecord(value: unknown): value is SummaryRecord {
  if (!value || typeof value !== 'object') return false;
  const r = value as Partial<SummaryRecord>;
  const s = r.summary as Partial<DocumentSummary> | undefined;
  return (
    typeof r.id === 'string' &&
    typeof r.stamp === 'string' &&
    Array.isArray(r.korean) &&
    r.korean.every((k) => typeof k === 'string') &&
    !!s &&
    s.id === r.id &&
    typeof s.title === 'string' &&
    typeof s.date === 'string' &&
    typeof s.segments === 'number' &&
    typeof s.witnessSegments === 'number' &&
    typeof s.restoredSegments === 'number' &&
    !!s.progress &&
    typeof s.progress === 'object'
  );
}

/** The journal's records by id (last line wins), and how many lines it holds; a journal of another version reads as empty. */
export function parseJournal(text: string | null): { records: Map<string, SummaryRecord>; lines: number; usable: boolean } {
  const records = new Map<string, SummaryRecord>();
  if (!text) return { records, lines: 0, usable: false };
  const lines = text.split('\n');
  let header: unknown = null;
  try {
    header = JSON.parse(lines[0] ?? '');
  } catch {
    // not a journal of ours
  }
  const h = header as Partial<typeof SUMMARY_HEADER> | null;
  if (!h || h.interlinea !== SUMMARY_HEADER.interlinea || h.version !== SUMMARY_HEADER.version) {
    return { records, lines: 0, usable: false };
  }
  let count = 0;
  for (const line of lines.slice(1)) {
    if (!line) continue;
    count++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue; // a line torn by a kill: that document is read again
    }
    if (value && typeof value === 'object' && (value as { removed?: unknown }).removed === true) {
      const id = (value as { id?: unknown }).id;
      if (typeof id === 'string') records.delete(id);
    } else if (value && typeof value === 'object' && 'koreanEdit' in value) {
      const { koreanEdit, ...rest } = value as Record<string, unknown>;
      const previous = typeof rest.id === 'string' ? records.get(rest.id) : undefined;
      const edit = koreanEdit as Partial<KoreanEdit> | null;
      const korean =
        previous && edit && Number.isInteger(edit.at) && Number.isInteger(edit.remove) && Array.isArray(edit.insert)
          ? [...previous.korean.slice(0, edit.at), ...edit.insert, ...previous.korean.slice((edit.at as number) + (edit.remove as number))]
          : null;
      const record = { ...rest, korean };
      // Without the line it edits (a journal compacted or torn), the document is read again.
      if (korean && isRecord(record)) records.set(record.id, record);
      else if (typeof rest.id === 'string') records.delete(rest.id);
    } else if (isRecord(value)) {
      records.set(value.id, value);
    }
  }
  return { records, lines: count, usable: true };
}

/** One journal line. */
export function journalLine(entry: SummaryRecord | { id: string; removed: true }): string {
  return `${JSON.stringify(entry)}\n`;
}

/** The restored Korean of a record as a change of the one before it: `remove` texts at `at` replaced by `insert`. */
export interface KoreanEdit {
  at: number;
  remove: number;
  insert: string[];
}

/**
 * A journal line for `record` that follows `previous` (the document's line before it): when
 * their restored Korean shares most of its texts, the line carries only what changed (a long
 * document's Korean is ~100 KB; an edit changes a row or two of it, or none), else all of it.
 */
export function journalLineAfter(record: SummaryRecord, previous: SummaryRecord | undefined): string {
  if (!previous) return journalLine(record);
  const a = previous.korean;
  const b = record.korean;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const insert = b.slice(start, b.length - end);
  if (insert.length * 2 > b.length) return journalLine(record);
  const { korean: _korean, ...rest } = record;
  const koreanEdit: KoreanEdit = { at: start, remove: a.length - start - end, insert };
  return `${JSON.stringify({ ...rest, koreanEdit })}\n`;
}

/** The whole journal for `records`, one line each. */
export function journalText(records: Iterable<SummaryRecord>): string {
  let text = `${JSON.stringify(SUMMARY_HEADER)}\n`;
  for (const r of records) text += journalLine(r);
  return text;
}

/** Whether a journal of `lines` lines over `live` documents is worth rewriting. */
export function needsCompaction(lines: number, live: number): boolean {
  return lines > 2 * live + 64;
}
