import { describe, expect, it } from 'vitest';
import { TextSelection, type EditorState } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { builders } from 'prosemirror-test-builder';
import { schema } from '../../shared/model/schema';
import { apply, br, doc, en, ko, run, seg, stateFor, wit } from '../editor/test-builders';
import { acceptProposal, acceptSegmentProposals, autofillContent, autofillRestoration, markRange, UNRESTORED } from './proposals';
import { buildWitnessCheckPlugin, segmentStates } from './witness-check';
import type { GlossaryEntry } from '../../shared/korean';

const b = builders(schema, { prop: { markType: 'proposed' }, hole: { nodeType: 'gap', reason: UNRESTORED } });
const prop = b.prop;
const hole = () => b.hole();

const puzanov: GlossaryEntry = { id: 'g1', en: 'Puzanov', variants: [], ko: ['푸자노프'], type: 'person', note: '' };

describe('auto-fill', () => {
  it('proposes the date the witness proves, marked proposed, in one undo step', () => {
    apply(
      doc(seg(en('Pyongyang, 30 August 1960'), wit('1960D 8 30|'), ko('<a>'))),
      autofillRestoration([]),
      doc(seg(en('Pyongyang, 30 August 1960'), wit('1960D 8 30|'), ko(prop('1960년 8월 30일')))),
    );
  });

  it('leaves gap placeholders where the witness proves nothing, and the check reads them as still to come', () => {
    const state = apply(
      doc(seg(en('Archival Signature: SAPMO-BA, DY 30, IV 2/20/137'), wit('8 : SAPMO-BA, DY 30, IV 2/20/137'), ko('<a>'))),
      autofillRestoration([]),
      doc(
        seg(
          en('Archival Signature: SAPMO-BA, DY 30, IV 2/20/137'),
          wit('8 : SAPMO-BA, DY 30, IV 2/20/137'),
          ko(hole(), ' ', prop(':'), ' ', prop('SAPMO-BA,'), ' ', prop('DY'), ' ', prop('30,'), ' ', prop('IV'), ' ', prop('2/20/137')),
        ),
      ),
      [buildWitnessCheckPlugin(schema)],
    );
    expect(segmentStates(state!)).toEqual(['partial']);
  });

  it('proposes Latin text only when the segment’s English has it', () => {
    apply(
      doc(seg(en('Archival Signature'), wit('8 : SAPMO-BA, DY 30, IV 2/20/137'), ko('<a>'))),
      autofillRestoration([]),
      doc(
        seg(
          en('Archival Signature'),
          wit('8 : SAPMO-BA, DY 30, IV 2/20/137'),
          ko(hole(), ' ', prop(':'), ' ', hole(), ' ', prop('30,'), ' ', hole(), ' ', prop('2/20/137')),
        ),
      ),
    );
    // A line break in the English separates tokens.
    const state = run(stateFor(doc(seg(en('Archival Signature', br(), 'SAPMO-BA<a>'), wit('SAPMO-BA XxTmt'), ko()))), autofillRestoration([]));
    expect((state as EditorState).doc.child(0).child(2).toString()).toBe('korean(proposed("SAPMO-BA"), " ", gap)');
  });

  it('proposes a glossary name found at its place, one line per witness line', () => {
    const content = autofillContent(schema, ['( xx @X T]', '1960D 8 30|'], [puzanov]);
    expect(content?.toString()).toBe(
      '<gap, " ", proposed("푸자노프"), " ", gap, hard_break, proposed("1960년 8월 30일")>',
    );
  });

  it('does not apply where nothing is proven or the restoration is not empty', () => {
    apply(doc(seg(en('SED Central Committee'), wit('|| Y'), ko('<a>'))), autofillRestoration([]), null);
    apply(doc(seg(en('date'), wit('1960D 8 30|'), ko('1960<a>'))), autofillRestoration([]), null);
    apply(doc(seg(en('no witness<a>'), wit(), ko())), autofillRestoration([]), null);
  });

  it('fills every empty restoration at once, leaving the others', () => {
    const before = doc(
      seg(en('a<a>'), wit('1960D 8 30|'), ko()),
      seg(en('b'), wit('8 : SAPMO-BA'), ko('문서 출처: SAPMO-BA')),
      seg(en('c'), wit('( xx @X T]'), ko()),
    );
    let state = stateFor(before);
    state = run(state, autofillRestoration([puzanov], 'all')) as EditorState;
    expect(state.doc.child(0).child(2).textContent).toBe('1960년 8월 30일');
    expect(state.doc.child(1).child(2).textContent).toBe('문서 출처: SAPMO-BA');
    expect(state.doc.child(2).child(2).textContent).toBe(' 푸자노프 ');
    undo(state, (tr) => (state = state.apply(tr)));
    expect(state.doc.eq(before)).toBe(true);
  });
});

describe('accepting proposals', () => {
  it('accepts the proposal at the caret: the text stays, the mark goes', () => {
    apply(
      doc(seg(en('x'), wit('( xx @X T]'), ko(hole(), ' ', prop('푸자<a>노프'), ' ', prop('동지')))),
      acceptProposal,
      doc(seg(en('x'), wit('( xx @X T]'), ko(hole(), ' 푸자노프 ', prop('동지')))),
    );
  });

  it('accepts every proposal of the row', () => {
    apply(
      doc(seg(en('x'), wit('a', 'b'), ko(prop('1960년<a>'), br(), prop('b')))),
      acceptSegmentProposals,
      doc(seg(en('x'), wit('a', 'b'), ko('1960년', br(), 'b'))),
    );
  });

  it('does not apply where there is no proposal', () => {
    apply(doc(seg(en('x'), wit('a'), ko('1960<a>년'))), acceptProposal, null);
    apply(doc(seg(en('x'), wit('a'), ko('1960<a>년'))), acceptSegmentProposals, null);
  });

  it('finds a mark’s range from either edge', () => {
    const d = doc(seg(en('x'), wit('a'), ko('ab', prop('cd'), 'ef')));
    const state = stateFor(d);
    const start = 1 + d.child(0).child(0).nodeSize + 1 + 1;
    const type = schema.marks.proposed;
    expect(markRange(state.doc.resolve(start + 2), type)).toMatchObject({ from: start + 2, to: start + 4 });
    expect(markRange(state.doc.resolve(start + 4), type)).toMatchObject({ from: start + 2, to: start + 4 });
    expect(markRange(state.doc.resolve(start + 1), type)).toBeNull();
    expect(TextSelection.create(state.doc, start + 3).$from.parent.type.name).toBe('korean');
  });
});
