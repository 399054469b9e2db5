/**
 * The Korean word model shipped in resources/korean (built from public corpora by
 * scripts/build-korean-model.mjs): read and parsed once per process, on first use.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KOREAN_MODEL_TABLES, parseKoreanModel, type KoreanModel, type KoreanModelFiles } from '../../shared/korean/model';
import { resourcesDir } from '../paths';

let loading: Promise<KoreanModel> | null = null;

/** Reads and parses the model's tables from `dir`; throws an Error naming the file that is missing or wrong. */
export async function readKoreanModel(dir: string): Promise<KoreanModel> {
  const texts = await Promise.all(
    KOREAN_MODEL_TABLES.map((table) =>
      readFile(join(dir, `${table}.tsv`), 'utf8').catch((err: Error) => {
        throw new Error(`The Korean word model could not be read (${table}.tsv): ${err.message}`);
      }),
    ),
  );
  const files = Object.fromEntries(KOREAN_MODEL_TABLES.map((t, i) => [t, texts[i] ?? ''])) as KoreanModelFiles;
  return parseKoreanModel(files);
}

/** The shipped model, read on first use (a failed read is retried on the next call). */
export function loadKoreanModel(): Promise<KoreanModel> {
  loading ??= readKoreanModel(join(resourcesDir(), 'korean')).catch((err: Error) => {
    loading = null;
    throw err;
  });
  return loading;
}
