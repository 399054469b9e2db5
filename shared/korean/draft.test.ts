import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { draftLine, draftLines, DRAFT_GAP, type DraftLine } from './draft';
import { check } from './check';
import { garbleLine } from './garble';
import { createSuggester, type Suggester, type Suggestion } from './suggest';
import { LEXICON_FORMAT, type LexiconData } from './lexicon';
import type { GlossaryEntry } from './types';

const NOUNS = [
  '조선로동당',
  '중앙위원회',
  '인민경제',
  '회의',
  '조국',
  '평화',
  '통일',
  '인민',
  '군대',
  '조선',
  '로동자',
  '농민',
  '대사관',
  '정보',
  '문서',
  '경제',
  '계획',
  '사업',
  '동지',
];
const VERBS = ['하다', '말하다', '제공하다', '토의하다', '설명하다'];

/** A small lexicon: the words the random texts are made of, and nothing else. */
const lexicon: LexiconData = {
  format: LEXICON_FORMAT,
  nouns: NOUNS.join(' '),
  verbs: VERBS.join(' '),
  adverbs: '매우 또한',
};

const glossary: GlossaryEntry[] = [
  { id: 'kim', en: 'Kim Il Sung', variants: [], ko: ['김일성'], type: 'person', note: '' },
  { id: 'puzanov', en: 'Puzanov', variants: [], ko: ['푸자노프'], type: 'person', note: '' },
];

const small = createSuggester({ lexicon, glossary });

/** Every way a draft could fail to fit its witness, as readable strings (empty when it fits). */
function misfits(draft: DraftLine, witness: string): string[] {
  const out: string[] = [];
  const collapsed = witness.replace(/\s+/g, ' ').trim();
  const r = check(draft.text, [collapsed], { wildcard: DRAFT_GAP });
  for (const c of r.contradictions) out.push(`contradiction at ${c.offset}: ${c.text} (${c.reason})`);
  if (!draft.words.some((w) => w.undecided) && garbleLine(draft.text) !== collapsed)
    out.push(`garble ${JSON.stringify(garbleLine(draft.text))} ≠ witness ${JSON.stringify(collapsed)}`);
  // The words account for the witness, token run by token run, in order.
  const covered = draft.words
    .map((w) => w.witness)
    .filter((w) => w !== '')
    .join(' ');
  if (covered !== collapsed) out.push(`words cover ${JSON.stringify(covered)}, not the witness`);
  for (const w of draft.words) {
    if (!w.undecided && w.witness && garbleLine(w.text) !== w.witness)
      out.push(`${w.text} does not leave ${w.witness}`);
    if (!w.undecided && !w.witness && garbleLine(w.text) !== '') out.push(`vanished word ${w.text} leaves a trace`);
    if (w.confidence < 0 || w.confidence > 1) out.push(`confidence ${w.confidence}`);
    if (w.alternatives.length > 8 || w.alternatives.includes(w.text)) out.push(`alternatives of ${w.text}`);
  }
  const text = draft.words.map((w) => (w.undecided ? DRAFT_GAP : w.text)).join(' ');
  if (text !== draft.text) out.push('text is not the words joined');
  return out;
}

const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
const knownWord = fc
  .tuple(
    fc.constantFrom(...NOUNS, '김일성', '푸자노프'),
    fc.constantFrom('', '의', '는', '을', '를', '에서', '과', '와'),
  )
  .map(([n, e]) => n + e);
const verb = fc.constantFrom('하였다', '말하였다', '제공하였다', '토의하였다', '설명하였다');
const randomWord = fc.array(syllable, { minLength: 1, maxLength: 5 }).map((s) => s.join(''));
const number = fc.integer({ min: 0, max: 2000 }).map(String);
const word = fc.oneof(
  { weight: 6, arbitrary: knownWord },
  { weight: 2, arbitrary: verb },
  { weight: 2, arbitrary: randomWord },
  { weight: 1, arbitrary: number },
);
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 14 }), fc.constantFrom('', '.', ',', '?'))
  .map(([ws, end]) => ws.join(' ') + end);

describe('draftLine', () => {
  it('drafts every line of random Korean so that it fits its witness', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 3 }), (sentences) => {
        const witness = garbleLine(sentences.join(' '));
        const draft = draftLine(witness, small);
        expect(misfits(draft, witness)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('drafts any printable witness, even one no Korean could leave, without a contradiction', () => {
    const printable = fc.array(
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      {
        maxLength: 60,
      },
    );
    fc.assert(
      fc.property(printable, (chars) => {
        const witness = chars.join('');
        expect(misfits(draftLine(witness, small), witness)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('drafts a line of words the glossary and lexicon know, each with a trace of its own, exactly', () => {
    const truth = '김일성 조국 평화 푸자노프 인민경제의';
    const draft = draftLine(garbleLine(truth), small);
    expect(draft.text).toBe(truth);
    expect(draft.words.map((w) => w.source)).toEqual(['glossary', 'lexicon', 'lexicon', 'glossary', 'lexicon']);
    expect(draft.words.every((w) => !w.undecided && w.confidence > 0)).toBe(true);
  });

  it('drafts a word whose garble holds a space (조선로동당의 → `p \\X`) as one word', () => {
    const draft = draftLine('p \\X Y', small);
    expect(draft.words[0]).toMatchObject({ text: '조선로동당의', witness: 'p \\X', undecided: false });
    expect(draft.text).toBe('조선로동당의 중앙위원회');
  });

  it('lets the English decide between two names that leave the same trace', () => {
    const names: GlossaryEntry[] = [
      { id: 'bucharest', en: 'Bucharest', variants: [], ko: ['부카레스트'], type: 'place', note: '' },
      { id: 'kaga', en: 'Kaga', variants: [], ko: ['카가'], type: 'place', note: '' },
    ];
    const s = createSuggester({ glossary: names });
    expect(garbleLine('부카레스트')).toBe(garbleLine('카가'));
    const toBucharest = draftLine('t', s, { english: 'He returned from the Bucharest meeting.' });
    const toKaga = draftLine('t', s, { english: 'He returned from Kaga.' });
    expect(toBucharest.text).toBe('부카레스트');
    expect(toKaga.text).toBe('카가');
    expect(toBucharest.words[0]?.alternatives).toContain('카가');
    expect(toKaga.words[0]?.alternatives).toContain('부카레스트');
  });

  it('gives an empty draft for an empty or blank witness', () => {
    for (const w of ['', '   ', '\t \t'])
      expect(draftLine(w, small)).toEqual({ words: [], text: '' } satisfies DraftLine);
  });

  it('copies digits, dates and the Latin text the English confirms', () => {
    const english = 'Archival signature: SAPMO-BA, DY 30, IV 2/20/137';
    const draft = draftLine('8 : SAPMO-BA, DY 30, IV 2/20/137', small, { english });
    expect(misfits(draft, '8 : SAPMO-BA, DY 30, IV 2/20/137')).toEqual([]);
    const copied = draft.words.filter((w) => w.source === 'witness').map((w) => w.text);
    expect(copied).toEqual(expect.arrayContaining(['SAPMO-BA,', 'DY', '30,', 'IV', '2/20/137']));
    expect(draftLine('1960D 8 30|', small).text).toBe('1960년 8월 30일');
  });

  it('leaves a token nothing explains undecided, as a placeholder that absorbs it', () => {
    const draft = draftLine('@|1 ~~~ @|1', small);
    expect(draft.text).toBe(`김일성 ${DRAFT_GAP} 김일성`);
    expect(draft.words[1]).toMatchObject({ text: '', witness: '~~~', undecided: true, confidence: 0 });
    expect(misfits(draft, '@|1 ~~~ @|1')).toEqual([]);
  });
});

/** A suggester over a fixed table, to test the search itself: every part of it is explicit. */
function tableSuggester(
  words: Record<string, [string, number][]>,
  vanishing: [string, number][],
  bigrams: Record<string, number> = {},
): Suggester {
  const suggestion = (text: string, logp: number): Suggestion => ({
    text,
    garble: garbleLine(text),
    source: 'lexicon',
    score: logp,
    logp,
    explains: garbleLine(text).length,
  });
  return {
    size: 0,
    suggest: (token, options) => (words[token] ?? []).map(([t, p]) => suggestion(t, p)).slice(0, options?.limit ?? 10),
    bigram: (prev, next) => bigrams[`${prev} ${next}`] ?? 0,
    vanishing: (_context, limit) => vanishing.map(([t, p]) => suggestion(t, p)).slice(0, limit ?? 10),
  };
}

describe('draftLine with a word model', () => {
  it('ends a sentence whose last word vanished with a vanished word carrying the full stop', () => {
    // 제공하였다 → `X`; 제공했다 vanishes, so `| .` reads 정보를 제공했다.
    const s = tableSuggester({ '|': [['정보를', -4]] }, [
      ['제공했다', -5],
      ['동지', -7],
    ]);
    const draft = draftLine('| .', s);
    expect(draft.text).toBe('정보를 제공했다.');
    expect(draft.words[1]).toMatchObject({ text: '제공했다.', witness: '.', alternatives: ['동지.'] });
  });

  it('inserts a vanished word between two tokens only when the bigrams make it worth it', () => {
    const words: Record<string, [string, number][]> = { '|': [['정보를', -4]], X: [['회의', -4]] };
    const without = draftLine('| X', tableSuggester(words, [['동지', -7]]));
    expect(without.text).toBe('정보를 회의');
    const withBigrams = draftLine('| X', tableSuggester(words, [['동지', -7]], { '정보를 동지': 5, '동지 회의': 5 }));
    expect(withBigrams.text).toBe('정보를 동지 회의');
    expect(withBigrams.words[1]).toMatchObject({ text: '동지', witness: '', undecided: false });
  });

  it('chooses between candidates by their bigram with the word before', () => {
    const words: Record<string, [string, number][]> = {
      '|': [['정보를', -4]],
      X: [
        ['회의', -3],
        ['제공하였다', -4],
      ],
    };
    expect(draftLine('| X', tableSuggester(words, [])).text).toBe('정보를 회의');
    expect(draftLine('| X', tableSuggester(words, [], { '정보를 제공하였다': 3 })).text).toBe('정보를 제공하였다');
  });

  it('never offers a suggestion whose garble does not fit, whatever the suggester returns', () => {
    const s = tableSuggester(
      {
        X: [
          ['김일성', -1],
          ['회의', -5],
        ],
      },
      [['평양이', -2]],
    );
    const draft = draftLine('X', s);
    expect(draft.text).toBe('회의');
    expect(draft.words.flatMap((w) => w.alternatives)).not.toContain('김일성');
  });
});

describe('draftLines', () => {
  it('drafts each line with its own English, or all with one text', () => {
    const names: GlossaryEntry[] = [
      { id: 'bucharest', en: 'Bucharest', variants: [], ko: ['부카레스트'], type: 'place', note: '' },
      { id: 'kaga', en: 'Kaga', variants: [], ko: ['카가'], type: 'place', note: '' },
    ];
    const s = createSuggester({ glossary: names });
    expect(draftLines(['t', 't', ''], s, { english: ['Bucharest', 'Kaga', ''] }).map((l) => l.text)).toEqual([
      '부카레스트',
      '카가',
      '',
    ]);
    expect(draftLines(['t', 't'], s, { english: 'Kaga' }).map((l) => l.text)).toEqual(['카가', '카가']);
  });
});
