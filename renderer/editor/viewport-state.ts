/**
 * The viewport's plugin state: which rows are drawn (viewport-range.ts), their
 * document positions, and the node decorations that tell the row views to draw
 * (row-numbers.ts), with the hidden rows' heights (viewport-heights.ts) as
 * margins. It changes in the same transaction as the selection that needs a
 * row drawn. The plugin key is private: read the state through
 * `viewportState`, move the window with `setWindow`.
 */
import { Plugin, PluginKey, type EditorState, type PluginSpec, type Selection, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { drawnRanges, sameRanges, type RowRange } from './viewport-range';
import type { RowHeights } from './viewport-heights';

export interface ViewportState {
  /** Whether this document is drawn windowed (decided when the editor opens). */
  windowed: boolean;
  /** The window: rows drawn for the scroll position. */
  window: RowRange;
  /** Rows drawn wherever the window is (the rows a filter shows: `pinRows`). */
  pinned: readonly RowRange[];
  /** Every row drawn: the window, the pinned rows and the rows at the selection's ends, merged and in order. */
  drawn: RowRange[];
  /** The drawn rows as document positions [from, to), in order. */
  spans: [number, number][];
  /** Node decorations marking the drawn rows (spec `drawnRow`), with the hidden rows' heights as margins. */
  decorations: DecorationSet;
}

const key = new PluginKey<ViewportState>('viewport');

/** The viewport plugin from its spec, under the private key (viewport.ts). */
export function keyedPlugin(spec: PluginSpec<ViewportState> & { key?: never }): Plugin<ViewportState> {
  return new Plugin<ViewportState>({ ...spec, key });
}

/** The viewport's state; undefined in an editor without the viewport plugin. */
export function viewportState(state: EditorState): ViewportState | undefined {
  return key.getState(state);
}

/** Whether the document is drawn windowed (a long document). */
export function isWindowed(state: EditorState): boolean {
  return key.getState(state)?.windowed ?? false;
}

/** Meta of a transaction that moves the window, or (`null` window) redoes the margins after a new measure, or pins rows. */
interface ViewportMeta {
  window?: RowRange | null;
  pinned?: readonly RowRange[];
}

/** Marks `tr` as moving the window to `window` (null: the same rows, with the margins redone from new heights). */
export function setWindow(tr: Transaction, window: RowRange | null): Transaction {
  const meta: ViewportMeta = { ...(tr.getMeta(key) as ViewportMeta | undefined), window };
  return tr.setMeta(key, meta);
}

/**
 * Marks `tr` as pinning `rows`: they are drawn wherever the window is, until
 * the next pin (an empty list unpins). Row indices are of `tr`'s document.
 */
export function pinRows(tr: Transaction, rows: readonly RowRange[]): Transaction {
  const meta: ViewportMeta = { ...(tr.getMeta(key) as ViewportMeta | undefined), pinned: rows };
  return tr.setMeta(key, meta);
}

/** The pinned rows (none in a document that is not windowed). */
export function pinnedRows(state: EditorState): readonly RowRange[] {
  return key.getState(state)?.pinned ?? [];
}

interface DrawnSpec {
  drawnRow: true;
}

/**
 * The viewport state for a window: the drawn rows, their positions, and their
 * node decorations. The first drawn row after a run of hidden rows carries the
 * run's height as its top margin; the last drawn row carries the height of
 * the hidden rows after it as its bottom margin.
 */
export function buildState(doc: Node, selection: Selection, window: RowRange, heights: RowHeights, pinned: readonly RowRange[] = []): ViewportState {
  const drawn = drawnRanges(doc, selection, window, pinned);
  const spans: [number, number][] = [];
  const rows: { pos: number; size: number; above: number }[] = [];
  let hidden = 0;
  let pos = 0;
  let range = 0;
  for (let index = 0; index < doc.childCount; index++) {
    const node = doc.child(index);
    const size = node.nodeSize;
    while (range < drawn.length && index >= drawn[range][1]) range++;
    if (range < drawn.length && index >= drawn[range][0]) {
      rows.push({ pos, size, above: hidden });
      hidden = 0;
      if (index === drawn[range][0]) spans.push([pos, pos + size]);
      else spans[spans.length - 1][1] = pos + size;
    } else {
      hidden += heights.get(node);
    }
    pos += size;
  }
  const spec: DrawnSpec = { drawnRow: true };
  const decos = rows.map(({ pos: at, size, above }, i) => {
    const style = [above ? `margin-top: ${above}px` : '', i === rows.length - 1 && hidden ? `margin-bottom: ${hidden}px` : ''].filter(Boolean).join('; ');
    return Decoration.node(at, at + size, style ? { style } : {}, spec);
  });
  return { windowed: true, window, pinned, drawn, spans, decorations: DecorationSet.create(doc, decos) };
}

/** The state of a short document: every row drawn, no decorations. */
export const NOT_WINDOWED: ViewportState = { windowed: false, window: [0, 0], pinned: [], drawn: [], spans: [], decorations: DecorationSet.empty };

/** The plugin's `apply`: the state after `tr`. */
export function applyState(tr: Transaction, prev: ViewportState, state: EditorState, heights: RowHeights): ViewportState {
  if (!prev.windowed) return prev;
  const meta = tr.getMeta(key) as ViewportMeta | undefined;
  if (!tr.docChanged && !meta && !tr.selectionSet) return prev;
  const window = meta?.window ?? prev.window;
  const pinned = meta?.pinned ?? prev.pinned;
  const same = !meta && sameRanges(drawnRanges(state.doc, state.selection, window, pinned), prev.drawn);
  if (same && !tr.docChanged) return prev;
  // Typing in a drawn row: the same rows, moved; the hidden rows' heights are as they were.
  if (same && state.doc.childCount === tr.before.childCount) {
    const decorations = prev.decorations.map(tr.mapping, state.doc);
    const spans = prev.spans.map(([from, to]): [number, number] => [tr.mapping.map(from, 1), tr.mapping.map(to, -1)]);
    if (decorations.find().length === prev.decorations.find().length) return { ...prev, spans, decorations };
  }
  return buildState(state.doc, state.selection, window, heights, pinned);
}

/** Whether a row view with these decorations is drawn in full. */
export function isDrawn(state: EditorState, decorations: readonly Decoration[]): boolean {
  if (!isWindowed(state)) return true;
  return decorations.some((d) => (d.spec as Partial<DrawnSpec>).drawnRow === true);
}

/** Calls `f` for every drawn row (every row when the document is not windowed), in order. */
export function forEachDrawnRow(state: EditorState, f: (row: Node, pos: number, index: number) => void): void {
  const viewport = key.getState(state);
  if (!viewport?.windowed) {
    state.doc.forEach(f);
    return;
  }
  viewport.drawn.forEach(([first, end], i) => {
    for (let index = first, pos = viewport.spans[i][0]; index < end; index++) {
      const row = state.doc.child(index);
      f(row, pos, index);
      pos += row.nodeSize;
    }
  });
}
