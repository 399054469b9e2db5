import { describe, expect, it } from 'vitest';
import { parseVerbEntry, verbForms } from './conjugate';
import { nounEndings } from './endings';
import { compose, decompose, finalTail, hasBatchim } from './hangul';

const forms = (entry: string): string[] => {
  const { lemma, cls } = parseVerbEntry(entry);
  return verbForms(lemma, cls).map((f) => f.text);
};

describe('hangul', () => {
  it('decomposes and recomposes syllables', () => {
    const j = decompose('한'.charCodeAt(0));
    expect(j).toEqual({ lead: 18, vowel: 0, tail: 4 });
    expect(compose({ lead: 18, vowel: 0, tail: 0 })).toBe('하');
  });

  it('knows which words end in a consonant', () => {
    expect(hasBatchim('당')).toBe(true);
    expect(hasBatchim('회의')).toBe(false);
    expect(finalTail('1960')).not.toBe(0);
  });
});

describe('particles', () => {
  it('choose their form by the 받침 of the noun', () => {
    const texts = (noun: string): string[] => nounEndings(noun).map((e) => e.text);
    expect(texts('당')).toEqual(expect.arrayContaining(['은', '이', '을', '과', '으로']));
    expect(texts('회의')).toEqual(expect.arrayContaining(['는', '가', '를', '와', '로']));
    expect(texts('조선로동당')).not.toContain('는');
    expect(texts('북경')).toContain('으로');
    expect(texts('서울')).toContain('로'); // ㄹ takes 로
    expect(texts('서울')).not.toContain('으로');
  });
});

describe('verb forms', () => {
  it('conjugate 하다 verbs in both written past forms', () => {
    expect(forms('평가하다')).toEqual(
      expect.arrayContaining([
        '평가하였다',
        '평가했다',
        '평가한다',
        '평가하는',
        '평가하고',
        '평가하여',
        '평가한',
        '평가할',
        '평가하며',
      ]),
    );
  });

  it('conjugate regular stems with vowel harmony and contraction', () => {
    expect(forms('먹다')).toEqual(expect.arrayContaining(['먹었다', '먹는다', '먹은', '먹으며']));
    expect(forms('가다')).toEqual(expect.arrayContaining(['갔다', '간다', '가며']));
    expect(forms('보다')).toEqual(expect.arrayContaining(['봤다', '보았다']));
    expect(forms('살다')).toEqual(expect.arrayContaining(['산다', '사는', '살며', '삶']));
  });

  it('follow the irregular classes the dictionary marks', () => {
    expect(forms('돕다:w')).toEqual(expect.arrayContaining(['도왔다', '도운', '도우며']));
    expect(forms('가깝다:bj')).toEqual(expect.arrayContaining(['가까웠다', '가까운']));
    expect(forms('듣다:d')).toEqual(expect.arrayContaining(['들었다', '들은']));
    expect(forms('짓다:s')).toEqual(expect.arrayContaining(['지었다', '지은']));
    expect(forms('흐르다:l')).toEqual(expect.arrayContaining(['흘렀다', '흐른다']));
    expect(forms('그렇다:hj')).toEqual(expect.arrayContaining(['그랬다', '그런']));
  });

  it('give descriptive verbs no 는 or ㄴ다 forms', () => {
    expect(forms('중요하다:j')).not.toContain('중요한다');
    expect(forms('중요하다:j')).toContain('중요한');
  });
});
