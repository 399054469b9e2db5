/**
 * Which rows changed between two versions of a document (issue 12 item 5): what a save
 * of a long document sends instead of the whole document (saveDocumentChanges).
 *
 * ProseMirror's documents are persistent: a transaction builds new nodes for what it
 * changed and keeps every other row node as it was. So a row of `doc` that is the very
 * node of a row of `base` is that row unchanged, and the rows between such matches are the
 * changes: runs of `base`'s rows [from, to) replaced by `doc`'s rows. Found in one pass
 * over both documents with a map of `base`'s row nodes: no row is serialised or compared
 * by content, whatever the document's length. (Two equal rows that are different nodes
 * count as a change: sending a row that did not change is harmless.)
 */
import type { Node } from 'prosemirror-model';

/** Rows [from, to) of the base replaced by `rows` of the new document. */
export interface RowChange {
  from: number;
  to: number;
  rows: Node[];
}

/** The runs of `base`'s rows that `doc` replaces, in order and apart. */
export function rowChanges(base: Node, doc: Node): RowChange[] {
  // Where each row node of the base stands (a node may stand in several places: a pasted copy).
  const at = new Map<Node, number[]>();
  for (let i = 0; i < base.childCount; i++) {
    const row = base.child(i);
    const places = at.get(row);
    if (places) places.push(i);
    else at.set(row, [i]);
  }
  const changes: RowChange[] = [];
  let open: RowChange | null = null;
  let next = 0; // the first row of the base not passed yet
  for (let j = 0; j < doc.childCount; j++) {
    const row = doc.child(j);
    const match = at.get(row)?.find((i) => i >= next);
    if (match === undefined) {
      open ??= { from: next, to: next, rows: [] };
      open.rows.push(row);
      continue;
    }
    // The base's rows skipped to reach the match were deleted (or replaced by the open run).
    if (match > next) open ??= { from: next, to: next, rows: [] };
    if (open) {
      open.to = match;
      changes.push(open);
      open = null;
    }
    next = match + 1;
  }
  if (next < base.childCount) open ??= { from: next, to: next, rows: [] };
  if (open) {
    open.to = base.childCount;
    changes.push(open);
  }
  return changes;
}

/** How many rows the changes send. */
export function changedRows(changes: readonly RowChange[]): number {
  return changes.reduce((n, c) => n + c.rows.length, 0);
}

/** The base with the changes applied, as rows (tests, and checking a diff). */
export function applyChanges(base: Node, changes: readonly RowChange[]): Node[] {
  const out: Node[] = [];
  let at = 0;
  for (const change of changes) {
    for (let i = at; i < change.from; i++) out.push(base.child(i));
    out.push(...change.rows);
    at = change.to;
  }
  for (let i = at; i < base.childCount; i++) out.push(base.child(i));
  return out;
}
