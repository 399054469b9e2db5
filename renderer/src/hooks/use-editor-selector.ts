/**
 * React's read-only window on the editor: a value derived from the editor state,
 * re-rendering only when that value changes (shallowly), not on every keystroke.
 */
import { useCallback, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorController } from '../../editor/controller';

export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A value selected from the editor state. `select` should be cheap (it runs on
 * every transaction) and return equal values for states that look the same.
 */
export function useEditorSelector<T>(
  controller: EditorController,
  select: (state: EditorState) => T,
  fallback: T,
  equal: (a: T, b: T) => boolean = shallowEqual,
): T {
  const cache = useRef<{ state: EditorState | null; value: T } | null>(null);
  const selectRef = useRef(select);
  // Kept current in a layout effect, not during render. Until the state changes the
  // cached value stands anyway, so a new `select` takes effect with the next state.
  useLayoutEffect(() => {
    selectRef.current = select;
  });
  const getSnapshot = useCallback((): T => {
    const state = controller.getState();
    const last = cache.current;
    if (last && last.state === state) return last.value;
    const next = state ? selectRef.current(state) : fallback;
    if (last && equal(last.value, next)) {
      cache.current = { state, value: last.value };
      return last.value;
    }
    cache.current = { state, value: next };
    return next;
    // `select` is read through a ref: callers pass a new function on every render.
  }, [controller, fallback, equal]);
  return useSyncExternalStore(controller.subscribe, getSnapshot);
}
