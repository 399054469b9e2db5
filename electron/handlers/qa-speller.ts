/**
 * The English spelling dictionary of the quality checks: the hunspell en_US
 * dictionary of the `dictionary-en` package (MIT AND BSD; SCOWL word lists),
 * read from node_modules when first needed (never downloaded), spoken through
 * `nspell` (MIT). Loading takes about 0.3 s; the speller is kept for the process.
 */
// The declaration travels with this file: the renderer's typecheck also reaches it (through shared/qa's tests).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./nspell.d.ts" />
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import type { Speller } from '../../shared/qa';

/** The folder of the dictionary-en package, found above this file (sources, out/main, out/cli). */
export function englishDictionaryDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'node_modules', 'dictionary-en');
    if (existsSync(join(candidate, 'index.dic'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`The English dictionary (the dictionary-en package) was not found above ${__dirname}: run npm install`);
}

let loading: Promise<Speller> | null = null;

/** The English speller, loaded once per process. */
export function englishSpeller(): Promise<Speller> {
  loading ??= (async () => {
    const dir = englishDictionaryDir();
    const [aff, dic] = await Promise.all([readFile(join(dir, 'index.aff')), readFile(join(dir, 'index.dic'))]);
    const spell = nspell(aff, dic);
    return { correct: (word: string) => spell.correct(word) };
  })();
  loading.catch(() => (loading = null));
  return loading;
}
