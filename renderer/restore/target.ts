/**
 * Where a suggestion would go, and which garbled witness text it must explain:
 * - at the caret in the Korean column: the word being typed (or the empty word at
 *   the caret) and the witness word it accounts for, or the witness text still
 *   unexplained at that place (from the check's alignment);
 * - on characters picked in the witness column: that witness text, to be inserted
 *   where the check says it is missing, or over the word that accounts for it.
 */
import type { EditorState } from 'prosemirror-state';
import { garbleLine, type LineCheck } from '../../shared/korean';
import { segmentAt } from '../editor/positions';
import { lineOf, offsetAt } from './segment-text';
import { segmentCheckAt } from './witness-check';
import type { SegmentCheck } from './check-decorations';
import type { SegmentParts } from './segment-text';

/** Witness characters picked by the translator (a click or a selection in the witness column). */
export interface WitnessPick {
  /** Position of the segment. */
  segmentPos: number;
  line: number;
  /** Columns in the witness line, `to` exclusive. */
  from: number;
  to: number;
}

/** Something added around an inserted word: a space or a gap placeholder. */
export type Pad = ' ' | 'gap';

/** A place to suggest for. */
export interface Target {
  source: 'caret' | 'pick';
  segmentPos: number;
  /** Line of the restoration and of the witness. */
  line: number;
  /** The garbled witness text a suggestion must explain. */
  token: string;
  /** Its columns in the witness line. */
  witnessFrom: number;
  witnessTo: number;
  /** Document range the accepted text replaces (empty: inserted). */
  from: number;
  to: number;
  /** Hard breaks to add first, when the restoration has fewer lines than the witness. */
  breaks: number;
  /**
   * What is already typed of the word, up to its first contradicted character:
   * only suggestions that start with it are shown.
   */
  prefix: string;
  /** The word being replaced (empty when inserting). */
  word: string;
  /**
   * What to add around an inserted word: spaces, and gap placeholders for witness
   * text before or after it that is not restored yet (so the check reads the rest
   * as still to come rather than as missing).
   */
  padBefore: Pad[];
  padAfter: Pad[];
  /** Context for ranking. */
  before: string;
  after: string;
  english: string;
}

const SPACE = /\s/;

/** The witness word (maximal run without spaces) around column `col`. */
function witnessWord(witness: string, col: number): [number, number] {
  let from = col;
  while (from > 0 && witness[from - 1] !== ' ') from--;
  let to = col;
  while (to < witness.length && witness[to] !== ' ') to++;
  return [from, to];
}

/** Bounds of the word around `at` in a line (an empty word between spaces). */
function wordAround(line: string, at: number): [number, number] {
  let from = at;
  while (from > 0 && !SPACE.test(line[from - 1] ?? '')) from--;
  let to = at;
  while (to < line.length && !SPACE.test(line[to] ?? '')) to++;
  return [from, to];
}

function docPos(parts: SegmentParts, check: SegmentCheck, offset: number): number {
  return parts.koreanPos + 1 + (check.text.pos[offset] ?? parts.korean.content.size);
}

/** Where the caret stands in its row's check, when it is in a checked Korean column. */
function caretInCheck(state: EditorState) {
  const $head = state.selection.$head;
  if ($head.parent.type.name !== 'korean') return null;
  const seg = segmentAt($head);
  if (!seg) return null;
  const found = segmentCheckAt(state, seg.pos);
  if (!found) return null;
  const { parts, check } = found;
  const offset = offsetAt(check.text, $head.pos - (parts.koreanPos + 1));
  const { line, start } = lineOf(check.text, offset);
  return { seg, parts, check, offset, line, start };
}

/** The suggestion target at the caret, if the caret is in a checked Korean column. */
export function caretTarget(state: EditorState): Target | null {
  if (!state.selection.empty) return null;
  const found = caretInCheck(state);
  if (!found) return null;
  const { seg, parts, check, offset, line, start } = found;
  const witness = check.witness[line] ?? '';
  const lineCheck = check.result.lines[line];
  if (!witness.trim() || !lineCheck) return null;
  const text = check.text.lines[line] ?? '';
  const at = offset - start;
  const [ws, we] = wordAround(text, at);
  const word = text.slice(ws, we);
  const range = tokenFor(lineCheck, witness, start + ws, start + we);
  if (!range) return null;
  const token = witness.slice(range[0], range[1]);
  // A word that already explains its witness word needs nothing.
  if (word && garbleLine(word) === token) return null;
  return {
    source: 'caret',
    segmentPos: seg.pos,
    line,
    token,
    witnessFrom: range[0],
    witnessTo: range[1],
    from: docPos(parts, check, start + ws),
    to: docPos(parts, check, start + we),
    breaks: 0,
    prefix: text.slice(ws, Math.min(at, firstContradicted(lineCheck, start + ws, start + we) - start)),
    word,
    padBefore: [],
    padAfter: [],
    before: text.slice(0, ws),
    after: text.slice(we),
    english: parts.english.textContent,
  };
}

/** Offset of the first contradicted character in [from, to), or `to`. */
function firstContradicted(lineCheck: LineCheck, from: number, to: number): number {
  for (const c of lineCheck.chars) if (c.offset >= from && c.offset < to && c.status === 'contradicted') return c.offset;
  return to;
}

/**
 * The witness columns the restoration word [from, to) (offsets in the checked text)
 * should explain: the witness word its surviving characters point at, or the
 * witness text unexplained at that place.
 */
function tokenFor(lineCheck: LineCheck, witness: string, from: number, to: number): [number, number] | null {
  let min = Infinity;
  let max = -1;
  for (const c of lineCheck.chars) {
    if (c.offset < from || c.offset >= to || c.column < 0 || c.status !== 'confirmed') continue;
    if (witness[c.column] === ' ') continue;
    min = Math.min(min, c.column);
    max = Math.max(max, c.column);
  }
  if (max >= 0) return [witnessWord(witness, min)[0], witnessWord(witness, max)[1]];
  for (const u of lineCheck.unexplained) {
    if (u.kind === 'wildcard' || u.restorationOffset < from || u.restorationOffset > to) continue;
    const [, end] = witnessWord(witness, u.start);
    return [u.start, Math.min(end, u.end)];
  }
  return null;
}

/** The suggestion target for picked witness characters. */
export function pickTarget(state: EditorState, pick: WitnessPick): Target | null {
  const found = segmentCheckAt(state, pick.segmentPos);
  if (!found) return null;
  const { parts, check } = found;
  const witness = check.witness[pick.line] ?? '';
  let from = Math.max(0, Math.min(pick.from, witness.length));
  let to = Math.max(from, Math.min(pick.to, witness.length));
  while (from < to && witness[from] === ' ') from++;
  while (to > from && witness[to - 1] === ' ') to--;
  if (from === to) return null;
  const token = witness.slice(from, to);
  const english = parts.english.textContent;
  const lines = check.text.lines;
  const base = { source: 'pick' as const, segmentPos: pick.segmentPos, line: pick.line, token, witnessFrom: from, witnessTo: to, english };
  // The restoration has no such line yet: add lines, then the word.
  if (pick.line >= lines.length) {
    const end = parts.koreanPos + 1 + parts.korean.content.size;
    const padBefore: Pad[] = witness.slice(0, from).trim() ? ['gap', ' '] : [];
    return { ...base, from: end, to: end, breaks: pick.line - lines.length + 1, prefix: '', word: '', padBefore, padAfter: [], before: '', after: '' };
  }
  const lineCheck = check.result.lines[pick.line];
  const lineStart = lines.slice(0, pick.line).reduce((n, l) => n + l.length + 1, 0);
  const text = lines[pick.line] ?? '';
  // Restoration words whose surviving characters fall in the picked columns are replaced.
  let first = Infinity;
  let last = -1;
  for (const c of lineCheck?.chars ?? []) {
    if (c.column >= from && c.column < to && c.status === 'confirmed') {
      first = Math.min(first, c.offset - lineStart);
      last = Math.max(last, c.offset - lineStart + c.length);
    }
  }
  if (last >= 0) {
    const ws = wordAround(text, first)[0];
    const we = wordAround(text, last)[1];
    return {
      ...base,
      from: docPos(parts, check, lineStart + ws),
      to: docPos(parts, check, lineStart + we),
      breaks: 0,
      prefix: '',
      word: text.slice(ws, we),
      padBefore: [],
      padAfter: [],
      before: text.slice(0, ws),
      after: text.slice(we),
    };
  }
  // Otherwise the text goes where the check finds it missing (or at the end of the line).
  const gap = lineCheck?.unexplained.find((u) => u.start <= from && u.end >= to) ?? lineCheck?.unexplained.find((u) => u.end > from);
  const at = Math.min(text.length, Math.max(0, (gap ? gap.restorationOffset : lineStart + text.length) - lineStart));
  const padBefore: Pad[] = [];
  const padAfter: Pad[] = [];
  if (at > 0 && !SPACE.test(text[at - 1] ?? '')) padBefore.push(' ');
  if (gap && witness.slice(gap.start, from).trim()) padBefore.push('gap', ' ');
  // Pending text after the word is simply still to come; missing text needs its placeholder.
  if (gap?.kind === 'missing' && witness.slice(to, gap.end).trim()) padAfter.push(' ', 'gap');
  if (at < text.length && !SPACE.test(text[at] ?? '')) padAfter.push(' ');
  return {
    ...base,
    from: docPos(parts, check, lineStart + at),
    to: docPos(parts, check, lineStart + at),
    breaks: 0,
    prefix: '',
    word: '',
    padBefore,
    padAfter,
    before: text.slice(0, at),
    after: text.slice(at),
  };
}

/** The witness columns the word at the caret accounts for, for highlighting. */
export function caretColumns(state: EditorState): { segmentPos: number; witnessPos: number; line: number; columns: number[] } | null {
  const found = caretInCheck(state);
  if (!found) return null;
  const { seg, parts, check, offset, line, start } = found;
  const text = check.text.lines[line] ?? '';
  const [ws, we] = wordAround(text, offset - start);
  const lineCheck = check.result.lines[line];
  const columns: number[] = [];
  for (const c of lineCheck?.chars ?? []) {
    if (c.offset >= start + ws && c.offset < start + we && c.column >= 0 && c.status === 'confirmed') columns.push(c.column);
  }
  return { segmentPos: seg.pos, witnessPos: parts.witnessPos, line, columns };
}
