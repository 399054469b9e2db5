import { describe, expect, it } from 'vitest';
import { body, segment, text } from './build';
import type { PMJson } from './document';
import { restorationCounts, rowState, segmentState } from './stats';

const WITNESS = 'xx lP\\ ( Y XX | .';
const RESTORED = '푸자노프 동지는 구두로 소련공산당 중앙위원회 회의의 몇 가지 정보를 제공했다.';
const proposed = (value: string): PMJson[] => text(value, [{ type: 'proposed' }]);
const gap: PMJson = { type: 'gap', attrs: { reason: 'illegible', quantity: 2 } };
const row = (korean: PMJson[], witness: string[] = [WITNESS]) => segment({ english: text('Comrade Puzanov'), witness, korean });

describe('row states', () => {
  it('counts a row as restored only when it fits the whole witness with accepted text', () => {
    expect(segmentState(row(text(RESTORED)))).toBe('consistent');
  });

  it('says partial when part of the witness is not restored yet', () => {
    expect(segmentState(row(text('1960년'), ['1960D 8 30|']))).toBe('partial');
  });

  it('says partial when a placeholder stands for the rest, though the check accepts it', () => {
    expect(segmentState(row([...text('푸자노프 동지는 '), gap]))).toBe('partial');
    expect(segmentState(row(text('푸자노프 동지는 □')))).toBe('partial');
  });

  it('says proposed when proposed text fits the witness, even when everything fits', () => {
    expect(segmentState(row([...text('푸자노프 동지는 '), ...proposed('구두로 소련공산당 중앙위원회 회의의 몇 가지 정보를 제공했다.')]))).toBe('proposed');
    expect(segmentState(row(proposed('1960년'), ['1960D 8 30|']))).toBe('proposed');
  });

  it('says contradicted before anything else, proposals included', () => {
    expect(segmentState(row(text('김일성 동지는')))).toBe('contradicted');
    expect(segmentState(row([...proposed('김일성'), gap]))).toBe('contradicted');
  });

  it('says empty for a row with a witness and no restoration, and nothing for a row without a witness', () => {
    expect(segmentState(row([]))).toBe('empty');
    expect(segmentState(row(text('아무것'), []))).toBeNull();
  });

  it('checks each piece of a split line as a line, without the space at the cut', () => {
    expect(rowState({ restoration: ['1960년', '8월 30일'], witness: ['1960D', '8 30|'], proposed: false })).toBe('consistent');
    const split = row([...text('1960년'), { type: 'hard_break' }, ...text('8월 30일')], ['1960D ', '8 30|']);
    split.content![1].attrs!.continues = [true];
    expect(segmentState(split)).toBe('consistent');
  });
});

describe('restorationCounts', () => {
  it('counts the rows with a witness by state, restored being the consistent ones', () => {
    const counts = restorationCounts(
      body([
        row(text(RESTORED)),
        row(text(RESTORED)),
        row(text('김일성')),
        row(proposed('1960년'), ['1960D 8 30|']),
        row(text('1960년'), ['1960D 8 30|']),
        row([]),
        row(text('English only'), []),
      ]),
    );
    expect(counts).toEqual({
      segments: 7,
      witnessSegments: 6,
      restoredSegments: 2,
      progress: { consistent: 2, partial: 1, contradicted: 1, proposed: 1, empty: 1 },
    });
  });
});
