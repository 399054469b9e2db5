/**
 * Stamping provenance: every new insertion, correction and footnote records the
 * editor who made it and the day (`resp`, `when`: shared/model/provenance.ts).
 *
 * Who is editing comes from the app (renderer/src/editors.ts through
 * window-services.ts): the editor core only asks `current()`. Two ways in:
 * - the editorial commands (insertion.ts, correction.ts, footnote.ts) stamp what
 *   they create with {@link stampAttrs}, so the mark they keep for typing into a new
 *   insertion is already the stamped one;
 * - the plugin's `appendTransaction` stamps whatever else made an annotation (the
 *   `[text]` input rule, a QA fix, replace as correction) in the same history event,
 *   so one undo removes the annotation and its stamp together.
 *
 * What counts as new: an insertion or correction run with no `resp` lying wholly
 * inside what a transaction changed, or a footnote with no `resp` inserted whole. A
 * keystroke inside an older, unrecorded insertion changes part of its run only, so
 * it stays unrecorded rather than being credited to whoever typed the letter. Undo,
 * redo, paste and drop are never stamped: they bring back or move what was there,
 * with the provenance it had.
 *
 * With no editor chosen, annotations are made with `resp: ''` and today's `when`,
 * and `onUnstamped` tells the app, which asks who is editing (EditorChooser) and
 * then credits them with {@link creditUnrecorded}.
 */
import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { isHistoryTransaction } from 'prosemirror-history';
import { AddMarkStep, AttrStep, ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform';
import type { Mark, MarkType, Node } from 'prosemirror-model';
import { isoToday, type ProvenanceStamp } from '../../shared/model/provenance';

/** What the app gives the editor. */
export interface ProvenanceOptions {
  /** The current editor's id, or null while none is chosen. */
  current(): string | null;
  /** Something was made while no editor was chosen (the app asks who is editing). */
  onUnstamped?(): void;
  /** Today as YYYY-MM-DD (tests fix the day). */
  today?(): string;
}

interface ProvenanceConfig extends ProvenanceOptions {
  today(): string;
}

export const provenanceKey = new PluginKey<ProvenanceConfig>('provenance');

/** The stamp for something made now in `state`: the current editor (or '' when none is chosen) and today. */
export function stampAttrs(state: EditorState): ProvenanceStamp {
  const config = provenanceKey.getState(state);
  if (!config) return { resp: '', when: '' };
  return { resp: config.current() ?? '', when: config.today() };
}

const STAMPED_MARKS = ['insertion', 'correction'];

/**
 * What the transactions that made something changed (undo, redo, paste, drop and our
 * own stamps left out), as ranges of the final document, merged.
 */
function rangesMade(trs: readonly Transaction[], finalDoc: Node): [number, number][] {
  const ranges: [number, number][] = [];
  trs.forEach((tr, i) => {
    if (!tr.docChanged || movesOnly(tr) || tr.getMeta(provenanceKey)) return;
    tr.steps.forEach((step, j) => {
      const rest = tr.mapping.slice(j + 1);
      const push = (from: number, to: number) => {
        let a = rest.map(from, -1);
        let b = rest.map(to, 1);
        for (let k = i + 1; k < trs.length; k++) {
          a = trs[k].mapping.map(a, -1);
          b = trs[k].mapping.map(b, 1);
        }
        a = Math.max(0, a);
        b = Math.min(finalDoc.content.size, b);
        if (b > a) ranges.push([a, b]);
      };
      if (step instanceof AddMarkStep) push(step.from, step.to);
      else if (step instanceof AttrStep) push(step.pos, step.pos + 1);
      else if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
        step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => push(newStart, newEnd));
      }
    });
  });
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The run of siblings around child `index` of `parent` carrying `mark` (positions from `start`). */
function runOf(parent: Node, start: number, index: number, mark: Mark): { from: number; to: number } {
  let from = start;
  for (let i = 0; i < index; i++) from += parent.child(i).nodeSize;
  let to = from + parent.child(index).nodeSize;
  for (let i = index - 1; i >= 0 && mark.isInSet(parent.child(i).marks); i--) from -= parent.child(i).nodeSize;
  for (let i = index + 1; i < parent.childCount && mark.isInSet(parent.child(i).marks); i++) to += parent.child(i).nodeSize;
  return { from, to };
}

interface Unstamped {
  marks: { from: number; to: number; mark: Mark }[];
  footnotes: number[];
}

/** Annotations with no `resp` made wholly inside the changed ranges. */
function findNew(doc: Node, ranges: readonly [number, number][]): Unstamped {
  const found: Unstamped = { marks: [], footnotes: [] };
  const seen = new Set<string>();
  for (const [from, to] of ranges) {
    doc.nodesBetween(from, to, (node, pos) => {
      if (node.type.name === 'witness') return false;
      if (node.type.name === 'footnote' && !node.attrs.resp && pos >= from && pos + node.nodeSize <= to && !seen.has(`f${pos}`)) {
        seen.add(`f${pos}`);
        found.footnotes.push(pos);
      }
      if (!node.inlineContent) return true;
      const start = pos + 1;
      node.forEach((child, offset, index) => {
        const at = start + offset;
        if (at + child.nodeSize <= from || at >= to) return;
        for (const mark of child.marks) {
          if (!STAMPED_MARKS.includes(mark.type.name) || mark.attrs.resp) continue;
          const run = runOf(node, start, index, mark);
          const key = `${mark.type.name}${run.from}`;
          if (seen.has(key) || run.from < from || run.to > to) continue;
          seen.add(key);
          found.marks.push({ ...run, mark });
        }
      });
      // Footnotes' own content is looked at too (an insertion inside a note).
      return true;
    });
  }
  return found;
}

/** Adds the stamp to unstamped annotations: each mark run and footnote keeps its other attributes. */
function stamp(tr: Transaction, found: Unstamped, resp: string, when: string): Transaction {
  for (const { from, to, mark } of found.marks) {
    const type: MarkType = mark.type;
    tr.removeMark(from, to, mark).addMark(from, to, type.create({ ...mark.attrs, resp, when }));
  }
  for (const pos of found.footnotes) {
    tr.setNodeAttribute(pos, 'resp', resp).setNodeAttribute(pos, 'when', when);
  }
  return tr;
}

/** True for transactions that bring back or move what was there: never stamped. */
function movesOnly(tr: Transaction): boolean {
  const ui = tr.getMeta('uiEvent') as string | undefined;
  return isHistoryTransaction(tr) || tr.getMeta('paste') === true || ui === 'paste' || ui === 'drop';
}

/** The plugin that stamps new annotations made by anything but the editorial commands. */
export function buildProvenance(options: ProvenanceOptions): Plugin<ProvenanceConfig> {
  const config: ProvenanceConfig = { ...options, today: options.today ?? (() => isoToday()) };
  return new Plugin<ProvenanceConfig>({
    key: provenanceKey,
    state: { init: () => config, apply: (_tr, value) => value },
    appendTransaction(trs, _old, state) {
      const ranges = rangesMade(trs, state.doc);
      if (!ranges.length) return null;
      const found = findNew(state.doc, ranges);
      if (!found.marks.length && !found.footnotes.length) return null;
      const resp = config.current() ?? '';
      const when = config.today();
      if (resp) return stamp(state.tr, found, resp, when).setMeta(provenanceKey, 'stamp');
      // No editor chosen: the app asks who is editing. What is made meanwhile carries
      // today's date (the commands' stamp already does), so creditUnrecorded finds it.
      if (config.onUnstamped) queueMicrotask(config.onUnstamped);
      const undated: Unstamped = {
        marks: found.marks.filter((m) => !m.mark.attrs.when),
        footnotes: found.footnotes.filter((pos) => !state.doc.nodeAt(pos)?.attrs.when),
      };
      if (!undated.marks.length && !undated.footnotes.length) return null;
      return stamp(state.tr, undated, '', when).setMeta(provenanceKey, 'stamp');
    },
  });
}

/**
 * Credits `resp` with the annotations of the document made on `when` with no editor
 * (while none was chosen): after the app has asked who is editing.
 */
export function creditUnrecorded(resp: string, when: string): Command {
  return (state, dispatch) => {
    if (!resp || !when) return false;
    const found: Unstamped = { marks: [], footnotes: [] };
    state.doc.descendants((node, pos) => {
      if (node.type.name === 'witness') return false;
      if (node.type.name === 'footnote' && !node.attrs.resp && node.attrs.when === when) found.footnotes.push(pos);
      if (!node.inlineContent) return true;
      node.forEach((child, offset, index) => {
        for (const mark of child.marks) {
          if (!STAMPED_MARKS.includes(mark.type.name) || mark.attrs.resp || mark.attrs.when !== when) continue;
          const run = runOf(node, pos + 1, index, mark);
          if (run.from === pos + 1 + offset) found.marks.push({ ...run, mark });
        }
      });
      return true;
    });
    if (!found.marks.length && !found.footnotes.length) return false;
    if (dispatch) dispatch(stamp(state.tr, found, resp, when).setMeta(provenanceKey, 'credit'));
    return true;
  };
}
