/**
 * The Korean: rows whose restoration contradicts the witness, proposals not yet
 * accepted, placeholders, rows with a witness and nothing restored, and numbers
 * in the English that the witness contradicts (the witness keeps ASCII digits as
 * the source had them). Row states are the ones the document list counts
 * (shared/model/stats.ts).
 */
import type { Node } from 'prosemirror-model';
import { rowState } from '../../model/stats';
import { linesToCheck, normaliseContinues } from '../../model/witness-pieces';
import { GAP_GLYPH } from '../../model/gap';
import { OBJECT_CHAR, type QaText } from '../text';
import type { CheckedDocument, Emit, RuleFamily } from '../context';
import type { QaRuleInfo } from '../types';

export const CONTRADICTED: QaRuleInfo = { id: 'korean.contradicted', family: 'korean', severity: 'error', title: 'The restoration contradicts the witness' };
export const PROPOSED: QaRuleInfo = { id: 'korean.proposed', family: 'korean', severity: 'warning', title: 'Proposed Korean not yet accepted' };
export const PLACEHOLDER: QaRuleInfo = { id: 'korean.placeholder', family: 'korean', severity: 'warning', title: 'A placeholder (□) where a word is still to be restored' };
export const EMPTY: QaRuleInfo = { id: 'korean.empty', family: 'korean', severity: 'info', title: 'A row with a witness and no restoration' };
export const DIGITS: QaRuleInfo = { id: 'korean.digits', family: 'korean', severity: 'warning', title: 'A number in the English that the witness contradicts' };

interface Row {
  id: string;
  row: number;
  witness: readonly string[];
  english: QaText | undefined;
  korean: QaText | undefined;
  proposed: boolean;
  /** Position of the Korean cell's content. */
  koreanStart: number;
}

function rowsOf(doc: CheckedDocument): Row[] {
  const byCell = new Map<string, QaText>();
  for (const t of doc.body) if (t.where.kind === 'body' && t.where.column !== 'footnote') byCell.set(`${t.where.segment}\u0000${t.where.column}`, t);
  const rows: Row[] = [];
  doc.doc.forEach((segment: Node, offset: number, index: number) => {
    const id = String(segment.attrs.id ?? '');
    let witness: readonly string[] = [];
    let proposed = false;
    let koreanStart = offset + 2;
    segment.forEach((cell, cellOffset) => {
      if (cell.type.name === 'witness') {
        const lines = (cell.attrs.lines as string[]) ?? [];
        witness = linesToCheck({ lines, continues: normaliseContinues(cell.attrs.continues as boolean[], lines.length) });
      } else if (cell.type.name === 'korean') {
        koreanStart = offset + 1 + cellOffset + 1;
        cell.descendants((n) => {
          if (n.marks.some((m) => m.type.name === 'proposed')) proposed = true;
          return !proposed;
        });
      }
    });
    rows.push({ id, row: index + 1, witness, english: byCell.get(`${id}\u0000english`), korean: byCell.get(`${id}\u0000korean`), proposed, koreanStart });
  });
  return rows;
}

/** The restoration's lines as the check reads them: a placeholder as `□`, a footnote as nothing. */
function restorationLines(t: QaText | undefined, doc: Node): string[] {
  if (!t) return [''];
  let text = '';
  for (let i = 0; i < t.text.length; i++) {
    const c = t.text[i];
    if (c !== OBJECT_CHAR) text += c;
    else if (doc.nodeAt(t.positions![i])?.type.name === 'gap') text += GAP_GLYPH;
  }
  return text.split('\n');
}

/** The Korean cell as a place: its text, or the empty cell's start. */
function cellReport(row: Row): { text: QaText; start: number; end: number } {
  if (row.korean && row.korean.text.length) return { text: row.korean, start: 0, end: row.korean.text.length };
  const empty: QaText = { where: { kind: 'body', segment: row.id, row: row.row, column: 'korean' }, text: '', positions: Int32Array.of(row.koreanStart), inserted: null, corrected: null };
  return { text: empty, start: 0, end: 0 };
}

const numbers = (s: string) => [...s.matchAll(/\d+/g)].map((m) => ({ n: m[0], at: m.index }));

function checkDigits(row: Row, emit: Emit): void {
  if (!row.english) return;
  const witness = numbers(row.witness.join('\n')).map((x) => x.n);
  if (!witness.length) return;
  const english = numbers(row.english.text);
  const left = [...witness];
  const unmatched: { n: string; at: number }[] = [];
  for (const e of english) {
    const i = left.indexOf(e.n);
    if (i >= 0) left.splice(i, 1);
    else unmatched.push(e);
  }
  for (const e of unmatched) {
    // One digit is too little to go on ("3 copies" beside the "8" of a month).
    if (e.n.length < 2) continue;
    const candidates = [...new Set(left.filter((w) => w.length === e.n.length))];
    if (!candidates.length) continue;
    emit({
      rule: DIGITS,
      text: row.english,
      start: e.at,
      end: e.at + e.n.length,
      message: `The English has ${e.n} where the witness has ${candidates.join(' or ')}`,
      fix: candidates.length === 1 ? { kind: 'correct', label: `Correct to ${candidates[0]}`, text: candidates[0] } : undefined,
    });
  }
}

/** The Korean family. */
export const koreanRules: RuleFamily = {
  rules: [CONTRADICTED, PROPOSED, PLACEHOLDER, EMPTY, DIGITS],
  check(doc, _ctx, emit) {
    const rows = rowsOf(doc).filter((r) => r.witness.length > 0);
    const empty: Row[] = [];
    for (const row of rows) {
      checkDigits(row, emit);
      const restoration = restorationLines(row.korean, doc.doc);
      const state = rowState({ restoration, witness: row.witness, proposed: row.proposed });
      if (state === 'empty' && !row.proposed) {
        empty.push(row);
        continue;
      }
      if (state === 'contradicted') emit({ rule: CONTRADICTED, ...cellReport(row), message: 'The restoration contradicts the witness' });
      if (row.proposed) emit({ rule: PROPOSED, ...cellReport(row), message: 'Proposed Korean not yet accepted', fix: { kind: 'accept', label: 'Accept the proposals' } });
      const k = row.korean;
      if (k) {
        for (let i = 0; i < k.text.length; i++) {
          if (k.text[i] === OBJECT_CHAR && doc.doc.nodeAt(k.positions![i])?.type.name === 'gap') {
            emit({ rule: PLACEHOLDER, text: k, start: i, end: i + 1, message: 'A placeholder: a word still to restore' });
          }
        }
      }
    }
    if (!empty.length) return;
    // A document not begun gets one finding, not one per row.
    if (empty.length === rows.length) {
      emit({ rule: EMPTY, ...cellReport(empty[0]), message: `No Korean restored yet: ${rows.length} row${rows.length === 1 ? '' : 's'} with a witness` });
    } else {
      for (const row of empty) emit({ rule: EMPTY, ...cellReport(row), message: 'A row with a witness and no restoration' });
    }
  },
};
