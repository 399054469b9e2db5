import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KOREAN_MODEL_TABLES, parseKoreanModel, type KoreanModelFiles } from './model';
import { fixtureModel } from './testdata/model-fixture';
import { englishStem } from './english';

describe('parseKoreanModel', () => {
  it('reads counts, stems with their class, ending probabilities per kind, bigrams and English associations', () => {
    const m = parseKoreanModel(fixtureModel);
    expect(m.forms.get('영화')).toBe(5000);
    expect(m.total).toBe(5000 + 900 + 100 + 40 + 300 + 200 + 150 + 4000 + 60 + 30 + 200000);
    expect(m.stems.get('회담하다')?.[0]).toMatchObject({ kind: 'verb', count: 60 });
    expect(m.stems.get('평화')?.[0]).toMatchObject({ kind: 'noun', count: 150 });
    expect(m.endings.get('n:을')).toBeCloseTo(2000 / 9300);
    expect(m.endings.get('v:었다')).toBeCloseTo(0.5);
    expect(m.bigrams.get('평화를 위하여')).toBe(3.2);
    expect(m.english.get(englishStem('peace'))).toEqual([['평화', 0.9]]);
  });

  it('rejects a file that is not a model table, naming the table and what it found', () => {
    const wrong = { ...fixtureModel, stems: '{"format":"interlinea-ko-lexicon/1"}' };
    expect(() => parseKoreanModel(wrong)).toThrow(/stems\.tsv.*expected a file starting with "#interlinea-ko-model\/1 stems"/);
    const swapped = { ...fixtureModel, words: fixtureModel.bigrams };
    expect(() => parseKoreanModel(swapped)).toThrow(/words\.tsv/);
  });

  it('rejects a table with a count that is not a number or a missing field', () => {
    expect(() => parseKoreanModel({ ...fixtureModel, words: '#interlinea-ko-model/1 words\n영화\tmany\n' })).toThrow(
      /'many' is not a number/,
    );
    expect(() => parseKoreanModel({ ...fixtureModel, bigrams: '#interlinea-ko-model/1 bigrams\n평화를\t위하여\n' })).toThrow(
      /line 2 has 2 fields, expected 3/,
    );
  });

  it('parses the head of every table the build script wrote into resources/korean', () => {
    const dir = join(__dirname, '../../resources/korean');
    const heads = Object.fromEntries(
      KOREAN_MODEL_TABLES.map((t) => [t, readFileSync(join(dir, `${t}.tsv`), 'utf8').split('\n').slice(0, 400).join('\n')]),
    ) as KoreanModelFiles;
    const m = parseKoreanModel(heads);
    expect(m.forms.size).toBeGreaterThan(300);
    expect(m.stems.size).toBeGreaterThan(300);
    expect([...m.endings.keys()].some((k) => k.startsWith('v:'))).toBe(true);
    expect(m.bigrams.size).toBeGreaterThan(300);
    expect([...m.english.values()].every((list) => list.every(([ko, w]) => ko.length > 0 && w > 0 && w <= 1))).toBe(true);
  });
});
