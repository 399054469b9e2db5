import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import { apply, doc, en, ins, ko, run, seg, stateFor, wit } from '../test-builders';
import {
  INSERTION_PLACEHOLDER,
  cycleInsertionKind,
  insertionKindAt,
  removeInsertion,
  setInsertionKind,
  toggleInsertion,
} from './insertion';
import { buildTyping, typeOverSelection } from '../typing';
import { TextSelection } from 'prosemirror-state';

const row = (...english: Parameters<typeof en>) => doc(seg(en(...english), wit(), ko()));

describe('toggleInsertion (Mod-[)', () => {
  it('marks the selection as an insertion', () => {
    apply(
      row("the DPRK's <a>Seven-Year-Plan<b> and"),
      toggleInsertion(),
      row("the DPRK's ", ins('Seven-Year-Plan'), ' and'),
    );
  });

  it('marks with the kind asked for', () => {
    const state = run(stateFor(row('<a>SED<b>')), toggleInsertion('expansion')) as EditorState;
    expect(state.doc.firstChild!.firstChild!.firstChild!.marks[0].attrs.kind).toBe('expansion');
  });

  it('removes the insertion the caret is in, restoring plain text', () => {
    apply(row('our ', ins('S<a>ED'), ' Central'), toggleInsertion(), row('our SED Central'));
  });

  it('removes the insertion when the selection is inside it', () => {
    apply(row('our ', ins('<a>SED<b>'), ' Central'), toggleInsertion(), row('our SED Central'));
  });

  it('inserts an empty insertion at the caret: a selected placeholder that typing replaces, keeping the mark', () => {
    const state = run(stateFor(row('they <a>strictly')), toggleInsertion()) as EditorState;
    expect(state.doc.textContent).toBe(`they ${INSERTION_PLACEHOLDER}strictly`);
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe(INSERTION_PLACEHOLDER);
    const typed = state.apply(typeOverSelection(state, 'the Koreans')!);
    const text = typed.doc.firstChild!.firstChild!;
    expect(text.child(1).text).toBe('the Koreans');
    expect(text.child(1).marks.map((m) => m.type.name)).toEqual(['insertion']);
  });

  it('does not apply across cells', () => {
    apply(doc(seg(en('a<a>b'), wit(), ko('c<b>d'))), toggleInsertion(), null);
  });
});

describe('insertion kinds', () => {
  it('reads the kind at the caret', () => {
    expect(insertionKindAt(stateFor(row(ins({ kind: 'variant' }, 'x<a>y'))))).toBe('variant');
    expect(insertionKindAt(stateFor(row('x<a>y')))).toBeNull();
  });

  it('sets the kind of the whole insertion', () => {
    apply(row('a ', ins('S<a>ED'), ' b'), setInsertionKind('variant'), row('a ', ins({ kind: 'variant' }, 'SED'), ' b'));
  });

  it('cycles clarification → variant → expansion → clarification', () => {
    let state = stateFor(row(ins('S<a>ED')));
    const kinds: string[] = [];
    for (let i = 0; i < 3; i++) {
      state = run(state, cycleInsertionKind) as EditorState;
      kinds.push(insertionKindAt(state) as string);
    }
    expect(kinds).toEqual(['variant', 'expansion', 'clarification']);
  });

  it('removeInsertion keeps the text', () => {
    apply(row(ins('<a>Koreans')), removeInsertion, row('Koreans'));
  });
});

describe('typing into a new insertion', () => {
  const withTyping = () => [...buildTyping()];
  it('keeps what is typed after the placeholder in the insertion until the caret leaves', () => {
    let state = stateFor(row('they <a>strictly'), withTyping());
    state = run(state, toggleInsertion()) as EditorState;
    state = state.apply(typeOverSelection(state, 'the')!);
    for (const ch of ' Koreans') state = state.apply(state.tr.insertText(ch));
    const cell = state.doc.firstChild!.firstChild!;
    expect(cell.child(1).text).toBe('the Koreans');
    expect(cell.child(1).marks.map((m) => m.type.name)).toEqual(['insertion']);
  });

  it('ends with Mod-[: the caret stays after the insertion, and typing goes outside it', () => {
    let state = stateFor(row('they <a>strictly'), withTyping());
    state = run(state, toggleInsertion()) as EditorState;
    state = state.apply(typeOverSelection(state, 'x')!);
    state = run(state, toggleInsertion()) as EditorState;
    state = state.apply(state.tr.insertText(' '));
    const cell = state.doc.firstChild!.firstChild!;
    expect(cell.child(1).text).toBe('x');
    expect(cell.child(2).text).toBe(' strictly');
  });

  it('ends when the caret moves away', () => {
    let state = stateFor(row('they <a>strictly'), withTyping());
    state = run(state, toggleInsertion()) as EditorState;
    state = state.apply(typeOverSelection(state, 'x')!);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3 + 'they x'.length - 1)));
    state = state.apply(state.tr.insertText('y'));
    expect(state.doc.firstChild!.firstChild!.textContent).toBe('they xystrictly');
    expect(state.doc.firstChild!.firstChild!.child(1).text).toBe('x');
  });
});
