/**
 * Footnotes, edited where they are: the anchor is a numbered superscript; when it
 * is selected a small editor opens under it, a nested EditorView over the note's
 * content, as in ProseMirror's footnote example. The side panel edits the same
 * notes with the same `FootnoteEditor`.
 *
 * The nested editor is kept in sync both ways: its steps are mapped into the
 * outer document (where history records them, so Mod-z in a note undoes in the
 * document), and outer changes (undo, the other editor of the same note) are
 * replayed into it tagged with `SYNC` so they are not sent back.
 */
import { EditorState, Plugin, TextSelection, type Transaction } from 'prosemirror-state';
import { EditorView, type Decoration, type NodeView } from 'prosemirror-view';
import { StepMap } from 'prosemirror-transform';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { redo, undo } from 'prosemirror-history';
import type { Node } from 'prosemirror-model';
import { annotationsOf, footnoteNumberOf } from './annotations';
import { insertHardBreak } from './commands/cells';

/** Meta on transactions that bring outer changes into a nested editor. */
const SYNC = 'footnoteSync';

export interface FootnoteEditorOptions {
  /** The document's editor. */
  outer: EditorView;
  /** Where the note is in the outer document now (null when it is gone). */
  getPos: () => number | null | undefined;
  /** Called on Escape or Enter: the editor's user wants back to the text. */
  onLeave?: () => void;
  /** Accessible name of the editor. */
  label: string;
}

/** A nested editor over one footnote's content. */
export class FootnoteEditor {
  readonly view: EditorView;
  private node: Node;

  constructor(mount: HTMLElement, node: Node, private readonly options: FootnoteEditorOptions) {
    this.node = node;
    const { outer } = options;
    const leave = () => {
      options.onLeave?.();
      return true;
    };
    this.view = new EditorView(mount, {
      state: EditorState.create({
        doc: node,
        plugins: [
          keymap({
            'Mod-z': () => undo(outer.state, outer.dispatch),
            'Mod-y': () => redo(outer.state, outer.dispatch),
            'Shift-Mod-z': () => redo(outer.state, outer.dispatch),
            Escape: leave,
            Enter: leave,
            'Shift-Enter': insertHardBreak,
          }),
          keymap(baseKeymap),
        ],
      }),
      attributes: { class: 'footnote-text', role: 'textbox', 'aria-label': options.label, spellcheck: 'true' },
      dispatchTransaction: (tr) => this.dispatchInner(tr),
    });
  }

  private dispatchInner(tr: Transaction): void {
    const { state, transactions } = this.view.state.applyTransaction(tr);
    this.view.updateState(state);
    if (tr.getMeta(SYNC)) return;
    const pos = this.options.getPos();
    if (pos === null || pos === undefined) return;
    const outer = this.options.outer;
    const outerTr = outer.state.tr;
    const offset = StepMap.offset(pos + 1);
    for (const t of transactions) {
      for (const step of t.steps) {
        const mapped = step.map(offset);
        if (mapped) outerTr.step(mapped);
      }
    }
    if (outerTr.docChanged) outer.dispatch(outerTr);
  }

  /** Brings the note up to date with the outer document. */
  update(node: Node): void {
    this.node = node;
    const state = this.view.state;
    const start = node.content.findDiffStart(state.doc.content);
    if (start === null) return;
    let { a: endA, b: endB } = node.content.findDiffEnd(state.doc.content) ?? { a: start, b: start };
    const overlap = start - Math.min(endA, endB);
    if (overlap > 0) {
      endA += overlap;
      endB += overlap;
    }
    this.view.dispatch(state.tr.replace(start, endB, node.slice(start, endA)).setMeta(SYNC, true));
  }

  get content(): Node {
    return this.node;
  }

  focus(atEnd = true): void {
    this.view.focus();
    if (atEnd) {
      const end = this.view.state.doc.content.size;
      this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, end)).setMeta(SYNC, true));
    }
  }

  /** Focuses the note with the caret at a position of its content. */
  focusAt(pos: number): void {
    this.view.focus();
    const $pos = this.view.state.doc.resolve(Math.min(pos, this.view.state.doc.content.size));
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.near($pos)).setMeta(SYNC, true));
  }

  destroy(): void {
    this.view.destroy();
  }
}

/** Node views by their DOM, so a plugin can reach the view of a footnote it just inserted. */
const viewsByDom = new WeakMap<globalThis.Node, FootnoteView>();

/** The footnote anchor in the text, with its editor when selected. */
export class FootnoteView implements NodeView {
  readonly dom: HTMLElement;
  private readonly label: HTMLElement;
  private popup: HTMLElement | null = null;
  private editor: FootnoteEditor | null = null;
  private node: Node;
  private number: number | null;

  constructor(
    node: Node,
    private readonly outer: EditorView,
    private readonly getPos: () => number | undefined,
    decorations: readonly Decoration[],
  ) {
    this.node = node;
    this.number = footnoteNumberOf(decorations);
    this.dom = document.createElement('sup');
    this.dom.className = 'footnote';
    this.dom.setAttribute('role', 'doc-noteref');
    this.label = document.createElement('span');
    this.label.className = 'footnote-number';
    this.dom.appendChild(this.label);
    this.refresh();
    viewsByDom.set(this.dom, this);
  }

  private refresh(): void {
    const n = this.number === null ? '?' : String(this.number);
    this.label.textContent = n;
    this.dom.dataset.id = this.node.attrs.id as string;
    const text = this.node.textContent.trim();
    this.dom.title = text ? `Footnote ${n}: ${text}` : `Footnote ${n} (empty)`;
    this.dom.setAttribute('aria-label', this.dom.title);
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
    if (!this.editor) this.open();
  }

  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode');
    if (this.editor) this.close();
  }

  private open(): void {
    const popup = document.createElement('span');
    popup.className = 'footnote-popup';
    this.dom.appendChild(popup);
    this.popup = popup;
    this.editor = new FootnoteEditor(popup, this.node, {
      outer: this.outer,
      getPos: () => this.getPos(),
      label: `Footnote ${this.number ?? ''}`.trim(),
      onLeave: () => this.leave(),
    });
  }

  private close(): void {
    this.editor?.destroy();
    this.editor = null;
    this.popup?.remove();
    this.popup = null;
  }

  /** Back to the text, the caret right after the anchor. */
  private leave(): void {
    const pos = this.getPos();
    this.outer.focus();
    if (pos === undefined) return;
    const after = pos + this.node.nodeSize;
    this.outer.dispatch(this.outer.state.tr.setSelection(TextSelection.create(this.outer.state.doc, after)));
  }

  /** Moves the focus into the note's editor. */
  focusEditor(): void {
    if (!this.editor) this.open();
    this.editor?.focus();
  }

  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (!node.sameMarkup(this.node)) return false;
    this.node = node;
    this.number = footnoteNumberOf(decorations);
    this.refresh();
    this.editor?.update(node);
    return true;
  }

  stopEvent(event: Event): boolean {
    return !!this.popup && this.popup.contains(event.target as globalThis.Node);
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.close();
    viewsByDom.delete(this.dom);
  }
}

/** Focuses the editor of a just-inserted footnote (see `requestFootnoteFocus`). */
export function buildFootnoteFocus(): Plugin {
  return new Plugin({
    view: () => ({
      update(view, prevState) {
        const pos = annotationsOf(view.state).focusFootnote;
        if (pos === null || pos === annotationsOf(prevState).focusFootnote) return;
        const dom = view.nodeDOM(pos);
        const footnote = dom ? viewsByDom.get(dom) : undefined;
        footnote?.focusEditor();
      },
    }),
  });
}
