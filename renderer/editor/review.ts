/**
 * The review state of each row (draft, reviewed, approved): the segment's `review`
 * attribute, set by an editor for the rows the selection touches, shown in the row's
 * margin (SegmentView's `data-review`, styles) and filtered by (row-filter.ts,
 * `setReviewFilter`). Setting it is an edit like any other: saved with the document,
 * undoable.
 */
import type { Command } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { REVIEW_STATES, type ReviewState } from '../../shared/model/schema';

/** A row's review state (rows written before review states are drafts). */
export function reviewOf(row: Node): ReviewState {
  const value = row.attrs.review as string | undefined;
  return (REVIEW_STATES as readonly string[]).includes(value ?? '') ? (value as ReviewState) : 'draft';
}

/** How many rows are in each review state. */
export function reviewCounts(doc: Node): Record<ReviewState, number> {
  const counts: Record<ReviewState, number> = { draft: 0, reviewed: 0, approved: 0 };
  doc.forEach((row) => {
    if (row.type.name === 'segment') counts[reviewOf(row)]++;
  });
  return counts;
}

/**
 * Sets the review state of every row the selection touches; false when they all
 * are in that state already (so a toolbar or menu item shows it does not apply).
 */
export function setRowReview(review: ReviewState): Command {
  return (state, dispatch) => {
    const { doc, selection } = state;
    if (!doc.childCount) return false;
    const first = doc.resolve(selection.from).index(0);
    const last = Math.min(doc.resolve(selection.to).index(0), doc.childCount - 1);
    const tr = state.tr;
    let pos = 0;
    for (let i = 0; i < first; i++) pos += doc.child(i).nodeSize;
    for (let i = first; i <= last; i++) {
      const row = doc.child(i);
      if (row.type.name === 'segment' && reviewOf(row) !== review) tr.setNodeAttribute(pos, 'review', review);
      pos += row.nodeSize;
    }
    if (!tr.docChanged) return false;
    if (dispatch) dispatch(tr);
    return true;
  };
}
