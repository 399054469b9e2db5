import { describe, expect, it } from 'vitest';
import { TextSelection, type EditorState } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { schema } from '../../shared/model/schema';
import { corr, doc, en, fn, ko, run, seg, stateFor, wit } from './test-builders';
import { annotationsOf, buildAnnotationsPlugin, footnotePosition } from './annotations';
import { insertFootnote } from './commands/footnote';
import { applyCorrection } from './commands/correction';

const plugins = () => [buildAnnotationsPlugin(schema)];
const numbers = (state: EditorState) =>
  annotationsOf(state)
    .decorations.find()
    .map((d) => (d.spec as { footnoteNumber: number }).footnoteNumber);
const texts = (state: EditorState) => annotationsOf(state).footnotes.map((f) => f.node.textContent);

describe('footnote numbering', () => {
  it('numbers footnotes in document order, across columns and rows', () => {
    const state = stateFor(
      doc(seg(en('a', fn('one'), 'b'), wit(), ko('가', fn('two'))), seg(en(fn('three')), wit(), ko())),
      plugins(),
    );
    expect(texts(state)).toEqual(['one', 'two', 'three']);
    expect(annotationsOf(state).footnotes.map((f) => f.number)).toEqual([1, 2, 3]);
    expect(numbers(state)).toEqual([1, 2, 3]);
  });

  it('renumbers when a footnote is inserted before the others, and back on undo', () => {
    let state = stateFor(doc(seg(en('aa<a>a', fn('first'), 'b', fn('second')), wit(), ko())), plugins());
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)));
    state = run(state, insertFootnote('new')) as EditorState;
    expect(texts(state)).toEqual(['new', 'first', 'second']);
    expect(numbers(state)).toEqual([1, 2, 3]);
    undo(state, (tr) => (state = state.apply(tr)));
    expect(texts(state)).toEqual(['first', 'second']);
  });

  it('keeps the lists (same objects) while typing elsewhere, so panels need not re-render', () => {
    let state = stateFor(doc(seg(en('text<a>', fn('note')), wit(), ko())), plugins());
    const before = annotationsOf(state);
    state = state.apply(state.tr.insertText('more'));
    expect(annotationsOf(state).footnotes).toBe(before.footnotes);
    expect(annotationsOf(state).corrections).toBe(before.corrections);
    // ...while the decorations follow the text.
    expect(footnotePosition(state, 0)).toBe(2 + 'textmore'.length);
  });

  it('sees an edit inside a footnote', () => {
    let state = stateFor(doc(seg(en('x', fn('note')), wit(), ko())), plugins());
    const pos = footnotePosition(state, 0) as number;
    state = state.apply(state.tr.insertText('!', pos + 1 + 'note'.length));
    expect(texts(state)).toEqual(['note!']);
  });

  it('drops a deleted footnote', () => {
    let state = stateFor(doc(seg(en('x', fn('one'), fn('two')), wit(), ko())), plugins());
    const pos = footnotePosition(state, 0) as number;
    state = state.apply(state.tr.delete(pos, pos + state.doc.nodeAt(pos)!.nodeSize));
    expect(texts(state)).toEqual(['two']);
    expect(numbers(state)).toEqual([1]);
  });
});

describe('correction index', () => {
  it('lists corrections with their source readings, updated when one is made', () => {
    let state = stateFor(doc(seg(en('Comrade <a>Kim II Sung<b>'), wit(), ko())), plugins());
    expect(annotationsOf(state).corrections).toEqual([]);
    state = run(state, applyCorrection('Kim Il Sung')) as EditorState;
    expect(annotationsOf(state).corrections).toEqual([{ reading: 'Kim Il Sung', original: 'Kim II Sung', column: 'english', resp: '', when: '' }]);
  });

  it('follows typing inside a correction', () => {
    let state = stateFor(doc(seg(en(corr({ original: 'II' }, 'I<a>l')), wit(), ko())), plugins());
    state = state.apply(state.tr.insertText('x'));
    expect(annotationsOf(state).corrections[0].reading).toBe('Ixl');
  });
});
