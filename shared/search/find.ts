/**
 * Finding in one document: every match of a compiled pattern in the text a
 * scope reads, in the order a reader meets them (metadata, then row by row),
 * each with its place, its context and, when a replacement is given, what it
 * would become. Pure: the editor's find, the project search in the main process
 * and the CLI all call this over a ProseMirror document.
 */
import type { Node } from 'prosemirror-model';
import type { TextColumn } from '../model/schema';
import type { DocumentMeta } from '../model/document';
import { expandReplacement, matchText, type CompiledPattern } from './pattern';
import { metaFields, scopeParts, walkDocument, type MetaField } from './fields';

/** Where a match is. */
export type HitPlace =
  | { kind: 'text'; column: TextColumn; note: boolean; segment: number; segmentId: string }
  | { kind: 'witness'; segment: number; segmentId: string; line: number }
  | { kind: 'meta'; field: MetaField };

/** One match. */
export interface SearchHit {
  place: HitPlace;
  /**
   * Text matches: document positions. Witness matches: offsets in the line
   * (the witness node is at `nodePos`). Metadata matches: offsets in the field.
   */
  from: number;
  to: number;
  /** Document position of the witness node (witness matches only). */
  nodePos?: number;
  /** The matched text. */
  text: string;
  /** Up to `CONTEXT` characters of the same run before and after the match. */
  before: string;
  after: string;
  /** What the match becomes (only when a replacement was asked for). */
  replacement?: string;
}

/** Characters of context kept on each side of a match. */
export const CONTEXT = 40;

function contextOf(text: string, index: number, length: number): { before: string; after: string } {
  const start = Math.max(0, index - CONTEXT);
  const end = Math.min(text.length, index + length + CONTEXT);
  return {
    before: (start > 0 ? '…' : '') + text.slice(start, index),
    after: text.slice(index + length, end) + (end < text.length ? '…' : ''),
  };
}

/**
 * Every match in `doc` (and `meta`, when the scope reads metadata; with a null
 * `doc`, in the metadata only). With
 * `replacement`, each hit carries its expanded replacement. An invalid
 * pattern finds nothing (check `compiled.ok` first to show why).
 */
export function searchDocument(doc: Node | null, meta: DocumentMeta | null, compiled: CompiledPattern, replacement?: string): SearchHit[] {
  if (!compiled.ok) return [];
  const { re, query } = compiled;
  const parts = scopeParts(query.scope);
  const hits: SearchHit[] = [];
  const push = (source: string, place: HitPlace, base: number, extra: Partial<SearchHit> = {}) => {
    for (const m of matchText(re, source)) {
      hits.push({
        place,
        from: base + m.index,
        to: base + m.index + m.text.length,
        text: m.text,
        ...contextOf(source, m.index, m.text.length),
        ...extra,
        ...(replacement !== undefined ? { replacement: expandReplacement(replacement, m, source, query.regex) } : {}),
      });
    }
  };
  for (const { field, text } of metaFields(meta, parts)) push(text, { kind: 'meta', field }, 0);
  if (!doc) return hits;
  walkDocument(
    doc,
    parts,
    (run) => push(run.text, { kind: 'text', column: run.column, note: run.note, segment: run.segment, segmentId: run.segmentId }, run.from),
    (line) => push(line.text, { kind: 'witness', segment: line.segment, segmentId: line.segmentId, line: line.line }, 0, { nodePos: line.pos }),
  );
  return hits;
}

/** Counts of a document's hits by where they are. */
export interface HitCounts {
  total: number;
  english: number;
  korean: number;
  original: number;
  notes: number;
  witness: number;
  meta: number;
}

/** Counts hits by part of the document (a footnote's hits count as notes, whatever its column). */
export function countHits(hits: readonly SearchHit[]): HitCounts {
  const counts: HitCounts = { total: hits.length, english: 0, korean: 0, original: 0, notes: 0, witness: 0, meta: 0 };
  for (const { place } of hits) {
    if (place.kind === 'meta') counts.meta++;
    else if (place.kind === 'witness') counts.witness++;
    else if (place.note) counts.notes++;
    else counts[place.column]++;
  }
  return counts;
}

/** True when a hit can be replaced (witness text is read-only). */
export function replaceable(hit: SearchHit): boolean {
  return hit.place.kind !== 'witness';
}

/** A short name of where a hit is, for lists: `row 12 · English`, `row 3 · note`, `summary`. */
export function describePlace(place: HitPlace): string {
  if (place.kind === 'meta') return place.field === 'translatorNotes' ? 'translator’s notes' : place.field;
  const row = `row ${place.segment + 1}`;
  if (place.kind === 'witness') return `${row} · witness`;
  if (place.note) return `${row} · note`;
  return `${row} · ${place.column === 'english' ? 'English' : place.column === 'korean' ? 'Korean' : 'original'}`;
}
