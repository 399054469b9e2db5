import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import { apply, corr, doc, en, fn, ins, ko, run, seg, stateFor, wit } from '../test-builders';
import { applyCorrection, correctionTarget, revertCorrection, revertCorrectionAt } from './correction';

const row = (...english: Parameters<typeof en>) => doc(seg(en(...english), wit(), ko()));

describe('applyCorrection', () => {
  it('replaces the selected slip with the reading and remembers the source', () => {
    apply(
      row('Comrade <a>Kim II Sung<b>.'),
      applyCorrection('Kim Il Sung'),
      row('Comrade ', corr({ original: 'Kim II Sung' }, 'Kim Il Sung'), '.'),
    );
  });

  it('edits a correction the caret is in, keeping the source reading', () => {
    apply(
      row(corr({ original: 'Kim II Sung' }, 'Kim I<a>l Sung')),
      applyCorrection('Kim Il-sung'),
      row(corr({ original: 'Kim II Sung' }, 'Kim Il-sung')),
    );
  });

  it('keeps other marks on the text', () => {
    apply(
      row(ins('<a>Kim II Sung<b>')),
      applyCorrection('Kim Il Sung'),
      row(ins(corr({ original: 'Kim II Sung' }, 'Kim Il Sung'))),
    );
  });

  it('removes the correction when the reading is the source text again', () => {
    apply(row(corr({ original: 'II' }, 'I<a>l')), applyCorrection('II'), row('II'));
  });

  it('needs a selection of text in one cell', () => {
    apply(row('Kim<a> II Sung'), applyCorrection('x'), null);
    apply(row('<a>a', fn('note'), 'b<b>'), applyCorrection('x'), null);
    apply(doc(seg(en('a<a>b'), wit(), ko('c<b>d'))), applyCorrection('x'), null);
  });

  it('offers the form the selected text', () => {
    expect(correctionTarget(stateFor(row('Comrade <a>Kim II Sung<b>.')))).toMatchObject({
      original: 'Kim II Sung',
      current: 'Kim II Sung',
    });
  });
});

describe('revertCorrection', () => {
  it('puts the source reading back and removes the mark', () => {
    apply(row('Comrade ', corr({ original: 'Kim II Sung' }, 'Kim <a>Il Sung'), '.'), revertCorrection, row('Comrade Kim II Sung.'));
  });

  it('selects the restored text', () => {
    const state = run(stateFor(row('a ', corr({ original: 'xy' }, 'X<a>Y'))), revertCorrection) as EditorState;
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe('xy');
  });

  it('reverts the n-th correction from the side panel', () => {
    apply(
      row(corr({ original: 'a' }, 'A'), ' ', corr({ original: 'b' }, '<a>B')),
      revertCorrectionAt(1),
      row(corr({ original: 'a' }, 'A'), ' b'),
    );
  });

  it('does nothing outside a correction', () => {
    apply(row('plain <a>text'), revertCorrection, null);
  });
});
