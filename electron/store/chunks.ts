/**
 * Long documents stored in chunks (issue 12 item 5): the rows of a document of more than
 * `CHUNKED_ABOVE_ROWS` rows live in immutable, content-addressed chunk files,
 * `documents/<id>.chunks/<hash>.json` (`{"rows": [...]}`, canonical JSON; the name is the
 * first 32 hex digits of the SHA-256 of the file's text), and `documents/<id>.json` is the
 * document's head: the document file as ever, except that its body has no `content` and the
 * head names the chunks in order (`chunks`: `{file, rows, bytes}` each) and the chunk holding
 * the imported source (`sourceChunk`: it holds the whole witness as imported, 4% of a long
 * report, unchanged by edits). A save writes the chunks it does not find on disk, durably,
 * and then the head: the head's rename is the one step that commits the save.
 *
 * Chunk boundaries are content-defined, as in rsync or restic, at row granularity: a chunk
 * ends after a row whose hash meets a condition (one row in `CHUNK_AVERAGE_ROWS`), and at
 * `CHUNK_MAX_ROWS` rows at the latest. A boundary depends on its own row only, not on the
 * row's place in the document, so inserting, deleting or editing a row rewrites the chunk it
 * is in, or that chunk split in two, or it merged with the next: never more than two chunks,
 * and never every chunk after it. (No minimum chunk length, which the byte-level chunkers
 * have: a boundary skipped for being too close to the one before makes a boundary depend on
 * the rows before it, and one deleted row could then rewrite three chunks. A run of 248 rows
 * without a boundary, where the maximum would cascade, has a chance of 0.04%.) A save from
 * row changes re-chunks only from the chunk the first change falls in until its boundaries
 * meet the old ones again (`planChunks`).
 *
 * This module is pure (text in, text out); document-file.ts reads and writes the files.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/model/canonical-json';
import type { PMJson } from '../../shared/model/document';

/**
 * Documents of more rows than this are stored in chunks. A 200-row report is about 300 KB in
 * one file, written in a few milliseconds; from there the whole-file rewrite grows with the
 * document (2.9 MB and ~140 ms at 2,000 rows), while a chunked save costs a head (a line per
 * chunk, ~7 chunks at 200 rows) and one or two chunks of ~32 rows.
 */
export const CHUNKED_ABOVE_ROWS = 200;
/** A chunk ends after a row whose hash is 0 modulo this, on average every this many rows. */
export const CHUNK_AVERAGE_ROWS = 32;
/** Most rows in a chunk: the chance that 248 rows pass without a boundary is 0.04%. */
export const CHUNK_MAX_ROWS = 256;

/** One chunk as the head names it. */
export interface ChunkRef {
  /** The chunk file's name in `documents/<id>.chunks/`, without `.json`: the first 32 hex digits of its SHA-256. */
  file: string;
  /** Rows it holds (0 for the source's chunk). */
  rows: number;
  /** Bytes of the file. */
  bytes: number;
}

const CHUNK_NAME = /^[0-9a-f]{32}$/;

/** The folder of a document's chunks, inside the project. */
export function chunkFolder(id: string): string {
  return `documents/${id}.chunks`;
}

/** The name of one chunk file, inside the project. */
export function chunkFileName(id: string, file: string): string {
  return `${chunkFolder(id)}/${file}.json`;
}

/** The content address of a chunk's text. */
export function chunkDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** A row's canonical JSON, as it stands in a chunk file (indented for its place in `rows`). */
export function rowText(row: PMJson): string {
  return canonicalJson(row).slice(0, -1).replace(/\n/g, '\n    ');
}

/** A chunk file's text for rows given as their `rowText`: exactly `canonicalJson({ rows })`. */
export function chunkText(rowTexts: readonly string[]): string {
  return `{\n  "rows": [\n    ${rowTexts.join(',\n    ')}\n  ]\n}\n`;
}

/** The source's chunk file text. */
export function sourceChunkText(source: unknown): string {
  return canonicalJson({ source });
}

/** Whether a row ends a chunk by its content (its text's hash is 0 modulo the average). */
function hashBoundary(text: string): boolean {
  return createHash('sha1').update(text).digest().readUInt32BE(0) % CHUNK_AVERAGE_ROWS === 0;
}

/** A change of the rows: rows [from, to) of the previous version replaced by `count` rows. */
export interface RowSpan {
  from: number;
  to: number;
  count: number;
}

/** A chunk of the new layout: one kept from the previous version, or rows [start, end) to write. */
export type PlannedChunk = { keep: ChunkRef } | { start: number; end: number };

/**
 * The chunks of `rows`. With `previous` (the chunks of the version the rows were made from by
 * `spans`, in order and apart), the chunks before the first change are kept, and rows are
 * chunked again from the chunk it falls in until a boundary past the last change falls where
 * one was before: from there the old chunks are kept. Without it, every row is chunked.
 * `textOf` gives a row's `rowText` (rows scanned are serialised once).
 */
export function planChunks(
  rows: readonly PMJson[],
  textOf: (row: PMJson) => string,
  previous?: { refs: readonly ChunkRef[]; spans: readonly RowSpan[] },
): PlannedChunk[] {
  const out: PlannedChunk[] = [];
  let begin = 0;
  let resync: Map<number, number> | null = null;
  let delta = 0;
  let endNew = 0;
  if (previous && previous.refs.length) {
    const { refs, spans } = previous;
    if (!spans.length) return refs.map((keep) => ({ keep }));
    const starts: number[] = [];
    let at = 0;
    for (const ref of refs) {
      starts.push(at);
      at += ref.rows;
    }
    const first = spans[0]!.from;
    const last = spans[spans.length - 1]!;
    delta = spans.reduce((sum, s) => sum + s.count - (s.to - s.from), 0);
    endNew = last.to + delta;
    let a = 0;
    while (a + 1 < refs.length && starts[a + 1]! <= first) a++;
    for (let k = 0; k < a; k++) out.push({ keep: refs[k]! });
    begin = starts[a]!;
    // Old boundaries after the first changed chunk: the chunk that starts at each.
    resync = new Map();
    for (let k = a + 1; k < refs.length; k++) resync.set(starts[k]!, k);
    const chunked = chunkFrom(rows, textOf, begin, (end) => {
      if (end < endNew || end >= rows.length) return false;
      const k = resync!.get(end - delta);
      if (k === undefined) return false;
      for (let j = k; j < refs.length; j++) out.push({ keep: refs[j]! });
      return true;
    });
    out.splice(a, 0, ...chunked);
    return out;
  }
  return chunkFrom(rows, textOf, begin, () => false);
}

/** Chunks rows from `begin` until the end, or until `stop(end)` says the rest is settled after a chunk ending at `end`. */
function chunkFrom(rows: readonly PMJson[], textOf: (row: PMJson) => string, begin: number, stop: (end: number) => boolean): PlannedChunk[] {
  const out: PlannedChunk[] = [];
  let start = begin;
  for (let j = begin; j < rows.length; j++) {
    const length = j - start + 1;
    const boundary = j === rows.length - 1 || length >= CHUNK_MAX_ROWS || hashBoundary(textOf(rows[j]!));
    if (!boundary) continue;
    out.push({ start, end: j + 1 });
    start = j + 1;
    if (stop(j + 1)) break;
  }
  return out;
}

/** A document head's chunk references, checked; throws with the reason when they are not. */
export function parseChunkRefs(value: unknown, field: string, source = false): ChunkRef[] {
  const list = source ? [value] : value;
  if (!Array.isArray(list) || (!source && list.length === 0)) throw new Error(`${field}: expected ${source ? 'a chunk' : 'a list of chunks'}`);
  return list.map((ref: unknown, i) => {
    const r = ref as Partial<ChunkRef> | null;
    const where = source ? field : `${field}[${i}]`;
    if (!r || typeof r !== 'object' || typeof r.file !== 'string' || !CHUNK_NAME.test(r.file))
      throw new Error(`${where}: expected a chunk name of 32 hex digits`);
    if (!Number.isInteger(r.rows) || (r.rows as number) < (source ? 0 : 1)) throw new Error(`${where}: expected a row count`);
    if (!Number.isInteger(r.bytes) || (r.bytes as number) < 0) throw new Error(`${where}: expected a byte count`);
    return { file: r.file, rows: r.rows as number, bytes: r.bytes as number };
  });
}

/** Whether parsed JSON is a chunked head (it names chunks instead of holding its rows). */
export function isChunkedHead(data: unknown): data is Record<string, unknown> & { chunks: unknown } {
  return !!data && typeof data === 'object' && 'chunks' in data;
}

/** The chunk files a head's text names (none for a single-file document); null when it cannot be read as JSON. */
export function chunksNamed(text: string): string[] | null {
  // Only a head has this key outside a string (inside one, its quotes are escaped).
  if (!text.includes('"chunks":')) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isChunkedHead(data)) return [];
  const names: string[] = [];
  for (const ref of Array.isArray(data.chunks) ? data.chunks : []) {
    const file = (ref as { file?: unknown } | null)?.file;
    if (typeof file === 'string') names.push(file);
  }
  const source = (data as { sourceChunk?: { file?: unknown } }).sourceChunk?.file;
  if (typeof source === 'string') names.push(source);
  return names;
}
