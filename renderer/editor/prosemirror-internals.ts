/**
 * The only places the editor reaches into ProseMirror's private fields, kept
 * here so a prosemirror-view upgrade has one file to check (last checked
 * against prosemirror-view 1.42). Both are used by the viewport (viewport.ts).
 */
import type { Decoration, EditorView } from 'prosemirror-view';

/**
 * A decoration's type object. Mapping a set and `find` keep a decoration's
 * type object, so two decorations with the same range and type object are the
 * same decoration, not just equal ones; the public API offers no identity to
 * compare (`spec` is shared by every decoration made from one spec object).
 */
export function decorationType(decoration: Decoration): unknown {
  return (decoration as unknown as { type: unknown }).type;
}

/**
 * Makes the view read DOM changes it has not read yet (`domObserver.flush()`),
 * such as a selection the browser has moved after a click or an arrow key.
 * Before a redraw that would otherwise put the old selection back.
 */
export function flushDomChanges(view: EditorView): void {
  (view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush();
}
