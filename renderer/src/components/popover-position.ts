/**
 * Where a popover goes: under an anchor in the editor (the caret, a mark, a
 * picked witness character), kept inside the window, and hidden while its
 * anchor is scrolled out of the document's scroller. One rule for every
 * popover (the suggestion list, the mark bubble, the correction form).
 */
import { useLayoutEffect, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { EditorController } from '../../editor/controller';

/** A box on screen, in client coordinates (a DOMRect or what `coordsAtPos` gives). */
export interface ScreenRect {
  left: number;
  top: number;
  bottom: number;
}

export interface PopoverPosition {
  left: number;
  top: number;
}

export interface PopoverPlacement {
  /** The popover's width: it is moved left to fit the window. */
  width: number;
  /** Space between the anchor's bottom and the popover. */
  gap: number;
  /** Room kept below the popover's top (it is moved up to leave it); none when omitted. */
  height?: number;
}

/** Keeps a popover 8 px from the window's edges. */
const MARGIN = 8;

/**
 * The popover's place under `anchor`, or null when the anchor is outside
 * `visible` (the scroller's box, when there is one): a popover never points
 * at text scrolled out of sight.
 */
export function popoverPosition(
  anchor: ScreenRect,
  placement: PopoverPlacement,
  screen: { width: number; height: number },
  visible?: { top: number; bottom: number } | null,
): PopoverPosition | null {
  if (visible && (anchor.bottom < visible.top || anchor.top > visible.bottom)) return null;
  const top = anchor.bottom + placement.gap;
  return {
    left: Math.max(MARGIN, Math.min(anchor.left, screen.width - placement.width - MARGIN)),
    top: placement.height === undefined ? top : Math.min(top, screen.height - placement.height),
  };
}

/** The window's size, for `popoverPosition`. */
export function windowSize(): { width: number; height: number } {
  return { width: window.innerWidth, height: window.innerHeight };
}

/**
 * The position of a popover under `anchor` (null: no popover), placed again
 * when the document scrolls or the window resizes. `anchor` finds the anchor's
 * box in the editor's view; pass a memoised function (or null) so the popover
 * is placed again only when what it points at changes.
 */
export function usePopoverPosition(
  controller: EditorController,
  anchor: ((view: EditorView) => ScreenRect | null) | null,
  placement: PopoverPlacement,
): PopoverPosition | null {
  const [position, setPosition] = useState<PopoverPosition | null>(null);
  const { width, gap, height } = placement;

  useLayoutEffect(() => {
    const view = controller.editorView;
    if (!anchor || !view) return;
    const scroller = view.dom.closest('.document-scroll');
    const place = () => {
      const rect = anchor(view);
      const next = rect && popoverPosition(rect, { width, gap, height }, windowSize(), scroller?.getBoundingClientRect());
      setPosition((prev) => (prev && next && prev.left === next.left && prev.top === next.top ? prev : next));
    };
    place();
    scroller?.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    return () => {
      scroller?.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
    };
  }, [controller, anchor, width, gap, height]);

  return anchor ? position : null;
}
