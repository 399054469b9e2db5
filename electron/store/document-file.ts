/**
 * A document's files as one lowdb adapter (the store's `Low` per document): `documents/<id>.json`,
 * and for a long document the chunks its head names (chunks.ts).
 *
 * Reading puts the rows of the chunks back in the body, each chunk checked against its name
 * (its content address) and its row count, then validates the whole document (shape and
 * ProseMirror schema). A missing or damaged chunk is a `CorruptFileError` naming the document
 * file and the chunk, so the store never writes over a document it could not read.
 *
 * Writing a document of more than `CHUNKED_ABOVE_ROWS` rows writes the chunks the disk does not
 * have yet, each durably, then the head (its rename commits the save): a kill at any moment
 * leaves the old head and its chunks, or the new head and its chunks. Chunk files no head
 * names any more (a save replaced them, a save was killed before its head) are removed by
 * `collectChunks`, never one a kept version in the document's history still names.
 */
import type { Adapter } from 'lowdb';
import { canonicalJson } from '../../shared/model/canonical-json';
import { validateDocumentFile, type DocumentFile, type PMJson, type Validated } from '../../shared/model/document';
import { CorruptFileError } from './durable-file';
import { diskError, errnoOf } from './disk-errors';
import {
  CHUNKED_ABOVE_ROWS,
  chunkDigest,
  chunkFileName,
  chunkFolder,
  chunkText,
  chunksNamed,
  isChunkedHead,
  parseChunkRefs,
  planChunks,
  rowText,
  sourceChunkText,
  type ChunkRef,
  type RowSpan,
} from './chunks';
import { documentFileName, type ProjectFiles } from './project-files';
import { mapLimit } from './map-limit';

/** What the adapter knows of the chunks of the version it last read or wrote. */
interface Layout {
  /** That version's rows (the array itself: a later save from changes names it as its base). */
  content: readonly PMJson[];
  refs: ChunkRef[];
  source: unknown;
  sourceRef: ChunkRef;
}

/** How a save came about: the rows of `base` (the version last read or written) changed by `spans`. */
export interface RowEdits {
  base: readonly PMJson[];
  spans: readonly RowSpan[];
}

/** What reading a document's files gives before validation: the parsed document, rows in place. */
export interface DocumentParts {
  data: unknown;
  /** The chunks it came from (null: a single file). */
  layout: { refs: ChunkRef[]; sourceRef: ChunkRef } | null;
  /** Bytes of the head and its chunks. */
  bytes: number;
}

/**
 * Parses a document file's text (`head`, read from `file`: the document's own, or a version in
 * its history) and, when it is a chunked head, reads the chunks of document `id` into it.
 * Throws a CorruptFileError naming `file` (and the chunk), or a DiskError.
 */
export async function readDocumentParts(files: ProjectFiles, id: string, file: string, head: string): Promise<DocumentParts> {
  let data: unknown;
  try {
    data = JSON.parse(head);
  } catch (err) {
    throw new CorruptFileError(file, `not valid JSON (${(err as Error).message})`);
  }
  if (!isChunkedHead(data)) return { data, layout: null, bytes: Buffer.byteLength(head) };
  let refs: ChunkRef[];
  let sourceRef: ChunkRef;
  try {
    refs = parseChunkRefs(data.chunks, 'chunks');
    sourceRef = parseChunkRefs((data as { sourceChunk?: unknown }).sourceChunk, 'sourceChunk', true)[0]!;
  } catch (err) {
    throw new CorruptFileError(file, (err as Error).message);
  }
  const readChunk = async (ref: ChunkRef, what: string): Promise<unknown> => {
    const name = chunkFileName(id, ref.file);
    let text: string | null;
    try {
      text = await files.file(name).read();
    } catch (err) {
      if (errnoOf(err)) throw diskError(err, 'read', name);
      throw err;
    }
    if (text === null) throw new CorruptFileError(file, `${what} are in ${name}, which is missing`);
    if (chunkDigest(text) !== ref.file) throw new CorruptFileError(file, `${what} are in ${name}, which is damaged (its content does not match its name)`);
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new CorruptFileError(file, `${what} are in ${name}, which is not valid JSON (${(err as Error).message})`);
    }
  };
  let at = 0;
  const ranges = refs.map((ref) => {
    const from = at + 1;
    at += ref.rows;
    return `rows ${from}–${at}`;
  });
  const chunks = await mapLimit(refs, 8, async (ref) => {
    const what = ranges[refs.indexOf(ref)]!;
    const parsed = (await readChunk(ref, what)) as { rows?: unknown } | null;
    const rows = parsed?.rows;
    if (!Array.isArray(rows) || rows.length !== ref.rows) {
      throw new CorruptFileError(file, `${what} are in ${chunkFileName(id, ref.file)}, which holds ${Array.isArray(rows) ? rows.length : 'no list of'} rows`);
    }
    return rows as unknown[];
  });
  const source = ((await readChunk(sourceRef, 'its imported source and witness')) as { source?: unknown } | null)?.source;
  const { chunks: _chunks, sourceChunk: _source, ...rest } = data as Record<string, unknown>;
  const body = (rest.body && typeof rest.body === 'object' ? rest.body : {}) as Record<string, unknown>;
  if ('content' in body) throw new CorruptFileError(file, 'it names chunks and holds rows of its own');
  const bytes = Buffer.byteLength(head) + refs.reduce((sum, r) => sum + r.bytes, 0) + sourceRef.bytes;
  return { data: { ...rest, ...(source === undefined ? {} : { source }), body: { ...body, content: chunks.flat() } }, layout: { refs, sourceRef }, bytes };
}

/** The lowdb adapter of one document (see the module's comment). */
export class DocumentFileAdapter implements Adapter<DocumentFile | null> {
  private layout: Layout | null = null;
  /** Writes one after another, so a save plans its chunks from the one before it. */
  private queue: Promise<void> = Promise.resolve();
  readonly name: string;

  constructor(
    private readonly files: ProjectFiles,
    readonly id: string,
    private readonly validate: (data: unknown) => Validated<DocumentFile> = validateDocumentFile,
  ) {
    this.name = documentFileName(id);
  }

  async read(): Promise<DocumentFile | null> {
    let text: string | null;
    try {
      text = await this.files.file(this.name).read();
    } catch (err) {
      if (errnoOf(err)) throw diskError(err, 'read', this.name);
      throw new CorruptFileError(this.name, (err as Error).message);
    }
    this.layout = null;
    if (text === null) return null;
    const parts = await readDocumentParts(this.files, this.id, this.name, text);
    const result = this.validate(parts.data);
    if (!result.ok) throw new CorruptFileError(this.name, result.error);
    const doc = result.value;
    if (parts.layout) this.layout = { content: doc.body.content ?? [], refs: parts.layout.refs, source: doc.source, sourceRef: parts.layout.sourceRef };
    return doc;
  }

  /** Writes the whole document: every row chunked again (only chunks not on disk are written). */
  write(doc: DocumentFile | null): Promise<void> {
    if (!doc) return Promise.reject(new Error(`${this.name}: there is no document to write`));
    return this.writeEdited(doc);
  }

  /**
   * Writes the document; with `edits` (the version last read or written and the rows changed
   * from it), only the chunks around the changes are made again.
   */
  writeEdited(doc: DocumentFile, edits?: RowEdits): Promise<void> {
    const next = this.queue.then(() => this.writeNow(doc, edits));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async writeNow(doc: DocumentFile, edits?: RowEdits): Promise<void> {
    const rows = doc.body.content ?? [];
    const head = this.files.file(this.name);
    if (rows.length <= CHUNKED_ABOVE_ROWS) {
      await head.write(canonicalJson(doc));
      this.layout = null;
      return;
    }
    const texts = new Map<PMJson, string>();
    const textOf = (row: PMJson) => {
      let text = texts.get(row);
      if (text === undefined) texts.set(row, (text = rowText(row)));
      return text;
    };
    const previous = edits && this.layout && this.layout.content === edits.base ? { refs: this.layout.refs, spans: edits.spans } : undefined;
    const plan = planChunks(rows, textOf, previous);
    const fresh: { ref: ChunkRef; text: string }[] = [];
    const refs = plan.map((chunk) => {
      if ('keep' in chunk) return chunk.keep;
      const text = chunkText(rows.slice(chunk.start, chunk.end).map(textOf));
      const ref = { file: chunkDigest(text), rows: chunk.end - chunk.start, bytes: Buffer.byteLength(text) };
      fresh.push({ ref, text });
      return ref;
    });
    let sourceRef: ChunkRef;
    if (this.layout && this.layout.source === doc.source) sourceRef = this.layout.sourceRef;
    else {
      const text = sourceChunkText(doc.source);
      sourceRef = { file: chunkDigest(text), rows: 0, bytes: Buffer.byteLength(text) };
      fresh.push({ ref: sourceRef, text });
    }
    // Chunks first, each durable before the head names it; one already there is the same text (its name is its hash).
    const seen = new Set<string>();
    await mapLimit(
      fresh.filter(({ ref }) => !seen.has(ref.file) && seen.add(ref.file)),
      4,
      ({ ref, text }) => this.files.writeOnce(chunkFileName(this.id, ref.file), text),
    );
    const { content: _content, ...bodyRest } = doc.body;
    const { source: _source, ...docRest } = doc;
    await head.write(canonicalJson({ ...docRest, body: bodyRest, chunks: refs, sourceChunk: sourceRef }));
    this.layout = { content: rows, refs, source: doc.source, sourceRef };
  }

  /** Forgets what the adapter knew of the chunks on disk (a write that failed, a read). */
  forget(): void {
    this.layout = null;
  }
}

/** What `collectChunks` did. */
export interface ChunkCollection {
  removed: string[];
  /** Why nothing was removed, when nothing could be: a head or a version that could not be read. */
  skipped?: string;
}

/**
 * Removes the chunk files of document `id` that neither its head nor any version kept in
 * `versions` (its history's files, inside the project) names, and what interrupted chunk
 * writes left. Run with the project lock, when no save of the document is under way. When the
 * head or a version cannot be read (it may name any chunk), nothing is removed. `named` caches
 * what each version (immutable) names across calls.
 */
export async function collectChunks(
  files: ProjectFiles,
  id: string,
  versions: readonly string[],
  named: Map<string, string[]> = new Map(),
): Promise<ChunkCollection> {
  const folder = chunkFolder(id);
  const present = await files.list(folder);
  if (!present.length) return { removed: [] };
  const keep = new Set<string>();
  const readNames = async (name: string, cache: boolean): Promise<string[] | null> => {
    const known = cache ? named.get(name) : undefined;
    if (known) return known;
    const text = await files.file(name).read().catch(() => undefined);
    if (text === undefined) return null;
    if (text === null) return [];
    const names = chunksNamed(text);
    if (names && cache) named.set(name, names);
    return names;
  };
  const head = await readNames(documentFileName(id), false);
  // A document without a head (deleted, or its head not there yet) is left as it is.
  if (head === null || !(await files.stamp(documentFileName(id)))) return { removed: [], skipped: `${documentFileName(id)} could not be read` };
  for (const n of head) keep.add(n);
  for (const version of versions) {
    const names = await readNames(version, true);
    if (names === null) return { removed: [], skipped: `${version} could not be read` };
    for (const n of names) keep.add(n);
  }
  for (const key of [...named.keys()]) if (key.startsWith(`history/${id}/`) && !versions.includes(key)) named.delete(key);
  const removed: string[] = [];
  for (const entry of present) {
    const temp = entry.startsWith('.') && entry.endsWith('.tmp');
    if (!temp && (!entry.endsWith('.json') || keep.has(entry.slice(0, -5)))) continue;
    await files.remove(`${folder}/${entry}`);
    removed.push(`${folder}/${entry}`);
  }
  return { removed };
}
