/**
 * The text a find reads, taken from the ProseMirror document (never from the
 * screen, so rows a long document does not draw are searched too):
 *
 * - text runs: consecutive text nodes of one cell or one footnote, whatever
 *   their marks, so a match may cross a mark boundary (`Kim <name>II</name>
 *   Sung`). Inline nodes (footnotes, gaps, line breaks) end a run: text on the
 *   two sides of a footnote anchor is not one phrase. Positions are contiguous
 *   inside a run, so a run's offset plus its `from` is a document position;
 * - witness lines (read-only);
 * - metadata fields, as plain text.
 */
import type { Node } from 'prosemirror-model';
import type { TextColumn } from '../model/schema';
import type { DocumentMeta } from '../model/document';
import type { SearchScope } from './query';

/** A stretch of consecutive text in one cell (or one footnote inside it). */
export interface TextRun {
  /** Index of the row (segment) in the document. */
  segment: number;
  segmentId: string;
  column: TextColumn;
  /** Inside a footnote. */
  note: boolean;
  /** Document position of the run's first character. */
  from: number;
  text: string;
}

/** One witness line of a row. */
export interface WitnessLine {
  segment: number;
  segmentId: string;
  line: number;
  /** Document position of the witness node. */
  pos: number;
  text: string;
}

/** Metadata fields a find reads and replaces as plain text (the date is structured, not text). */
export const SEARCHABLE_META_FIELDS = [
  'title',
  'summary',
  'citation',
  'signature',
  'credits',
  'translator',
  'translatorNotes',
  'originalLanguage',
  'sourceUrl',
] as const satisfies readonly (keyof DocumentMeta)[];
/** One searchable metadata field. */
export type MetaField = (typeof SEARCHABLE_META_FIELDS)[number];

/** Which parts of a document a scope reads. */
export interface ScopeParts {
  english: boolean;
  korean: boolean;
  original: boolean;
  notes: boolean;
  witness: boolean;
  meta: boolean;
}

/** The parts a scope reads. */
export function scopeParts(scope: SearchScope): ScopeParts {
  const all = scope === 'all';
  return {
    english: all || scope === 'english',
    korean: all || scope === 'korean',
    original: all,
    notes: all || scope === 'notes',
    witness: all || scope === 'witness',
    meta: all || scope === 'meta',
  };
}

const COLUMNS = new Set<string>(['english', 'korean', 'original']);

/**
 * Walks the rows of `doc` in document order and calls `onRun` for every text
 * run and `onWitness` for every witness line the scope reads.
 */
export function walkDocument(
  doc: Node,
  parts: ScopeParts,
  onRun: (run: TextRun) => void,
  onWitness: (line: WitnessLine) => void,
): void {
  doc.forEach((segment, segOffset, segIndex) => {
    const segmentId = String(segment.attrs.id ?? '');
    segment.forEach((cell, cellOffset) => {
      const cellPos = segOffset + 1 + cellOffset;
      const name = cell.type.name;
      if (name === 'witness') {
        if (!parts.witness) return;
        (cell.attrs.lines as string[]).forEach((text, line) => {
          if (text) onWitness({ segment: segIndex, segmentId, line, pos: cellPos, text });
        });
        return;
      }
      if (!COLUMNS.has(name)) return;
      const column = name as TextColumn;
      const wantText = parts[column];
      if (!wantText && !parts.notes) return;
      let run: TextRun | null = null;
      const flush = () => {
        if (run && (run.note ? parts.notes : wantText)) onRun(run);
        run = null;
      };
      const walk = (parent: Node, contentStart: number, note: boolean) => {
        parent.forEach((child, offset) => {
          const pos = contentStart + offset;
          if (child.isText) {
            const current = run as TextRun | null;
            if (current && current.from + current.text.length === pos && current.note === note) current.text += child.text ?? '';
            else {
              flush();
              run = { segment: segIndex, segmentId, column, note, from: pos, text: child.text ?? '' };
            }
            return;
          }
          flush();
          if (child.content.size) walk(child, pos + 1, note || child.type.name === 'footnote');
          flush();
        });
      };
      walk(cell, cellPos + 1, false);
      flush();
    });
  });
}

/** The metadata fields a scope reads, with their text (empty fields left out). */
export function metaFields(meta: DocumentMeta | null | undefined, parts: ScopeParts): { field: MetaField; text: string }[] {
  if (!meta || !parts.meta) return [];
  return SEARCHABLE_META_FIELDS.map((field) => ({ field, text: String(meta[field] ?? '') })).filter((f) => f.text);
}
