import { describe, expect, it } from 'vitest';
import { createSuggester } from './suggest';
import { garbleLine } from './garble';
import { parseKoreanModel } from './model';
import { fixtureModel } from './testdata/model-fixture';

const model = parseKoreanModel(fixtureModel);
const texts = (list: { text: string }[]): string[] => list.map((s) => s.text);

describe('suggest with a word model', () => {
  it('ranks the more frequent word first when nothing else is known', () => {
    expect(garbleLine('평화')).toBe(garbleLine('영화'));
    const found = texts(createSuggester({ model }).suggest('T'));
    expect(found[0]).toBe('영화');
    expect(found.indexOf('평화')).toBeGreaterThan(0);
  });

  it('puts a candidate the aligned English proposes above a more frequent one', () => {
    const s = createSuggester({ model });
    const found = s.suggest('T', { context: { english: 'Both sides spoke of peace.' } });
    expect(found[0]?.text).toBe('평화');
    expect(found[0]?.logp).toBeGreaterThan(found.find((x) => x.text === '영화')?.logp ?? 0);
  });

  it('generates stem + particle forms the corpora never wrote, with the right allomorph', () => {
    const s = createSuggester({ model });
    expect(model.forms.has('통일을')).toBe(false);
    const found = s.suggest(garbleLine('통일을'), { limit: 20 });
    expect(found.find((x) => x.text === '통일을')).toMatchObject({ stem: '통일', ending: '을' });
    expect(texts(s.suggest(garbleLine('영화를'), { limit: 20 }))).toContain('영화를');
  });

  it('offers North and South Korean spellings each where its garble fits, never normalising', () => {
    const s = createSuggester({ model });
    expect(texts(s.suggest(garbleLine('로동당의'), { limit: 20 }))).toContain('로동당의');
    expect(texts(s.suggest(garbleLine('노동당의'), { limit: 20 }))).toContain('노동당의');
    expect(texts(s.suggest(garbleLine('로동의'), { limit: 20 }))).toContain('로동의');
    expect(texts(s.suggest(garbleLine('노동의'), { limit: 20 }))).toContain('노동의');
  });

  it('lets the project cache outweigh the corpora, and grows it with confirmed words', () => {
    const before = createSuggester({ model }).suggest('T')[0];
    const after = createSuggester({ model, corpus: ['우리는 평화를 지킨다. 평화'] }).suggest('T')[0];
    expect(before?.text).toBe('영화');
    expect(after?.text).toBe('평화');
  });

  it('gives logp on one scale across calls and sums it over a token read as several words', () => {
    const s = createSuggester({ model });
    const a = s.suggest('T')[0]?.logp ?? 0;
    const b = s.suggest(garbleLine('통일'))[0]?.logp ?? 0;
    expect(a).toBeLessThan(0);
    expect(b).toBeLessThan(0);
    expect(Number.isFinite(a + b)).toBe(true);
    expect(s.suggest('T')[0]?.logp).toBe(a);
  });

  it('answers bigram(prev, next) from the model and from the project text, 0 when unknown', () => {
    const s = createSuggester({ model, corpus: ['김일성 동지는 말하였다', '김일성 동지는 웃었다'] });
    expect(s.bigram('평화를', '위하여')).toBeCloseTo(3.2);
    expect(s.bigram('김일성', '동지는')).toBeGreaterThan(0);
    expect(s.bigram('영화', '통일')).toBe(0);
  });

  it('lists words that vanish from the witness, the English lifting the one it names', () => {
    const s = createSuggester({ model });
    const plain = s.vanishing({}, 5);
    expect(plain.every((x) => garbleLine(x.text) === '' && x.explains === 0)).toBe(true);
    expect(plain[0]?.text).toBe('동지');
    const withEnglish = s.vanishing({ english: 'The embassy was told.' }, 5);
    expect(withEnglish[0]?.text).toBe('대사관');
  });
});
