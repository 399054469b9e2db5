/**
 * A document as the texts rules read: each cell of each row, each footnote's
 * content, each metadata field. Every character knows its place, so a rule finds
 * by string offsets and the finding gets document positions.
 */
import type { Node } from 'prosemirror-model';
import type { DocumentMeta } from '../model/document';
import type { MetaField, QaPlace } from './types';

/** Stands for an inline node that is not text (a gap, a footnote's anchor): no rule matches it. */
export const OBJECT_CHAR = '\uFFFC';

/** One text a rule reads. */
export interface QaText {
  /** The row's id and cell, or the metadata field. */
  where: { kind: 'body'; segment: string; row: number; column: 'english' | 'korean' | 'original' | 'footnote' } | { kind: 'meta'; field: MetaField };
  text: string;
  /** Body texts: each character's document position. Metadata: none (offsets are the places). */
  positions: Int32Array | null;
  /** Body texts: 1 where the character is inside an `insertion` (its brackets are drawn, not typed). */
  inserted: Uint8Array | null;
  /** Body texts: 1 where the character is inside a `correction` (already an editor's reading). */
  corrected: Uint8Array | null;
}

/** The place of the characters `start` to `end` of `t`. */
export function placeOf(t: QaText, start: number, end: number): QaPlace {
  if (t.where.kind === 'meta') return { kind: 'meta', field: t.where.field, from: start, to: end };
  const pos = t.positions!;
  const from = start < pos.length ? pos[start] : pos.length ? pos[pos.length - 1] + 1 : 0;
  const to = end > start ? pos[end - 1] + 1 : from;
  return { kind: 'body', segment: t.where.segment, row: t.where.row, column: t.where.column, from, to };
}

class Builder {
  text = '';
  positions: number[] = [];
  inserted: number[] = [];
  corrected: number[] = [];
  push(chars: string, pos: number, inserted: boolean, corrected: boolean, step = 1): void {
    this.text += chars;
    for (let i = 0; i < chars.length; i++) {
      this.positions.push(pos + i * step);
      this.inserted.push(inserted ? 1 : 0);
      this.corrected.push(corrected ? 1 : 0);
    }
  }
  done(where: QaText['where']): QaText {
    return {
      where,
      text: this.text,
      positions: Int32Array.from(this.positions),
      inserted: Uint8Array.from(this.inserted),
      corrected: Uint8Array.from(this.corrected),
    };
  }
}

/** The metadata fields rules read, in the form's order. */
export const META_FIELDS: readonly MetaField[] = [
  'title',
  'signature',
  'originalLanguage',
  'translator',
  'citation',
  'summary',
  'credits',
  'sourceUrl',
  'translatorNotes',
];

/** Reads inline content starting at document position `start`; footnotes go to `notes`. */
function readInline(parent: Node, start: number, out: Builder, notes: (node: Node, pos: number) => void): void {
  parent.forEach((child, offset) => {
    const pos = start + offset;
    const marks = child.marks;
    const inserted = marks.some((m) => m.type.name === 'insertion');
    const corrected = marks.some((m) => m.type.name === 'correction');
    if (child.isText) out.push(child.text ?? '', pos, inserted, corrected);
    else if (child.type.name === 'hard_break') out.push('\n', pos, false, false);
    else if (child.type.name === 'unclear') out.push(child.textContent, pos + 1, inserted, corrected);
    else {
      out.push(OBJECT_CHAR, pos, inserted, corrected);
      if (child.type.name === 'footnote') notes(child, pos);
    }
  });
}

/** Every text of a document's body, row by row, a row's footnotes after its cell. */
export function bodyTexts(doc: Node): QaText[] {
  const texts: QaText[] = [];
  doc.forEach((segment, segOffset, index) => {
    const id = String(segment.attrs.id ?? '');
    const row = index + 1;
    segment.forEach((cell, cellOffset) => {
      const column = cell.type.name;
      if (column !== 'english' && column !== 'korean' && column !== 'original') return;
      const start = segOffset + 1 + cellOffset + 1;
      const notes: QaText[] = [];
      const out = new Builder();
      readInline(cell, start, out, (note, pos) => {
        const inner = new Builder();
        readInline(note, pos + 1, inner, () => {});
        notes.push(inner.done({ kind: 'body', segment: id, row, column: 'footnote' }));
      });
      texts.push(out.done({ kind: 'body', segment: id, row, column }), ...notes);
    });
  });
  return texts;
}

/** Each metadata field with text, as a text of its own. */
export function metaTexts(meta: DocumentMeta): QaText[] {
  return META_FIELDS.filter((field) => meta[field]).map((field) => ({
    where: { kind: 'meta', field },
    text: meta[field],
    positions: null,
    inserted: null,
    corrected: null,
  }));
}

/** True when any character from `start` to `end` is flagged in `flags`. */
export function anyFlag(flags: Uint8Array | null, start: number, end: number): boolean {
  if (!flags) return false;
  for (let i = start; i < end; i++) if (flags[i]) return true;
  return false;
}
