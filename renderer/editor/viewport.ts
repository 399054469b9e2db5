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
 * see the entire document. Only drawing is windowed. The parts, in the manner
 * of CodeMirror 6's view:
 * - viewport-range.ts: which rows are drawn (pure: selection, scroll position, heights);
 * - viewport-heights.ts: heights of rows not drawn, estimated from measured text metrics;
 * - viewport-state.ts: the plugin state and its accessors (the key is private);
 * - viewport-decorations.ts: other plugins' decorations cut to the drawn rows;
 * - viewport-view.ts: the DOM side (scroll, resize, measuring, the visible rows);
 * - prosemirror-internals.ts: the two reaches into ProseMirror's private fields.
 * This module assembles the plugin and is what the rest of the editor imports.
 */
import { Selection, TextSelection, type Plugin } from 'prosemirror-state';
import { firstWindow } from './viewport-range';
import { RowHeights } from './viewport-heights';
import { NOT_WINDOWED, applyState, buildState, isWindowed, keyedPlugin, viewportState, type ViewportState } from './viewport-state';
import { ViewportView } from './viewport-view';

export type { RowRange } from './viewport-range';
export { estimateRowHeight, UNMEASURED, type RowMetrics, type CellMetrics } from './viewport-heights';
export { viewportState, isWindowed, setWindow, pinRows, pinnedRows, isDrawn, forEachDrawnRow, type ViewportState } from './viewport-state';
export { cutToDrawn, outsideDrawn, type DrawnCut } from './viewport-decorations';
export { visibleRows, onVisibleRowsChange } from './viewport-view';

/** Documents with more rows than this are drawn windowed. */
export const WINDOWED_FROM = 120;

/** The viewport plugin: decides which rows are drawn; its view follows the scroll position. */
export function buildViewport(options: { windowedFrom?: number } = {}): Plugin<ViewportState> {
  const threshold = options.windowedFrom ?? WINDOWED_FROM;
  const heights = new RowHeights();
  return keyedPlugin({
    state: {
      init: (_config, state) =>
        state.doc.childCount <= threshold ? NOT_WINDOWED : buildState(state.doc, state.selection, firstWindow(state.doc, state.selection), heights),
      apply: (tr, prev, _old, state) => applyState(tr, prev, state, heights),
    },
    view: (view) => new ViewportView(view, heights),
    props: {
      decorations: (state) => viewportState(state)?.decorations,
      attributes: (state): Record<string, string> => (isWindowed(state) ? { class: 'windowed' } : {}),
      handleKeyDown: (view, event) => {
        // The browser's own Ctrl+Home/End stop at the last drawn row.
        const mod = event.ctrlKey || event.metaKey;
        if (!isWindowed(view.state) || !mod || event.altKey) return false;
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
