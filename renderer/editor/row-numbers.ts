/**
 * Rows and their numbers.
 *
 * Each segment is drawn by `SegmentView` (a grid row; `data-row` holds its
 * 1-based number, shown by CSS). Numbers are written by a plugin view only when
 * the number of rows changes (split, merge, their undo), in one linear pass;
 * typing never touches them.
 *
 * Why not CSS counters: rows use `content-visibility: auto` (see editor.css),
 * whose style containment scopes counters to each row. Why not decorations: a
 * node decoration per row lives at the document level of the decoration tree,
 * and ProseMirror scans those per row on every redraw (quadratic in rows).
 */
import { Plugin } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type { Decoration, EditorView, NodeView } from 'prosemirror-view';
import { isDrawn } from './viewport';

export class SegmentView implements NodeView {
  readonly dom: HTMLElement;
  /** The row's cells; null for a row of a long document that is off screen (viewport.ts). */
  readonly contentDOM: HTMLElement | null;
  private node: Node;
  private readonly drawn: boolean;

  constructor(
    node: Node,
    private readonly view: EditorView,
    getPos: () => number | undefined,
    decorations: readonly Decoration[],
  ) {
    this.node = node;
    this.dom = document.createElement('div');
    this.dom.className = 'segment';
    this.drawn = isDrawn(view.state, decorations);
    if (this.drawn) {
      this.contentDOM = this.dom;
    } else {
      // Not displayed (its height is a margin of the drawn row after it): nothing to lay out, edit or read aloud.
      this.contentDOM = null;
      this.dom.classList.add('segment-hidden');
      this.dom.contentEditable = 'false';
    }
    this.sync();
    // A row made after the first draw (split, undo) numbers itself; the plugin
    // view renumbers the rest.
    if (numbered.has(view)) {
      const pos = getPos();
      if (pos !== undefined) this.dom.dataset.row = String(view.state.doc.resolve(pos).index(0) + 1);
    }
  }

  private sync(): void {
    this.dom.dataset.id = this.node.attrs.id as string;
    this.dom.dataset.role = this.node.attrs.role as string;
    // The review state, shown in the row's margin (editor.css); a draft shows nothing.
    this.dom.dataset.review = (this.node.attrs.review as string | undefined) ?? 'draft';
  }

  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type) return false;
    // Into or out of the drawn rows: drawn again from scratch.
    if (isDrawn(this.view.state, decorations) !== this.drawn) return false;
    const attrsChanged = node.attrs.id !== this.node.attrs.id || node.attrs.role !== this.node.attrs.role || node.attrs.review !== this.node.attrs.review;
    this.node = node;
    if (attrsChanged) this.sync();
    return true;
  }

  ignoreMutation(mutation: MutationRecord | { type: 'selection'; target: globalThis.Node }): boolean {
    if (!this.drawn) return true;
    // Our own attributes are not content.
    return mutation.type === 'attributes' && mutation.target === this.dom && /^(data-row|data-id|data-role|data-review)$/.test((mutation as MutationRecord).attributeName ?? '');
  }
}

const numbered = new WeakSet<EditorView>();

function renumber(view: EditorView): void {
  const rows = view.dom.children;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as HTMLElement;
    const value = String(i + 1);
    if (row.dataset.row !== value) row.dataset.row = value;
  }
}

/** Keeps `data-row` right when rows are added or removed. */
export function buildRowNumbers(): Plugin {
  return new Plugin({
    view(view) {
      renumber(view);
      numbered.add(view);
      return {
        update(view, prevState) {
          if (view.state.doc.childCount !== prevState.doc.childCount) renumber(view);
        },
        destroy() {
          numbered.delete(view);
        },
      };
    },
  });
}
