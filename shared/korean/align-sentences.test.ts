import { describe, expect, it } from 'vitest';
import { garbleLine } from './garble';
import { englishSentenceStarts, proposeSentenceRows, restorationCuts, witnessSentenceStarts } from './align-sentences';

/** Parallel sentences written for this test (not from the samples). */
const PAIRS: [string, string][] = [
  ['The delegation of the Korean Workers\' Party arrived in Berlin on 12 May.', '조선로동당 대표단은 5월 12일 베를린에 도착하였다.'],
  ['Comrade Kim I. S. received the ambassador of the GDR for a long conversation about the Seven-Year Plan.', '김일성 동지는 독일민주공화국 대사를 접견하고 7개년계획에 대하여 오랜 담화를 하였다.'],
  ['He stressed the need for more machines.', '그는 기계가 더 필요하다고 강조하였다.'],
  ['The Chinese comrades did not take part in the meeting, which was held in the building of the Central Committee of the Party and lasted until late in the evening.', '중국 동지들은 당 중앙위원회 청사에서 저녁 늦게까지 진행된 회의에 참가하지 않았다.'],
  ['No. 3 of the agenda was postponed.', '의정 제3항은 연기되었다.'],
  ['Everyone agreed.', '모두 동의하였다.'],
];

const english = PAIRS.map(([e]) => e).join(' ');
const korean = PAIRS.map(([, k]) => k).join(' ');
const witness = garbleLine(korean);

describe('English sentence starts', () => {
  it('finds the ends of sentences but not of initials, titles or numbers', () => {
    const starts = englishSentenceStarts(english);
    expect(starts.map((at) => english.slice(at, at + 12))).toEqual([
      'Comrade Kim ',
      'He stressed ',
      'The Chinese ',
      'No. 3 of the',
      'Everyone agr',
    ]);
  });

  it('handles questions, quotes and brackets', () => {
    const text = 'Was it true? "Yes," he said. (He left.) Mr. Kim stayed. Then W. Ulbricht spoke.';
    expect(englishSentenceStarts(text).map((at) => text.slice(at, at + 5))).toEqual(['"Yes,', '(He l', 'Mr. K', 'Then ']);
  });
});

describe('witness sentence starts', () => {
  it('finds a period followed by a space, not a decimal point', () => {
    expect(witnessSentenceStarts('ab . cd 2.5 xx. y')).toEqual([5, 16]);
  });
});

describe('proposeSentenceRows', () => {
  it('pairs each English sentence with its garbled Korean sentence', () => {
    const cuts = proposeSentenceRows(english, witness);
    const rows = cutsToRows(english, witness, cuts);
    expect(rows).toEqual(PAIRS.map(([e, k]) => [e, garbleLine(k)]));
  });

  it('joins two English sentences against one witness sentence where the translator joined them', () => {
    const pairs: [string, string][] = [
      ['The talks lasted three hours. They were frank.', '회담은 세 시간 동안 솔직하게 진행되었다.'],
      ['The ambassador thanked the minister for the information and promised to report it to Berlin at once.', '대사는 정보에 대하여 상에게 사의를 표하고 즉시 베를린에 보고하겠다고 약속하였다.'],
      ['Comrade Puzanov agreed with this view completely.', '푸자노프 동지는 이 견해에 전적으로 동의하였다.'],
    ];
    const e = pairs.map(([x]) => x).join(' ');
    const w = garbleLine(pairs.map(([, k]) => k).join(' '));
    expect(cutsToRows(e, w, proposeSentenceRows(e, w))).toEqual(pairs.map(([x, k]) => [x, garbleLine(k)]));
  });

  it('proposes nothing for a single sentence on either side', () => {
    expect(proposeSentenceRows('One sentence only, and a long one at that.', witness)).toEqual([]);
    expect(proposeSentenceRows(english, 'xx lP')).toEqual([]);
  });

  it('proposes cuts in order, inside both texts, on the sample body', () => {
    const sampleWitness = 'xx 8 lP\\ t X \\ || YX X t | . xx lP\\ ( Y XX | . t tX \\ p \\X t t|0. xx @|1 1960D LeX | D D )8LD . l )8 @|1';
    const sampleEnglish = "I provided Comrade Puzanov with a translation of our [SED] Central Committee's communique. Comrade Puzanov gave me some oral information about the meeting of the CPSU Central Committee. In the further course of conversation we talked about the KWP's position. Comrade Puzanov told me that Kim Il Sung visited Beijing in May 1960 upon invitation by Mao Zedong. During his visit";
    const cuts = proposeSentenceRows(sampleEnglish, sampleWitness);
    expect(cuts.length).toBeGreaterThanOrEqual(3);
    // The 1960 visit is where both sides name it.
    expect(cuts.some((c) => sampleEnglish.slice(c.english).startsWith('Comrade Puzanov told') && sampleWitness.slice(c.witness).startsWith('xx @|1 1960D'))).toBe(true);
    cuts.reduce((prev, c) => (expect(c.english).toBeGreaterThan(prev.english), expect(c.witness).toBeGreaterThan(prev.witness), c), { english: 0, witness: 0 });
  });
});

describe('restorationCuts', () => {
  it('cuts a restoration where its sentences garble to the witness before each cut', () => {
    const cuts = proposeSentenceRows(english, witness);
    const at = restorationCuts(korean, witness, cuts.map((c) => c.witness))!;
    expect(at.map((i) => korean.slice(i, i + 4))).toEqual(PAIRS.slice(1).map(([, k]) => k.slice(0, 4)));
  });

  it('leaves a restoration whole when its sentences do not match the cuts', () => {
    expect(restorationCuts('김일성 동지는 말하였다', witness, [10, 20])).toBeNull();
  });
});

function cutsToRows(e: string, w: string, cuts: { english: number; witness: number }[]): [string, string][] {
  const eb = [0, ...cuts.map((c) => c.english), e.length];
  const wb = [0, ...cuts.map((c) => c.witness), w.length];
  return eb.slice(1).map((end, i) => [e.slice(eb[i], end).trim(), w.slice(wb[i], wb[i + 1]).trim()]);
}
