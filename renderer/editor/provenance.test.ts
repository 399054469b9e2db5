import { describe, expect, it, vi } from 'vitest';
import { EditorState, type Transaction } from 'prosemirror-state';
import { undo, redo } from 'prosemirror-history';
import type { Mark, Node } from 'prosemirror-model';
import { corr, doc, en, fn, ins, ko, seg, stateFor, wit } from './test-builders';
import { schema } from '../../shared/model/schema';
import { buildProvenance, creditUnrecorded, stampAttrs } from './provenance';
import { toggleInsertion, setInsertionKind } from './commands/insertion';
import { applyCorrection } from './commands/correction';
import { insertFootnote } from './commands/footnote';
import { buildInputRules } from './input-rules';
import { buildTyping, typeOverSelection } from './typing';

const DAY = '2026-12-05';

function editorState(d: Node, who: { id: string | null }, onUnstamped?: () => void): EditorState {
  return stateFor(d, [buildProvenance({ current: () => who.id, today: () => DAY, onUnstamped }), ...buildTyping(), buildInputRules(schema)]);
}

/** Applies a command; returns the new state. */
function exec(state: EditorState, command: (s: EditorState, d?: (tr: Transaction) => void) => boolean): EditorState {
  let next: EditorState | null = null;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next!;
}

/** Every mark of `type` in the document with the text it covers. */
function marksOf(d: Node, type: string): { text: string; attrs: Record<string, unknown> }[] {
  const out: { text: string; attrs: Record<string, unknown> }[] = [];
  let last: Mark | null = null;
  d.descendants((node) => {
    const mark = node.isText ? node.marks.find((m) => m.type.name === type) : undefined;
    if (mark && last && mark.eq(last)) out[out.length - 1].text += node.text;
    else if (mark) out.push({ text: node.text!, attrs: { ...mark.attrs } });
    last = mark ?? null;
    return true;
  });
  return out;
}

function footnotesOf(d: Node): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  d.descendants((node) => {
    if (node.type.name === 'footnote') out.push({ ...node.attrs });
    return true;
  });
  return out;
}

const row = (...english: Parameters<typeof en>) => doc(seg(en(...english), wit(), ko()));

describe('stamping new annotations with the current editor and the day', () => {
  it('a new insertion gets the current editor and today; undo removes the insertion and its stamp together', () => {
    const before = editorState(row('the <a>Seven-Year-Plan<b> and'), { id: 'edab1' });
    const after = exec(before, toggleInsertion());
    expect(marksOf(after.doc, 'insertion')).toEqual([{ text: 'Seven-Year-Plan', attrs: { kind: 'clarification', resp: 'edab1', when: DAY } }]);
    const undone = exec(after, undo);
    expect(undone.doc.eq(before.doc)).toBe(true);
    expect(marksOf(exec(undone, redo).doc, 'insertion')[0].attrs).toMatchObject({ resp: 'edab1', when: DAY });
  });

  it('an empty insertion typed into keeps one stamped mark over all that is typed', () => {
    let state = exec(editorState(row('they <a>strictly'), { id: 'edab1' }), toggleInsertion());
    // As the keyboard does: the first key types over the selected placeholder, the rest go at the caret.
    state = state.apply(typeOverSelection(state, 'v')!);
    for (const ch of 'ery') state = state.apply(state.tr.insertText(ch));
    expect(marksOf(state.doc, 'insertion')).toEqual([{ text: 'very', attrs: { kind: 'clarification', resp: 'edab1', when: DAY } }]);
  });

  it('a correction and a footnote are stamped; changing an insertion’s kind keeps who made it', () => {
    let state = exec(editorState(row('met <a>Kim II Sung<b> in'), { id: 'edkm2' }), applyCorrection('Kim Il Sung'));
    expect(marksOf(state.doc, 'correction')).toEqual([{ text: 'Kim Il Sung', attrs: { original: 'Kim II Sung', resp: 'edkm2', when: DAY } }]);
    state = exec(state, insertFootnote('see the report'));
    expect(footnotesOf(state.doc)[0]).toMatchObject({ resp: 'edkm2', when: DAY });

    const archive = editorState(row('our ', ins({ kind: 'clarification', resp: 'archive' }, 'S<a>ED'), ' Central'), { id: 'edkm2' });
    const changed = exec(archive, setInsertionKind('expansion'));
    expect(marksOf(changed.doc, 'insertion')[0].attrs).toEqual({ kind: 'expansion', resp: 'archive', when: '' });
  });

  it('what other code makes is stamped too (the [text] input rule, a plain addMark), in the same undo step', () => {
    const who = { id: 'edab1' };
    const base = editorState(row('the <a>SED<b> files'), who);
    const added = base.apply(base.tr.addMark(5, 8, schema.marks.correction.create({ original: 'SEO' })));
    expect(marksOf(added.doc, 'correction')[0].attrs).toMatchObject({ resp: 'edab1', when: DAY });
    expect(exec(added, undo).doc.eq(base.doc)).toBe(true);

    // The input rule: typing `]` after `[Pyongyang` makes an insertion.
    let state = editorState(row('in <a>'), who);
    for (const ch of '[Pyongyang') state = state.apply(state.tr.insertText(ch));
    const view = { state, dispatch: (tr: Transaction) => (state = state.apply(tr)), composing: false } as never;
    const handled = state.plugins.some((p) =>
      (p.props.handleTextInput as ((v: never, f: number, t: number, s: string) => boolean) | undefined)?.call(p, view, state.selection.from, state.selection.to, ']'),
    );
    expect(handled).toBe(true);
    expect(marksOf(state.doc, 'insertion')).toEqual([{ text: 'Pyongyang', attrs: { kind: 'clarification', resp: 'edab1', when: DAY } }]);
  });

  it('typing inside an older, unrecorded insertion leaves it unrecorded (and whole); retyping all of it credits the typist', () => {
    const state = editorState(row('our ', ins('SE<a>D'), ' Central'), { id: 'edab1' });
    const typed = state.apply(state.tr.insertText('x'));
    expect(marksOf(typed.doc, 'insertion')).toEqual([{ text: 'SExD', attrs: { kind: 'clarification', resp: '', when: '' } }]);
    const whole = editorState(row('our ', ins('<a>SED<b>'), ' Central'), { id: 'edab1' });
    const retyped = whole.apply(typeOverSelection(whole, 'X')!);
    expect(marksOf(retyped.doc, 'insertion')).toEqual([{ text: 'X', attrs: { kind: 'clarification', resp: 'edab1', when: DAY } }]);
  });

  it('undo of deleting an unrecorded insertion brings it back unrecorded; pasted annotations keep what they had', () => {
    const state = editorState(row('our ', ins('SED'), ' Central<a>'), { id: 'edab1' });
    const deleted = state.apply(state.tr.delete(5, 8));
    const back = exec(deleted, undo);
    expect(marksOf(back.doc, 'insertion')[0].attrs).toMatchObject({ resp: '', when: '' });

    const pasted = state.apply(state.tr.replaceSelectionWith(schema.text('SED', [schema.marks.insertion.create()]), false).setMeta('uiEvent', 'paste'));
    expect(marksOf(pasted.doc, 'insertion').map((m) => m.attrs.resp)).toEqual(['', '']);
  });

  it('with no editor chosen, annotations are made with today’s date and no one, the app is told, and crediting stamps them afterwards', async () => {
    const who: { id: string | null } = { id: null };
    const asked = vi.fn();
    let state = editorState(doc(seg(en('the <a>SED<b> and ', ins({ resp: '' }, 'old')), wit(), ko())), who, asked);
    expect(stampAttrs(state)).toEqual({ resp: '', when: DAY });
    state = exec(state, toggleInsertion());
    state = state.apply(state.tr.addMark(2, 4, schema.marks.correction.create({ original: 'X' })));
    await Promise.resolve();
    expect(asked).toHaveBeenCalled();
    expect(marksOf(state.doc, 'insertion').map((m) => m.attrs)).toEqual([
      { kind: 'clarification', resp: '', when: DAY },
      { kind: 'clarification', resp: '', when: '' },
    ]);
    who.id = 'edls3';
    state = exec(state, creditUnrecorded('edls3', DAY));
    expect(marksOf(state.doc, 'insertion').map((m) => m.attrs.resp)).toEqual(['edls3', '']);
    expect(marksOf(state.doc, 'correction').map((m) => m.attrs)).toEqual([{ original: 'X', resp: 'edls3', when: DAY }]);
    expect(creditUnrecorded('edls3', DAY)(state)).toBe(false);
  });

  it('without the plugin (outside the app) nothing is stamped', () => {
    const state = EditorState.create({ doc: row('a ', corr({ original: 'b' }, 'c'), fn('n')) });
    expect(stampAttrs(state)).toEqual({ resp: '', when: '' });
    const plain = stateFor(row('x <a>y<b>'));
    expect(marksOf(exec(plain, toggleInsertion()).doc, 'insertion')[0].attrs).toEqual({ kind: 'clarification', resp: '', when: '' });
  });
});
