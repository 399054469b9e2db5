/**
 * Picking garbled text in the witness column for suggestions: a click picks the
 * witness word under the pointer, a shift-click extends the pick, a drag picks
 * exactly the characters selected (spaces included). The suggestion plugin keeps
 * the pick in its state.
 */
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import type { WitnessPick } from './target';

/** The witness word around a column. */
export function witnessWordAt(line: string, col: number): [number, number] {
  if (line[col] === ' ' || col >= line.length) return [col, col];
  let from = col;
  while (from > 0 && line[from - 1] !== ' ') from--;
  let to = col;
  while (to < line.length && line[to] !== ' ') to++;
  return [from, to];
}

function segmentPosOf(view: EditorView, el: Element): number | null {
  const segEl = el.closest('.segment');
  if (!segEl || segEl.parentElement !== view.dom) return null;
  const index = Array.prototype.indexOf.call(view.dom.children, segEl) as number;
  if (index < 0 || index >= view.state.doc.childCount) return null;
  let pos = 0;
  for (let i = 0; i < index; i++) pos += view.state.doc.child(i).nodeSize;
  return pos;
}

function colOf(node: globalThis.Node | null): number | null {
  const el = node?.nodeType === 1 ? (node as Element) : node?.parentElement;
  const span = el?.closest?.('.wc') as HTMLElement | null;
  return span?.dataset.col !== undefined ? Number(span.dataset.col) : null;
}

/** The witness characters a mouseup picks (null when it was not in a witness line). */
export function witnessPickFromEvent(view: EditorView, event: MouseEvent, previous: WitnessPick | null): WitnessPick | null {
  const target = event.target as Element | null;
  const lineEl = target?.closest?.('.witness-line') as HTMLElement | null;
  if (!lineEl || !view.dom.contains(lineEl)) return null;
  const segmentPos = segmentPosOf(view, lineEl);
  if (segmentPos === null) return null;
  const segment = view.state.doc.nodeAt(segmentPos) as Node;
  let lines: string[] = [];
  segment.forEach((child) => {
    if (child.type.name === 'witness') lines = child.attrs.lines as string[];
  });
  const line = Number(lineEl.dataset.line ?? 0);
  const text = lines[line] ?? '';
  let range: [number, number] | null = null;
  const sel = view.dom.ownerDocument.getSelection();
  if (sel && !sel.isCollapsed && lineEl.contains(sel.anchorNode) && lineEl.contains(sel.focusNode)) {
    const a = colOf(sel.anchorNode);
    const f = colOf(sel.focusNode);
    if (a !== null && f !== null) {
      const range0 = sel.getRangeAt(0);
      const startCol = colOf(range0.startContainer) ?? Math.min(a, f);
      const endCol = colOf(range0.endContainer) ?? Math.max(a, f);
      const endIncluded = range0.endContainer.nodeType === 3 ? range0.endOffset > 0 : true;
      range = [startCol, endIncluded ? endCol + 1 : endCol];
    }
  }
  if (!range) {
    const col = colOf(target);
    if (col === null) return null;
    range = witnessWordAt(text, col);
    if (event.shiftKey && previous && previous.segmentPos === segmentPos && previous.line === line) {
      range = [Math.min(previous.from, range[0]), Math.max(previous.to, range[1])];
    }
  }
  if (range[1] <= range[0]) return null;
  return { segmentPos, line, from: range[0], to: range[1] };
}
