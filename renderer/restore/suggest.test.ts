import { describe, expect, it } from 'vitest';
import { TextSelection, type EditorState } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import type { SuggestionItem } from '../../shared/ipc/contract';
import { schema } from '../../shared/model/schema';
import { doc, en, ko, seg, stateFor, wit } from '../editor/test-builders';
import { buildWitnessCheckPlugin } from './witness-check';
import { acceptSuggestion, buildSuggestPlugin, dismissSuggestions, pickWitness, showSuggestions, suggestionsArrived, suggestKey, visibleSuggestions } from './suggest';

const plugins = () => [buildWitnessCheckPlugin(schema), buildSuggestPlugin({ fetch: null })];

const item = (text: string, garble: string, source = 'lexicon'): SuggestionItem => ({ text, garble, source, score: 1 });

/** Runs a command, returning the new state (throws when it does not apply). */
function exec(state: EditorState, command: (s: EditorState, d?: (tr: import('prosemirror-state').Transaction) => void) => boolean): EditorState {
  let next: EditorState | null = null;
  if (!command(state, (tr) => (next = state.apply(tr)))) throw new Error('command did not apply');
  return next ?? state;
}

/** Answers the plugin's pending query with `items`. */
function answer(state: EditorState, items: SuggestionItem[]): EditorState {
  const query = suggestKey.getState(state)!.query!;
  return state.apply(suggestionsArrived(state.tr, query, items));
}

const title = (korean: string) => doc(seg(en('about a Conversation with Comrade Puzanov'), wit('( xx @X T]'), ko(korean)));

describe('suggestions at the caret', () => {
  it('ask for the witness word the typed syllables point at, with the English and the neighbouring words', () => {
    const state = stateFor(title('소련 대사관에서 푸<a>'), plugins());
    const s = suggestKey.getState(state)!;
    expect(s.target?.token).toBe('xx');
    expect(s.target?.prefix).toBe('푸');
    expect(s.request).toEqual({
      token: 'xx',
      limit: 12,
      context: { english: 'about a Conversation with Comrade Puzanov', before: '대사관에서', after: '' },
    });
  });

  it('ask for the witness text still unexplained at an empty word', () => {
    const state = stateFor(title('소련 <a>'), plugins());
    expect(suggestKey.getState(state)!.target?.token).toBe('xx');
    const empty = stateFor(title('<a>'), plugins());
    expect(suggestKey.getState(empty)!.target?.token).toBe('(');
  });

  it('show only completions of what is typed, as the engine ranks them, spellings untouched', () => {
    let state = stateFor(title('소련 대사관에서 푸<a>'), plugins());
    state = answer(state, [item('노인', 'xx'), item('푸자노프', 'xx', 'glossary'), item('푸자노프는', 'xx', 'glossary')]);
    expect(visibleSuggestions(state).map((i) => i.text)).toEqual(['푸자노프', '푸자노프는']);
    // Both spellings stay when the engine offers both.
    let kwp = stateFor(doc(seg(en('KWP'), wit('p \\X'), ko('<a>'))), plugins());
    kwp = answer(kwp, [item('조선로동당의', 'p \\X', 'glossary'), item('조선노동당의', 'p \\X', 'project')]);
    expect(visibleSuggestions(kwp).map((i) => i.text)).toEqual(['조선로동당의', '조선노동당의']);
  });

  it('open by themselves before anything is typed only when the project knows a word that fits', () => {
    let state = stateFor(title('소련 <a>'), plugins());
    state = answer(state, [item('노인', 'xx'), item('인멸', 'xx')]);
    expect(visibleSuggestions(state)).toEqual([]);
    state = exec(state, showSuggestions);
    expect(visibleSuggestions(state).map((i) => i.text)).toEqual(['노인', '인멸']);
    let known = stateFor(title('소련 <a>'), plugins());
    known = answer(known, [item('푸자노프', 'xx', 'glossary'), item('노인', 'xx')]);
    expect(visibleSuggestions(known).map((i) => i.text)).toEqual(['푸자노프', '노인']);
  });

  it('say nothing for a word that already explains its witness word, or after a wrong syllable with no completion', () => {
    expect(suggestKey.getState(stateFor(title('소련 대사관에서 푸자노프<a>'), plugins()))!.target).toBeNull();
    let state = stateFor(doc(seg(en('date'), wit('1960D 8 30|'), ko('1960녀<a>'))), plugins());
    expect(suggestKey.getState(state)!.target?.prefix).toBe('1960');
    state = answer(state, [item('성령', '19')]);
    expect(visibleSuggestions(state)).toEqual([]);
  });

  it('accepting replaces the typed start with the suggestion, in one undo step', () => {
    let state = stateFor(title('소련 대사관에서 푸<a>'), plugins());
    state = state.apply(state.tr.insertText('자'));
    state = answer(state, [item('푸자노프', 'xx', 'glossary')]);
    state = exec(state, acceptSuggestion(0));
    expect(state.doc.textContent).toContain('소련 대사관에서 푸자노프');
    expect(state.selection.from).toBe(state.doc.content.size - 2); // the end of the restoration
    undo(state, (tr) => (state = state.apply(tr)));
    expect(state.doc.textContent).toContain('소련 대사관에서 푸자');
    expect(state.doc.textContent).not.toContain('푸자노프');
  });

  it('Escape hides the list until the target changes; Mod-. shows it again', () => {
    let state = stateFor(title('소련 대사관에서 푸<a>'), plugins());
    state = answer(state, [item('푸자노프', 'xx', 'glossary')]);
    state = exec(state, dismissSuggestions);
    expect(visibleSuggestions(state)).toEqual([]);
    state = exec(state, showSuggestions);
    expect(visibleSuggestions(state).map((i) => i.text)).toEqual(['푸자노프']);
    state = exec(state, dismissSuggestions);
    // The caret after 소련, a word that explains its witness word: another target.
    const koreanStart = 1 + state.doc.firstChild!.child(0).nodeSize + 1 + 1;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, koreanStart + 2)));
    expect(suggestKey.getState(state)!.override).toBeNull();
  });
});

describe('suggestions for picked witness characters', () => {
  it('insert where the witness needs the word, with a placeholder for the text before it', () => {
    let state = stateFor(title('<a>'), plugins());
    const segmentPos = 0;
    state = exec(state, pickWitness({ segmentPos, line: 0, from: 2, to: 4 }));
    expect(suggestKey.getState(state)!.target).toMatchObject({ source: 'pick', token: 'xx', padBefore: ['gap', ' '] });
    state = answer(state, [item('푸자노프', 'xx', 'glossary')]);
    state = exec(state, acceptSuggestion(0));
    const korean = state.doc.firstChild!.child(2);
    expect(korean.childCount).toBe(2);
    expect(korean.child(0).type.name).toBe('gap');
    expect(korean.textContent).toBe(' 푸자노프');
    expect(suggestKey.getState(state)!.pick).toBeNull();
  });

  it('replace the restored word that accounts for the picked characters', () => {
    let state = stateFor(title('소련 대사관에서 노인 동지와의<a>'), plugins());
    state = exec(state, pickWitness({ segmentPos: 0, line: 0, from: 2, to: 4 }));
    expect(suggestKey.getState(state)!.target).toMatchObject({ word: '노인', token: 'xx' });
    state = answer(state, [item('푸자노프', 'xx', 'glossary')]);
    state = exec(state, acceptSuggestion(0));
    expect(state.doc.firstChild!.child(2).textContent).toBe('소련 대사관에서 푸자노프 동지와의');
  });

  it('add the lines the restoration lacks', () => {
    let state = stateFor(doc(seg(en('two lines'), wit('|| Y', '1960D 8 30|'), ko('<a>'))), plugins());
    state = exec(state, pickWitness({ segmentPos: 0, line: 1, from: 0, to: 5 }));
    expect(suggestKey.getState(state)!.target?.breaks).toBe(1);
    state = answer(state, [item('1960년', '1960D')]);
    state = exec(state, acceptSuggestion(0));
    const korean = state.doc.firstChild!.child(2);
    expect(korean.child(0).type.name).toBe('hard_break');
    expect(korean.textContent).toBe('1960년');
  });
});
