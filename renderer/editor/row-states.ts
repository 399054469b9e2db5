/**
 * The restoration state of each row of the open document (empty, partial,
 * contradicted, proposed, consistent: shared/model/stats.ts), read from the
 * ProseMirror nodes. States are kept by segment node, so after a keystroke only
 * the edited row is judged again; the counts of a 2,000-row document are a walk
 * over cached answers.
 */
import type { Node } from 'prosemirror-model';
import { cellText } from '../../shared/model/cell-text';
import { emptyProgress, rowState, type ProgressCounts, type RowState } from '../../shared/model/stats';
import { linesToCheck } from '../../shared/model/witness-pieces';

const cache = new WeakMap<Node, RowState | null>();

/** The restoration of a Korean column as the check reads it, and whether it holds a proposal. */
function restorationOf(korean: Node): { restoration: string[]; proposed: boolean } {
  let proposed = false;
  korean.forEach((child) => {
    if (child.marks.some((mark) => mark.type.name === 'proposed')) proposed = true;
  });
  return { restoration: cellText(korean).text.split('\n'), proposed };
}

/** The state of a row (a segment node), or null when it has no witness lines. */
export function rowStateOf(segment: Node): RowState | null {
  const known = cache.get(segment);
  if (known !== undefined) return known;
  let witness: Node | null = null;
  let korean: Node | null = null;
  segment.forEach((child) => {
    if (child.type.name === 'witness') witness = child;
    else if (child.type.name === 'korean') korean = child;
  });
  let state: RowState | null = null;
  const w = witness as Node | null;
  const lines = (w?.attrs.lines as string[] | undefined) ?? [];
  if (w && korean && lines.length) {
    const pieces = { lines, continues: (w.attrs.continues as boolean[] | undefined) ?? [] };
    state = rowState({ ...restorationOf(korean), witness: linesToCheck(pieces) });
  }
  cache.set(segment, state);
  return state;
}

/** Rows with a witness by state, and how many rows have one. */
export function documentProgress(doc: Node): { progress: ProgressCounts; witnessRows: number } {
  const progress = emptyProgress();
  let witnessRows = 0;
  doc.forEach((segment) => {
    const state = rowStateOf(segment);
    if (state === null) return;
    witnessRows++;
    progress[state]++;
  });
  return { progress, witnessRows };
}
