import { describe, expect, it } from 'vitest';
import { undo } from 'prosemirror-history';
import type { EditorState } from 'prosemirror-state';
import { garbleLine } from '../../shared/korean/garble';
import { br, de, doc, en, ko, run, seg, stateFor, wit } from './test-builders';
import { acceptSentenceRows, buildSentenceRows, dismissSentenceRows, proposeSentenceRows, sentenceRowsKey } from './sentence-rows';
import { continuesOf, linesOf, witnessSequence } from './positions';
import { buildWitnessGuard } from './witness-guard';

/** Sentences written for this test. */
const PAIRS: [string, string][] = [
  ['The delegation arrived in Pyongyang on 3 June after a long journey by train.', '대표단은 긴 렬차 려행 끝에 6월 3일 평양에 도착하였다.'],
  ['It was received by Comrade Kim I. S. at once.', '김일성 동지가 즉시 대표단을 접견하였다.'],
  ['The talks covered trade, the Seven-Year Plan and the situation in the South.', '회담에서는 무역, 7개년계획, 남조선 정세가 론의되었다.'],
];
const ENGLISH = PAIRS.map(([e]) => e).join(' ');
const KOREAN = PAIRS.map(([, k]) => k).join(' ');
const WITNESS = garbleLine(KOREAN);

const plugins = () => [buildSentenceRows(), buildWitnessGuard()];
const texts = (s: EditorState, cell: number) => {
  const out: string[] = [];
  s.doc.forEach((row) => out.push(row.child(cell).textContent));
  return out;
};

describe('proposed sentence rows', () => {
  it('proposes cuts for the row at the cursor without changing the document, and dismisses them', () => {
    const before = doc(seg(en('<a>' + ENGLISH), wit(WITNESS), ko()));
    const shown = run(stateFor(before, plugins()), proposeSentenceRows)!;
    expect(shown.doc.eq(before)).toBe(true);
    expect(sentenceRowsKey.getState(shown)!.proposal!.cuts).toHaveLength(2);
    expect(sentenceRowsKey.getState(run(shown, dismissSentenceRows)!)!.proposal).toBeNull();
  });

  it('cuts English, witness and a matching restoration into rows, in one undo step', () => {
    const before = doc(seg(en('<a>' + ENGLISH), wit('head', WITNESS), ko('머리', br(), KOREAN), de('Die Delegation')));
    let s = run(stateFor(before, plugins()), proposeSentenceRows)!;
    s = run(s, acceptSentenceRows)!;
    expect(s.doc.childCount).toBe(3);
    expect(texts(s, 0).map((t) => t.trim())).toEqual(PAIRS.map(([e]) => e));
    expect(texts(s, 2).map((t) => t.trim())).toEqual(['머리' + PAIRS[0][1], PAIRS[1][1], PAIRS[2][1]]);
    expect(texts(s, 3)).toEqual(['Die Delegation', '', '']);
    // The witness: the pieces continue one another and join to the imported lines.
    expect(witnessSequence(s.doc)).toEqual(['head', WITNESS]);
    const rows: string[][] = [];
    s.doc.forEach((row) => rows.push(linesOf(row)));
    expect(rows.map((lines) => lines.map((l) => l.trim()))).toEqual([['head', garbleLine(PAIRS[0][1])], [garbleLine(PAIRS[1][1])], [garbleLine(PAIRS[2][1])]]);
    expect(continuesOf(s.doc.child(0))).toEqual([false, true]);
    expect(continuesOf(s.doc.child(1))).toEqual([true]);
    expect(continuesOf(s.doc.child(2))).toEqual([]);
    expect(s.selection.$head.parent.type.name).toBe('korean');
    let undone: EditorState | null = null;
    undo(s, (tr) => (undone = s.apply(tr)));
    expect(undone!.doc.eq(before)).toBe(true);
  });

  it('leaves a restoration whose sentences do not match in the first row', () => {
    const before = doc(seg(en('<a>' + ENGLISH), wit(WITNESS), ko('대표단은 도착하였다')));
    const s = run(run(stateFor(before, plugins()), proposeSentenceRows)!, acceptSentenceRows)!;
    expect(texts(s, 2)).toEqual(['대표단은 도착하였다', '', '']);
    expect(witnessSequence(s.doc)).toEqual([WITNESS]);
  });

  it('does not apply to a row of one sentence, or without a witness', () => {
    expect(run(stateFor(doc(seg(en('<a>One sentence only, and long.'), wit(WITNESS), ko())), plugins()), proposeSentenceRows)).toBeNull();
    expect(run(stateFor(doc(seg(en('<a>' + ENGLISH), wit(), ko())), plugins()), proposeSentenceRows)).toBeNull();
  });

  it('drops the proposal on any edit', () => {
    const s = run(stateFor(doc(seg(en('<a>' + ENGLISH), wit(WITNESS), ko())), plugins()), proposeSentenceRows)!;
    expect(sentenceRowsKey.getState(s.apply(s.tr.insertText('x')))!.proposal).toBeNull();
  });
});
