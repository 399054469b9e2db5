/**
 * Splitting a witness line where the translator is working, from the keyboard:
 * at the witness characters picked (a click in the witness column picks a word,
 * a drag picks characters: witness-pick.ts), or, with nothing picked, after the
 * witness text that the restoration before the caret accounts for (restore a
 * sentence, then split: the witness is cut after that sentence's period).
 */
import type { Command, EditorState } from 'prosemirror-state';
import { joinWitnessLine, splitWitnessLine, type WitnessPoint } from '../editor/commands/segments';
import { continuesOf, linesOf, segmentAt } from '../editor/positions';
import { suggestKey } from './suggest';
import { segmentCheckAt } from './witness-check';
import { lineOf, offsetAt, restorationText } from './segment-text';

/** Where the witness would be split: the pick's start (its end when it starts the line), else after what the caret's restoration accounts for. */
export function witnessSplitPoint(state: EditorState): WitnessPoint | null {
  const pick = suggestKey.getState(state)?.pick;
  if (pick) {
    const row = state.doc.resolve(pick.segmentPos).index(0);
    return { row, line: pick.line, offset: pick.from > 0 ? pick.from : pick.to };
  }
  const { $head } = state.selection;
  const seg = segmentAt($head);
  if (!seg || $head.parent.type.name !== 'korean') return null;
  const found = segmentCheckAt(state, seg.pos);
  if (!found) return null;
  const { parts, check } = found;
  const rt = restorationText(parts.korean);
  const offset = offsetAt(rt, $head.pos - (parts.koreanPos + 1));
  const { line } = lineOf(rt, offset);
  // The last witness column confirmed by a character before the caret, on the caret's line.
  let column = -1;
  for (const c of check.result.lines[line]?.chars ?? []) {
    if (c.offset < offset && c.column >= 0 && c.status === 'confirmed') column = Math.max(column, c.column);
  }
  if (column < 0) return null;
  return { row: seg.index, line, offset: column + 1 };
}

/** Splits a witness line at the pick or after the caret's restoration (see {@link witnessSplitPoint}). */
export const splitWitnessHere: Command = (state, dispatch) => {
  const point = witnessSplitPoint(state);
  return point !== null && splitWitnessLine(point)(state, dispatch);
};

/**
 * Joins a split witness line back: the picked piece with the next (or the previous
 * piece with it), else the last split in the caret's row.
 */
export const joinWitnessHere: Command = (state, dispatch) => {
  const pick = suggestKey.getState(state)?.pick;
  if (pick) {
    const row = state.doc.resolve(pick.segmentPos).index(0);
    return joinWitnessLine(row, pick.line)(state, dispatch) || joinWitnessLine(row, pick.line - 1)(state, dispatch);
  }
  const seg = segmentAt(state.selection.$head);
  if (!seg) return false;
  const flags = continuesOf(seg.node);
  const lines = linesOf(seg.node);
  for (let line = Math.min(flags.length, lines.length - 1) - 1; line >= 0; line--) {
    if (flags[line]) return joinWitnessLine(seg.index, line)(state, dispatch);
  }
  return false;
};
