/**
 * Long documents draw only the rows near the screen.
 *
 * With every row of a 2,000-row document in the DOM, each keystroke pays for
 * Chromium's editing code, intersection tracking and painting across all of
 * them, and ProseMirror for matching every row's decorations
 * (bench/typing.bench.ts). So in a document of more than `WINDOWED_FROM` rows,
 * a row is drawn in full only when it is near the scroll position (the
 * *window*: a screen above and below what is visible) or holds one end of the
 * selection. Every other row is in the DOM but not displayed; the height of
 * each run of them (measured when the rows were last drawn, estimated before)
 * is a margin on the drawn row after it, so the scrollbar stays true and the
 * browser lays out a few dozen rows, not thousands.
 *
 * The state stays whole: undo, copy, export, the live check and every command
 * see the entire document. Only drawing is windowed. Which rows are drawn is
 * plugin state (so it changes in the same transaction as the selection that
 * needs a row drawn) and reaches the row views as node decorations, which makes
 * ProseMirror redraw a row exactly when it enters or leaves the window.
 * Decorations of other plugins are cut to the drawn rows (`cutToDrawn`): a row
 * that is not drawn has no use for them, and ProseMirror's cost of matching
 * decorations grows with the number of rows that have any.
 */
import { Plugin, PluginKey, Selection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';

/** Documents with more rows than this are drawn windowed. */
export const WINDOWED_FROM = 120;
/** Rows drawn when a long document opens, before its first measure. */
const FIRST_WINDOW = 30;
/** Rows drawn beyond what the screen needs, so small scrolls do not redraw. */
const SLACK = 6;
/** How far beyond the visible area rows are drawn, in screen heights. */
const OVERSCAN = 1;

/** A range of row indices, [from, to). */
export type RowRange = readonly [number, number];

export interface ViewportState {
  /** Whether this document is drawn windowed (decided when the editor opens). */
  windowed: boolean;
  /** The window: rows drawn for the scroll position. */
  window: RowRange;
  /** Every row drawn: the window and the rows at the selection's ends, merged and in order. */
  drawn: RowRange[];
  /** The drawn rows as document positions [from, to), in order. */
  spans: [number, number][];
  /** Node decorations marking the drawn rows (spec `drawnRow`), with the hidden rows' heights as margins. */
  decorations: DecorationSet;
}

export const viewportKey = new PluginKey<ViewportState>('viewport');

interface DrawnSpec {
  drawnRow: true;
}

function clampRange([from, to]: RowRange, count: number): RowRange {
  const a = Math.max(0, Math.min(from, count));
  return [a, Math.max(a, Math.min(to, count))];
}

/** Row index of a document position (the last row for the very end). */
function rowAt(doc: Node, pos: number): number {
  return Math.min(doc.resolve(pos).index(0), doc.childCount - 1);
}

/** The window and the selection's rows, merged into ordered ranges. */
export function drawnRanges(doc: Node, selection: Selection, window: RowRange): RowRange[] {
  const ranges: RowRange[] = [clampRange(window, doc.childCount)];
  for (const pos of [selection.from, selection.to]) {
    const row = rowAt(doc, pos);
    ranges.push([row, row + 1]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of ranges) {
    if (to <= from) continue;
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function sameRanges(a: readonly RowRange[], b: readonly RowRange[]): boolean {
  return a.length === b.length && a.every((r, i) => r[0] === b[i][0] && r[1] === b[i][1]);
}

// --- Heights of rows that are not drawn.

/** Lines a text of `chars` characters takes in `width` pixels at `charWidth` per character. */
function lines(chars: number, width: number, charWidth: number): number {
  return Math.max(1, Math.ceil((chars * charWidth) / Math.max(40, width)));
}

/**
 * The height of a row that has not been drawn at this width: the tallest of its
 * cells, from their text's length and the fonts' average character widths
 * (editor.css: text 15px at 1.55, witness 13px monospace). Scroll anchoring
 * keeps what is on screen in place when a drawn row turns out otherwise.
 */
export function estimateRowHeight(node: Node, columnWidth: number, witnessWidth: number): number {
  const padding = 18;
  const lineHeight = 23.25;
  let tallest = 2.2 * 15;
  node.forEach((column) => {
    if (column.type.name === 'witness') {
      const witnessLines = (column.attrs.lines as string[]).reduce((n, line) => n + lines(line.length, witnessWidth, 7.8), 0);
      tallest = Math.max(tallest, witnessLines * 20);
    } else {
      const text = column.textContent;
      // Hangul is about twice as wide as Latin text.
      let wide = 0;
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x1100) wide++;
      tallest = Math.max(tallest, lines(text.length + wide, columnWidth, 7) * lineHeight);
    }
  });
  return Math.round(tallest + padding);
}

/**
 * Heights of rows by row node, for one editor: measured when a drawn row
 * leaves the window, estimated otherwise. An edited row is a new node, and is
 * estimated or measured again; a new editor width starts afresh.
 */
export class RowHeights {
  private measured = new WeakMap<Node, number>();
  private estimated = new WeakMap<Node, number>();
  private columnWidth = 300;
  private witnessWidth = 300;
  /** Width of the editor the heights belong to (0 before the first measure). */
  editorWidth = 0;

  get(node: Node): number {
    let height = this.measured.get(node) ?? this.estimated.get(node);
    if (height === undefined) this.estimated.set(node, (height = estimateRowHeight(node, this.columnWidth, this.witnessWidth)));
    return height;
  }

  set(node: Node, height: number): void {
    this.measured.set(node, height);
  }

  /** A new width: every height is stale. */
  reset(editorWidth: number, columnWidth: number, witnessWidth: number): void {
    this.editorWidth = editorWidth;
    this.columnWidth = columnWidth;
    this.witnessWidth = witnessWidth;
    this.measured = new WeakMap();
    this.estimated = new WeakMap();
  }
}

/**
 * The viewport state for a window: the drawn rows, their positions, and their
 * node decorations. The first drawn row after a run of hidden rows carries the
 * run's height as its top margin; the last drawn row carries the height of
 * the hidden rows after it as its bottom margin.
 */
function build(doc: Node, selection: Selection, window: RowRange, heights: RowHeights): ViewportState {
  const drawn = drawnRanges(doc, selection, window);
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
  return { windowed: true, window, drawn, spans, decorations: DecorationSet.create(doc, decos) };
}

const NOT_WINDOWED: ViewportState = { windowed: false, window: [0, 0], drawn: [], spans: [], decorations: DecorationSet.empty };

/** Meta of a transaction that moves the window, or (`null` window) redoes the margins after a new measure. */
interface ViewportMeta {
  window: RowRange | null;
}

function apply(tr: Transaction, prev: ViewportState, state: EditorState, heights: RowHeights): ViewportState {
  if (!prev.windowed) return prev;
  const meta = tr.getMeta(viewportKey) as ViewportMeta | undefined;
  if (!tr.docChanged && !meta && !tr.selectionSet) return prev;
  const window = meta?.window ?? prev.window;
  const same = !meta && sameRanges(drawnRanges(state.doc, state.selection, window), prev.drawn);
  if (same && !tr.docChanged) return prev;
  // Typing in a drawn row: the same rows, moved; the hidden rows' heights are as they were.
  if (same && state.doc.childCount === tr.before.childCount) {
    const decorations = prev.decorations.map(tr.mapping, state.doc);
    const spans = prev.spans.map(([from, to]): [number, number] => [tr.mapping.map(from, 1), tr.mapping.map(to, -1)]);
    if (decorations.find().length === prev.decorations.find().length) return { ...prev, spans, decorations };
  }
  return build(state.doc, state.selection, window, heights);
}

/** Whether a row view with these decorations is drawn in full. */
export function isDrawn(state: EditorState, decorations: readonly Decoration[]): boolean {
  const viewport = viewportKey.getState(state);
  if (!viewport?.windowed) return true;
  return decorations.some((d) => (d.spec as Partial<DrawnSpec>).drawnRow === true);
}

/** The viewport plugin: decides which rows are drawn; its view follows the scroll position. */
export function buildViewport(options: { windowedFrom?: number } = {}): Plugin<ViewportState> {
  const threshold = options.windowedFrom ?? WINDOWED_FROM;
  const heights = new RowHeights();
  return new Plugin<ViewportState>({
    key: viewportKey,
    state: {
      init: (_config, state) => {
        if (state.doc.childCount <= threshold) return NOT_WINDOWED;
        // Start where the selection is (a document reopened at its last place).
        const row = rowAt(state.doc, state.selection.head);
        const from = Math.max(0, row - Math.floor(FIRST_WINDOW / 2));
        return build(state.doc, state.selection, [from, from + FIRST_WINDOW], heights);
      },
      apply: (tr, prev, _old, state) => apply(tr, prev, state, heights),
    },
    view: (view) => new ViewportView(view, heights),
    props: {
      decorations: (state) => viewportKey.getState(state)?.decorations,
      attributes: (state): Record<string, string> => (viewportKey.getState(state)?.windowed ? { class: 'windowed' } : {}),
      handleKeyDown: (view, event) => {
        // The browser's own Ctrl+Home/End stop at the last drawn row.
        const mod = event.ctrlKey || event.metaKey;
        if (!viewportKey.getState(view.state)?.windowed || !mod || event.altKey) return false;
        if (event.key !== 'Home' && event.key !== 'End') return false;
        const { doc } = view.state;
        const target = event.key === 'Home' ? Selection.atStart(doc) : Selection.atEnd(doc);
        const selection = event.shiftKey ? TextSelection.between(doc.resolve(view.state.selection.anchor), doc.resolve(target.head)) : target;
        view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
        return true;
      },
    },
  });
}

/** Calls `f` for every drawn row (every row when the document is not windowed), in order. */
export function forEachDrawnRow(state: EditorState, f: (row: Node, pos: number, index: number) => void): void {
  const viewport = viewportKey.getState(state);
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

/** A plugin's decorations cut to the drawn rows, and what the cut was made from. */
export interface DrawnCut {
  full: DecorationSet;
  viewport: ViewportState | undefined;
  /** What the view draws: `full` itself when the document is not windowed. */
  set: DecorationSet;
}

/** Same decoration (not just an equal one): mapping and `find` keep a decoration's type object. */
function sameDecoration(a: Decoration, b: Decoration): boolean {
  type Typed = { type: unknown };
  return a.from === b.from && a.to === b.to && (a as unknown as Typed).type === (b as unknown as Typed).type;
}

function sameDecorations(a: readonly Decoration[], b: readonly Decoration[]): boolean {
  return a.length === b.length && a.every((d) => b.some((e) => sameDecoration(d, e)));
}

/** The decorations of `set` inside [from, to), grouped by the row (index into `starts`) they lie in. */
function byRow(set: DecorationSet, from: number, to: number, starts: readonly number[]): Decoration[][] {
  const rows: Decoration[][] = starts.map(() => []);
  for (const deco of set.find(from, to)) {
    if (deco.from < from || deco.to > to) continue;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= deco.from) lo = mid;
      else hi = mid - 1;
    }
    rows[lo].push(deco);
  }
  return rows;
}

/** The decorations of `set` that lie outside the drawn rows (none when every row is drawn). */
export function outsideDrawn(set: DecorationSet, viewport: ViewportState | undefined): Decoration[] {
  if (!viewport?.windowed) return [];
  const inside = (d: Decoration) => viewport.spans.some(([from, to]) => d.from >= from && d.to <= to);
  return set.find().filter((d) => !inside(d));
}

/**
 * A plugin's decorations limited to the drawn rows of a windowed document,
 * kept up to date per transaction: the previous cut is mapped, rows that left
 * the window lose their decorations, and a drawn row whose decorations differ
 * from the full set's takes the full set's. ProseMirror then only ever sees
 * decorations in rows it draws. (Building a set from scratch costs a pass over
 * every row per decoration: too slow to do per keystroke.)
 */
export function cutToDrawn(full: DecorationSet, state: EditorState, prev: DrawnCut | null, tr?: Transaction): DrawnCut {
  const viewport = viewportKey.getState(state);
  if (!viewport?.windowed) return { full, viewport, set: full };
  if (prev && prev.full === full && prev.viewport === viewport) return prev;
  let cut = prev?.viewport?.windowed ? prev.set : DecorationSet.empty;
  if (tr?.docChanged) cut = cut.map(tr.mapping, state.doc);
  const remove = outsideDrawn(cut, viewport);
  const add: Decoration[] = [];
  // Drawn rows, compared one by one.
  viewport.drawn.forEach(([first, end], i) => {
    const [from, to] = viewport.spans[i];
    const starts: number[] = [];
    for (let index = first, pos = from; index < end; index++) {
      starts.push(pos);
      pos += state.doc.child(index).nodeSize;
    }
    const want = byRow(full, from, to, starts);
    const have = byRow(cut, from, to, starts);
    want.forEach((decos, row) => {
      if (sameDecorations(decos, have[row])) return;
      remove.push(...have[row]);
      add.push(...decos);
    });
  });
  if (remove.length) cut = cut.remove(remove);
  if (add.length) cut = cut.add(state.doc, add);
  return { full, viewport, set: cut };
}

function scrollParent(dom: HTMLElement): HTMLElement | null {
  for (let el = dom.parentElement; el; el = el.parentElement) {
    const { overflowY } = getComputedStyle(el);
    if (overflowY === 'auto' || overflowY === 'scroll') return el;
  }
  return null;
}

/**
 * The rows on screen in a windowed editor, as last measured (on scroll and
 * resize), for drawing that only the visible rows need (check-highlights.ts:
 * the browser rebuilds every highlighted range on each keystroke). Rows a
 * little off screen may be counted; rows on screen always are.
 */
const visible = new WeakMap<EditorView, { rows: RowRange | null; listeners: Set<() => void> }>();

/** The rows on screen, or null when every row is drawn (a short document) or nothing was measured yet. */
export function visibleRows(view: EditorView): RowRange | null {
  return visible.get(view)?.rows ?? null;
}

/** Calls `listener` whenever the rows on screen change; returns the unsubscribe. */
export function onVisibleRowsChange(view: EditorView, listener: () => void): () => void {
  let entry = visible.get(view);
  if (!entry) visible.set(view, (entry = { rows: null, listeners: new Set() }));
  entry.listeners.add(listener);
  return () => entry.listeners.delete(listener);
}

function setVisibleRows(view: EditorView, rows: RowRange): void {
  let entry = visible.get(view);
  if (!entry) visible.set(view, (entry = { rows, listeners: new Set() }));
  else if (entry.rows && entry.rows[0] === rows[0] && entry.rows[1] === rows[1]) return;
  entry.rows = rows;
  for (const listener of entry.listeners) listener();
}

/** Follows the scroll position and the editor's size; moves the window when the screen needs other rows. */
class ViewportView {
  private readonly scroller: HTMLElement | null;
  private readonly resize: ResizeObserver | null = null;
  private frame = 0;

  constructor(
    private readonly view: EditorView,
    private readonly heights: RowHeights,
  ) {
    this.scroller = viewportKey.getState(view.state)?.windowed ? scrollParent(view.dom) : null;
    if (!this.scroller) return;
    this.scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.resize = new ResizeObserver(() => this.schedule());
    this.resize.observe(this.scroller);
    this.schedule();
  }

  update(view: EditorView, prev: EditorState): void {
    // Rows added or removed move the others: look again once they are laid out.
    if (this.scroller && view.state.doc.childCount !== prev.doc.childCount) this.schedule();
  }

  destroy(): void {
    visible.delete(this.view);
    cancelAnimationFrame(this.frame);
    this.scroller?.removeEventListener('scroll', this.onScroll);
    this.resize?.disconnect();
  }

  /** On scroll, at once: the rows are drawn before the frame is painted. */
  private readonly onScroll = (): void => this.measure();

  private schedule(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.measure());
  }

  /**
   * The rows [first, end) that meet the visible area widened by `OVERSCAN`
   * screens. Drawn rows are where the browser put them; hidden rows are
   * counted at their heights from the drawn row before them (or, above the
   * first drawn row, back from it).
   */
  private wanted(viewport: ViewportState): RowRange {
    const { doc } = this.view.state;
    const rows = this.view.dom.children;
    const box = this.scroller!.getBoundingClientRect();
    const top = box.top - box.height * OVERSCAN;
    const bottom = box.bottom + box.height * OVERSCAN;
    const firstDrawn = viewport.drawn[0][0];
    let y = (rows[firstDrawn] as HTMLElement).getBoundingClientRect().top;
    for (let i = 0; i < firstDrawn; i++) y -= this.heights.get(doc.child(i));
    let first = -1;
    let range = 0;
    for (let i = 0; i < doc.childCount; i++) {
      while (range < viewport.drawn.length && i >= viewport.drawn[range][1]) range++;
      let rowTop = y;
      if (range < viewport.drawn.length && i >= viewport.drawn[range][0]) {
        const rect = rows[i].getBoundingClientRect();
        rowTop = rect.top;
        y = rect.bottom;
      } else {
        y += this.heights.get(doc.child(i));
      }
      if (first < 0 && y > top) first = i;
      if (rowTop >= bottom) return [Math.max(0, first), Math.max(first + 1, i)];
    }
    return [Math.max(0, first), doc.childCount];
  }

  measure(): void {
    const { view } = this;
    const viewport = viewportKey.getState(view.state);
    if (view.isDestroyed || !viewport?.windowed || !this.scroller) return;
    const rows = view.dom.children;
    if (rows.length !== view.state.doc.childCount) return;
    const resized = this.learnWidths(viewport);
    // Drawn rows' heights, while the layout is fresh: they are the hidden rows' heights once they leave.
    for (const [a, b] of viewport.drawn) for (let i = a; i < b; i++) this.heights.set(view.state.doc.child(i), rows[i].getBoundingClientRect().height);
    const [first, end] = this.wanted(viewport);
    const [from, to] = viewport.window;
    const settled = from <= first && to >= end && to - from <= end - first + 4 * SLACK;
    if (!settled || resized) this.moveWindow(settled ? null : [Math.max(0, first - SLACK), Math.min(rows.length, end + SLACK)]);
    this.noteVisible();
  }

  /** Redraws for a new window (null: the same rows, measured again), keeping the screen where it was. */
  private moveWindow(window: RowRange | null): void {
    const { view } = this;
    const viewport = viewportKey.getState(view.state)!;
    const rows = view.dom.children;
    // A selection the browser has moved but ProseMirror has not read yet (a scroll
    // right after a click or an arrow key) would be put back by the redraw: read it first.
    (view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush();
    const meta: ViewportMeta = { window };
    const scroller = this.scroller!;
    // Scrolled to the very end (the scrollbar dragged down, Ctrl+End): stay there once the
    // last rows are drawn at their real heights, not where their estimates ended.
    const atEnd = scroller.scrollTop > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
    // Otherwise a row on screen stays where it is, whatever the rows above it turn out to measure.
    const anchor = this.anchorRow(viewport);
    const before = anchor < 0 ? 0 : rows[anchor].getBoundingClientRect().top;
    view.dispatch(view.state.tr.setMeta(viewportKey, meta).setMeta('addToHistory', false));
    if (atEnd) {
      scroller.scrollTop = scroller.scrollHeight;
    } else if (anchor >= 0) {
      const moved = view.dom.children[anchor].getBoundingClientRect().top - before;
      if (Math.abs(moved) >= 1) scroller.scrollTop += moved;
    }
  }

  /** Which drawn rows meet the scroller's visible area now (after any redraw). */
  private noteVisible(): void {
    const viewport = viewportKey.getState(this.view.state);
    if (!viewport?.windowed || !this.scroller) return;
    const rows = this.view.dom.children;
    const box = this.scroller.getBoundingClientRect();
    let first = -1;
    let end = -1;
    for (const [from, to] of viewport.drawn) {
      for (let i = from; i < to; i++) {
        const r = rows[i].getBoundingClientRect();
        if (r.bottom <= box.top || r.top >= box.bottom) continue;
        if (first < 0) first = i;
        end = i + 1;
      }
    }
    if (first >= 0) setVisibleRows(this.view, [first, end]);
  }

  /** A drawn row on screen to hold in place: the selection's, if it is on screen, or the first one visible. */
  private anchorRow(viewport: ViewportState): number {
    const rows = this.view.dom.children;
    const box = this.scroller!.getBoundingClientRect();
    const onScreen = (i: number) => {
      const r = rows[i].getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom;
    };
    const { doc, selection } = this.view.state;
    const head = rowAt(doc, selection.head);
    if (onScreen(head)) return head;
    for (const [from, to] of viewport.drawn) for (let i = from; i < to; i++) if (onScreen(i)) return i;
    return -1;
  }

  /** Column widths from a drawn row, for estimates; true when the editor's width changed (heights start afresh). */
  private learnWidths(viewport: ViewportState): boolean {
    const width = this.view.dom.clientWidth;
    if (width === this.heights.editorWidth) return false;
    const row = this.view.dom.children[viewport.drawn[0][0]] as HTMLElement | undefined;
    const english = row?.querySelector<HTMLElement>(':scope > .english');
    const witness = row?.querySelector<HTMLElement>(':scope > .witness');
    this.heights.reset(width, english ? english.clientWidth - 20 : 300, witness ? witness.clientWidth - 20 : 300);
    return true;
  }
}
