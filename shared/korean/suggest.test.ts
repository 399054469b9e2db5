import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSuggester } from './suggest';
import { garble } from './garble';
import { parseLexicon, type LexiconData } from './lexicon';
import { testGlossary } from './testdata/glossary';

const lexicon = JSON.parse(
  readFileSync(join(__dirname, '../../resources/lexicon/ko-lexicon.json'), 'utf8'),
) as LexiconData;
const suggester = createSuggester({ lexicon, glossary: testGlossary });

describe('the lexicon data', () => {
  it('parses into tens of thousands of nouns and verbs with conjugation classes', () => {
    const { sizes, words } = parseLexicon(lexicon);
    expect(sizes.noun).toBeGreaterThan(30000);
    expect(sizes.verb).toBeGreaterThan(10000);
    expect(words.find((w) => w.text === '돕다')?.cls?.irregular).toBe('w');
  });

  it('rejects data that is not a lexicon', () => {
    expect(() => parseLexicon({ nouns: 'a' })).toThrow(/not a Korean lexicon/);
  });
});

describe('suggest', () => {
  it('offers words whose garble is exactly the token first, then words that explain a prefix of it', () => {
    for (const token of ['lP\\', 'xx', 'p \\X', 'X', 'Tm', '@|1']) {
      const found = suggester.suggest(token, { limit: 20 });
      expect(found.length).toBeGreaterThan(0);
      let full = true;
      for (const s of found) {
        if (s.explains === token.length) {
          expect(full, `${token}: a full match after a partial one`).toBe(true);
          expect(garble(s.text), `${token} → ${s.text}`).toBe(token);
        } else {
          full = false;
          expect(token.startsWith(garble(s.text)), `${token} → ${s.text}`).toBe(true);
          expect(s.explains).toBe(garble(s.text).length);
        }
      }
    }
  });

  it('ranks a glossary name first when its garble is the token', () => {
    expect(suggester.suggest('@|1')[0]).toMatchObject({ text: '김일성', source: 'glossary' });
    expect(suggester.suggest('xx')[0]?.text).toBe('푸자노프');
  });

  it('offers both spellings of a name the glossary knows, each where its garble fits', () => {
    expect(suggester.suggest('p \\X')[0]?.text).toBe('조선로동당의');
    expect(suggester.suggest('p x')[0]?.text).toBe('조선노동당');
  });

  it('combines stems with particles and verb endings, reporting the split', () => {
    const found = suggester.suggest('lP\\', { limit: 20 });
    expect(found.find((s) => s.text === '구두로')).toMatchObject({ stem: '구두', ending: '로', source: 'lexicon' });
    const small = createSuggester({
      lexicon: { format: 'interlinea-ko-lexicon/1', nouns: '연구', verbs: '요구하다 돕다:w', adverbs: '' },
    });
    expect(small.suggest(garble('요구하였다')).find((s) => s.text === '요구하였다')).toMatchObject({
      stem: '요구하다',
      ending: '하였다',
    });
    expect(small.suggest(garble('연구의')).find((s) => s.text === '연구의')).toMatchObject({
      stem: '연구',
      ending: '의',
    });
    expect(small.suggest(garble('도왔다')).map((s) => s.text)).toContain('도왔다');
  });

  it('treats a name in the aligned English as strong evidence, even when the Korean leaves no trace', () => {
    const withoutContext = suggester.suggest('', { limit: 5 });
    expect(withoutContext).toEqual([]);
    const token = garble('박금철이'); // 박금철 vanishes; 이 keeps t
    const plain = suggester.suggest(token, { limit: 5 }).map((s) => s.text);
    expect(plain).not.toContain('박금철이');
    const hinted = suggester.suggest(token, { limit: 5, context: { english: 'Pak Kum-chol stressed the friendship' } });
    expect(hinted[0]?.text).toBe('박금철이');
  });

  it('learns from text already restored in the project', () => {
    const token = garble('립장을');
    const before = createSuggester({ lexicon })
      .suggest(token, { limit: 10 })
      .map((s) => s.text);
    expect(before).not.toContain('립장을');
    const after = createSuggester({ lexicon, corpus: ['그들의 립장을 지지한다. 우리의 립장은 같다.'] }).suggest(token, {
      limit: 3,
    });
    expect(after[0]).toMatchObject({ text: '립장을', source: 'project' });
  });

  it('uses the restored words around the token', () => {
    const s = createSuggester({ corpus: ['회의 결정을 주의 깊게 보았다.', '주의 깊게 읽었다. 회의 결정이다.'] });
    expect(garble('회의')).toBe(garble('주의'));
    expect(s.suggest('X', { context: { after: '깊게' } })[0]?.text).toBe('주의');
    expect(s.suggest('X', { context: { after: '결정을' } })[0]?.text).toBe('회의');
  });

  it('reads a token with spaces as one word or as several', () => {
    const corpusOnly = createSuggester({ corpus: ['김일성 동지는 최용건 동지와 회담하였다.'] });
    const found = corpusOnly.suggest(garble('김일성 최용건'), { limit: 5 });
    expect(found[0]?.text).toBe('김일성 최용건');
  });

  it('reports partial candidates with how much of the token they explain', () => {
    const s = createSuggester({ corpus: ['구두로'] }).suggest('lP\\Q', { limit: 5 });
    expect(s[0]).toMatchObject({ text: '구두로', explains: 3 });
  });
});

describe('a suggester learning in place (update)', () => {
  const first = ['그들의 립장을 지지한다. 우리의 립장은 같다.', '김일성 동지는 최용건 동지와 회담하였다.'];
  const second = ['회의 결정을 주의 깊게 보았다.', '주의 깊게 읽었다. 회의 결정이다.'];
  const tokens = ['X', garble('립장을'), garble('김일성 최용건'), garble('동지는'), 'xx', 'p \\X', 'lP\\Q'];
  const answers = (s: { suggest: (t: string, o?: object) => unknown[] }): unknown[] =>
    tokens.flatMap((t) => [s.suggest(t, { limit: 8 }), s.suggest(t, { limit: 8, context: { after: '깊게', english: 'Kim Il Sung' } })]);

  it('answers as a suggester built from scratch over the new corpus and glossary', () => {
    const learning = createSuggester({ lexicon, glossary: testGlossary.slice(0, 3), corpus: first });
    const v0 = learning.version;
    learning.update({ remove: [first[0] ?? ''], add: second, glossary: testGlossary });
    expect(learning.version).toBe(v0 + 1);
    expect(answers(learning)).toEqual(answers(createSuggester({ lexicon, glossary: testGlossary, corpus: [first[1] ?? '', ...second] })));
  });

  it('forgets a word whose every use was removed, and learns it back when it returns', () => {
    const token = garble('립장을');
    const s = createSuggester({ lexicon, corpus: first });
    expect(s.suggest(token, { limit: 3 })[0]).toMatchObject({ text: '립장을', source: 'project' });
    s.update({ remove: [first[0] ?? ''] });
    expect(s.suggest(token, { limit: 10 }).map((x) => x.text)).not.toContain('립장을');
    s.update({ add: [first[0] ?? ''] });
    expect(s.suggest(token, { limit: 3 })[0]).toMatchObject({ text: '립장을', source: 'project' });
  });
});
