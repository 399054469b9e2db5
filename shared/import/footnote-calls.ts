/**
 * Footnote calls inside an importer's plain row text. An HTML page's notes are
 * read apart from its rows; where a row calls note `n`, its text holds
 * `\uFFFC n \uFFFC` (U+FFFC, the object replacement character, which no page's
 * text keeps: html-blocks.ts removes it). `assemble` turns each call into a
 * footnote node holding the note's text, and the witness aligner reads the rows
 * without them.
 */
import { inlineFromPlain, mergeText, type BuildProvenance } from '../model/build';
import type { PMJson } from '../model/document';

export const FOOTNOTE_CALL = '\uFFFC';

const CALLS = /\uFFFC(\d+)\uFFFC/g;

/** The call of note `n` (1-based) as it stands in row text. */
export function footnoteCall(n: number): string {
  return `${FOOTNOTE_CALL}${n}${FOOTNOTE_CALL}`;
}

/** Row text without its footnote calls. */
export function withoutCalls(text: string): string {
  return text.includes(FOOTNOTE_CALL) ? text.replace(CALLS, '') : text;
}

/**
 * Inline content of a row: its text as {@link inlineFromPlain} reads it, with a
 * footnote node (the note's text, by `provenance`) at each call of a known note.
 */
export function inlineWithNotes(text: string, notes: readonly string[], provenance?: BuildProvenance): PMJson[] {
  if (!text.includes(FOOTNOTE_CALL)) return inlineFromPlain(text, provenance);
  const out: PMJson[] = [];
  let last = 0;
  for (const m of text.matchAll(CALLS)) {
    out.push(...inlineFromPlain(text.slice(last, m.index), provenance));
    const note = notes[Number(m[1]) - 1];
    if (note !== undefined) {
      out.push({ type: 'footnote', attrs: { id: '', resp: provenance?.resp ?? '', when: provenance?.when ?? '' }, content: inlineFromPlain(note, provenance) });
    }
    last = m.index + m[0].length;
  }
  out.push(...inlineFromPlain(text.slice(last), provenance));
  return mergeText(out);
}
