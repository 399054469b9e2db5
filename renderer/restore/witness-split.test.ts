import { describe, expect, it } from 'vitest';
import { doc, en, ko, run, seg, stateFor, wit } from '../editor/test-builders';
import { schema } from '../../shared/model/schema';
import { continuesOf, linesOf, witnessSequence } from '../editor/positions';
import { buildWitnessCheckPlugin } from './witness-check';
import { buildSuggestPlugin, pickWitness } from './suggest';
import { joinWitnessHere, splitWitnessHere } from './witness-split';

const FIRST = '푸자노프 동지는 구두로 소련공산당 중앙위원회 회의의 몇 가지 정보를 제공했다.';
const WITNESS = 'xx lP\\ ( Y XX | . 0 T DX pX.';
const plugins = () => [buildWitnessCheckPlugin(schema), buildSuggestPlugin()];

describe('splitting the witness where the translator works', () => {
  it('splits after the witness text the restoration before the caret accounts for', () => {
    const state = stateFor(doc(seg(en('x'), wit(WITNESS), ko(FIRST + '<a>'))), plugins());
    const split = run(state, splitWitnessHere)!;
    expect(linesOf(split.doc.child(0))).toEqual(['xx lP\\ ( Y XX | . ', '0 T DX pX.']);
    expect(continuesOf(split.doc.child(0))).toEqual([true]);
    expect(witnessSequence(split.doc)).toEqual([WITNESS]);
    // Joined back from the keyboard: the identical document.
    expect(run(split, joinWitnessHere)!.doc.eq(state.doc)).toBe(true);
  });

  it('splits at the start of the picked witness characters', () => {
    const state = stateFor(doc(seg(en('<a>x'), wit(WITNESS), ko())), plugins());
    const picked = run(state, pickWitness({ segmentPos: 0, line: 0, from: 18, to: 19 }))!;
    expect(linesOf(run(picked, splitWitnessHere)!.doc.child(0))).toEqual(['xx lP\\ ( Y XX | . ', '0 T DX pX.']);
  });

  it('does not apply with nothing picked and no restoration before the caret', () => {
    expect(run(stateFor(doc(seg(en('<a>x'), wit(WITNESS), ko())), plugins()), splitWitnessHere)).toBeNull();
    expect(run(stateFor(doc(seg(en('<a>x'), wit(WITNESS), ko())), plugins()), joinWitnessHere)).toBeNull();
  });
});
