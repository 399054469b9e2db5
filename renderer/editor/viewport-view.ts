/**
 * The viewport's DOM side: follows the scroll position and the editor's size,
 * measures drawn rows (their heights, and the text metrics of their cells for
 * estimates), moves the window when the screen needs other rows while keeping
 * what is on screen in place, and tells which rows are visible.
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { nextWindow, overscanned, rowAt, rowsInBand, type Band, type RowRange } from './viewport-range';
import { measureRow, type RowHeights } from './viewport-heights';
import { isWindowed, setWindow, viewportState, type ViewportState } from './viewport-state';
import { flushDomChanges } from './prosemirror-internals';

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
export class ViewportView {
  private readonly scroller: HTMLElement | null;
  private readonly resize: ResizeObserver | null = null;
  private frame = 0;

  constructor(
    private readonly view: EditorView,
    private readonly heights: RowHeights,
  ) {
    this.scroller = isWindowed(view.state) ? scrollParent(view.dom) : null;
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

  private box(index: number): Band {
    return this.view.dom.children[index].getBoundingClientRect();
  }

  /** The rows that meet the visible area widened by `OVERSCAN` screens. */
  private wanted(viewport: ViewportState): RowRange {
    const { doc } = this.view.state;
    return rowsInBand(
      doc.childCount,
      viewport.drawn,
      overscanned(this.scroller!.getBoundingClientRect()),
      (i) => this.box(i),
      (i) => this.heights.get(doc.child(i)),
    );
  }

  measure(): void {
    const { view } = this;
    const viewport = viewportState(view.state);
    if (view.isDestroyed || !viewport?.windowed || !this.scroller) return;
    const rows = view.dom.children;
    if (rows.length !== view.state.doc.childCount) return;
    const resized = this.learnMetrics(viewport);
    // Drawn rows' heights, while the layout is fresh: they are the hidden rows' heights once they leave.
    for (const [a, b] of viewport.drawn) for (let i = a; i < b; i++) this.heights.set(view.state.doc.child(i), rows[i].getBoundingClientRect().height);
    const window = nextWindow(viewport.window, this.wanted(viewport), rows.length);
    if (window || resized) this.moveWindow(window);
    this.noteVisible();
  }

  /** Redraws for a new window (null: the same rows, measured again), keeping the screen where it was. */
  private moveWindow(window: RowRange | null): void {
    const { view } = this;
    const viewport = viewportState(view.state)!;
    const rows = view.dom.children;
    // A selection the browser has moved but ProseMirror has not read yet (a scroll
    // right after a click or an arrow key) would be put back by the redraw: read it first.
    flushDomChanges(view);
    const scroller = this.scroller!;
    // Scrolled to the very end (the scrollbar dragged down, Ctrl+End): stay there once the
    // last rows are drawn at their real heights, not where their estimates ended.
    const atEnd = scroller.scrollTop > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
    // Otherwise a row on screen stays where it is, whatever the rows above it turn out to measure.
    const anchor = this.anchorRow(viewport);
    const before = anchor < 0 ? 0 : rows[anchor].getBoundingClientRect().top;
    view.dispatch(setWindow(view.state.tr, window).setMeta('addToHistory', false));
    if (atEnd) {
      scroller.scrollTop = scroller.scrollHeight;
    } else if (anchor >= 0) {
      const moved = view.dom.children[anchor].getBoundingClientRect().top - before;
      if (Math.abs(moved) >= 1) scroller.scrollTop += moved;
    }
  }

  /** Which drawn rows meet the scroller's visible area now (after any redraw). */
  private noteVisible(): void {
    const viewport = viewportState(this.view.state);
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

  /** Text metrics from a drawn row's cells, for estimates; true when the editor's width changed (heights start afresh). */
  private learnMetrics(viewport: ViewportState): boolean {
    const width = this.view.dom.clientWidth;
    if (width === this.heights.editorWidth) return false;
    const row = this.view.dom.children[viewport.drawn[0][0]];
    if (!row) return false;
    this.heights.reset(width, measureRow(row));
    return true;
  }
}
