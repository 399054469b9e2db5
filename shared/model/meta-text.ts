/**
 * Metadata text that can be corrected: the rich form of a metadata field.
 *
 * A document's metadata stays plain strings (`meta.title`, `meta.summary`, …): every
 * reader, the project index in project.json and the search keep working on them.
 * A field that carries editorial marks also has a rich form in `meta.rich[field]`:
 * one line of inline content (text and line breaks) with the body's `insertion`
 * and `correction` marks, same specs and attributes (provenance included), as the
 * JSON of {@link metaTextSchema}'s top node `field`.
 *
 * The two never disagree once stored: {@link normaliseMeta} runs wherever metadata
 * is validated (loading, saving, every IPC payload), and
 * - the plain string is the rich form's text (a line break is `\n`), so a
 *   character offset in the plain string is the same position in the rich form;
 * - a writer that knows only plain text (a find-and-replace, an importer, an older
 *   client) may change the plain string: the rich form then follows it. The text
 *   both share at the start and the end keeps its marks and what changed between
 *   becomes unmarked text, so nothing typed is lost and no mark is invented;
 * - a rich form without marks is dropped (the plain string says it all), so
 *   documents without corrections in their metadata are stored as before.
 */
import { Fragment, Schema, type Node as PMNode, type MarkSpec } from 'prosemirror-model';
import type { DocumentMeta, PMJson } from './document';
import { schema } from './schema';

/** Metadata fields that may hold corrections and insertions (the prose of the metadata). */
export const RICH_META_FIELDS = ['title', 'citation', 'summary', 'credits', 'translatorNotes'] as const;
export type RichMetaField = (typeof RICH_META_FIELDS)[number];

/** Rich forms of the metadata fields that have marks (`meta.rich`). */
export type RichMeta = Partial<Record<RichMetaField, PMJson>>;

/** Fields edited as several lines (Enter is a line break there). */
export const MULTILINE_META_FIELDS: readonly RichMetaField[] = ['citation', 'summary', 'translatorNotes'];

/** True for a field that has a rich form. */
export function isRichMetaField(field: string): field is RichMetaField {
  return (RICH_META_FIELDS as readonly string[]).includes(field);
}

function markSpec(name: string): MarkSpec {
  const spec = schema.spec.marks.get(name);
  if (!spec) throw new Error(`the document schema has no mark ${name}`);
  return spec;
}

/**
 * The schema of one metadata field: inline text and line breaks under a `field`
 * top node, with the body's `insertion` and `correction` marks (the same specs, so
 * the same attributes, validation, DOM and commands).
 */
export const metaTextSchema = new Schema({
  topNode: 'field',
  nodes: {
    field: { content: 'inline*', marks: 'insertion correction' },
    text: { group: 'inline' },
    hard_break: {
      inline: true,
      group: 'inline',
      selectable: false,
      leafText: () => '\n',
      parseDOM: [{ tag: 'br' }],
      toDOM: () => ['br'],
    },
  },
  marks: { insertion: markSpec('insertion'), correction: markSpec('correction') },
});

/** The plain text of a field's rich form (a line break is `\n`): one character per position. */
export function plainOfRich(node: PMNode): string {
  return node.textBetween(0, node.content.size, '', (leaf) => (leaf.type.name === 'hard_break' ? '\n' : ''));
}

/** Inline content for plain text (lines joined by breaks), carrying `marks`. */
function inlineOfPlain(text: string, marks: PMNode['marks'] = []): PMNode[] {
  const out: PMNode[] = [];
  text.split('\n').forEach((line, i) => {
    if (i) out.push(metaTextSchema.nodes.hard_break.create());
    if (line) out.push(metaTextSchema.text(line, marks));
  });
  return out;
}

/** A field's rich form holding plain text, without marks. */
export function richOfPlain(text: string): PMNode {
  return metaTextSchema.nodes.field.create(null, inlineOfPlain(text));
}

/**
 * Reads a field's rich form from JSON, checked against {@link metaTextSchema}.
 * Throws a RangeError saying what is wrong.
 */
export function richFromJson(json: PMJson): PMNode {
  if (json?.type !== 'field') throw new RangeError(`must be a "field" node, got ${JSON.stringify(json?.type)}`);
  const node = metaTextSchema.nodeFromJSON(json);
  node.check();
  return node;
}

/** True when a field's rich form holds any mark (else the plain string says it all). */
export function hasMarks(node: PMNode): boolean {
  let found = false;
  node.descendants((child) => {
    if (child.marks.length) found = true;
    return !found;
  });
  return found;
}

/** Moves `n` off the middle of a surrogate pair in `text`, towards the start. */
function pairSafe(text: string, n: number): number {
  return n > 0 && n < text.length && /[\uD800-\uDBFF]/.test(text[n - 1]) ? n - 1 : n;
}

/**
 * The rich form made to read `plain`: the text it shares with `plain` at the start
 * and the end keeps its marks; what differs between becomes unmarked text.
 */
export function rebaseRich(node: PMNode, plain: string): PMNode {
  const old = plainOfRich(node);
  if (old === plain) return node;
  let start = 0;
  const max = Math.min(old.length, plain.length);
  while (start < max && old[start] === plain[start]) start++;
  start = pairSafe(old, start);
  let end = 0;
  while (end < max - start && old[old.length - 1 - end] === plain[plain.length - 1 - end]) end++;
  while (end > 0 && (pairSafe(old, old.length - end) !== old.length - end || pairSafe(plain, plain.length - end) !== plain.length - end)) end--;
  const middle = Fragment.fromArray(inlineOfPlain(plain.slice(start, plain.length - end)));
  const content = node.content.cut(0, start).append(middle).append(node.content.cut(old.length - end));
  return metaTextSchema.nodes.field.create(null, content);
}

/** One problem with a rich form: the field and what is wrong. */
export interface RichMetaProblem {
  field: string;
  message: string;
}

/** Checks every rich form of `rich` (unknown fields included); empty when all are valid. */
export function richMetaProblems(rich: Record<string, PMJson | undefined> | undefined): RichMetaProblem[] {
  const problems: RichMetaProblem[] = [];
  for (const [field, json] of Object.entries(rich ?? {})) {
    if (json === undefined) continue;
    if (!isRichMetaField(field)) {
      problems.push({ field, message: `${field} cannot hold corrections (only ${RICH_META_FIELDS.join(', ')} can)` });
      continue;
    }
    try {
      richFromJson(json);
    } catch (err) {
      problems.push({ field, message: `the corrected text of ${field} is not valid: ${(err as Error).message}` });
    }
  }
  return problems;
}

/**
 * The metadata as stored: each rich form made to read its plain string (see the
 * module comment) and written as its schema writes it, rich forms without marks
 * dropped, `rich` itself dropped when empty. Rich forms must be valid
 * ({@link richMetaProblems}); an invalid one throws. Metadata without `rich` is
 * returned as it is.
 */
export function normaliseMeta<M extends Pick<DocumentMeta, RichMetaField | 'rich'>>(meta: M): M {
  if (!meta.rich) return meta;
  const rich: RichMeta = {};
  for (const field of RICH_META_FIELDS) {
    const json = meta.rich[field];
    if (!json) continue;
    const node = rebaseRich(richFromJson(json), meta[field]);
    if (hasMarks(node)) rich[field] = node.toJSON() as PMJson;
  }
  const next = { ...meta };
  if (Object.keys(rich).length) next.rich = rich;
  else delete next.rich;
  return next;
}

/** A field's rich form: the stored one, or its plain text without marks. */
export function richField(meta: Pick<DocumentMeta, RichMetaField | 'rich'>, field: RichMetaField): PMNode {
  const json = meta.rich?.[field];
  return json ? rebaseRich(richFromJson(json), meta[field]) : richOfPlain(meta[field]);
}

/** The metadata with `field` set from its rich form: the plain string derived, the rich form kept if it has marks. */
export function withRichField<M extends Pick<DocumentMeta, RichMetaField | 'rich'>>(meta: M, field: RichMetaField, node: PMNode): M {
  const next = { ...meta, [field]: plainOfRich(node) };
  const rich: RichMeta = { ...meta.rich };
  if (hasMarks(node)) rich[field] = node.toJSON() as PMJson;
  else delete rich[field];
  if (Object.keys(rich).length) next.rich = rich;
  else delete next.rich;
  return next;
}

/** The field's rich JSON when it has marks, for exporters (null: print the plain string as before). */
export function richJsonOf(meta: Pick<DocumentMeta, RichMetaField | 'rich'>, field: RichMetaField): PMJson | null {
  const json = meta.rich?.[field];
  if (!json) return null;
  try {
    const node = richField(meta, field);
    return hasMarks(node) ? (node.toJSON() as PMJson) : null;
  } catch {
    return null; // validated on load: an invalid form cannot reach an exporter, but never fail an export on it
  }
}
