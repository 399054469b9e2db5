/**
 * The decoder's draft as restoration content, and where it may go.
 *
 * A drafted word becomes its own `proposed` range (its own `id`, so two words never
 * read as one range), carrying the decoder's other readings; words are separated by
 * unmarked spaces, undecided words become gap placeholders (which the live check
 * reads as still to come), lines are separated by hard breaks as auto-fill does.
 *
 * The draft never touches what the translator typed: a restoration line is drafted
 * only when it holds nothing but proposals, placeholders and white space. Lines
 * with typed text are left as they are, node for node.
 */
import { Fragment, type Node, type Schema } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { segmentAt } from '../editor/positions';
import { UNRESTORED } from './proposals';
import { segmentParts, type SegmentParts } from './segment-text';
import type { DraftLine } from '../../shared/korean/draft';

export type { DraftLine, DraftWord } from '../../shared/korean/draft';

/** A row as the decoder is asked to draft it. */
export interface DraftRowRequest {
  witness: string[];
  english: string;
}

/** Asks the app to draft rows (the `draftRows` request); answers one entry per row, in order. */
export type DraftFetch = (rows: DraftRowRequest[]) => Promise<{ lines: DraftLine[] }[]>;

/** A row to draft, as found when the draft was asked for. */
export interface DraftTarget {
  /** The segment's id (empty in documents built by tests: then `pos` finds it). */
  id: string;
  pos: number;
  witness: string[];
  english: string;
}

let nextId = 1;
/** A fresh id for a drafted word's mark (unique in this window; only needs to differ from its neighbours). */
export function draftWordId(): string {
  return `d${Date.now().toString(36)}-${(nextId++).toString(36)}`;
}

/** The content of one drafted line. */
export function draftLineNodes(schema: Schema, line: DraftLine, newId: () => string = draftWordId): Node[] {
  const nodes: Node[] = [];
  for (const word of line.words) {
    const text = word.text.trim();
    if (!word.undecided && !text) continue;
    if (nodes.length) nodes.push(schema.text(' '));
    if (word.undecided || !text) {
      nodes.push(schema.nodes.gap.create({ reason: UNRESTORED }));
      continue;
    }
    const alternatives = [...new Set(word.alternatives.map((a) => a.trim()))].filter((a) => a && a !== text);
    const mark = schema.marks.proposed.create({ id: newId(), alternatives, source: word.source });
    nodes.push(schema.text(text, [mark]));
  }
  return nodes;
}

/** The content a whole draft would give an empty restoration (trailing empty lines left out). */
export function draftContent(schema: Schema, lines: DraftLine[], newId: () => string = draftWordId): Fragment {
  const perLine = lines.map((line) => draftLineNodes(schema, line, newId));
  let last = perLine.length - 1;
  while (last >= 0 && perLine[last].length === 0) last--;
  const nodes: Node[] = [];
  for (let i = 0; i <= last; i++) {
    if (i > 0) nodes.push(schema.nodes.hard_break.create());
    nodes.push(...perLine[i]);
  }
  return Fragment.from(nodes);
}

/** A line of a restoration: its range relative to the column's content, and whether the translator typed in it. */
export interface RestorationLine {
  from: number;
  to: number;
  typed: boolean;
}

/** Whether an inline node is the translator's (or the source's) own, not the draft's or auto-fill's. */
export function isOwnContent(node: Node): boolean {
  const proposed = node.type.schema.marks.proposed;
  if (node.isText) return !proposed.isInSet(node.marks) && (node.text ?? '').trim() !== '';
  // A placeholder is not text; a gap the editor marked (illegible source) is.
  if (node.type.name === 'gap') return node.attrs.reason !== UNRESTORED;
  if (node.type.name === 'hard_break') return false;
  // Unclear readings, footnotes and anything else are editorial work.
  return true;
}

/** The lines of a Korean column (separated by hard breaks). */
export function restorationLines(korean: Node): RestorationLine[] {
  const lines: RestorationLine[] = [{ from: 0, to: 0, typed: false }];
  korean.forEach((child, offset) => {
    const line = lines[lines.length - 1];
    if (child.type.name === 'hard_break') {
      line.to = offset;
      lines.push({ from: offset + child.nodeSize, to: offset + child.nodeSize, typed: false });
      return;
    }
    line.to = offset + child.nodeSize;
    if (isOwnContent(child)) line.typed = true;
  });
  return lines;
}

/** Witness lines a draft may fill in a row: with witness text, and no typed text in that restoration line. */
export function draftableLines(parts: SegmentParts): boolean[] {
  const existing = restorationLines(parts.korean);
  return parts.lines.map((witness, i) => witness.trim() !== '' && !existing[i]?.typed);
}

function targetOf(parts: SegmentParts): DraftTarget | null {
  if (!draftableLines(parts).some(Boolean)) return null;
  return {
    id: String(parts.segment.attrs.id ?? ''),
    pos: parts.pos,
    witness: parts.lines,
    // Line breaks kept as breaks, so that they still separate words.
    english: parts.english.textBetween(0, parts.english.content.size, '\n', '\n'),
  };
}

/** The rows a draft would fill: the row at the caret (`row`) or every row with something to draft (`all`). */
export function draftTargets(state: EditorState, scope: 'row' | 'all'): DraftTarget[] {
  const out: DraftTarget[] = [];
  const consider = (segment: Node, pos: number) => {
    const parts = segmentParts(segment, pos);
    const target = parts && targetOf(parts);
    if (target) out.push(target);
  };
  if (scope === 'row') {
    const seg = segmentAt(state.selection.$head);
    if (seg) consider(seg.node, seg.pos);
  } else state.doc.forEach((segment, pos) => consider(segment, pos));
  return out;
}

/** Whether a row has lines a draft may fill, by row node (a row's answer changes only with the row). */
const draftable = new WeakMap<Node, boolean>();

function isDraftable(segment: Node, pos: number): boolean {
  let known = draftable.get(segment);
  if (known === undefined) {
    const parts = segmentParts(segment, pos);
    known = !!parts && draftableLines(parts).some(Boolean);
    draftable.set(segment, known);
  }
  return known;
}

/**
 * Whether a draft would fill anything ({@link draftTargets} is not empty), without
 * building the targets: the toolbar asks this on every keystroke, so in a long
 * document it stops at the first row with something to draft, and a row's answer
 * is kept until the row changes.
 */
export function hasDraftTarget(state: EditorState, scope: 'row' | 'all'): boolean {
  if (scope === 'row') {
    const seg = segmentAt(state.selection.$head);
    return !!seg && isDraftable(seg.node, seg.pos);
  }
  const { doc } = state;
  for (let index = 0, pos = 0; index < doc.childCount; index++) {
    const segment = doc.child(index);
    if (isDraftable(segment, pos)) return true;
    pos += segment.nodeSize;
  }
  return false;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

/** Finds a target's row in a (possibly edited) document; null when it is gone or its witness changed. */
function locate(doc: Node, target: DraftTarget, byId: Map<string, number> | null): SegmentParts | null {
  let pos: number | undefined = target.pos;
  if (target.id) pos = byId?.get(target.id);
  if (pos === undefined || pos > doc.content.size) return null;
  const node = doc.nodeAt(pos);
  const parts = node && segmentParts(node, pos);
  if (!parts || (!target.id && node.attrs.id) || !sameLines(parts.lines, target.witness)) return null;
  return parts;
}

/**
 * Applies drafts to their rows in the current state: each row's draftable lines
 * (checked again now, so text typed while the draft was on its way is kept) get
 * their drafted line. Returns null when nothing changes. The transaction is not
 * dispatched; it is not closed into its own undo step either (the caller decides).
 */
export function applyDraft(state: EditorState, drafts: { target: DraftTarget; lines: DraftLine[] }[], newId: () => string = draftWordId): Transaction | null {
  return draftTransaction(state, drafts, newId).tr;
}

/** {@link applyDraft}, also saying how many rows changed. */
export function draftTransaction(
  state: EditorState,
  drafts: { target: DraftTarget; lines: DraftLine[] }[],
  newId: () => string = draftWordId,
  options: { caretToStart?: boolean } = {},
): { tr: Transaction | null; rows: number } {
  const { schema, doc } = state;
  let byId: Map<string, number> | null = null;
  if (drafts.some((d) => d.target.id)) {
    byId = new Map();
    doc.forEach((segment, pos) => {
      const id = segment.attrs.id as string;
      if (id && !byId!.has(id)) byId!.set(id, pos);
    });
  }
  const found = drafts
    .map((d) => ({ parts: locate(doc, d.target, byId), lines: d.lines }))
    .filter((d): d is { parts: SegmentParts; lines: DraftLine[] } => d.parts !== null)
    .sort((a, b) => b.parts.pos - a.parts.pos);
  const tr = state.tr;
  let rows = 0;
  let caret: number | null = null;
  // From the last row and the last line backwards, so earlier positions stay valid.
  for (const { parts, lines } of found) {
    const steps = tr.steps.length;
    const free = draftableLines(parts);
    const existing = restorationLines(parts.korean);
    const content = lines.map((line, i) => (free[i] ? draftLineNodes(schema, line, newId) : null));
    const start = parts.koreanPos + 1;
    // Lines past the restoration's end: appended (with the breaks before them), up to the last one with content.
    let lastNew = content.length - 1;
    while (lastNew >= existing.length && !content[lastNew]?.length) lastNew--;
    if (lastNew >= existing.length) {
      const nodes: Node[] = [];
      for (let i = existing.length; i <= lastNew; i++) nodes.push(schema.nodes.hard_break.create(), ...(content[i] ?? []));
      tr.insert(start + parts.korean.content.size, nodes);
    }
    for (let i = Math.min(existing.length, content.length) - 1; i >= 0; i--) {
      const nodes = content[i];
      if (!nodes?.length) continue;
      const line = existing[i];
      tr.replaceWith(start + line.from, start + line.to, nodes);
    }
    if (tr.steps.length > steps) rows++;
    const head = state.selection.head;
    if (options.caretToStart && head >= start && head <= start + parts.korean.content.size) caret = start;
  }
  // Drafting the row the caret is in: the caret goes to the draft's start, ready for Tab.
  if (caret !== null && tr.docChanged) tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(caret, -1)));
  return { tr: tr.docChanged ? tr : null, rows };
}
