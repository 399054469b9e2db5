/**
 * The stored document: metadata, the imported source, and the ProseMirror body.
 * Every file carries a `schemaVersion` and is validated when read.
 */
import { z } from 'zod';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from './schema';
import { normaliseMeta, richMetaProblems, type RichMeta } from './meta-text';

/** Version of the document file format. */
export const DOCUMENT_SCHEMA_VERSION = 1;

/** ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) or empty when unknown. */
export const isoDate = z
  .string()
  .regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/, 'date must be ISO (YYYY-MM-DD) or empty');

/** The plain metadata fields: what every reader and the project index see. */
const plainMetaSchema = z.object({
  title: z.string(),
  date: isoDate,
  citation: z.string().default(''),
  signature: z.string().default(''),
  summary: z.string().default(''),
  credits: z.string().default(''),
  originalLanguage: z.string().default(''),
  sourceUrl: z.string().default(''),
  translator: z.string().default(''),
  translatorNotes: z.string().default(''),
});

/**
 * Document metadata: plain strings, and for the prose fields that carry
 * corrections or insertions their rich form in `rich` (see meta-text.ts). Parsing
 * checks each rich form against its schema (an error names the field) and derives
 * the plain strings from them, so what is stored never disagrees.
 */
export const metaSchema = plainMetaSchema
  .extend({ rich: z.record(z.string(), z.lazy(() => pmJson)).optional() })
  .superRefine((meta, ctx) => {
    for (const problem of richMetaProblems(meta.rich)) {
      ctx.addIssue({ code: 'custom', path: ['rich', problem.field], message: problem.message });
    }
  })
  .transform((meta): z.infer<typeof plainMetaSchema> & { rich?: RichMeta } => normaliseMeta(meta as z.infer<typeof plainMetaSchema> & { rich?: RichMeta }));
/** Document metadata. */
export type DocumentMeta = z.infer<typeof metaSchema>;

/** A ProseMirror node as JSON (checked against the schema separately). */
export interface PMJson {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: PMJson[];
}

const pmJson: z.ZodType<PMJson> = z.lazy(() =>
  z.object({
    type: z.string(),
    text: z.string().optional(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    marks: z
      .array(z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
    content: z.array(pmJson).optional(),
  }),
);

export const sourceSchema = z.object({
  /** File name the document was imported from. */
  file: z.string().default(''),
  /** Importer that read it: text, markdown, html, tei. */
  format: z.string().default(''),
  importedAt: z.string().default(''),
  /** The witness section exactly as imported, line by line (blank lines included). */
  witness: z.array(z.string()).default([]),
  /** Repairs applied on import (e.g. mojibake), for the record. */
  notes: z.array(z.string()).default([]),
});
export type DocumentSource = z.infer<typeof sourceSchema>;

export const documentFileSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/, 'document id must be lowercase letters, digits and dashes'),
  meta: metaSchema,
  source: sourceSchema.default({ file: '', format: '', importedAt: '', witness: [], notes: [] }),
  body: pmJson,
  updatedAt: z.string().default(''),
});
/** A document file as stored in `documents/<id>.json`. */
export type DocumentFile = z.infer<typeof documentFileSchema>;

/** A document before it has an id and a place in a project: what importers return. */
export interface ImportedDocument {
  meta: DocumentMeta;
  source: DocumentSource;
  body: PMJson;
}

/** Result of validating untrusted data: a value or a message naming the problem. */
export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

/** Formats zod issues as one readable line: `path: message; ...`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Checks that a JSON body is a valid document under the ProseMirror schema. */
export function bodyToNode(body: PMJson): PMNode {
  const node = schema.nodeFromJSON(body);
  node.check();
  if (node.type !== schema.nodes.doc) throw new RangeError(`body must be a doc, got ${node.type.name}`);
  return node;
}

/** Validates parsed JSON as a document file, including its body against the schema. */
export function validateDocumentFile(data: unknown): Validated<DocumentFile> {
  const parsed = validateDocumentShape(data);
  if (!parsed.ok) return parsed;
  try {
    bodyToNode(parsed.value.body);
  } catch (err) {
    return { ok: false, error: `body: ${(err as Error).message}` };
  }
  return parsed;
}

/**
 * Checks a document file's shape (the document schema) but not its body
 * against ProseMirror's schema: for a body just built as a ProseMirror node
 * (a save), or a read made only to list.
 */
export function validateDocumentShape(data: unknown): Validated<DocumentFile> {
  const parsed = documentFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  return { ok: true, value: parsed.data };
}

/** An empty meta record with the given title. */
export function emptyMeta(title = ''): DocumentMeta {
  return metaSchema.parse({ title, date: '' });
}
