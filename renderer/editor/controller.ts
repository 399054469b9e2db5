/**
 * The link between one EditorView and the UI around it. ProseMirror owns the
 * state; the controller applies transactions, then tells subscribers (React,
 * through `useSyncExternalStore`, and the autosave) that there is a new state.
 * Nothing flows back into the view except commands.
 */
import type { EditorState, Command, Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { Listeners } from './listeners';

export class EditorController {
  private view: EditorView | null = null;
  private state: EditorState | null = null;
  private opened: Node | null = null;
  private readonly listeners = new Listeners();
  private readonly changeListeners = new Set<(tr: Transaction, state: EditorState) => void>();

  /** Connects a freshly mounted view (from the component's layout effect). */
  attach(view: EditorView): void {
    this.view = view;
    this.state = view.state;
    this.opened = view.state.doc;
    this.emit();
  }

  /**
   * The document the attached view was created with, before any transaction (nothing can
   * change it before the view is attached: `dispatch` needs the view). A save of changes
   * is made against it (renderer/src/document-saver.ts).
   */
  get openedDoc(): Node | null {
    return this.opened;
  }

  /** Disconnects the view (in the effect's cleanup, before `view.destroy()`). */
  detach(view: EditorView): void {
    if (this.view !== view) return;
    this.view = null;
    this.emit();
  }

  /** The view's `dispatchTransaction`. */
  dispatch = (tr: Transaction): void => {
    const view = this.view;
    if (!view) return;
    const state = view.state.apply(tr);
    view.updateState(state);
    this.state = state;
    if (tr.docChanged) for (const listener of this.changeListeners) listener(tr, state);
    this.emit();
  };

  /** Runs a command on the current state; returns whether it applied. */
  run(command: Command, focus = true): boolean {
    const view = this.view;
    if (!view) return false;
    const applied = command(view.state, this.dispatch, view);
    // Back to the text, unless the command put the focus somewhere inside it
    // already (a new footnote's own editor).
    if (focus && !view.dom.contains(view.dom.ownerDocument.activeElement)) view.focus();
    return applied;
  }

  /** Whether a command would apply now (for enabling buttons). */
  can(command: Command): boolean {
    return !!this.state && command(this.state);
  }

  get editorView(): EditorView | null {
    return this.view;
  }

  subscribe = this.listeners.subscribe;

  getState = (): EditorState | null => this.state;

  /** Listens to document changes (not selection moves). */
  onDocChange(listener: (tr: Transaction, state: EditorState) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  focus(): void {
    this.view?.focus();
  }

  private emit(): void {
    this.listeners.emit();
  }
}
