/**
 * The live check's colours on the restoration, drawn with the CSS Custom
 * Highlight API: each run of syllables (check-decorations.ts `checkRuns`) is a
 * DOM Range in one of the highlights `ck-confirmed`, `ck-consistent` and
 * `ck-contradicted`, styled by `::highlight()` rules in restore.css.
 *
 * Why not inline decorations: those wrap the text in spans, so every keystroke
 * that changes a syllable's status rebuilds the text around the caret, and the
 * browser has to lay out and place the caret again (bench/typing.bench.ts:
 * about 8 ms a key on this machine), and a syllable being composed by an IME
 * slips out of its wrapper. Highlights leave the DOM alone.
 *
 * Ranges are live: text typed before a range moves it. They are made again for
 * a row whose node changed (an edit) or whose cell was drawn anew. In a long
 * document they are kept only for the rows on screen (and a few either side):
 * Chromium rebuilds every highlighted range and repaints its text on each
 * change to the page, so each highlighted row off screen costs every
 * keystroke (bench/typing.bench.ts). A contradicted syllable's reason shows in
 * a tooltip on hover.
 */
import { Plugin, type EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { forEachDrawnRow, onVisibleRowsChange, viewportState, visibleRows } from '../editor/viewport';
import { segmentAt } from '../editor/positions';
import { checkRuns, type CheckRun } from './check-decorations';
import { segmentCheckAt, witnessCheckKey } from './witness-check';
import { segmentParts } from './segment-text';

export const CHECK_HIGHLIGHT_NAMES = {
  confirmed: 'ck-confirmed',
  consistent: 'ck-consistent',
  contradicted: 'ck-contradicted',
} as const satisfies Record<CheckRun['status'], string>;

type Status = CheckRun['status'];

/** Rows highlighted beyond those measured on screen (rows grow and move between measures). */
const MARGIN_ROWS = 2;

interface DrawnRun {
  status: Status;
  range: Range;
}

interface RowRuns {
  /** What was checked: the restoration's node and the witness cell's node. */
  korean: Node;
  witness: Node;
  runs: DrawnRun[];
  /** False while the row waits for the background check: looked at again on the next draw. */
  checked: boolean;
}

/** The window's highlights (one per status), shared by every editor in it. */
function registry(doc: Document): Map<Status, Highlight> | null {
  const css = doc.defaultView?.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  if (!css?.highlights || typeof Highlight === 'undefined') return null;
  const out = new Map<Status, Highlight>();
  for (const [status, name] of Object.entries(CHECK_HIGHLIGHT_NAMES) as [Status, string][]) {
    let highlight = css.highlights.get(name);
    if (!highlight) css.highlights.set(name, (highlight = new Highlight()));
    // A contradiction is never hidden under another colour.
    highlight.priority = status === 'contradicted' ? 1 : 0;
    out.set(status, highlight);
  }
  return out;
}

class CheckHighlighter {
  private readonly highlights: Map<Status, Highlight> | null;
  /**
   * Runs of the drawn rows, by their restoration cell's element. A row keeps its
   * runs while its restoration and witness nodes stay the same (typing in the
   * English leaves them alone) and its ranges are still in the cell.
   */
  private rows = new Map<globalThis.Node, RowRuns>();
  private readonly tooltip: HTMLElement;
  private readonly unsubscribe: () => void;

  constructor(private readonly view: EditorView) {
    const doc = view.dom.ownerDocument;
    this.highlights = registry(doc);
    this.tooltip = doc.createElement('div');
    this.tooltip.className = 'check-tooltip';
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    doc.body.appendChild(this.tooltip);
    // Scrolling brings other rows on screen: they are highlighted before the frame is painted.
    this.unsubscribe = onVisibleRowsChange(view, () => this.draw());
    this.draw();
  }

  update(view: EditorView, prev: EditorState): void {
    const { state } = view;
    if (
      state.doc === prev.doc &&
      witnessCheckKey.getState(state)?.drawn.set === witnessCheckKey.getState(prev)?.drawn.set &&
      viewportState(state) === viewportState(prev)
    ) {
      return;
    }
    this.draw();
  }

  destroy(): void {
    this.unsubscribe();
    for (const row of this.rows.values()) this.forget(row);
    this.rows.clear();
    this.tooltip.remove();
  }

  /** Runs of the rows to highlight: kept where the row and its cell are the same, made again elsewhere. */
  private draw(): void {
    if (!this.highlights || this.view.isDestroyed) return;
    const { state } = this.view;
    const next = new Map<globalThis.Node, RowRuns>();
    const onScreen = visibleRows(this.view);
    forEachDrawnRow(state, (node, pos, index) => {
      if (onScreen && (index < onScreen[0] - MARGIN_ROWS || index >= onScreen[1] + MARGIN_ROWS)) return;
      const row = this.rowRuns(node, pos);
      if (row) next.set(row.key, row.runs);
    });
    for (const [node, row] of this.rows) if (next.get(node) !== row) this.forget(row);
    for (const [node, row] of next) if (this.rows.get(node) !== row) this.remember(row);
    this.rows = next;
  }

  private rowRuns(node: Node, pos: number): { key: globalThis.Node; runs: RowRuns } | null {
    const parts = segmentParts(node, pos);
    if (!parts) return null;
    const cell = this.view.nodeDOM(parts.koreanPos);
    if (!cell) return null;
    const key = cell;
    const known = this.rows.get(key);
    if (known?.checked && known.korean === parts.korean && known.witness === parts.witness && known.runs.every(({ range }) => cell.contains(range.startContainer) && cell.contains(range.endContainer))) {
      return { key, runs: known };
    }
    const found = segmentCheckAt(this.view.state, pos);
    if (!found) return { key, runs: { korean: parts.korean, witness: parts.witness, runs: [], checked: false } };
    // Neighbouring runs of one status are one range (contradicted syllables too: their
    // reasons are looked up on hover), so a long wrong line is a handful of ranges.
    const merged: CheckRun[] = [];
    for (const run of checkRuns(found.parts, found.check)) {
      const last = merged[merged.length - 1];
      if (last && last.status === run.status && last.to === run.from) last.to = run.to;
      else merged.push({ ...run });
    }
    const runs: DrawnRun[] = merged.map((run) => {
      const start = this.view.domAtPos(run.from, 1);
      const end = this.view.domAtPos(run.to, -1);
      const range = cell.ownerDocument!.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      return { status: run.status, range };
    });
    return { key, runs: { korean: parts.korean, witness: parts.witness, runs, checked: true } };
  }

  private remember(row: RowRuns): void {
    for (const run of row.runs) this.highlights?.get(run.status)?.add(run.range);
  }

  private forget(row: RowRuns): void {
    for (const run of row.runs) this.highlights?.get(run.status)?.delete(run.range);
  }

  /** Shows why the contradicted syllable under the pointer contradicts the witness. */
  hover(event: MouseEvent): void {
    const reason = this.contradictionAt(event.clientX, event.clientY);
    if (!reason) {
      this.hideTooltip();
      return;
    }
    const at = this.view.coordsAtPos(reason.from, 1);
    this.tooltip.textContent = reason.title ?? '';
    this.tooltip.style.left = `${Math.round(at.left)}px`;
    this.tooltip.style.top = `${Math.round(at.bottom + 6)}px`;
    this.tooltip.hidden = false;
  }

  /** The contradicted syllable at a point of the window, with its reason. */
  private contradictionAt(x: number, y: number): CheckRun | null {
    const contradicted = this.highlights?.get('contradicted');
    const css = CSS as unknown as { highlights: { highlightsFromPoint?: (x: number, y: number) => { highlight: Highlight }[] } };
    const hits = css.highlights.highlightsFromPoint?.(x, y);
    if (!contradicted || (hits && !hits.some((hit) => hit.highlight === contradicted))) return null;
    const found = this.view.posAtCoords({ left: x, top: y });
    if (!found) return null;
    const { state } = this.view;
    const segment = segmentAt(state.doc.resolve(found.pos));
    if (!segment) return null;
    const check = segmentCheckAt(state, segment.pos);
    if (!check) return null;
    const runs = checkRuns(check.parts, check.check).filter((run) => run.status === 'contradicted');
    return runs.find((run) => found.pos >= run.from && found.pos < run.to) ?? runs.find((run) => found.pos === run.to) ?? null;
  }

  hideTooltip(): void {
    if (!this.tooltip.hidden) this.tooltip.hidden = true;
  }
}

const highlighters = new WeakMap<EditorView, CheckHighlighter>();

/** The plugin that draws the live check's colours. */
export function buildCheckHighlights(): Plugin {
  return new Plugin({
    view: (view) => {
      const highlighter = new CheckHighlighter(view);
      highlighters.set(view, highlighter);
      return highlighter;
    },
    props: {
      handleDOMEvents: {
        mousemove: (view, event) => {
          highlighters.get(view)?.hover(event);
          return false;
        },
        mouseleave: (view) => {
          highlighters.get(view)?.hideTooltip();
          return false;
        },
        keydown: (view) => {
          highlighters.get(view)?.hideTooltip();
          return false;
        },
      },
    },
  });
}
