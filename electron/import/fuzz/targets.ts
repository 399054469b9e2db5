/**
 * What each fuzzer checks about one input. A target throws when the property is
 * broken; the runner (run.ts) calls it in a worker thread with a time limit, so
 * a hang is a failure too.
 *
 * Importers: never throw, and give either a document that passes the document
 * file validation or an error naming the file. IPC: dispatch never throws and
 * answers with an envelope; a handler is only reached with a payload its schema
 * accepted, and an invalid payload gets an `invalid-request` error. Readers of
 * the project's own files (project.json, a document file): the store opens or
 * lists what is valid, and refuses the rest with an error naming the file,
 * never another error and never overwriting it.
 */
import { importFile } from '../../../shared/import';
import { decodeText } from '../../../shared/import/decode';
import { detectFormat } from '../../../shared/import/detect';
import { importArchiveText } from '../../../shared/import/archive-text';
import { importArchiveMarkdown, markdownInline } from '../../../shared/import/archive-markdown';
import { importArchiveHtml } from '../../../shared/import/archive-html';
import { importPlainText } from '../../../shared/import/plain-text';
import { importTei } from '../../../shared/import/tei';
import type { ImportResult } from '../../../shared/import/result';
import { validateDocumentFile } from '../../../shared/model/document';
import { dispatch } from '../../../shared/ipc/dispatch';
import { requestSchemas, type HandlerTable } from '../../../shared/ipc/contract';
import { REQUEST_NAMES } from '../../../shared/ipc/names';
import { validateProjectFile } from '../../../shared/model/project';
import { ProjectStore } from '../../store/project-store';
import { memoryFiles } from '../../store/project-files';
import { noLock } from '../../store/lock';
import { chunkDigest, chunkFileName, chunkText, rowText, sourceChunkText } from '../../store/chunks';
import { emptyMeta, type DocumentFile } from '../../../shared/model/document';
import { canonicalJson } from '../../../shared/model/canonical-json';
import { body, segment, text as inline } from '../../../shared/model/build';

/** The document the chunked-document fuzzer starts from (valid: fuzz.test.ts checks it). */
export const CHUNKED_BASE: DocumentFile = {
  schemaVersion: 1,
  id: 'fuzz-doc',
  meta: { ...emptyMeta('A long report'), date: '1963-06-20' },
  source: { file: 'long.txt', format: 'text', importedAt: '', witness: ['lP\\', 'abc'], notes: [] },
  body: body(
    Array.from({ length: 5 }, (_, i) =>
      segment({ id: `s${i}`, english: inline(`Row ${i}: they agreed.`), witness: i % 2 ? ['lP\\'] : [], korean: i % 2 ? inline('조선') : [] }),
    ),
  ),
  updatedAt: '2026-12-05T00:00:00.000Z',
};

/**
 * A valid document kept in chunks (electron/store/chunks.ts): its head, and its chunk files by
 * name (its rows in two chunks, and its source), made from `doc`.
 */
export function chunkedFixture(doc: DocumentFile): { head: Record<string, unknown>; chunks: Map<string, string> } {
  const rows = doc.body.content ?? [];
  const cut = Math.max(1, rows.length >> 1);
  const chunks = new Map<string, string>();
  const refs = [rows.slice(0, cut), rows.slice(cut)].filter((part) => part.length).map((part) => {
    const t = chunkText(part.map(rowText));
    chunks.set(chunkFileName(doc.id, chunkDigest(t)), t);
    return { file: chunkDigest(t), rows: part.length, bytes: t.length };
  });
  const source = sourceChunkText(doc.source);
  chunks.set(chunkFileName(doc.id, chunkDigest(source)), source);
  const { source: _source, body: { content: _content, ...bodyRest }, ...rest } = doc;
  return { head: { ...rest, body: bodyRest, chunks: refs, sourceChunk: { file: chunkDigest(source), rows: 0, bytes: source.length } }, chunks };
}

/** One fuzz input: text for the text importers, bytes for the file entry point, a request for IPC. */
export type FuzzInput =
  | { kind: 'text'; text: string; name: string }
  | { kind: 'bytes'; bytes: Uint8Array; name: string }
  | { kind: 'ipc'; request: string; payload: unknown };

/** A payload field `{ [DEEP]: n }` stands for a body nested n levels deep (too deep to post to the worker). */
export const DEEP = '__fuzzDeepBody';

function expandDeep(payload: unknown): unknown {
  if (!payload || typeof payload !== 'object' || !('body' in payload)) return payload;
  const body = (payload as { body: unknown }).body as Record<string, unknown> | null;
  const depth = body && typeof body === 'object' ? body[DEEP] : undefined;
  if (typeof depth !== 'number') return payload;
  let node: Record<string, unknown> = { type: 'text', text: 'x' };
  for (let i = 0; i < depth; i++) node = { type: 'paragraph', content: [node] };
  return { ...payload, body: node };
}

function checkResult(result: ImportResult, name: string): void {
  if (result.ok) {
    const file = { schemaVersion: 1, id: 'fuzz', meta: result.document.meta, source: result.document.source, body: result.document.body };
    const valid = validateDocumentFile(file);
    if (!valid.ok) throw new Error(`imported an invalid document: ${JSON.stringify(valid).slice(0, 400)}`);
  } else if (typeof result.error !== 'string' || !result.error.startsWith(`${name || '(unnamed file)'}: `)) {
    throw new Error(`an import error that does not name the file: ${String(result.error).slice(0, 200)}`);
  }
}

function text(input: FuzzInput): { text: string; name: string } {
  if (input.kind !== 'text') throw new Error(`a text target got a ${input.kind} input`);
  return input;
}

/** Every handler answers at once with what it was given (the fuzzer tests the validation, not the store). */
const echo = new Proxy({} as HandlerTable, {
  get: (_target, name) => async (payload: unknown) => ({ echoed: String(name), payload }),
});

/**
 * Document `fuzz-doc`, found on disk as `file`: listed or reported by name (not both, not
 * neither), then opened whole and valid or refused with an error naming the file.
 */
async function listedOrReported(store: ProjectStore, file: string, what: string): Promise<void> {
  const { documents, problems } = await store.listDocuments();
  const listed = documents.some((d) => d.id === 'fuzz-doc');
  const reported = problems.some((p) => p.file === file && p.message.startsWith(`${file} is damaged`));
  if (listed === reported) throw new Error(`the ${what} was ${listed ? 'both listed and reported' : 'neither listed nor reported'}`);
  try {
    const doc = await store.readDocument('fuzz-doc');
    if (!validateDocumentFile(doc).ok || doc.id !== 'fuzz-doc') throw new Error('opened a document that does not validate');
    if (!listed) throw new Error('a document that opens was not listed');
  } catch (err) {
    checkReadError(err, file);
  }
}

/** An error from reading `file` must name it and say it was left untouched (CorruptFileError) or why it could not be read. */
function checkReadError(err: unknown, file: string): void {
  const message = err instanceof Error ? err.message : String(err);
  if (!message.startsWith(`${file} is damaged and was left untouched: `)) throw new Error(`reading ${file} failed without naming it: ${message.slice(0, 300)}`, { cause: err });
}

export const FUZZ_TARGETS: Record<string, (input: FuzzInput) => void | Promise<void>> = {
  /** The file entry point: decode, repair, detect, then whichever importer the content calls for. */
  importFile(input) {
    if (input.kind !== 'bytes') throw new Error('importFile takes bytes');
    checkResult(importFile({ name: input.name, bytes: input.bytes }, { now: new Date(0) }), input.name);
  },
  decodeDetect(input) {
    if (input.kind !== 'bytes') throw new Error('decodeDetect takes bytes');
    const decoded = decodeText(input.bytes);
    if (decoded.ok) detectFormat(decoded.text, input.name);
    else if (typeof decoded.reason !== 'string' || !decoded.reason) throw new Error('a decode failure without a reason');
  },
  plainText(input) {
    const { text: t, name } = text(input);
    checkResult(importPlainText(t, name), name);
  },
  archiveText(input) {
    const { text: t, name } = text(input);
    checkResult(importArchiveText(t, name), name);
  },
  archiveMarkdown(input) {
    const { text: t, name } = text(input);
    checkResult(importArchiveMarkdown(t, name), name);
    markdownInline(t);
  },
  archiveHtml(input) {
    const { text: t, name } = text(input);
    checkResult(importArchiveHtml(t, name), name);
  },
  tei(input) {
    const { text: t, name } = text(input);
    checkResult(importTei(t, name), name);
  },
  /** project.json as found on disk: the project opens with a valid project, or is refused naming the file; the file is never rewritten. */
  async projectFile(input) {
    const { text: t } = text(input);
    const files = memoryFiles();
    await files.file('project.json').write(t);
    try {
      const store = await ProjectStore.load(files, { lock: null, name: 'fuzz', dir: 'fuzz' });
      if (!validateProjectFile(store.project).ok) throw new Error('opened a project that does not validate');
    } catch (err) {
      checkReadError(err, 'project.json');
    }
    if ((await files.file('project.json').read()) !== t) throw new Error('project.json was rewritten');
  },
  /** A document file as found on disk: listed or reported by name, opened valid or refused by name, never rewritten. */
  async documentFile(input) {
    const { text: t } = text(input);
    const files = memoryFiles();
    const store = await ProjectStore.load(files, { lock: noLock(), create: true, name: 'fuzz', dir: 'fuzz' });
    const file = 'documents/fuzz-doc.json';
    await files.file(file).write(t);
    await listedOrReported(store, file, 'file');
    await store.close();
    if ((await files.file(file).read()) !== t) throw new Error(`${file} was rewritten`);
  },
  /**
   * A long document's head as found on disk (name 'head'), or one of its chunks (name 'chunk'),
   * beside valid chunk files: listed or reported naming the head, opened whole and valid or
   * refused naming the head (and the chunk), and neither the head nor a chunk ever rewritten.
   */
  async chunkedDocument(input) {
    const { text: t, name } = text(input);
    const fixture = chunkedFixture(CHUNKED_BASE);
    const files = memoryFiles();
    const store = await ProjectStore.load(files, { lock: noLock(), create: true, name: 'fuzz', dir: 'fuzz' });
    const file = 'documents/fuzz-doc.json';
    const [first] = fixture.chunks.keys();
    const written = new Map(fixture.chunks);
    written.set(file, canonicalJson(fixture.head));
    if (name === 'chunk') written.set(first!, t);
    else written.set(file, t);
    for (const [n, content] of written) await files.file(n).write(content);
    await listedOrReported(store, file, 'document');
    await store.close();
    for (const [n, content] of written) if ((await files.file(n).read()) !== content) throw new Error(`${n} was rewritten`);
  },
  async ipc(input) {
    if (input.kind !== 'ipc') throw new Error('ipc takes a request');
    const payload = expandDeep(input.payload);
    let envelope: Awaited<ReturnType<typeof dispatch>>;
    try {
      envelope = await dispatch(echo, input.request as never, payload);
    } catch (err) {
      throw new Error(`dispatch threw: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const known = (REQUEST_NAMES as readonly string[]).includes(input.request);
    if (!known) {
      if (envelope.ok || envelope.error.code !== 'unknown-request') throw new Error('an unknown request was not refused');
      return;
    }
    const schema = requestSchemas[input.request as keyof typeof requestSchemas];
    let accepts: boolean;
    try {
      accepts = schema.safeParse(payload ?? {}).success;
    } catch {
      accepts = false;
    }
    if (envelope.ok) {
      if (!accepts) throw new Error('a handler was reached with a payload its schema refuses');
      const value = envelope.value as { echoed?: string };
      if (value.echoed !== input.request) throw new Error('the wrong handler answered');
    } else if (envelope.error.code !== 'invalid-request' || typeof envelope.error.message !== 'string') {
      throw new Error(`an invalid payload got ${envelope.error.code}: ${envelope.error.message.slice(0, 200)}`);
    } else if (accepts) {
      throw new Error('a payload its schema accepts was refused');
    }
  },
};

export type FuzzTarget = keyof typeof FUZZ_TARGETS;
