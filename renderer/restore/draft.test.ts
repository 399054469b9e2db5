import { describe, expect, it } from 'vitest';
import { NodeSelection, TextSelection, type EditorState } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { builders } from 'prosemirror-test-builder';
import { schema } from '../../shared/model/schema';
import { apply, br, doc, en, expectDoc, ko, run, seg, stateFor, wit } from '../editor/test-builders';
import { UNRESTORED } from './proposals';
import { applyDraft, draftContent, draftTargets, hasDraftTarget, type DraftLine, type DraftWord } from './draft-content';
import { acceptNextWord, alternativesView, buildDraftPlugin, chooseAlternative, closeAlternatives, dropRowDraft, moveAlternative, showAlternatives } from './draft';
import { buildWitnessCheckPlugin, segmentStates } from './witness-check';

const b = builders(schema, { hole: { nodeType: 'gap', reason: UNRESTORED } });
const hole = () => b.hole();
/** A drafted word as the draft writes it: its own id, its alternatives, its source. */
const w = (text: string, id: string, alternatives: string[] = [], source = 'lexicon') => b.proposed({ id, alternatives, source }, text);

function word(text: string, witness: string, alternatives: string[] = [], source: DraftWord['source'] = 'lexicon'): DraftWord {
  return { text, witness, alternatives, undecided: false, source, confidence: 0.5 };
}
function undecided(witness: string): DraftWord {
  return { text: '', witness, alternatives: [], undecided: true, source: 'corpus', confidence: 0 };
}
function line(...words: DraftWord[]): DraftLine {
  return { words, text: words.map((x) => (x.undecided ? '□' : x.text)).join(' ') };
}
function ids() {
  let n = 0;
  return () => `w${++n}`;
}

// `소련 대사관에서 푸자노프 동지와의 대화록` leaves `( xx @X T]` (the model of shared/korean/garble.ts).
const WITNESS = '( xx @X T]';
const SENTENCE = line(
  word('소련', '('),
  word('대사관에서', '', ['대사관'], 'english'),
  word('푸자노프', 'xx', [], 'glossary'),
  word('동지와의', '@X', ['동지와'], 'corpus'),
  word('대화록', 'T]'),
);

describe('draft content', () => {
  it('makes each drafted word its own proposed range with its alternatives, separated by plain spaces', () => {
    const content = draftContent(schema, [SENTENCE], ids());
    expect(content.toString()).toBe('<proposed("소련"), " ", proposed("대사관에서"), " ", proposed("푸자노프"), " ", proposed("동지와의"), " ", proposed("대화록")>');
    const marks = [0, 2, 4].map((i) => content.child(i).marks[0].attrs);
    expect(marks).toEqual([
      { id: 'w1', alternatives: [], source: 'lexicon' },
      { id: 'w2', alternatives: ['대사관'], source: 'english' },
      { id: 'w3', alternatives: [], source: 'glossary' },
    ]);
  });

  it('turns undecided words into placeholders and separates lines by hard breaks', () => {
    const content = draftContent(schema, [line(word('1960년', '1960D'), undecided('8')), line(), line(word('가', 'x'))], ids());
    expect(content.toString()).toBe('<proposed("1960년"), " ", gap, hard_break, hard_break, proposed("가")>');
    expect(content.child(2).attrs.reason).toBe(UNRESTORED);
  });

  it('leaves out a word’s own text from its alternatives and trailing empty lines', () => {
    const content = draftContent(schema, [line(word('대화록', 'T]', ['대화록', ' 대화 ', '대화'])), line()], ids());
    expect(content.childCount).toBe(1);
    expect(content.child(0).marks[0].attrs.alternatives).toEqual(['대화']);
  });
});

describe('drafting rows', () => {
  const draftOf = (state: EditorState, lines: DraftLine[][]) => {
    const targets = draftTargets(state, 'all');
    return applyDraft(
      state,
      targets.map((target, i) => ({ target, lines: lines[i] ?? [] })),
      ids(),
    );
  };

  it('fills an empty restoration with the draft; the live check reads it as consistent', () => {
    const state = stateFor(doc(seg(en('Conversation with Puzanov<a>'), wit(WITNESS), ko())), [buildWitnessCheckPlugin(schema)]);
    const tr = draftOf(state, [[SENTENCE]]);
    const after = state.apply(tr!);
    expect(after.doc.child(0).child(2).textContent).toBe('소련 대사관에서 푸자노프 동지와의 대화록');
    expect(segmentStates(after)).toEqual(['consistent']);
  });

  it('leaves a placeholder the check reads as still to come', () => {
    const state = stateFor(doc(seg(en('x<a>'), wit(WITNESS), ko())), [buildWitnessCheckPlugin(schema)]);
    const partial = line(word('소련', '('), undecided(''), word('푸자노프', 'xx'), word('동지와의', '@X'), word('대화록', 'T]'));
    const after = state.apply(draftOf(state, [[partial]])!);
    expect(after.doc.child(0).child(2).toString()).toBe('korean(proposed("소련"), " ", gap, " ", proposed("푸자노프"), " ", proposed("동지와의"), " ", proposed("대화록"))');
    expect(segmentStates(after)).toEqual(['partial']);
  });

  it('never touches a line the translator typed in, and drafts the other lines of the row', () => {
    const before = doc(seg(en('x<a>'), wit('1960D 8 30|', WITNESS, 'abc'), ko('1960년 ', w('8월', 'p1'), br(), hole(), ' ', w('소', 'p2'))));
    const state = stateFor(before);
    const targets = draftTargets(state, 'row');
    expect(targets).toHaveLength(1);
    const tr = applyDraft(state, [{ target: targets[0], lines: [line(word('X', '1')), SENTENCE, line(word('abc', 'abc'))] }], ids());
    const korean = state.apply(tr!).doc.child(0).child(2);
    expect(korean.toString()).toBe(
      'korean("1960년 ", proposed("8월"), hard_break, proposed("소련"), " ", proposed("대사관에서"), " ", proposed("푸자노프"), " ", proposed("동지와의"), " ", proposed("대화록"), hard_break, proposed("abc"))',
    );
  });

  it('does not draft a row whose every witness line has typed text, nor a row without a witness', () => {
    const state = stateFor(doc(seg(en('x<a>'), wit('1960D'), ko('1960년')), seg(en('y'), wit(), ko())));
    expect(draftTargets(state, 'all')).toEqual([]);
    expect(hasDraftTarget(state, 'all')).toBe(false);
    expect(hasDraftTarget(state, 'row')).toBe(false);
  });

  it('says whether anything would be drafted as draftTargets does, also after the row changes', () => {
    let state = stateFor(doc(seg(en('x'), wit('1960D'), ko('1960년')), seg(en('y<a>'), wit(WITNESS), ko()), seg(en('z'), wit(), ko())));
    for (const scope of ['all', 'row'] as const) expect(hasDraftTarget(state, scope)).toBe(draftTargets(state, scope).length > 0);
    expect(hasDraftTarget(state, 'all')).toBe(true);
    // Typed into the only draftable row: nothing left to draft (the row's answer is not kept past its change).
    const row = state.doc.child(1);
    const koreanStart = state.doc.child(0).nodeSize + 1 + row.child(0).nodeSize + row.child(1).nodeSize + 1;
    state = state.apply(state.tr.insertText('소련 대사관에서 푸자노프 동지와의 대화록', koreanStart));
    for (const scope of ['all', 'row'] as const) {
      expect(hasDraftTarget(state, scope)).toBe(false);
      expect(draftTargets(state, scope)).toEqual([]);
    }
  });

  it('keeps text typed while the draft was on its way', () => {
    const state = stateFor(doc(seg(en('x<a>'), wit(WITNESS), ko())));
    const targets = draftTargets(state, 'row');
    // The translator types before the answer arrives.
    const row = state.doc.child(0);
    const koreanStart = 1 + row.child(0).nodeSize + row.child(1).nodeSize + 1;
    const typed = state.apply(state.tr.insertText('소련', koreanStart));
    expect(typed.doc.child(0).child(2).textContent).toBe('소련');
    expect(applyDraft(typed, [{ target: targets[0], lines: [SENTENCE] }])).toBeNull();
  });

  it('finds rows by id after the document changed, and skips a row whose witness changed', () => {
    const d = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'segment', attrs: { id: 's1' }, content: [{ type: 'english' }, { type: 'witness', attrs: { lines: ['T]'] } }, { type: 'korean' }] },
        { type: 'segment', attrs: { id: 's2' }, content: [{ type: 'english' }, { type: 'witness', attrs: { lines: [WITNESS] } }, { type: 'korean' }] },
      ],
    });
    let state = stateFor(d);
    const targets = draftTargets(state, 'all');
    expect(targets.map((t) => t.id)).toEqual(['s1', 's2']);
    // Text typed in the English of the first row moves the second.
    state = state.apply(state.tr.insertText('Conversation', 2));
    const tr = applyDraft(state, [
      { target: { ...targets[0], witness: ['changed'] }, lines: [line(word('대화록', 'T]'))] },
      { target: targets[1], lines: [SENTENCE] },
    ]);
    const after = state.apply(tr!);
    expect(after.doc.child(0).child(2).textContent).toBe('');
    expect(after.doc.child(1).child(2).textContent).toBe('소련 대사관에서 푸자노프 동지와의 대화록');
  });
});

describe('working through a draft', () => {
  const drafted = () => ko(w('소련', 'a'), ' ', hole(), ' ', w('푸자노프', 'b'), ' ', w('동지와의', 'c', ['동지와', '동지의']));

  it('Tab accepts the word at the caret and puts the caret after it, one undo step', () => {
    const state = apply(
      doc(seg(en('x'), wit(WITNESS), ko('<a>', w('소련', 'a'), ' ', w('푸자노프', 'b')))),
      acceptNextWord,
      doc(seg(en('x'), wit(WITNESS), ko('소련 ', w('푸자노프', 'b')))),
    )!;
    expect(state.selection.from).toBe(state.doc.resolve(state.selection.from).start() + 2);
  });

  it('Tab walks the draft: word, placeholder (selected, to type over), word, word', () => {
    let state = stateFor(doc(seg(en('x'), wit(WITNESS), ko('<a>', ...drafted().content.content))), [buildDraftPlugin()]);
    state = run(state, acceptNextWord)!;
    state = run(state, acceptNextWord)!;
    expect(state.selection).toBeInstanceOf(NodeSelection);
    expect((state.selection as NodeSelection).node.type.name).toBe('gap');
    state = run(state, acceptNextWord)!;
    state = run(state, acceptNextWord)!;
    expectDoc(state.doc, doc(seg(en('x'), wit(WITNESS), ko('소련 ', hole(), ' 푸자노프 동지와의'))));
    // Nothing left to accept after the last word.
    expect(run(state, acceptNextWord)).toBeNull();
    // Each accepted word is its own undo step.
    undo(state, (tr) => (state = state.apply(tr)));
    expect(state.doc.child(0).child(2).toString()).toBe('korean("소련 ", gap, " 푸자노프 ", proposed("동지와의"))');
  });

  it('Tab does not apply where typed text stands between the caret and the next proposal', () => {
    apply(doc(seg(en('x'), wit(WITNESS), ko('<a>typed ', w('푸자노프', 'b')))), acceptNextWord, null);
    apply(doc(seg(en('x<a>'), wit(WITNESS), ko(w('푸자노프', 'b')))), acceptNextWord, null);
  });

  it('two adjacent drafted words stay two ranges', () => {
    apply(
      doc(seg(en('x'), wit(WITNESS), ko(w('소<a>련', 'a'), w('대사관', 'b')))),
      acceptNextWord,
      doc(seg(en('x'), wit(WITNESS), ko('소련', w('대사관', 'b')))),
    );
  });

  it('lists the alternatives of the word at the caret; choosing one replaces and accepts it, one undo step', () => {
    const before = doc(seg(en('x'), wit(WITNESS), ko('소련 ', w('동지<a>와의', 'c', ['동지와', '동지의']))));
    let state = stateFor(before, [buildDraftPlugin()]);
    state = run(state, showAlternatives)!;
    expect(alternativesView(state)?.word).toMatchObject({ text: '동지와의', alternatives: ['동지와', '동지의'] });
    state = run(state, moveAlternative(1))!;
    expect(alternativesView(state)?.selected).toBe(1);
    state = run(state, chooseAlternative())!;
    expectDoc(state.doc, doc(seg(en('x'), wit(WITNESS), ko('소련 동지의'))));
    expect(alternativesView(state)).toBeNull();
    expect(state.selection.from).toBe(state.doc.resolve(state.selection.from).end());
    undo(state, (tr) => (state = state.apply(tr)));
    expectDoc(state.doc, before);
  });

  it('closes the list with Esc or when the caret leaves the word, and has nothing to list for a word without alternatives', () => {
    let state = stateFor(doc(seg(en('x'), wit(WITNESS), ko('<a>', w('동지와의', 'c', ['동지와']), ' ', w('소련', 'a')))), [buildDraftPlugin()]);
    state = run(state, showAlternatives)!;
    state = run(state, closeAlternatives)!;
    expect(alternativesView(state)).toBeNull();
    state = run(state, showAlternatives)!;
    const end = state.doc.resolve(state.selection.from).end();
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
    expect(alternativesView(state)).toBeNull();
    expect(run(state, showAlternatives)).toBeNull();
  });

  it('drops the row’s draft: proposals and placeholders go with their spaces, typed text stays', () => {
    apply(
      doc(seg(en('x'), wit(WITNESS), ko(w('소련', 'a'), ' ', hole(), ' 푸자노프<a> ', w('동지와의', 'c'), br(), w('abc', 'd')))),
      dropRowDraft,
      doc(seg(en('x'), wit(WITNESS), ko('푸자노프', br()))),
    );
    apply(doc(seg(en('x'), wit(WITNESS), ko(w('소련', 'a'), ' ', hole(), br(), '<a>'))), dropRowDraft, doc(seg(en('x'), wit(WITNESS), ko())));
    apply(doc(seg(en('x'), wit(WITNESS), ko('소련<a>'))), dropRowDraft, null);
  });
});
