/**
 * Finding the extent of a mark around a position: the run of adjacent inline
 * nodes in one textblock that carry the same mark (same type and attributes).
 */
import type { Mark, MarkType, ResolvedPos } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';

export interface MarkRange {
  from: number;
  to: number;
  mark: Mark;
}

/**
 * The range of a mark of `type` at `$pos`: the node after the position is
 * preferred, then the node before it, so a caret at either edge of a run (inside
 * its textblock) counts as in it.
 */
export function markRangeAt($pos: ResolvedPos, type: MarkType): MarkRange | null {
  const parent = $pos.parent;
  if (!parent.inlineContent) return null;
  const start = $pos.start();
  const index = $pos.index();
  const candidates: number[] = [];
  if (index < parent.childCount) candidates.push(index);
  if ($pos.textOffset === 0 && index > 0) candidates.push(index - 1);
  for (const i of candidates) {
    const mark = type.isInSet(parent.child(i).marks);
    if (!mark) continue;
    let from = start;
    for (let j = 0; j < i; j++) from += parent.child(j).nodeSize;
    let to = from + parent.child(i).nodeSize;
    let first = i;
    while (first > 0 && mark.isInSet(parent.child(first - 1).marks)) {
      first--;
      from -= parent.child(first).nodeSize;
    }
    let last = i;
    while (last + 1 < parent.childCount && mark.isInSet(parent.child(last + 1).marks)) {
      last++;
      to += parent.child(last).nodeSize;
    }
    return { from, to, mark };
  }
  return null;
}

/**
 * The mark range the selection is in: around the caret, or the one range that
 * contains the whole selection.
 */
export function markRangeOfSelection(state: EditorState, type: MarkType): MarkRange | null {
  const { $from, $to, empty } = state.selection;
  if (empty) return markRangeAt($from, type);
  if (!$from.sameParent($to)) return null;
  const range = markRangeAt(state.doc.resolve($from.pos), type);
  if (range && range.from <= $from.pos && range.to >= $to.pos) return range;
  // The selection may start at the run's right edge; try from inside.
  const inner = markRangeAt(state.doc.resolve(Math.min($from.pos + 1, $to.pos)), type);
  if (inner && inner.from <= $from.pos && inner.to >= $to.pos) return inner;
  return null;
}

/** Every range of marks of `type` in the document, in document order. */
export function allMarkRanges(state: EditorState, type: MarkType): MarkRange[] {
  const out: MarkRange[] = [];
  state.doc.descendants((node, pos) => {
    if (node.type.name === 'witness') return false;
    if (!node.inlineContent) return true;
    let open: MarkRange | null = null;
    node.forEach((child, offset) => {
      const mark = type.isInSet(child.marks);
      const at = pos + 1 + offset;
      if (mark && open && open.mark.eq(mark) && open.to === at) {
        open.to = at + child.nodeSize;
      } else if (mark) {
        open = { from: at, to: at + child.nodeSize, mark };
        out.push(open);
      } else {
        open = null;
      }
    });
    return false;
  });
  return out;
}
