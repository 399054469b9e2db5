/**
 * Proposed sentence rows: a row holding a long English paragraph and a long witness
 * line is cut into rows of a sentence each (shared/korean/align-sentences.ts finds
 * where). The proposal is shown, not applied: a marker in the English and in the
 * witness at each cut, and a bar to accept or dismiss it. Accepting is one
 * transaction (one undo step): the English is cut at the sentence starts, the
 * witness line is split into pieces that go to their rows (joined, the pieces are
 * the imported line: shared/model/witness-pieces.ts), the restoration is cut where
 * its sentences match the witness's, or stays whole in the first row.
 *
 * Any edit drops the proposal: it was made for the text as it was.
 */
import { Plugin, PluginKey, TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { Fragment, type Node } from 'prosemirror-model';
import { proposeSentenceRows as align, restorationCuts } from '../../shared/korean/align-sentences';
import { newId } from '../../shared/model/build';
import { normaliseContinues, storedContinues } from '../../shared/model/witness-pieces';
import { continuesOf, linesOf, segmentAt, type SegmentInfo } from './positions';
import type { WitnessHighlight } from './witness-view';
import { cellText } from '../../shared/model/cell-text';

/** A cut of the proposal: where the English, the witness and (maybe) the restoration of the next row begin. */
export interface RowCut {
  /** Document position in the English where the next row's English starts. */
  english: number;
  /** Witness line (in the row) and offset in it where the next row's witness starts. */
  line: number;
  offset: number;
  /** Document position in the restoration where the next row's starts; null: the restoration stays whole. */
  korean: number | null;
}

export interface SentenceRowsState {
  proposal: { rowPos: number; cuts: RowCut[] } | null;
  decorations: DecorationSet;
}

export const sentenceRowsKey = new PluginKey<SentenceRowsState>('sentenceRows');

const NONE: SentenceRowsState = { proposal: null, decorations: DecorationSet.empty };

/** The text of a cell and the document position of each of its characters (footnotes count as nothing). */
function cellTextAt(cell: Node, contentPos: number): { text: string; pos: number[] } {
  const { text, offsets } = cellText(cell);
  return { text, pos: Array.from(offsets, (offset) => contentPos + offset) };
}

/** The cells of a row with their content positions. */
function cells(seg: SegmentInfo): Map<string, { node: Node; content: number }> {
  const out = new Map<string, { node: Node; content: number }>();
  seg.node.forEach((child, offset) => out.set(child.type.name, { node: child, content: seg.pos + 1 + offset + 1 }));
  return out;
}

/** The cuts the aligner proposes for a row (empty when it proposes none). */
export function rowCuts(seg: SegmentInfo): RowCut[] {
  const c = cells(seg);
  const english = c.get('english');
  const korean = c.get('korean');
  const lines = linesOf(seg.node);
  if (!english || !lines.length) return [];
  const en = cellTextAt(english.node, english.content);
  // The witness lines of the row as one text, a space between lines (a line break ends a sentence as well as a space).
  const witness = lines.join(' ');
  const found = align(en.text, witness);
  if (!found.length) return [];
  const where = (at: number) => {
    let start = 0;
    for (let line = 0; line < lines.length; line++) {
      if (at <= start + lines[line].length) return { line, offset: at - start };
      start += lines[line].length + 1;
    }
    return { line: lines.length - 1, offset: lines[lines.length - 1].length };
  };
  // The restoration is cut only when its lines are the witness's (a line break each) and its sentences match.
  let koreanCuts: number[] | null = null;
  if (korean && korean.node.content.size) {
    const ko = cellTextAt(korean.node, korean.content);
    if (ko.text.split('\n').length === lines.length) {
      const at = restorationCuts(ko.text.replace(/\n/g, ' '), witness, found.map((cut) => cut.witness));
      koreanCuts = at && at.map((i) => ko.pos[i]);
    }
  }
  return found.map((cut, i) => ({ english: en.pos[cut.english], ...where(cut.witness), korean: koreanCuts ? koreanCuts[i] : null }));
}

function marker(label: string): () => HTMLElement {
  return () => {
    const el = document.createElement('span');
    el.className = 'sentence-cut';
    el.setAttribute('aria-label', label);
    el.title = label;
    return el;
  };
}

function bar(count: number): () => HTMLElement {
  return () => {
    const el = document.createElement('span');
    el.className = 'sentence-rows-bar';
    el.contentEditable = 'false';
    const text = document.createElement('span');
    text.textContent = `${count + 1} sentence rows proposed`;
    const accept = document.createElement('button');
    accept.type = 'button';
    accept.dataset.action = 'accept';
    accept.textContent = 'Accept';
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.dataset.action = 'dismiss';
    dismiss.textContent = 'Dismiss';
    el.append(text, accept, dismiss);
    return el;
  };
}

function decorate(state: EditorState, rowPos: number, cuts: RowCut[]): DecorationSet {
  const row = state.doc.nodeAt(rowPos);
  if (!row) return DecorationSet.empty;
  const decos: Decoration[] = [];
  const highlights: WitnessHighlight[] = [];
  cuts.forEach((cut, i) => {
    decos.push(Decoration.widget(cut.english, marker(`Proposed row ${i + 2} starts here`), { side: -1, key: `en-cut-${i}` }));
    if (cut.korean !== null) decos.push(Decoration.widget(cut.korean, marker(`Proposed row ${i + 2} starts here`), { side: -1, key: `ko-cut-${i}` }));
    highlights.push({ line: cut.line, from: cut.offset, to: cut.offset + 1, className: 'wc-cut', title: `Proposed row ${i + 2} starts here` });
  });
  let offset = rowPos + 1;
  row.forEach((child) => {
    if (child.type.name === 'witness') decos.push(Decoration.node(offset, offset + child.nodeSize, {}, { witnessHighlights: highlights }));
    if (child.type.name === 'english') decos.push(Decoration.widget(offset + child.nodeSize - 1, bar(cuts.length), { side: 1, key: `bar-${cuts.length}`, ignoreSelection: true }));
    offset += child.nodeSize;
  });
  return DecorationSet.create(state.doc, decos);
}

/** The plugin that holds and shows a proposal. */
export function buildSentenceRows(): Plugin<SentenceRowsState> {
  return new Plugin<SentenceRowsState>({
    key: sentenceRowsKey,
    state: {
      init: () => NONE,
      apply: (tr, prev, _old, state) => {
        const meta = tr.getMeta(sentenceRowsKey) as SentenceRowsState['proposal'] | undefined;
        if (meta !== undefined) return meta ? { proposal: meta, decorations: decorate(state, meta.rowPos, meta.cuts) } : NONE;
        return tr.docChanged ? NONE : prev;
      },
    },
    props: {
      decorations: (state) => sentenceRowsKey.getState(state)?.decorations,
      handleKeyDown: (view, event) => {
        if (event.key !== 'Escape' || !sentenceRowsKey.getState(view.state)?.proposal) return false;
        return dismissSentenceRows(view.state, view.dispatch);
      },
      handleDOMEvents: {
        mousedown: (view, event) => {
          const button = (event.target as HTMLElement | null)?.closest?.('.sentence-rows-bar button') as HTMLElement | null;
          if (!button) return false;
          event.preventDefault();
          if (button.dataset.action === 'accept') acceptSentenceRows(view.state, view.dispatch);
          else dismissSentenceRows(view.state, view.dispatch);
          return true;
        },
      },
    },
  });
}

/**
 * Proposes sentence rows for the row at the selection (shows them; nothing changes
 * yet). Run again on the same row, it dismisses them. False when the aligner finds
 * no cut (one sentence on either side, or no witness).
 */
export const proposeSentenceRows: Command = (state, dispatch) => {
  const plugin = sentenceRowsKey.getState(state);
  const seg = segmentAt(state.selection.$from);
  if (!plugin || !seg) return false;
  if (plugin.proposal?.rowPos === seg.pos) return dismissSentenceRows(state, dispatch);
  const cuts = rowCuts(seg);
  if (!cuts.length) return false;
  if (dispatch) dispatch(state.tr.setMeta(sentenceRowsKey, { rowPos: seg.pos, cuts }));
  return true;
};

/** Drops the proposal shown. */
export const dismissSentenceRows: Command = (state, dispatch) => {
  if (!sentenceRowsKey.getState(state)?.proposal) return false;
  if (dispatch) dispatch(state.tr.setMeta(sentenceRowsKey, null));
  return true;
};

/**
 * Cuts the row as proposed: one row per sentence, in one undo step. The witness
 * line is split at each cut into pieces that continue one another, so the witness
 * as imported is unchanged. The cursor goes to the start of the first new row's
 * restoration.
 */
export const acceptSentenceRows: Command = (state, dispatch) => {
  const proposal = sentenceRowsKey.getState(state)?.proposal;
  if (!proposal) return false;
  const row = state.doc.nodeAt(proposal.rowPos);
  if (!row || row.type.name !== 'segment') return false;
  if (!dispatch) return true;
  const seg: SegmentInfo = { node: row, pos: proposal.rowPos, end: proposal.rowPos + row.nodeSize, index: state.doc.resolve(proposal.rowPos).index(0) };
  const c = cells(seg);
  const { cuts } = proposal;
  const parts = cuts.length + 1;

  // Witness pieces per new row: lines before the cut's line, then the cut line split.
  const lines = linesOf(row);
  const flags = normaliseContinues(continuesOf(row), lines.length);
  const witness: { lines: string[]; continues: boolean[] }[] = Array.from({ length: parts }, () => ({ lines: [], continues: [] }));
  let part = 0;
  lines.forEach((line, index) => {
    let from = 0;
    for (; part < cuts.length && cuts[part].line === index; part++) {
      const at = cuts[part].offset;
      if (at > from) {
        witness[part].lines.push(line.slice(from, at));
        witness[part].continues.push(at < line.length || flags[index]);
      }
      from = at;
    }
    if (from < line.length || line.length === 0) {
      witness[part].lines.push(line.slice(from));
      witness[part].continues.push(flags[index]);
    }
  });

  // Text cells cut at document positions (relative to the cell's content).
  const slices = (name: string, at: (cut: RowCut) => number | null): Fragment[] => {
    const cell = c.get(name);
    if (!cell) return [];
    const bounds = cuts.map(at);
    if (bounds.some((b) => b === null)) return [cell.node.content, ...cuts.map(() => Fragment.empty)];
    const rel = [0, ...(bounds as number[]).map((b) => b - cell.content), cell.node.content.size];
    return rel.slice(1).map((end, i) => cell.node.content.cut(rel[i], end));
  };
  const english = slices('english', (cut) => cut.english);
  const korean = slices('korean', (cut) => cut.korean);

  const schema = state.schema;
  const rows: Node[] = [];
  for (let i = 0; i < parts; i++) {
    const children: Node[] = [];
    row.forEach((child) => {
      const name = child.type.name;
      if (name === 'english') children.push(child.type.create(child.attrs, english[i]));
      else if (name === 'korean') children.push(child.type.create(child.attrs, korean[i]));
      else if (name === 'witness') children.push(child.type.create({ lines: witness[i].lines, continues: storedContinues(witness[i].continues) }));
      // The original (the German) is not aligned by sentence: it stays with the first row.
      else children.push(i === 0 ? child : child.type.create(child.attrs));
    });
    rows.push(schema.nodes.segment.create({ id: i === 0 ? row.attrs.id : newId(), role: row.attrs.role }, Fragment.fromArray(children)));
  }
  const tr = state.tr.replaceWith(seg.pos, seg.end, rows).setMeta(sentenceRowsKey, null);
  let caret = seg.pos + 1;
  rows[0].forEach((child, offset) => {
    if (child.type.name === 'korean') caret = seg.pos + 1 + offset + 1;
  });
  dispatch(tr.setSelection(TextSelection.create(tr.doc, caret)).scrollIntoView());
  return true;
};
