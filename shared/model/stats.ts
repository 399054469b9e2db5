/**
 * Figures about a document body that the document list and the document header show:
 * how far the restoration of the Korean has honestly come.
 *
 * A row with a witness is in one of five states:
 * - `empty`: nothing restored yet;
 * - `partial`: what is there fits the witness, but some of the witness is not restored
 *   yet (or is held by a placeholder, the gap `□`);
 * - `contradicted`: some restored text cannot have produced the witness;
 * - `proposed`: fits the witness so far, but holds text proposed by auto-fill or the
 *   draft that the translator has not accepted;
 * - `consistent`: restored: the whole witness is accounted for, by accepted text only.
 */
import type { PMJson } from './document';
import { columnOf, segmentsOf } from './build';
import { linesToCheck, piecesOf } from './witness-pieces';
import { checkLines } from '../korean/check';
import { AUTOFILL_GAP } from '../korean/autofill';

/** States of a row with a witness, in the order the UI lists them. */
export const ROW_STATES = ['consistent', 'partial', 'contradicted', 'proposed', 'empty'] as const;
export type RowState = (typeof ROW_STATES)[number];

/** Rows with a witness, by state. */
export type ProgressCounts = Record<RowState, number>;

/** What a row's state is decided from. */
export interface RowFacts {
  /** The restoration's lines (hard breaks separate them), a placeholder as `□`. */
  restoration: readonly string[];
  /** The witness lines as the check reads them (see `linesToCheck`); empty: no witness. */
  witness: readonly string[];
  /** The restoration holds text marked as proposed. */
  proposed: boolean;
}

const CHECK_OPTIONS = { wildcard: AUTOFILL_GAP };

/** The state of a row, or null when it has no witness (nothing to restore against). */
export function rowState(facts: RowFacts): RowState | null {
  if (facts.witness.length === 0) return null;
  const checked = checkLines([...facts.restoration], [...facts.witness], CHECK_OPTIONS).state;
  if (checked === 'contradicted') return 'contradicted';
  if (facts.proposed) return 'proposed';
  if (checked === 'empty') return 'empty';
  // The check lets a placeholder stand for any witness text: consistent, but not restored.
  if (checked === 'consistent' && facts.restoration.some((line) => line.includes(AUTOFILL_GAP))) return 'partial';
  return checked;
}

/** A restoration column's lines as the check reads them, and whether it holds a proposal. */
export function restorationFacts(nodes: PMJson[] | undefined): { restoration: string[]; proposed: boolean } {
  let text = '';
  let proposed = false;
  const walk = (list: PMJson[] | undefined) => {
    for (const node of list ?? []) {
      if ((node.marks ?? []).some((mark) => mark.type === 'proposed')) proposed = true;
      if (node.type === 'text') text += node.text ?? '';
      else if (node.type === 'hard_break') text += '\n';
      // One placeholder, whatever its width: the check reads it as any witness text.
      else if (node.type === 'gap') text += AUTOFILL_GAP;
      else if (node.type === 'unclear') walk(node.content);
      // Footnotes are notes, not restoration text.
    }
  };
  walk(nodes);
  return { restoration: text.split('\n'), proposed };
}

/** The state of a segment (as JSON), or null without a witness. */
export function segmentState(seg: PMJson): RowState | null {
  const pieces = piecesOf(seg);
  if (pieces.lines.length === 0) return null;
  return rowState({ ...restorationFacts(columnOf(seg, 'korean')?.content), witness: linesToCheck(pieces) });
}

/** Counts with every state at zero. */
export function emptyProgress(): ProgressCounts {
  return { consistent: 0, partial: 0, contradicted: 0, proposed: 0, empty: 0 };
}

/**
 * Segment counts: all, those with witness lines, of those the restored ones (state
 * `consistent`), and the rows with a witness by state.
 */
export function restorationCounts(body: PMJson): {
  segments: number;
  witnessSegments: number;
  restoredSegments: number;
  progress: ProgressCounts;
} {
  const progress = emptyProgress();
  let witnessSegments = 0;
  const segments = segmentsOf(body);
  for (const seg of segments) {
    const state = segmentState(seg);
    if (state === null) continue;
    witnessSegments++;
    progress[state]++;
  }
  return { segments: segments.length, witnessSegments, restoredSegments: progress.consistent, progress };
}
