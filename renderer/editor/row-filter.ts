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
 *
 * A second filter, by review state (draft, reviewed, approved: the segment's
 * `review`, review.ts), works the same way and together with the first: a row is
 * shown when it passes both.
 */
import { Plugin, PluginKey, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { ROW_STATES, type RowState } from '../../shared/model/stats';
import type { ReviewState } from '../../shared/model/schema';
import { reviewOf } from './review';
import { rowStateOf } from './row-states';
import { isWindowed, pinRows, pinnedRows, type RowRange } from './viewport';

export interface RowFilterState {
  /** The state that next/previous row go to. */
  target: RowState;
  /** The states shown; null: every row. */
  shown: readonly RowState[] | null;
  /** Each row's state when the decorations were made (null: no witness). */
  states: readonly (RowState | null)[];
  /** The review states shown; null: every row. */
  reviews: readonly ReviewState[] | null;
  /** Each row's review state when the decorations were made (when `reviews` is on). */
  reviewStates: readonly ReviewState[];
  decorations: DecorationSet;
}

type Meta = { target: RowState } | { shown: readonly RowState[] | null } | { reviews: readonly ReviewState[] | null };

export const rowFilterKey = new PluginKey<RowFilterState>('rowFilter');

function statesOf(doc: Node): (RowState | null)[] {
  const out: (RowState | null)[] = [];
  doc.forEach((row) => out.push(rowStateOf(row)));
  return out;
}

function reviewsOf(doc: Node): ReviewState[] {
  const out: ReviewState[] = [];
  doc.forEach((row) => out.push(reviewOf(row)));
  return out;
}

function sameStates<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** Whether a row in `state` is shown by the filter. */
export function isShown(shown: readonly RowState[] | null, state: RowState | null): boolean {
  return shown === null || (state !== null && shown.includes(state));
}

/** The two filters and each row's states: what decides whether a row is shown. */
interface Filters {
  shown: readonly RowState[] | null;
  states: readonly (RowState | null)[];
  reviews: readonly ReviewState[] | null;
  reviewStates: readonly ReviewState[];
}

function filtering(f: Pick<Filters, 'shown' | 'reviews'>): boolean {
  return f.shown !== null || f.reviews !== null;
}

/** Whether row `index` passes both filters. */
function passes(f: Filters, index: number): boolean {
  return isShown(f.shown, f.states[index] ?? null) && (f.reviews === null || f.reviews.includes(f.reviewStates[index]));
}

/** The filters over the rows of `doc` as they are now. */
function filtersOver(doc: Node, f: Pick<Filters, 'shown' | 'reviews'>): Filters {
  return { shown: f.shown, reviews: f.reviews, states: f.shown ? statesOf(doc) : [], reviewStates: f.reviews ? reviewsOf(doc) : [] };
}

function decorate(state: EditorState, f: Filters): DecorationSet {
  if (!filtering(f)) return DecorationSet.empty;
  const decos: Decoration[] = [];
  state.doc.forEach((row, pos, index) => {
    if (!passes(f, index)) decos.push(Decoration.node(pos, pos + row.nodeSize, { class: 'row-filtered-out' }));
  });
  return DecorationSet.create(state.doc, decos);
}

/** The runs of rows the filter shows, as row ranges (none when no filter is on). */
export function shownRanges(shown: readonly RowState[] | null, states: readonly (RowState | null)[]): RowRange[] {
  return filteredRanges({ shown, states, reviews: null, reviewStates: [] }, states.length);
}

/** The runs of rows both filters show (none when no filter is on). */
function filteredRanges(f: Filters, count: number): RowRange[] {
  if (!filtering(f)) return [];
  const ranges: [number, number][] = [];
  for (let index = 0; index < count; index++) {
    if (!passes(f, index)) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === index) last[1] = index + 1;
    else ranges.push([index, index + 1]);
  }
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
  const wanted = filteredRanges(filter, state.doc.childCount);
  return sameRanges(wanted, pinnedRows(state)) ? null : wanted;
}

function apply(tr: Transaction, prev: RowFilterState, state: EditorState): RowFilterState {
  const meta = tr.getMeta(rowFilterKey) as Meta | undefined;
  if (!meta && !tr.docChanged) return prev;
  const next = { ...prev, ...meta };
  if (!filtering(next)) return { ...next, states: [], reviewStates: [], decorations: DecorationSet.empty };
  const f = filtersOver(state.doc, next);
  // Typing that leaves every row in its states: the same rows shown, moved.
  if (!meta && sameStates(f.states, prev.states) && sameStates(f.reviewStates, prev.reviewStates)) {
    return { ...next, ...f, decorations: prev.decorations.map(tr.mapping, tr.doc) };
  }
  return { ...next, ...f, decorations: decorate(state, f) };
}

/** The plugin holding the navigation target and the filter. */
export function buildRowFilter(): Plugin<RowFilterState> {
  return new Plugin<RowFilterState>({
    key: rowFilterKey,
    state: {
      init: () => ({ target: 'contradicted', shown: null, states: [], reviews: null, reviewStates: [], decorations: DecorationSet.empty }),
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
      attributes: (state): Record<string, string> => {
        const filter = rowFilterKey.getState(state);
        return filter && filtering(filter) ? { class: 'row-filter-active' } : {};
      },
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
  return setFilters({ shown: shown && [...shown] });
}

/**
 * Shows only rows in the review states `reviews` (null: every row), together with
 * the restoration-state filter; the selection leaves a hidden row as with that one.
 */
export function setReviewFilter(reviews: readonly ReviewState[] | null): Command {
  return setFilters({ reviews: reviews && [...reviews] });
}

function setFilters(change: { shown: readonly RowState[] | null } | { reviews: readonly ReviewState[] | null }): Command {
  return (state, dispatch) => {
    const current = rowFilterKey.getState(state);
    if (!current) return false;
    if (!dispatch) return true;
    const tr = state.tr.setMeta(rowFilterKey, change satisfies Meta);
    const { doc } = state;
    const f = filtersOver(doc, { shown: current.shown, reviews: current.reviews, ...change });
    if (isWindowed(state)) pinRows(tr, filteredRanges(f, doc.childCount));
    if (filtering(f)) {
      const here = Math.min(doc.resolve(state.selection.head).index(0), doc.childCount - 1);
      if (!passes(f, here)) {
        for (let step = 1; step < doc.childCount; step++) {
          const index = (here + step) % doc.childCount;
          if (passes(f, index)) {
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
