import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import type { Node } from 'prosemirror-model';
import { doc, en, ko, seg, wit, stateFor, corr } from './test-builders';
import { schema } from '../../shared/model/schema';
import { compilePattern, searchQuery, type SearchQueryInput } from '../../shared/search';
import { buildFind, findNext, findState, goToMatch, replaceAll, replaceCurrent, setFind } from './find';
import { buildViewport, WINDOWED_FROM } from './viewport';

const nameMark = schema.marks.name.create({ type: 'person' });

function run(state: EditorState, command: Command): EditorState {
  let next = state;
  command(state, (tr) => (next = state.apply(tr)));
  return next;
}

function withFind(d: Node, query: SearchQueryInput, replacement?: string): EditorState {
  return run(stateFor(d, [buildFind()]), setFind(compilePattern(searchQuery(query)), replacement));
}

const selectedText = (s: EditorState) => s.doc.textBetween(s.selection.from, s.selection.to);

function sample(): Node {
  return doc(
    seg(en('<a>Comrade ', schema.text('Kim II', [nameMark]), ' Sung said'), wit('KIM xx'), ko('김일성')),
    seg(en('Kim II Sung again'), wit(), ko()),
  );
}

describe('the find plugin', () => {
  it('finds matches across marks and in the witness, and steps through them wrapping around', () => {
    let s = withFind(sample(), { pattern: 'kim' });
    expect(findState(s)!.hits.map((h) => h.place.kind)).toEqual(['text', 'witness', 'text']);
    s = run(s, findNext(1));
    expect(selectedText(s)).toBe('Kim');
    expect(findState(s)!.current).toBe(0);
    s = run(s, findNext(1));
    expect(findState(s)!.current).toBe(1);
    // A witness match puts the caret in that row's Korean.
    expect(s.selection.$from.parent.type.name).toBe('korean');
    s = run(s, findNext(1));
    expect(findState(s)!.current).toBe(2);
    s = run(s, findNext(1));
    expect(findState(s)!.current).toBe(0);
    s = run(s, findNext(-1));
    expect(findState(s)!.current).toBe(2);
  });

  it('highlights every match, the current one apart', () => {
    let s = withFind(sample(), { pattern: 'Kim II Sung' });
    s = run(s, goToMatch(1));
    const classes = findState(s)!.decorations.find().map((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class);
    expect(classes).toEqual(['find-match', 'find-match find-current']);
  });

  it('replaces the current match, keeping the name mark, goes to the next, and undoes in one step', () => {
    let s = withFind(sample(), { pattern: 'Kim II Sung', caseSensitive: true }, 'Kim Il Sung');
    s = run(s, findNext(1));
    s = run(s, replaceCurrent(false));
    expect(s.doc.child(0).child(0).textContent).toBe('Comrade Kim Il Sung said');
    const named = s.doc.child(0).child(0).child(1);
    expect([named.text, named.marks.map((m) => m.type.name)]).toEqual(['Kim Il', ['name']]);
    expect(selectedText(s)).toBe('Kim II Sung');
    expect(findState(s)!.hits).toHaveLength(1);
    s = run(s, undo);
    expect(s.doc.child(0).child(0).textContent).toBe('Comrade Kim II Sung said');
  });

  it('goes to the match first when the current match is not selected', () => {
    let s = withFind(sample(), { pattern: 'again' }, 'once more');
    s = run(s, replaceCurrent(false));
    expect(selectedText(s)).toBe('again');
    expect(s.doc.child(1).child(0).textContent).toBe('Kim II Sung again');
  });

  it('replaces all as corrections in one undo step, leaving the witness alone', () => {
    let s = withFind(sample(), { pattern: 'kim ii sung' }, 'Kim Il Sung');
    let reported: number[] = [];
    s = run(s, replaceAll(true, (replaced, skipped) => (reported = [replaced, skipped])));
    expect(reported).toEqual([2, 0]);
    expect(s.doc.child(1).child(0).textContent).toBe('Kim Il Sung again');
    const first = s.doc.child(1).child(0).child(0);
    expect(first.marks[0].attrs.original).toBe('Kim II Sung');
    expect(findState(s)!.hits).toHaveLength(0);
    s = run(s, undo);
    expect(s.doc.child(0).child(0).textContent).toBe('Comrade Kim II Sung said');
    expect(s.doc.child(1).child(0).textContent).toBe('Kim II Sung again');
  });

  it('keeps matches through edits elsewhere and drops a match whose text changed', () => {
    let s = withFind(sample(), { pattern: 'Sung' });
    expect(findState(s)!.hits).toHaveLength(2);
    s = s.apply(s.tr.insertText('Dear ', 1 + 1 + 1));
    expect(findState(s)!.hits.map((h) => s.doc.textBetween(h.from, h.to))).toEqual(['Sung', 'Sung']);
    const second = findState(s)!.hits[1];
    s = s.apply(s.tr.insertText('x', second.from + 2));
    expect(findState(s)!.hits).toHaveLength(1);
  });

  it('finds every row of a long document, drawn or not, and goes to a row far away', () => {
    const rows = Array.from({ length: WINDOWED_FROM * 3 }, (_, i) => seg(en(`Row ${i + 1} text`), wit(), ko()));
    rows.push(seg(en('Kim II Sung at the end'), wit(), ko()));
    const d = doc(...rows);
    let s = EditorState.create({ doc: d, selection: TextSelection.create(d, 3), plugins: [buildViewport(), buildFind()] });
    s = run(s, setFind(compilePattern(searchQuery({ pattern: 'Kim II' }))));
    expect(findState(s)!.hits).toHaveLength(1);
    s = run(s, findNext(1));
    expect(s.selection.$from.index(0)).toBe(rows.length - 1);
    // Only the drawn rows carry decorations.
    expect(findState(s)!.drawn.set.find().length).toBeLessThanOrEqual(1);
  });

  it('clears', () => {
    let s = withFind(sample(), { pattern: 'kim' });
    s = run(s, setFind(null));
    expect(findState(s)!.hits).toEqual([]);
    expect(findState(s)!.decorations.find()).toEqual([]);
  });

  it('replaces inside a correction keeping its first source reading', () => {
    const d = doc(seg(en('<a>See ', corr({ original: 'Kim II Sung' }, 'Kim Ii Sung')), wit(), ko()));
    let s = withFind(d, { pattern: 'Ii', caseSensitive: true }, 'Il');
    s = run(s, replaceAll(true));
    const node = s.doc.child(0).child(0).child(1);
    expect([node.text, node.marks[0].attrs.original]).toEqual(['Kim Il Sung', 'Kim II Sung']);
  });
});
