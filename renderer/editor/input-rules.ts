/**
 * Input rules. Only one, on purpose: typing `[text]` in the English (or the
 * original) turns it into an editorial insertion of `text`; Backspace right after
 * undoes the conversion and leaves the literal brackets.
 *
 * Not in the Korean restoration: there, brackets are characters of the source
 * (`[평양 주재 독일민주공화국 대사관]` garbles to `[ |Tm ]`) and must stay so for the
 * witness check. No other "smart" typing either: a translation keeps the
 * source's punctuation.
 */
import { InputRule, inputRules } from 'prosemirror-inputrules';
import type { Plugin } from 'prosemirror-state';
import type { Schema } from 'prosemirror-model';
import { stampAttrs } from './provenance';

const BRACKET_COLUMNS = new Set(['english', 'original']);

/** `[text]` → insertion of `text` (only when the text is not already an insertion). */
export function bracketInsertionRule(schema: Schema): InputRule {
  return new InputRule(/\[([^[\]\n]+)\]$/, (state, _match, start, end) => {
    const $start = state.doc.resolve(start);
    if (!BRACKET_COLUMNS.has($start.parent.type.name)) return null;
    const type = schema.marks.insertion;
    if (state.doc.rangeHasMark(start, end, type)) return null;
    const tr = state.tr;
    tr.addMark(start + 1, end, type.create(stampAttrs(state)));
    tr.delete(start, start + 1);
    // The typed `]` is not inserted: the brackets are drawn by the view.
    tr.removeStoredMark(type);
    return tr;
  });
}

/** Builds the input rules plugin for a schema. */
export function buildInputRules(schema: Schema): Plugin {
  return inputRules({ rules: [bracketInsertionRule(schema)] });
}
