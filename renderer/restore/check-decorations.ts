/**
 * What the live check shows for one segment: every character of the restoration
 * coloured by its status (inline decorations, merged into runs), the segment's
 * state on its Korean column (a node decoration; the badge is drawn from its
 * attributes), and the witness text nothing accounts for (witness highlights).
 */
import { Decoration } from 'prosemirror-view';
import type { CharCheck, CheckResult, CheckState, UnexplainedRange } from '../../shared/korean';
import type { WitnessHighlight } from '../editor/witness-view';
import type { RestorationText, SegmentParts } from './segment-text';

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

/**
 * Every decoration of one checked segment. `redraw` goes into the inline
 * decorations' specs: a new value makes ProseMirror redraw them (see witness-check.ts).
 */
export function segmentDecorations(parts: SegmentParts, check: SegmentCheck, redraw = 0): Decoration[] {
  const { result, text } = check;
  const start = parts.koreanPos + 1;
  const out: Decoration[] = [
    Decoration.node(
      parts.koreanPos,
      parts.koreanPos + parts.korean.nodeSize,
      {
        'data-check': result.state,
        'data-check-label': STATE_LABELS[result.state],
        'aria-description': describeCheck(result),
      },
      { segmentCheck: check } satisfies CheckSpec,
    ),
  ];
  if (result.state !== 'empty') {
    let run: { from: number; to: number; status: string } | null = null;
    const flush = () => {
      if (run) out.push(Decoration.inline(run.from, run.to, { class: `ck ck-${run.status}` }, { redraw }));
      run = null;
    };
    for (const char of result.chars) {
      const from = start + (text.pos[char.offset] ?? 0);
      const to = start + (text.pos[char.offset + char.length - 1] ?? 0) + 1;
      if (char.status === 'contradicted') {
        flush();
        out.push(
          Decoration.inline(from, to, {
            class: 'ck ck-contradicted',
            title: contradictionTitle(char, text.text, result),
          }, { redraw }),
        );
        continue;
      }
      const current = run as { from: number; to: number; status: string } | null;
      if (current && current.status === char.status && current.to === from) current.to = to;
      else {
        flush();
        run = { from, to, status: char.status };
      }
    }
    flush();
  }
  const highlights = unexplainedHighlights(result);
  if (highlights.length) {
    out.push(Decoration.node(parts.witnessPos, parts.witnessPos + parts.witness.nodeSize, {}, { witnessHighlights: highlights }));
  }
  return out;
}
