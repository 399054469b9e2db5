/**
 * Replacing what a find found, as steps of one ProseMirror transform (the open
 * document's transaction, one undo step; or a plain `Transform` over a stored
 * document in the main process), and in metadata: as plain text, or through
 * the rich form of a field that can hold corrections (meta-text.ts).
 *
 * - Only what changes is replaced: the common start and end of the match and
 *   its replacement stay, so marks on them stay exactly (`Kim II Sung` →
 *   `Kim Il Sung` replaces one letter); the changed middle takes the marks of
 *   the text it replaces.
 * - As a correction, the whole match becomes a `correction` whose `original`
 *   is the source's reading. A match touching an existing correction takes it
 *   in: the source's reading of that part is the old correction's original, so
 *   correcting twice never loses what the source said.
 */
import { Transform } from 'prosemirror-transform';
import type { Mark, Node } from 'prosemirror-model';
import { schema as documentSchema } from '../model/schema';
import type { DocumentMeta, PMJson } from '../model/document';
import { compilePattern } from './pattern';
import { searchDocument, type SearchHit } from './find';
import type { SearchQuery } from './query';
import type { MetaField } from './fields';
import { isRichMetaField, richField, withRichField } from '../model/meta-text';
import type { ProvenanceStamp } from '../model/provenance';

/** How replacements are made. */
export interface ReplaceOptions {
  /** Each replacement becomes a correction keeping the source's reading. */
  asCorrection?: boolean;
  /** Who made the corrections, and when (provenance.ts); unrecorded without it. */
  stamp?: ProvenanceStamp;
}

/** What a replacement did. */
export interface ReplaceOutcome {
  replaced: number;
  /** Hits left alone, and why (read-only witness, text changed since the find, metadata as correction). */
  skipped: { hit: SearchHit; reason: string }[];
}

function isSurrogateHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Lengths of the common start and end of `a` and `b`, never splitting a surrogate pair, never overlapping. */
export function commonEnds(a: string, b: string): { start: number; end: number } {
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  if (start > 0 && start < max && isSurrogateHigh(a.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  // A low surrogate at the cut would split a pair: keep the pair in the changed middle.
  if (end > 0 && end < a.length - start && isSurrogateHigh(a.charCodeAt(a.length - 1 - end))) end--;
  return { start, end };
}

/**
 * The correction ranges of `parent`'s inline content touching [from, to) (document
 * positions; `contentStart` is the parent's content start), merged with it, and
 * the source's reading of the merged range.
 */
function sourceReading(doc: Node, from: number, to: number): { from: number; to: number; original: string } {
  const $from = doc.resolve(from);
  const parent = $from.parent;
  const contentStart = $from.start();
  const type = doc.type.schema.marks.correction;
  // Correction ranges of the parent (adjacent text nodes sharing one correction mark).
  const ranges: { from: number; to: number; mark: Mark }[] = [];
  parent.forEach((child, offset) => {
    const mark = child.isText ? type.isInSet(child.marks) : undefined;
    const start = contentStart + offset;
    const last = ranges[ranges.length - 1];
    if (mark && last && last.to === start && last.mark.eq(mark)) last.to = start + child.nodeSize;
    else if (mark) ranges.push({ from: start, to: start + child.nodeSize, mark });
  });
  let lo = from;
  let hi = to;
  const touching = ranges.filter((r) => r.from < to && r.to > from);
  for (const r of touching) {
    lo = Math.min(lo, r.from);
    hi = Math.max(hi, r.to);
  }
  let original = '';
  let at = lo;
  for (const r of touching) {
    original += doc.textBetween(at, r.from) + String(r.mark.attrs.original);
    at = r.to;
  }
  original += doc.textBetween(at, hi);
  return { from: lo, to: hi, original };
}

/** Replaces one text hit in `tr` (its positions must be valid in `tr.doc`); false when the text there changed. */
function replaceHit(tr: Transform, hit: SearchHit, replacement: string, options: ReplaceOptions): boolean {
  const doc = tr.doc;
  if (hit.from < 0 || hit.to > doc.content.size || hit.from >= hit.to) return false;
  const $from = doc.resolve(hit.from);
  if (!$from.parent.inlineContent || hit.to > $from.end() || doc.textBetween(hit.from, hit.to) !== hit.text) return false;
  const type = doc.type.schema.marks.correction;
  const correct = options.asCorrection && $from.parent.type.allowsMarkType(type);
  const source = correct ? sourceReading(doc, hit.from, hit.to) : null;

  const { start, end } = commonEnds(hit.text, replacement);
  const from = hit.from + start;
  const to = hit.to - end;
  const middle = replacement.slice(start, replacement.length - end);
  if (from < to || middle) {
    // The changed middle takes the marks of the text it replaces (for a pure insertion: the text before it).
    const $at = doc.resolve(from);
    const marks = (from < to ? $at.nodeAfter?.marks : ($at.nodeBefore ?? $at.nodeAfter)?.marks) ?? [];
    if (middle) tr.replaceWith(from, to, doc.type.schema.text(middle, marks));
    else tr.delete(from, to);
  }
  if (source) {
    const newTo = source.to + (replacement.length - hit.text.length);
    tr.removeMark(source.from, newTo, type);
    // A replacement that gives back the source's reading is no correction at all.
    if (tr.doc.textBetween(source.from, newTo) !== source.original) {
      tr.addMark(source.from, newTo, type.create({ original: source.original, ...options.stamp }));
    }
  }
  return true;
}

/**
 * Adds the replacements of `hits` (text hits, positions in `tr.doc`, each with
 * its `replacement`) to `tr`, last first so earlier positions hold. Witness and
 * metadata hits are skipped here (metadata: `replaceInMeta`).
 */
export function replaceTextHits(tr: Transform, hits: readonly SearchHit[], options: ReplaceOptions = {}): ReplaceOutcome {
  const outcome: ReplaceOutcome = { replaced: 0, skipped: [] };
  const text = hits.filter((hit) => hit.place.kind === 'text').sort((a, b) => b.from - a.from);
  let floor = Infinity;
  for (const hit of text) {
    if (hit.to > floor) {
      outcome.skipped.push({ hit, reason: 'overlaps another match' });
      continue;
    }
    if (replaceHit(tr, hit, hit.replacement ?? '', options)) {
      outcome.replaced++;
      floor = hit.from;
    } else {
      outcome.skipped.push({ hit, reason: 'the text there changed since the search' });
    }
  }
  for (const hit of hits) {
    if (hit.place.kind === 'witness') outcome.skipped.push({ hit, reason: 'the witness is read-only' });
  }
  return outcome;
}

/**
 * The metadata with the replacements of its hits made. As plain text; as a
 * correction, through the field's rich form (meta-text.ts), so the source's
 * reading is kept as in the body. A field that has no rich form (a signature,
 * a language) cannot keep a correction: its hits are skipped with the reason.
 */
export function replaceInMeta(
  meta: DocumentMeta,
  hits: readonly SearchHit[],
  options: ReplaceOptions = {},
): { meta: DocumentMeta } & ReplaceOutcome {
  const outcome: ReplaceOutcome = { replaced: 0, skipped: [] };
  let next = { ...meta };
  const byField = new Map<MetaField, SearchHit[]>();
  for (const hit of hits) {
    if (hit.place.kind !== 'meta') continue;
    if (options.asCorrection && !isRichMetaField(hit.place.field)) {
      outcome.skipped.push({ hit, reason: `the ${hit.place.field} field is plain text and cannot keep a correction’s source reading` });
      continue;
    }
    const list = byField.get(hit.place.field) ?? [];
    list.push(hit);
    byField.set(hit.place.field, list);
  }
  for (const [field, list] of byField) {
    if (options.asCorrection && isRichMetaField(field)) {
      // The rich form's positions are the plain string's offsets (meta-text.ts).
      const tr = new Transform(richField(next, field));
      const asText = new Map<SearchHit, SearchHit>(
        list.map((hit) => [{ ...hit, place: { kind: 'text', column: 'english', note: false, segment: -1, segmentId: '' } }, hit]),
      );
      const done = replaceTextHits(tr, [...asText.keys()], options);
      outcome.replaced += done.replaced;
      outcome.skipped.push(...done.skipped.map(({ hit, reason }) => ({ hit: asText.get(hit) ?? hit, reason })));
      next = withRichField(next, field, tr.doc);
      continue;
    }
    let value = next[field];
    for (const hit of [...list].sort((a, b) => b.from - a.from)) {
      if (value.slice(hit.from, hit.to) !== hit.text) {
        outcome.skipped.push({ hit, reason: 'the text there changed since the search' });
        continue;
      }
      value = value.slice(0, hit.from) + (hit.replacement ?? '') + value.slice(hit.to);
      outcome.replaced++;
    }
    next[field] = value;
  }
  return { meta: next, ...outcome };
}

/** A stored document (its metadata and body) after replacing every match of a query. */
export interface DocumentReplacement extends ReplaceOutcome {
  meta: DocumentMeta;
  body: PMJson;
  /** Every hit found (with its replacement), before anything changed. */
  hits: SearchHit[];
}

/**
 * Replaces every match of `query` in a stored document: the body through one
 * `Transform`, the metadata as plain text. Throws a RangeError for an invalid
 * pattern (callers compile and report first).
 */
export function replaceInDocument(
  doc: { meta: DocumentMeta; body: PMJson },
  query: SearchQuery,
  replacement: string,
  options: ReplaceOptions = {},
): DocumentReplacement {
  const compiled = compilePattern(query);
  if (!compiled.ok) throw new RangeError(compiled.error);
  const node = documentSchema.nodeFromJSON(doc.body);
  const hits = searchDocument(node, doc.meta, compiled, replacement);
  const tr = new Transform(node);
  const body = replaceTextHits(tr, hits, options);
  const meta = replaceInMeta(doc.meta, hits, options);
  return {
    meta: meta.meta,
    body: tr.doc.toJSON() as PMJson,
    hits,
    replaced: body.replaced + meta.replaced,
    skipped: [...body.skipped, ...meta.skipped],
  };
}
