#!/usr/bin/env node
/**
 * Builds resources/lexicon/ko-lexicon.json from the hunspell Korean dictionary in
 * node_modules/dictionary-ko (GPL-3.0 data; see resources/lexicon/README.md).
 *
 *   node scripts/build-lexicon.mjs
 *
 * The .dic file stores words in decomposed jamo (NFD); we normalise to syllables (NFC).
 * We keep stems, not inflected forms: the engine combines stems with its own particles and
 * verb endings (shared/korean/endings.ts), so the index stays small. From the affix flags
 * we read only the word class and the conjugation class of each verb. Hunspell has no word
 * frequency, so each list is ordered by a cheap proxy computed here (see rankScore).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The package exports only its JS entry, so find its folder directly.
const pkgDir = join(root, 'node_modules', 'dictionary-ko');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const aff = readFileSync(join(pkgDir, 'index.aff'), 'utf8').split('\n');
const dic = readFileSync(join(pkgDir, 'index.dic'), 'utf8').normalize('NFC').split('\n').slice(1).filter(Boolean);
const version = (aff.find((l) => l.startsWith('VERSION ')) ?? '').slice(8).trim();

// AF lines alias flag sets; the first AF line is their count.
const flagSets = [[]];
let seenCount = false;
for (const line of aff) {
  if (!line.startsWith('AF ')) continue;
  if (!seenCount) {
    seenCount = true;
    continue;
  }
  flagSets.push(line.slice(3).split(',').map(Number));
}

const isSyllables = (w) => /^[\uac00-\ud7a3]+$/.test(w);
// The second flag of a verb's set names its conjugation class in this dictionary.
const CLASS = { 35: '', 37: 'b', 38: 'w', 36: 'd', 39: 's', 40: 'h', 41: 'h', 42: 'e', 43: 'l', 44: 'u' };
const PRE_INFLECTED = new Set(['1,17', '1,19', '1,21', '1,634', '1,635', '1,636', '15']);

const nouns = new Set();
const adverbs = new Set();
const verbs = new Map(); // lemma -> Set of class codes
for (const entry of dic) {
  const [word, flagIndex] = entry.split('/');
  if (!word || !isSyllables(word)) continue;
  const flags = flagIndex ? (flagSets[Number(flagIndex)] ?? []) : [];
  const key = flags.join(',');
  if (PRE_INFLECTED.has(key)) continue; // inflected forms (가결하여, 가결한, ...) or known misspellings (15)
  if (flags.includes(45) && word.endsWith('다')) {
    let cls = CLASS[flags[1]] ?? CLASS[flags[2]] ?? '';
    if (!flags.includes(195))
      cls += 'j'; // descriptive: no 는 / ㄴ다 forms
    else if (!flags.includes(294)) cls += 'n'; // 는 but no ㄴ다 (없다)
    if (!verbs.has(word)) verbs.set(word, new Set());
    verbs.get(word).add(cls);
  } else if (flags.includes(530) || flags.includes(532) || key === '') {
    nouns.add(word);
  } else if (key === '540') {
    adverbs.add(word);
  }
}

// Frequency proxy (hunspell has no frequencies). Three cheap signals from the dictionary
// itself: a noun that has derived entries (X하다, X되다, X적, ...) is a common Sino-Korean
// word; a stem that many compounds start with is productive; syllables that occur in many
// entries are common. Two-syllable stems are the norm; one-syllable nouns are often rare
// homographs (but one-syllable verb stems, 가다 보다 주다, are common).
const all = [...nouns, ...adverbs, ...[...verbs.keys()].map((v) => v.slice(0, -1))].sort();
const known = new Set([...nouns, ...adverbs, ...verbs.keys()]);
const syllableCount = new Map();
for (const w of all) for (const ch of w) syllableCount.set(ch, (syllableCount.get(ch) ?? 0) + 1);
function family(stem) {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid] < stem) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  for (let i = lo; i < all.length && all[i].startsWith(stem); i++) n++;
  return n - 1;
}
const DERIVATIONS = ['하다', '되다', '시키다', '적', '화', '성', '상', '자', '인', '력', '권', '원', '부', '회'];
function rankScore(stem, isVerb) {
  const len = stem.length;
  let syl = 0;
  for (const ch of stem) syl += Math.log(1 + (syllableCount.get(ch) ?? 0));
  syl /= len;
  let derived = 0;
  for (const d of DERIVATIONS) if (known.has(stem + d)) derived++;
  const fam = len >= 2 ? Math.log(1 + family(stem)) : 0;
  const lengthPenalty = len === 1 ? (isVerb ? 0 : 2) : len === 2 ? 0 : len === 3 ? 0.5 : 1 + 0.5 * (len - 4);
  return 0.9 * derived + 0.6 * fam + 0.3 * syl - lengthPenalty;
}
const score = (word, stem, isVerb) => (CORE.has(word) ? 100 : rankScore(stem, isVerb));
// Hunspell cannot know that a few grammatical words are the most frequent in any Korean
// text; this short list, written from general knowledge of Korean (not from any project
// text), is put first. Everything else is ordered by the proxy above.
const CORE = new Set(
  (
    '것 수 등 때 중 말 일 사람 나라 우리 그 이 저 자기 모든 여러 각 전 후 위 안 속 밖 앞 뒤 사이 동안 측 면 점 데 바 뿐 ' +
    '하다 있다 없다 되다 않다 보다 주다 같다 알다 오다 가다 받다 많다 크다 위하다 대하다 의하다 통하다 따르다 관하다 ' +
    '말하다 나가다 나오다 만들다 높다 다르다 새롭다 어렵다 그렇다 이렇다 아니다 아직 또 더 매우 가장 다시 함께 이미 곧 특히 또한 모두 그러나 그리고'
  ).split(' '),
);
const verbStem = (lemma) => lemma.slice(0, -1).replace(/(하|되|시키)$/, '') || lemma.slice(0, -1);
const ranked = (words, stemOf = (w) => w, isVerb = false) =>
  [...words]
    .map((w) => [w, score(w, stemOf(w), isVerb)])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);

const verbList = ranked([...verbs.keys()], verbStem, true).flatMap((lemma) =>
  [...verbs.get(lemma)].map((cls) => (cls ? `${lemma}:${cls}` : lemma)),
);
const lexicon = {
  format: 'interlinea-ko-lexicon/1',
  source: {
    package: `dictionary-ko@${pkg.version}`,
    dictionary: version,
    license: 'GPL-3.0-or-later (combined dictionary data)',
  },
  note: 'Lists are space-separated and ordered by a frequency proxy (most likely first). Verbs: lemma[:class], class letters: b ㅂ→워, w ㅂ→와, d ㄷ, s ㅅ, h ㅎ, e 러, l 르, u 우; j descriptive (no 는/ㄴ다), n no ㄴ다.',
  nouns: ranked(nouns).join(' '),
  verbs: verbList.join(' '),
  adverbs: ranked(adverbs).join(' '),
};
const outDir = join(root, 'resources', 'lexicon');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'ko-lexicon.json'), `${JSON.stringify(lexicon, null, 1)}\n`);
console.log(`ko-lexicon.json: ${nouns.size} nouns, ${verbList.length} verbs, ${adverbs.size} adverbs`);
