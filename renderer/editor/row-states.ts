/**
 * The restoration state of each row of the open document (empty, partial,
 * contradicted, proposed, consistent: shared/model/stats.ts), read from the
 * ProseMirror nodes. States are kept by segment node, so after a keystroke only
 * the edited row is judged again; the counts of a 2,000-row document are a walk
 * over cached answers. The live witness check (renderer/restore/witness-check.ts)
 * tells each row's check as it makes it (`noteRowCheck`), so a row is not
 * checked a second time here; while it has not reached every row of a long
 * document, `knownProgress` counts what is known without checking the rest.
 */
import type { Node } from 'prosemirror-model';
import { cellText } from '../../shared/model/cell-text';
import { emptyProgress, rowState, type ProgressCounts, type RowState } from '../../shared/model/stats';
import { linesToCheck } from '../../shared/model/witness-pieces';
import { GAP_GLYPH } from '../../shared/model/gap';
import type { CheckState } from '../../shared/korean';

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

/**
 * A row's state from the witness check of its restoration, made elsewhere (the
 * live check): what `rowState` makes of the same check (shared/model/stats.ts).
 * Exported for the test that holds the two together.
 */
export function rowStateFromCheck(checked: CheckState, restoration: readonly string[], proposed: boolean): RowState {
  if (checked === 'contradicted') return 'contradicted';
  if (proposed) return 'proposed';
  if (checked === 'empty') return 'empty';
  // The check lets a placeholder stand for any witness text: consistent, but not restored.
  if (checked === 'consistent' && restoration.some((line) => line.includes(GAP_GLYPH))) return 'partial';
  return checked;
}

/**
 * The live check checked this row's restoration against its witness lines (as
 * they are read for the check: `linesToCheck`): its state follows without
 * checking again.
 */
export function noteRowCheck(segment: Node, checked: CheckState): void {
  if (cache.has(segment)) return;
  let korean: Node | null = null;
  segment.forEach((child) => {
    if (child.type.name === 'korean') korean = child;
  });
  if (!korean) return;
  const { restoration, proposed } = restorationOf(korean);
  cache.set(segment, rowStateFromCheck(checked, restoration, proposed));
}

/** Whether a row has witness lines to be checked against (its state is not null). */
function hasWitnessLines(segment: Node): boolean {
  let lines = 0;
  let korean = false;
  segment.forEach((child) => {
    if (child.type.name === 'witness') lines = (child.attrs.lines as string[] | undefined)?.length ?? 0;
    else if (child.type.name === 'korean') korean = true;
  });
  return korean && lines > 0;
}

/**
 * Rows by state as far as they are known now, without checking any: rows not
 * judged yet (the live check has not reached them) are `pending`, and counted
 * in `witnessRows`.
 */
export function knownProgress(doc: Node): { progress: ProgressCounts; witnessRows: number; pending: number } {
  const progress = emptyProgress();
  let witnessRows = 0;
  let pending = 0;
  doc.forEach((segment) => {
    const state = cache.get(segment);
    if (state === undefined) {
      if (!hasWitnessLines(segment)) return;
      witnessRows++;
      pending++;
      return;
    }
    if (state === null) return;
    witnessRows++;
    progress[state]++;
  });
  return { progress, witnessRows, pending };
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
