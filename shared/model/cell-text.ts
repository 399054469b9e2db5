/**
 * A cell (a column node: English, Korean restoration, original) as text: the
 * one reader of a cell's text for the witness check, sentence rows and row
 * states. Text as is, hard breaks as `\n`, a gap as one {@link GAP_GLYPH}
 * (one placeholder whatever its width: the check reads it as any witness
 * text), an uncertain reading (`unclear`) by its text; footnotes are notes,
 * not the cell's text, and count as nothing.
 */
import type { Node } from 'prosemirror-model';
import { GAP_GLYPH } from './gap';

/** A cell's text and where each character came from. */
export interface CellText {
  text: string;
  /**
   * For each character of `text`, its offset in the cell's content (add the
   * position of the cell's content start for a document position), then one
   * more entry: the content's size.
   */
  offsets: Int32Array;
}

/** Reads a cell's text, with the offset of each character (see {@link CellText}). */
export function cellText(cell: Node): CellText {
  let text = '';
  const offsets: number[] = [];
  cell.forEach((child, offset) => {
    const name = child.type.name;
    if (child.isText) {
      const t = child.text ?? '';
      text += t;
      for (let i = 0; i < t.length; i++) offsets.push(offset + i);
    } else if (name === 'hard_break') {
      text += '\n';
      offsets.push(offset);
    } else if (name === 'gap') {
      text += GAP_GLYPH;
      offsets.push(offset);
    } else if (name === 'unclear') {
      // An uncertain reading is still the reading: its text counts.
      const t = child.textContent;
      text += t;
      for (let i = 0; i < t.length; i++) offsets.push(offset + 1 + i);
    }
  });
  offsets.push(cell.content.size);
  return { text, offsets: Int32Array.from(offsets) };
}
