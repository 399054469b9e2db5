/**
 * What the live check shows for one segment: every character of the restoration
 * coloured by its status (runs, drawn as CSS highlights), the segment's
 * state on its Korean column (a node decoration; the badge is drawn from its
 * attributes), and the witness text nothing accounts for (witness highlights).
 */
import { Decoration } from 'prosemirror-view';
import type { CharCheck, CheckResult, CheckState, UnexplainedRange } from '../../shared/korean';
import type { WitnessHighlight } from '../editor/witness-view';
import type { RestorationText, SegmentParts } from './segment-text';
import { rowStateOf } from '../editor/row-states';
import type { RowState } from '../../shared/model/stats';

/** The check of one segment, kept in the spec of its Korean column's node decoration. */
export interface SegmentCheck {
  result: CheckResult;
  /** The restoration text that was checked. */
  text: RestorationText;
  /** The witness lines it was checked against. */
  witness: string[];
}

/** Spec of the Korean column's node decoration. */
export interface CheckSpec {
  segmentCheck: SegmentCheck;
}

/** Short badge text per state: a symbol and a word, so the state never rests on colour alone. */
export const STATE_LABELS: Record<CheckState, string> = {
  empty: '○ empty',
  partial: '◐ partial',
  consistent: '✓ consistent',
  contradicted: '✗ contradicted',
};

/** Badge text per row state: the check's, and proposals not accepted yet. */
const ROW_STATE_LABELS: Record<RowState, string> = { ...STATE_LABELS, proposed: '✎ proposed' };

const UNEXPLAINED_TITLES: Record<UnexplainedRange['kind'], string> = {
  pending: 'Not restored yet',
  missing: 'The restoration skips this witness text',
  wildcard: 'Covered by a placeholder □',
};

/** A sentence for screen readers and tooltips. */
export function describeCheck(result: CheckResult): string {
  const c = result.counts;
  const counts = `${c.confirmed} confirmed, ${c.consistent} allowed, ${c.contradicted} contradicted`;
  switch (result.state) {
    case 'empty':
      return 'Witness check: nothing restored yet';
    case 'partial':
      return `Witness check: partial, nothing contradicts the witness but some of it is not accounted for (${counts})`;
    case 'consistent':
      return `Witness check: consistent, the restoration reproduces the witness (${counts})`;
    case 'contradicted':
      return `Witness check: contradicted in ${result.contradictions.length} place${result.contradictions.length === 1 ? '' : 's'} (${counts})`;
  }
}

function contradictionTitle(char: CharCheck, text: string, result: CheckResult): string {
  const own = text.slice(char.offset, char.offset + char.length);
  const hit = result.contradictions.find((c) => char.offset >= c.offset && char.offset < c.offset + Math.max(1, c.length));
  // The witness text skipped right beside it is what should be here.
  const missing = result.unexplained.find(
    (u) => u.kind !== 'wildcard' && (u.restorationOffset === char.offset + char.length || u.restorationOffset === char.offset),
  );
  const expected = hit?.expected || (missing?.kind === 'missing' ? missing.text : missing?.text.split(' ')[0]) || '';
  const leaves = char.produces ? `leaves “${char.produces}”` : 'leaves nothing';
  if (expected) return `Contradicts the witness: “${own}” ${leaves}; the witness has “${expected}” here`;
  return `Contradicts the witness: “${own}” ${leaves}, which the witness does not have here`;
}

/** The witness highlights of a segment's unexplained text (none while nothing is restored). */
export function unexplainedHighlights(result: CheckResult): WitnessHighlight[] {
  if (result.state === 'empty') return [];
  return result.unexplained.map((u) => ({
    line: u.line,
    from: u.start,
    to: u.end,
    className: `wc-${u.kind}`,
    title: UNEXPLAINED_TITLES[u.kind],
  }));
}

/** A run of restored text with one check status (document positions). */
export interface CheckRun {
  from: number;
  to: number;
  status: CharCheck['status'];
  /** Why a contradicted syllable contradicts the witness. */
  title?: string;
}

/**
 * The runs of a checked segment's restoration: neighbouring syllables of the
 * same status merged, each contradicted syllable on its own with its reason.
 * They are drawn as CSS highlights (check-highlights.ts), not decorations, so
 * typing never rebuilds the text around the caret.
 */
export function checkRuns(parts: SegmentParts, check: SegmentCheck): CheckRun[] {
  const { result, text } = check;
  if (result.state === 'empty') return [];
  const start = parts.koreanPos + 1;
  const runs: CheckRun[] = [];
  let run: CheckRun | null = null;
  for (const char of result.chars) {
    const from = start + (text.pos[char.offset] ?? 0);
    const to = start + (text.pos[char.offset + char.length - 1] ?? 0) + 1;
    if (char.status === 'contradicted') {
      runs.push({ from, to, status: 'contradicted', title: contradictionTitle(char, text.text, result) });
      run = null;
    } else if (run && run.status === char.status && run.to === from) {
      run.to = to;
    } else {
      runs.push((run = { from, to, status: char.status }));
    }
  }
  return runs;
}

/**
 * The decorations of one checked segment: its state on the Korean column (a
 * node decoration whose spec holds the check) and the witness text nothing
 * accounts for.
 */
export function segmentDecorations(parts: SegmentParts, check: SegmentCheck): Decoration[] {
  const { result } = check;
  const out: Decoration[] = [
    Decoration.node(
      parts.koreanPos,
      parts.koreanPos + parts.korean.nodeSize,
      {
        'data-check': result.state,
        // The badge tells the row's honest state (proposals and placeholders are not restored: editor/row-states.ts).
        'data-row-state': rowStateOf(parts.segment) ?? result.state,
        'data-check-label': ROW_STATE_LABELS[rowStateOf(parts.segment) ?? result.state],
        'aria-description': describeCheck(result),
      },
      { segmentCheck: check } satisfies CheckSpec,
    ),
  ];
  const highlights = unexplainedHighlights(result);
  if (highlights.length) {
    out.push(Decoration.node(parts.witnessPos, parts.witnessPos + parts.witness.nodeSize, {}, { witnessHighlights: highlights }));
  }
  return out;
}
