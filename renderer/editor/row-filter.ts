/**
 * Moving through rows by restoration state, and showing only rows in chosen states.
 *
 * Both work on the document model, not the DOM: a long document draws only the
 * rows near the screen (viewport.ts), so "the next contradicted row" is found among
 * the nodes, and going there moves the selection into it (the viewport always draws
 * the selection's rows) and asks ProseMirror to scroll it into view.
 *
 * The filter is drawing only: hidden rows get a node decoration whose class hides
 * them (styles/rows.css); nothing in the document changes, and undo, saving and
 * export still see every row. In a windowed document the rows shown are pinned
 * in the viewport (`pinRows`): drawn wherever the window is, so they carry every
 * other plugin's decorations (the check's colours, the row badges) as the
 * window's rows do; the margins that stand for undrawn rows are dropped while a
 * filter is on (a class on the editor), so the shown rows stack without the
 * height of the rows they skip. After an edit that moves rows in or out of the
 * filter, the plugin's view pins the new set.
 */
import { Plugin, PluginKey, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { ROW_STATES, type RowState } from '../../shared/model/stats';
import { rowStateOf } from './row-states';
import { isWindowed, pinRows, pinnedRows, type RowRange } from './viewport';

export interface RowFilterState {
  /** The state that next/previous row go to. */
  target: RowState;
  /** The states shown; null: every row. */
  shown: readonly RowState[] | null;
  /** Each row's state when the decorations were made (null: no witness). */
  states: readonly (RowState | null)[];
  decorations: DecorationSet;
}

type Meta = { target: RowState } | { shown: readonly RowState[] | null };

export const rowFilterKey = new PluginKey<RowFilterState>('rowFilter');

function statesOf(doc: Node): (RowState | null)[] {
  const out: (RowState | null)[] = [];
  doc.forEach((row) => out.push(rowStateOf(row)));
  return out;
}

function sameStates(a: readonly (RowState | null)[], b: readonly (RowState | null)[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** Whether a row in `state` is shown by the filter. */
export function isShown(shown: readonly RowState[] | null, state: RowState | null): boolean {
  return shown === null || (state !== null && shown.includes(state));
}

function decorate(state: EditorState, shown: readonly RowState[] | null, states: readonly (RowState | null)[]): DecorationSet {
  if (shown === null) return DecorationSet.empty;
  const decos: Decoration[] = [];
  state.doc.forEach((row, pos, index) => {
    if (!isShown(shown, states[index])) decos.push(Decoration.node(pos, pos + row.nodeSize, { class: 'row-filtered-out' }));
  });
  return DecorationSet.create(state.doc, decos);
}

/** The runs of rows the filter shows, as row ranges (none when no filter is on). */
export function shownRanges(shown: readonly RowState[] | null, states: readonly (RowState | null)[]): RowRange[] {
  if (shown === null) return [];
  const ranges: [number, number][] = [];
  states.forEach((state, index) => {
    if (!isShown(shown, state)) return;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === index) last[1] = index + 1;
    else ranges.push([index, index + 1]);
  });
  return ranges;
}

function sameRanges(a: readonly RowRange[], b: readonly RowRange[]): boolean {
  return a.length === b.length && a.every((r, i) => r[0] === b[i][0] && r[1] === b[i][1]);
}

/** The rows a windowed document should have pinned for the filter in `state`; null when already pinned. */
function pinsWanted(state: EditorState): RowRange[] | null {
  if (!isWindowed(state)) return null;
  const filter = rowFilterKey.getState(state);
  if (!filter) return null;
  const wanted = shownRanges(filter.shown, filter.shown ? filter.states : []);
  return sameRanges(wanted, pinnedRows(state)) ? null : wanted;
}

function apply(tr: Transaction, prev: RowFilterState, state: EditorState): RowFilterState {
  const meta = tr.getMeta(rowFilterKey) as Meta | undefined;
  if (!meta && !tr.docChanged) return prev;
  const next = { ...prev, ...meta };
  if (next.shown === null) return { ...next, states: [], decorations: DecorationSet.empty };
  const states = statesOf(state.doc);
  // Typing that leaves every row in its state: the same rows shown, moved.
  if (!meta && sameStates(states, prev.states)) return { ...next, states, decorations: prev.decorations.map(tr.mapping, tr.doc) };
  return { ...next, states, decorations: decorate(state, next.shown, states) };
}

/** The plugin holding the navigation target and the filter. */
export function buildRowFilter(): Plugin<RowFilterState> {
  return new Plugin<RowFilterState>({
    key: rowFilterKey,
    state: {
      init: () => ({ target: 'contradicted', shown: null, states: [], decorations: DecorationSet.empty }),
      apply: (tr, prev, _old, state) => apply(tr, prev, state),
    },
    // An edit that moved rows in or out of the filter: pin the rows now shown.
    view: () => ({
      update: (view) => {
        const wanted = pinsWanted(view.state);
        if (wanted) view.dispatch(pinRows(view.state.tr, wanted).setMeta('addToHistory', false));
      },
    }),
    props: {
      decorations: (state) => rowFilterKey.getState(state)?.decorations,
      attributes: (state): Record<string, string> => (rowFilterKey.getState(state)?.shown ? { class: 'row-filter-active' } : {}),
    },
  });
}

/** Position of the start of a row's restoration (or its first text cell). */
function rowCaret(doc: Node, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  const row = doc.child(index);
  let offset = pos + 1;
  let first = -1;
  for (let i = 0; i < row.childCount; i++) {
    const cell = row.child(i);
    if (cell.type.name === 'korean') return offset + 1;
    if (first < 0 && cell.isTextblock) first = offset + 1;
    offset += cell.nodeSize;
  }
  return first < 0 ? pos + 1 : first;
}

/** A transaction moving the selection into row `index` and scrolling it into view. */
function goTo(state: EditorState, index: number): Transaction {
  return state.tr.setSelection(TextSelection.create(state.doc, rowCaret(state.doc, index))).scrollIntoView();
}

/** The index of the next (`dir` 1) or previous (-1) row in `target` from the selection, wrapping around; -1 when none. */
export function findRow(state: EditorState, target: RowState, dir: 1 | -1): number {
  const { doc } = state;
  const count = doc.childCount;
  const here = Math.min(doc.resolve(state.selection.head).index(0), count - 1);
  for (let step = 1; step <= count; step++) {
    const index = (((here + dir * step) % count) + count) % count;
    if (rowStateOf(doc.child(index)) === target) return index;
  }
  return -1;
}

/**
 * Goes to the next (`dir` 1) or previous (-1) row in `state` (by default the chosen
 * target), wrapping around the document; false when no other row is in that state.
 */
export function goToRowInState(dir: 1 | -1, state?: RowState): Command {
  return (editorState, dispatch) => {
    const target = state ?? rowFilterKey.getState(editorState)?.target ?? 'contradicted';
    const index = findRow(editorState, target, dir);
    if (index < 0) return false;
    if (index === editorState.doc.resolve(editorState.selection.head).index(0) && rowStateOf(editorState.doc.child(index)) === target) {
      // The only row in that state is this one.
      return false;
    }
    if (dispatch) dispatch(goTo(editorState, index).setMeta(rowFilterKey, { target } satisfies Meta));
    return true;
  };
}

/** Chooses the state that next/previous row go to. */
export function setRowTarget(target: RowState): Command {
  return (state, dispatch) => {
    if (!rowFilterKey.getState(state)) return false;
    if (dispatch) dispatch(state.tr.setMeta(rowFilterKey, { target } satisfies Meta));
    return true;
  };
}

/** Chooses the next state (in the order of `ROW_STATES`) as the target. */
export const cycleRowTarget: Command = (state, dispatch) => {
  const current = rowFilterKey.getState(state)?.target;
  if (!current) return false;
  return setRowTarget(ROW_STATES[(ROW_STATES.indexOf(current) + 1) % ROW_STATES.length])(state, dispatch);
};

/**
 * Shows only rows in `shown` (null: every row). When the selection's row is hidden,
 * the selection moves to the next shown row (so the caret is never in a hidden row).
 */
export function setRowFilter(shown: readonly RowState[] | null): Command {
  return (state, dispatch) => {
    if (!rowFilterKey.getState(state)) return false;
    if (!dispatch) return true;
    const tr = state.tr.setMeta(rowFilterKey, { shown: shown && [...shown] } satisfies Meta);
    if (isWindowed(state)) pinRows(tr, shownRanges(shown, shown ? statesOf(state.doc) : []));
    if (shown) {
      const { doc } = state;
      const here = Math.min(doc.resolve(state.selection.head).index(0), doc.childCount - 1);
      if (!isShown(shown, rowStateOf(doc.child(here)))) {
        for (let step = 1; step < doc.childCount; step++) {
          const index = (here + step) % doc.childCount;
          if (isShown(shown, rowStateOf(doc.child(index)))) {
            tr.setSelection(TextSelection.create(doc, rowCaret(doc, index))).scrollIntoView();
            break;
          }
        }
      }
    }
    dispatch(tr);
    return true;
  };
}

/** Adds `state` to the filter or removes it (no state left: every row shown). */
export function toggleRowFilter(state: RowState): Command {
  return (editorState, dispatch) => {
    const plugin = rowFilterKey.getState(editorState);
    if (!plugin) return false;
    const current = plugin.shown ?? [];
    const next = current.includes(state) ? current.filter((s) => s !== state) : [...current, state];
    return setRowFilter(next.length ? ROW_STATES.filter((s) => next.includes(s)) : null)(editorState, dispatch);
  };
}

/** Shows only the rows in the navigation target's state, or every row again when a filter is on. */
export const toggleTargetFilter: Command = (state, dispatch) => {
  const plugin = rowFilterKey.getState(state);
  if (!plugin) return false;
  return setRowFilter(plugin.shown ? null : [plugin.target])(state, dispatch);
};
