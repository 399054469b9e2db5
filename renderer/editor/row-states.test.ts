import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/model/schema';
import { garbleLine } from '../../shared/korean/garble';
import { checkLines } from '../../shared/korean';
import { cellText } from '../../shared/model/cell-text';
import { linesToCheck } from '../../shared/model/witness-pieces';
import type { Node } from 'prosemirror-model';
import { br, doc, en, gap, ko, seg, wit } from './test-builders';
import { documentProgress, knownProgress, noteRowCheck, rowStateFromCheck, rowStateOf } from './row-states';

const proposed = (text: string) => schema.text(text, [schema.marks.proposed.create()]);

/** Rows in every state the check and the marks can give. */
function rows(): Node[] {
  const w = garbleLine('김일성 동지는');
  const w2 = garbleLine('조선로동당의 입장');
  return [
    seg(en('consistent'), wit(w), ko('김일성 동지는')),
    seg(en('partial'), wit(w), ko('김일')),
    seg(en('contradicted'), wit(w), ko('박정희')),
    seg(en('empty'), wit(w), ko()),
    seg(en('proposed'), wit(w), ko(proposed('김일성 동지는'))),
    seg(en('a placeholder'), wit(w), ko('김일성 ', gap(), ' 동지는')),
    seg(en('two lines'), wit(w, w2), ko('김일성 동지는', br(), '조선로동당의 입장')),
    seg(en('no witness'), wit(), ko('아무')),
  ];
}

/** What the live check tells for a row: its restoration checked against its witness lines. */
function liveCheck(segment: Node) {
  let korean: Node | null = null;
  let witness: Node | null = null;
  segment.forEach((c) => {
    if (c.type.name === 'korean') korean = c;
    if (c.type.name === 'witness') witness = c;
  });
  const w = witness as unknown as Node;
  const lines = linesToCheck({ lines: w.attrs.lines as string[], continues: (w.attrs.continues as boolean[] | undefined) ?? [] }) as string[];
  return checkLines(cellText(korean as unknown as Node).text.split('\n'), lines, { wildcard: '\u25A1' }).state;
}

describe('row states told by the live check', () => {
  it('are what the row states module makes of its own check, for every kind of row', () => {
    const states: unknown[] = [];
    for (const row of rows()) {
      // Fresh nodes: nothing cached for them. One is told the live check, the other judged here.
      const told = row.copy(row.content);
      const judged = row.copy(row.content);
      const hasWitness = (told.child(1).attrs.lines as string[]).length > 0;
      if (hasWitness) {
        noteRowCheck(told, liveCheck(told));
        expect(knownProgress(doc(told)).pending).toBe(0);
      }
      expect(rowStateOf(told)).toBe(rowStateOf(judged));
      states.push(rowStateOf(told));
    }
    expect(states).toEqual(['consistent', 'partial', 'contradicted', 'empty', 'proposed', 'partial', 'consistent', null]);
  });

  it('rowStateFromCheck follows the check, proposals and placeholders', () => {
    expect(rowStateFromCheck('contradicted', ['x'], true)).toBe('contradicted');
    expect(rowStateFromCheck('consistent', ['x'], true)).toBe('proposed');
    expect(rowStateFromCheck('empty', [''], false)).toBe('empty');
    expect(rowStateFromCheck('consistent', ['김 \u25A1'], false)).toBe('partial');
    expect(rowStateFromCheck('consistent', ['김'], false)).toBe('consistent');
    expect(rowStateFromCheck('partial', ['김'], false)).toBe('partial');
  });
});

describe('known progress', () => {
  it('counts the rows judged so far and leaves the others pending, checking none of them', () => {
    const d = doc(...rows().map((r) => r.copy(r.content)));
    const known = knownProgress(d);
    expect(known).toEqual({ progress: { consistent: 0, partial: 0, contradicted: 0, proposed: 0, empty: 0 }, witnessRows: 7, pending: 7 });
    noteRowCheck(d.child(0), liveCheck(d.child(0)));
    noteRowCheck(d.child(2), liveCheck(d.child(2)));
    expect(knownProgress(d)).toMatchObject({ progress: { consistent: 1, contradicted: 1 }, witnessRows: 7, pending: 5 });
    // documentProgress judges the rest; then nothing is pending.
    const all = documentProgress(d);
    expect(all).toEqual({ progress: { consistent: 2, partial: 2, contradicted: 1, proposed: 1, empty: 1 }, witnessRows: 7 });
    expect(knownProgress(d)).toEqual({ ...all, pending: 0 });
  });
});
