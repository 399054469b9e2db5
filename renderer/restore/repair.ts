/**
 * Repair encoding: runs the mojibake repair (UTF-8 or EUC-KR/CP949 read as
 * Latin-1/cp1252) on the selection, or on the whole cell at the caret, in the
 * English, Korean or original column. Repaired stretches are replaced in place,
 * keeping their marks; when nothing is repaired, the reason is reported.
 */
import type { Command } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import { repair, type RepairedRun } from '../../shared/korean';
import { columnAt } from '../editor/positions';

/** What a repair did, for a notice. */
export interface RepairReport {
  changed: boolean;
  /** Stretches repaired. */
  runs: number;
  /** What was done, or why nothing was. */
  reason: string;
}

/** The range to repair: the selection inside one cell, or the cell at the caret. */
function repairRange(state: Parameters<Command>[0]): { from: number; to: number } | null {
  const { $from, $to, empty } = state.selection;
  const column = columnAt($from);
  if (!column || !$from.sameParent($to)) return null;
  if (empty) return { from: column.pos + 1, to: column.pos + 1 + column.node.content.size };
  return { from: $from.pos, to: $to.pos };
}

/**
 * Repairs the selection or the cell; `report` hears what happened (also when
 * nothing changed). Applies in any text cell.
 */
export function repairEncoding(report: (result: RepairReport) => void = () => undefined): Command {
  return (state, dispatch) => {
    const range = repairRange(state);
    if (!range) return false;
    if (!dispatch) return true;
    const edits: { from: number; run: RepairedRun }[] = [];
    let reason = '';
    state.doc.nodesBetween(range.from, range.to, (node, pos) => {
      if (!node.isText) return true;
      const start = Math.max(range.from, pos);
      const end = Math.min(range.to, pos + node.nodeSize);
      const text = (node.text ?? '').slice(start - pos, end - pos);
      const result = repair(text);
      if (!reason || result.changed) reason = result.reason;
      for (const run of result.runs) edits.push({ from: start, run });
      return false;
    });
    if (edits.length === 0) {
      report({ changed: false, runs: 0, reason: reason || 'no text to repair' });
      return true;
    }
    const tr = state.tr;
    for (const { from, run } of edits.reverse()) tr.insertText(run.repaired, from + run.start, from + run.end);
    dispatch(closeHistory(tr).scrollIntoView());
    const kinds = [...new Set(edits.map((e) => e.run.kind))].join(', ');
    report({ changed: true, runs: edits.length, reason: `repaired ${edits.length} stretch${edits.length === 1 ? '' : 'es'} (${kinds})` });
    return true;
  };
}
