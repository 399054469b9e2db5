import { describe, expect, it } from 'vitest';
import { AllSelection, TextSelection, type EditorState } from 'prosemirror-state';
import { doc, en, ko, run, seg, stateFor, wit } from './test-builders';
import { allowWitnessChange, buildWitnessGuard } from './witness-guard';
import { witnessSequence } from './positions';
import { deleteAcrossCells, goToCell, insertHardBreak, selectCell } from './commands/cells';
import { splitSegment } from './commands/segments';

const guarded = (d: Parameters<typeof stateFor>[0]) => stateFor(d, [buildWitnessGuard()]);

describe('the witness guard', () => {
  const twoRows = () => doc(seg(en('ab<a>c'), wit('l1'), ko('가')), seg(en('de'), wit('l2'), ko('나<b>다')));

  it('refuses a deletion across rows that would drop witness lines', () => {
    const state = guarded(twoRows());
    const next = state.apply(state.tr.deleteSelection());
    expect(next.doc.eq(state.doc)).toBe(true);
  });

  it('lets typing and structural commands through', () => {
    let state = guarded(doc(seg(en('a<a>b'), wit('l1', 'l2'), ko())));
    state = state.apply(state.tr.insertText('x'));
    expect(state.doc.textContent).toBe('axb');
    state = run(state, splitSegment({ witnessLine: 1 })) as EditorState;
    expect(state.doc.childCount).toBe(2);
    expect(witnessSequence(state.doc)).toEqual(['l1', 'l2']);
  });

  it('refuses changing a line, unless the transaction is marked as a repair', () => {
    const state = guarded(doc(seg(en('a'), wit('l1'), ko())));
    const change = () => state.tr.setNodeAttribute(state.doc.firstChild!.firstChild!.nodeSize + 1, 'lines', ['changed']);
    expect(state.apply(change()).doc.eq(state.doc)).toBe(true);
    expect(witnessSequence(state.apply(allowWitnessChange(change())).doc)).toEqual(['changed']);
  });
});

describe('editing across cells', () => {
  it('Backspace on a selection across rows clears the selected text and keeps the rows', () => {
    const state = run(guarded(doc(seg(en('ab<a>c'), wit('l1'), ko('가')), seg(en('de'), wit('l2'), ko('나<b>다')))), deleteAcrossCells) as EditorState;
    expect(state.doc.childCount).toBe(2);
    expect(witnessSequence(state.doc)).toEqual(['l1', 'l2']);
    expect(state.doc.child(0).child(0).textContent).toBe('ab');
    expect(state.doc.child(0).child(2).textContent).toBe('');
    expect(state.doc.child(1).child(0).textContent).toBe('');
    expect(state.doc.child(1).child(2).textContent).toBe('다');
    expect(state.selection.from).toBe(4);
  });

  it('Select all then Delete empties every cell but keeps every row and witness line', () => {
    let state = guarded(doc(seg(en('a'), wit('l1'), ko('가')), seg(en('b'), wit('l2'), ko())));
    state = state.apply(state.tr.setSelection(new AllSelection(state.doc)));
    state = run(state, deleteAcrossCells) as EditorState;
    expect(state.doc.textContent).toBe('');
    expect(witnessSequence(state.doc)).toEqual(['l1', 'l2']);
  });

  it('Enter inserts a line break in the cell', () => {
    const state = run(stateFor(doc(seg(en('a<a>b'), wit(), ko()))), insertHardBreak) as EditorState;
    expect(state.doc.firstChild!.firstChild!.childCount).toBe(3);
  });

  it('Mod-a selects the cell, then everything', () => {
    let state = stateFor(doc(seg(en('a<a>b'), wit(), ko('c'))));
    state = run(state, selectCell) as EditorState;
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe('ab');
    state = run(state, selectCell) as EditorState;
    expect(state.selection).toBeInstanceOf(AllSelection);
  });

  it('moves to the same column of the next row, and to the next column', () => {
    let state = stateFor(doc(seg(en('a<a>'), wit(), ko('가')), seg(en('b'), wit(), ko('나'))));
    state = run(state, goToCell(1)) as EditorState;
    expect(state.selection.$from.parent.textContent).toBe('b');
    state = run(state, goToCell(1, true)) as EditorState;
    expect(state.selection.$from.parent.textContent).toBe('나');
    expect(run(state, goToCell(1))).toBeNull();
    expect(state.selection).toBeInstanceOf(TextSelection);
  });
});
