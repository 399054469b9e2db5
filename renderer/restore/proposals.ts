/**
 * Auto-fill: pre-fills empty restorations with what the witness proves (dates,
 * digits, Latin text, punctuation, glossary forms unique in their place), each
 * piece marked `proposed` until the translator accepts it; the stretches nothing
 * proves become gap placeholders, which the live check treats as wildcards.
 * One auto-fill is one undo step. Text the translator types is never proposed.
 */
import { Plugin, type Command, type EditorState } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import { Fragment, type Mark, type MarkType, type Node, type ResolvedPos, type Schema } from 'prosemirror-model';
import { autofill, type GlossaryEntry } from '../../shared/korean';
import { segmentAt } from '../editor/positions';
import { restorationText, segmentParts, type SegmentParts } from './segment-text';

/** Reason given to the gap placeholders auto-fill leaves. */
export const UNRESTORED = 'not restored yet';

/**
 * The Korean content auto-fill proposes for witness lines, or null when it proves nothing.
 * `english` is the segment's English text: Latin text is proposed only when it has it.
 */
export function autofillContent(schema: Schema, lines: string[], glossary: GlossaryEntry[], english = ''): Fragment | null {
  const result = autofill(lines, glossary, { english });
  if (result.segments.length === 0) return null;
  const proposed = schema.marks.proposed.create();
  const gap = () => schema.nodes.gap.create({ reason: UNRESTORED });
  const nodes: Node[] = [];
  // Trailing lines with nothing proven need no line breaks.
  let lastUseful = -1;
  result.lines.forEach((line, i) => {
    if (line.trim()) lastUseful = i;
  });
  for (let i = 0; i <= lastUseful; i++) {
    if (i > 0) nodes.push(schema.nodes.hard_break.create());
    const line = result.lines[i] ?? '';
    if (!line.trim()) {
      nodes.push(gap());
      continue;
    }
    const pieces = result.segments.filter((s) => s.line === i).sort((a, b) => a.start - b.start);
    let at = 0;
    const plain = (text: string) => {
      // Between proposals: gap placeholders and the spaces around them.
      let buffer = '';
      for (const ch of text) {
        if (ch === result.gap) {
          if (buffer) nodes.push(schema.text(buffer));
          buffer = '';
          nodes.push(gap());
        } else buffer += ch;
      }
      if (buffer) nodes.push(schema.text(buffer));
    };
    for (const piece of pieces) {
      plain(line.slice(at, piece.start));
      nodes.push(schema.text(piece.text, [proposed]));
      at = piece.end;
    }
    plain(line.slice(at));
  }
  return Fragment.from(nodes);
}

function isEmptyRestoration(parts: SegmentParts): boolean {
  return restorationText(parts.korean).text.replace(/\n/g, '').trim() === '';
}

/** Segments (parts) an auto-fill would fill: with witness text and an empty restoration. */
function fillable(state: EditorState, scope: 'segment' | 'all'): SegmentParts[] {
  const out: SegmentParts[] = [];
  const consider = (segment: Node, pos: number) => {
    const parts = segmentParts(segment, pos);
    if (parts && parts.lines.some((l) => l.trim()) && isEmptyRestoration(parts)) out.push(parts);
  };
  if (scope === 'segment') {
    const seg = segmentAt(state.selection.$head);
    if (seg) consider(seg.node, seg.pos);
  } else state.doc.forEach((segment, pos) => consider(segment, pos));
  return out;
}

/**
 * Auto-fills the restoration of the current segment (`segment`) or of every segment
 * whose restoration is empty (`all`), with the glossary given. One undo step.
 * Asked without `dispatch`, it answers whether there is an empty restoration to
 * fill (cheaply: it does not run auto-fill); run, it returns false when the
 * witness proves nothing there, and `onNothing` hears about it.
 */
export function autofillRestoration(
  glossary: GlossaryEntry[],
  scope: 'segment' | 'all' = 'segment',
  onNothing: (segments: number) => void = () => undefined,
): Command {
  return (state, dispatch) => {
    const candidates = fillable(state, scope);
    if (!dispatch) return candidates.length > 0;
    const fills: { parts: SegmentParts; content: Fragment }[] = [];
    for (const parts of candidates) {
      // Plain text with line breaks kept as breaks, so that they still separate words.
      const english = parts.english.textBetween(0, parts.english.content.size, '\n', '\n');
      const content = autofillContent(state.schema, parts.lines, glossary, english);
      if (content) fills.push({ parts, content });
    }
    if (fills.length === 0) {
      onNothing(candidates.length);
      return false;
    }
    const tr = state.tr;
    // From the end, so earlier positions stay valid.
    for (const { parts, content } of fills.reverse()) {
      tr.replaceWith(parts.koreanPos + 1, parts.koreanPos + 1 + parts.korean.content.size, content);
    }
    dispatch(closeHistory(tr).scrollIntoView());
    return true;
  };
}

/** The range of a mark around a position (the run of adjacent inline nodes that carry it). */
export function markRange($pos: ResolvedPos, type: MarkType): { from: number; to: number; mark: Mark } | null {
  const parent = $pos.parent;
  const index = $pos.index();
  // Inside a text node, that node; between nodes, the one after, then the one before.
  const candidates = $pos.textOffset > 0 ? [index] : [index, index - 1];
  for (const i of candidates) {
    const child = i >= 0 ? parent.maybeChild(i) : null;
    const mark = child && type.isInSet(child.marks);
    if (!mark) continue;
    let first = i;
    while (first > 0 && mark.isInSet(parent.child(first - 1).marks)) first--;
    let last = i;
    while (last + 1 < parent.childCount && mark.isInSet(parent.child(last + 1).marks)) last++;
    let from = $pos.start();
    for (let k = 0; k < first; k++) from += parent.child(k).nodeSize;
    let to = from;
    for (let k = first; k <= last; k++) to += parent.child(k).nodeSize;
    return { from, to, mark };
  }
  return null;
}

function hasMark(doc: Node, from: number, to: number, type: MarkType): boolean {
  return from < to && doc.rangeHasMark(from, to, type);
}

/** Accepts the proposal at the caret (or the proposals in the selection): the text stays, the mark goes. */
export const acceptProposal: Command = (state, dispatch) => {
  const type = state.schema.marks.proposed;
  const { from, to, empty, $from } = state.selection;
  const range = empty ? markRange($from, type) : hasMark(state.doc, from, to, type) ? { from, to } : null;
  if (!range) return false;
  if (dispatch) dispatch(state.tr.removeMark(range.from, range.to, type));
  return true;
};

/** Accepts every proposal in the current segment's restoration. */
export const acceptSegmentProposals: Command = (state, dispatch) => {
  const seg = segmentAt(state.selection.$head);
  const parts = seg && segmentParts(seg.node, seg.pos);
  if (!parts) return false;
  const from = parts.koreanPos + 1;
  const to = from + parts.korean.content.size;
  const type = state.schema.marks.proposed;
  if (!hasMark(state.doc, from, to, type)) return false;
  if (dispatch) dispatch(state.tr.removeMark(from, to, type));
  return true;
};

/** Whether the segment at the caret has proposals to accept. */
export function hasProposals(state: EditorState): boolean {
  return acceptSegmentProposals(state);
}

/**
 * Typed text is the translator's own: typing inside or over a proposal never
 * makes the new text proposed (typing over a selected proposal replaces it).
 */
export function buildProposalTyping(): Plugin {
  return new Plugin({
    props: {
      handleTextInput(view, from, to, text) {
        const { state } = view;
        const type = state.schema.marks.proposed;
        const $from = state.doc.resolve(from);
        const inherits = type.isInSet(state.storedMarks ?? $from.marks()) || (to > from && state.doc.rangeHasMark(from, to, type));
        if (!inherits) return false;
        const tr = state.tr.insertText(text, from, to);
        tr.removeMark(from, from + text.length, type);
        view.dispatch(tr.scrollIntoView());
        return true;
      },
    },
  });
}
