import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { history, undo } from 'prosemirror-history';
import type { Node } from 'prosemirror-model';
import { doc, en, ko, run, seg, wit } from './test-builders';
import { reviewCounts, reviewOf, setRowReview } from './review';
import { buildRowFilter, rowFilterKey, setReviewFilter, setRowFilter } from './row-filter';
import { buildViewport, isDrawn, viewportState } from './viewport';

const WITNESS = '1960D 8 30|';

/** Rows: 0 consistent, 1 contradicted, 2 consistent, 3 contradicted (restoration states). */
function sample(): Node {
  return doc(
    seg(en('<a>one'), wit(WITNESS), ko('1960년')),
    seg(en('two'), wit(WITNESS), ko('1961년')),
    seg(en('three'), wit(WITNESS), ko('1960년')),
    seg(en('four'), wit(WITNESS), ko('1961년')),
  );
}

function state(d: Node = sample()): EditorState {
  const tag = (d as Node & { tag: Record<string, number> }).tag;
  return EditorState.create({ doc: d, selection: TextSelection.create(d, tag.a), plugins: [history(), buildRowFilter()] });
}

/** Position inside row `index`'s English. */
function inRow(d: Node, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += d.child(i).nodeSize;
  return pos + 2;
}

const reviews = (s: EditorState) => {
  const out: string[] = [];
  s.doc.forEach((row) => out.push(reviewOf(row)));
  return out;
};

const hidden = (s: EditorState) => {
  const out: number[] = [];
  s.doc.forEach((row, pos, index) => {
    const decos = rowFilterKey.getState(s)!.decorations.find(pos, pos + row.nodeSize).filter((d) => d.from === pos && d.to === pos + row.nodeSize);
    if (decos.length) out.push(index);
  });
  return out;
};

describe('review state of rows', () => {
  it('rows start as drafts; setting a state marks the rows the selection touches, as one undoable edit', () => {
    let s = state();
    expect(reviews(s)).toEqual(['draft', 'draft', 'draft', 'draft']);
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, inRow(s.doc, 1), inRow(s.doc, 2))));
    s = run(s, setRowReview('reviewed'))!;
    expect(reviews(s)).toEqual(['draft', 'reviewed', 'reviewed', 'draft']);
    expect(reviewCounts(s.doc)).toEqual({ draft: 2, reviewed: 2, approved: 0 });
    // Setting what is already set does not apply.
    expect(run(s, setRowReview('reviewed'))).toBeNull();
    s = run(s, setRowReview('approved'))!;
    expect(reviews(s)).toEqual(['draft', 'approved', 'approved', 'draft']);
    s = run(s, undo)!;
    expect(reviews(s)).toEqual(['draft', 'reviewed', 'reviewed', 'draft']);
  });

  it('filters by review state, together with the restoration-state filter, and moves the caret out of a hidden row', () => {
    let s = state();
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, inRow(s.doc, 2))));
    s = run(s, setRowReview('reviewed'))!;
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, inRow(s.doc, 3))));
    s = run(s, setRowReview('approved'))!;
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, inRow(s.doc, 0))));

    s = run(s, setReviewFilter(['reviewed', 'approved']))!;
    expect(hidden(s)).toEqual([0, 1]);
    expect(s.doc.resolve(s.selection.head).index(0)).toBe(2);

    // Both filters: reviewed-or-approved rows that are contradicted.
    s = run(s, setRowFilter(['contradicted']))!;
    expect(hidden(s)).toEqual([0, 1, 2]);
    expect(s.doc.resolve(s.selection.head).index(0)).toBe(3);

    // A row that leaves the review filter is hidden as soon as its state changes.
    s = run(s, setRowFilter(null))!;
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, inRow(s.doc, 2))));
    s = run(s, setRowReview('draft'))!;
    expect(hidden(s)).toEqual([0, 1, 2]);

    s = run(s, setReviewFilter(null))!;
    expect(hidden(s)).toEqual([]);
    expect(rowFilterKey.getState(s)!.reviews).toBeNull();
  });

  it('pins the rows shown by the review filter in a long, windowed document', () => {
    const rows: Node[] = [];
    for (let i = 0; i < 300; i++) rows.push(seg(en(`row ${i}`), wit(WITNESS), ko('1960년')));
    let s = EditorState.create({ doc: doc(...rows), plugins: [buildViewport(), buildRowFilter()] });
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, inRow(s.doc, 250))));
    s = run(s, setRowReview('approved'))!;
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, inRow(s.doc, 0))));
    s = run(s, setReviewFilter(['approved']))!;
    expect(viewportState(s)!.pinned).toEqual([[250, 251]]);
    const decos = viewportState(s)!.decorations;
    let pos = 0;
    for (let i = 0; i < 250; i++) pos += s.doc.child(i).nodeSize;
    expect(isDrawn(s, decos.find(pos, pos + s.doc.child(250).nodeSize).filter((d) => d.from === pos))).toBe(true);
    s = run(s, setReviewFilter(null))!;
    expect(viewportState(s)!.pinned).toEqual([]);
  });
});
