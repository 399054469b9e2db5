/**
 * The Korean lexicon index shipped in resources/lexicon (built from dictionary-ko
 * by scripts/build-lexicon.mjs), read once per process.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LexiconData } from '../../shared/korean/lexicon';
import { resourcesDir } from '../paths';

let loading: Promise<LexiconData> | null = null;

/** The lexicon data, read and parsed on first use. */
export function loadLexicon(): Promise<LexiconData> {
  loading ??= readFile(join(resourcesDir(), 'lexicon', 'ko-lexicon.json'), 'utf8').then(
    (text) => JSON.parse(text) as LexiconData,
    (err: Error) => {
      loading = null;
      throw new Error(`The Korean lexicon could not be read: ${err.message}`);
    },
  );
  return loading;
}
