#!/usr/bin/env node
/**
 * Builds the Korean word model in resources/korean/ from the public corpora in
 * ../shared/corpora/korean (see resources/korean/README.md for sources and licences):
 *
 *   node --import tsx scripts/build-korean-model.mjs [CORPORA_DIR]
 *
 * (tsx lets this script use the engine's own particle, verb-ending and English-key rules
 * from shared/korean, so the tables count exactly what the suggester generates.)
 *
 * Tables, tab-separated, each opening with `#interlinea-ko-model/1 <table>`:
 *   words.tsv    word form → blended count (per 10^8 words)
 *   stems.tsv    lemma, word class (n, a, v+conjugation class), blended count over its forms
 *   endings.tsv  kind (n, v, a), particle or ending label, blended count
 *   bigrams.tsv  prev, next, log P(next|prev) − log P(next) (pruned)
 *   english.tsv  English stem → Korean lemmas with association weights (pruned)
 * Counts only: no sentence of any corpus is written. Held-out sentences (see
 * shared/korean/testdata/held-out.ts) are skipped everywhere, so the benchmark measures on
 * unseen text. Not run by CI: its outputs are committed.
 */
import { Buffer } from 'node:buffer';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verbForms } from '../shared/korean/conjugate.ts';
import { parseVerbEntry } from '../shared/korean/conjugate.ts';
import { nounEndings, ADVERB_ENDINGS } from '../shared/korean/endings.ts';
import { englishKeys } from '../shared/korean/english.ts';
import { isHeldOut } from '../shared/korean/testdata/held-out.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpora = process.argv[2] ?? join(root, '..', 'shared', 'corpora', 'korean');
const out = join(root, 'resources', 'korean');
const HANJA = '/usr/share/libhangul/hanja/hanja.txt';
const FORMAT = 'interlinea-ko-model/1';
if (!existsSync(join(corpora, 'README.md'))) {
  console.error(`corpora not found at ${corpora} (pass the folder as the first argument)`);
  process.exit(1);
}

/** Mixture weights of the sources in the word counts: the addresses are closest to the archive's prose. */
const WEIGHTS = { addresses: 0.5, parallel: 0.35, subtitles: 0.15 };
const SCALE = 1e8;

const isHangul = (w) => /^[\uac00-\ud7a3]+$/.test(w);
const EDGE = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;
/** Words of a line: edge punctuation stripped, Hangul-only words kept, others break the sequence (null). */
function wordsOf(line) {
  return line
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => {
      const w = raw.replace(EDGE, '');
      return isHangul(w) ? w : null;
    });
}
const read = (...p) => readFileSync(join(corpora, ...p), 'utf8');
const lines = (text) => text.split(/\r?\n/);

// --- Sources -----------------------------------------------------------------------------

/** The addresses without the South Korean editorial preface (`해 제` ... up to `원 문`). */
function addressText(text) {
  const ls = lines(text);
  const start = ls.findIndex((l) => l.trim() === '해 제');
  if (start < 0) return ls;
  const end = ls.findIndex((l, i) => i > start && l.trim() === '원 문');
  if (end < 0) throw new Error('a preface without its end marker 원 문');
  return [...ls.slice(0, start), ...ls.slice(end + 1)];
}
const addressDir = join(corpora, 'nk-new-year-addresses');
const addressLines = readdirSync(addressDir)
  .filter((f) => /^\d{4}\.txt$/.test(f))
  .sort()
  .flatMap((f) => addressText(readFileSync(join(addressDir, f), 'utf8')));

const PARALLEL = [
  ['northkorean-english.dev', 'nk'],
  ['northkorean-english.test', 'nk'],
  ['korean-english-park.dev', 'ko'],
  ['korean-english-park.test', 'ko'],
  ['jhe-koen-dev', 'ko'],
  ['jhe-koen-eval', 'ko'],
];
/** Training sentence pairs [korean, english] (held-out lines skipped). */
const pairs = [];
let heldOut = 0;
for (const [stem, ko] of PARALLEL) {
  const k = lines(read('korean-parallel-corpora', `${stem}.${ko}`));
  const e = lines(read('korean-parallel-corpora', `${stem}.en`));
  for (let i = 0; i < Math.min(k.length, e.length); i++) {
    if (!k[i]?.trim()) continue;
    if (isHeldOut(stem, i)) {
      heldOut++;
      continue;
    }
    pairs.push([k[i], e[i]]);
  }
}

const subtitles = new Map();
for (const line of lines(read('frequency-words', 'ko_50k_2018.txt'))) {
  const [w, c] = line.trim().split(/\s+/);
  if (w && isHangul(w) && Number(c) > 0) subtitles.set(w, (subtitles.get(w) ?? 0) + Number(c));
}

const kengdic = lines(read('kengdic-ezcorean', 'ezcorean_6000.tsv'))
  .map((l) => l.split('\t'))
  .filter(([ko, en]) => ko && en && isHangul(ko.trim()))
  .map(([ko, en]) => [ko.trim(), en]);

const lexicon = JSON.parse(readFileSync(join(root, 'resources', 'lexicon', 'ko-lexicon.json'), 'utf8'));
const hanja = existsSync(HANJA)
  ? new Set(
      lines(readFileSync(HANJA, 'utf8'))
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.split(':')[0])
        .filter((w) => w && w.length >= 2 && isHangul(w)),
    )
  : new Set();

// --- Word counts ---------------------------------------------------------------------------

function countLines(ls) {
  const forms = new Map();
  const bigrams = new Map();
  let total = 0;
  for (const line of ls) {
    let prev = null;
    for (const w of wordsOf(line)) {
      if (w) {
        forms.set(w, (forms.get(w) ?? 0) + 1);
        total++;
        if (prev) bigrams.set(`${prev} ${w}`, (bigrams.get(`${prev} ${w}`) ?? 0) + 1);
      }
      prev = w;
    }
  }
  return { forms, bigrams, total };
}
const addresses = countLines(addressLines);
const parallel = countLines(pairs.map(([k]) => k));
const subTotal = [...subtitles.values()].reduce((a, b) => a + b, 0);

const blended = new Map();
const addShare = (forms, total, weight) => {
  for (const [w, c] of forms) blended.set(w, (blended.get(w) ?? 0) + (weight * c) / total);
};
addShare(addresses.forms, addresses.total, WEIGHTS.addresses);
addShare(parallel.forms, parallel.total, WEIGHTS.parallel);
addShare(subtitles, subTotal, WEIGHTS.subtitles);
const words = new Map();
for (const [w, p] of blended) {
  const n = Math.round(p * SCALE);
  if (n >= 1) words.set(w, n);
}

// --- Stems and endings ----------------------------------------------------------------------

const nouns = new Set([...lexicon.nouns.split(' '), ...hanja]);
const adverbs = new Set(lexicon.adverbs.split(' '));
/** Verb form → analyses {lemma, code, slot}. */
const verbMap = new Map();
for (const entry of lexicon.verbs.split(' ')) {
  const { lemma, cls } = parseVerbEntry(entry);
  const code = `v${entry.split(':')[1] ?? ''}`;
  for (const f of verbForms(lemma, cls)) {
    if (f.text.includes(' ')) continue;
    const list = verbMap.get(f.text) ?? [];
    if (!list.some((a) => a.lemma === lemma && a.code === code)) list.push({ lemma, code, slot: f.slot });
    verbMap.set(f.text, list);
  }
}
/** Particle text → labels, per stem ending class (V open, C consonant, L ㄹ). */
const particles = { V: new Map(), C: new Map(), L: new Map() };
for (const [cls, sample] of [
  ['V', '가'],
  ['C', '각'],
  ['L', '갈'],
]) {
  for (const e of nounEndings(sample)) if (!particles[cls].has(e.text)) particles[cls].set(e.text, e.label);
}
const tailClass = (w) => {
  const t = (w.charCodeAt(w.length - 1) - 0xac00) % 28;
  return t === 0 ? 'V' : t === 8 ? 'L' : 'C';
};
/** Particles that mark a noun plainly enough to accept a stem no dictionary lists (사회주의건설의). */
const STRONG = new Set(
  '은 는 이 가 을 를 의 에 에서 에게 과 와 으로 로 도 까지 부터 과의 와의 에서는 에는 으로서 로서 들 들은 들이 들을 들의 들과 들에게'.split(' '),
);

/** Analyses of a form: [{lemma, code, label}] with code n, a or v...; [] when none. */
function analyse(w) {
  const verbs = verbMap.get(w);
  if (verbs) return verbs.map((a) => ({ lemma: a.lemma, code: a.code, label: a.slot }));
  // Longest known noun stem followed by a particle of the right allomorph.
  for (let k = w.length; k >= 1; k--) {
    const stem = w.slice(0, k);
    const rest = w.slice(k);
    const label = rest === '' ? '' : particles[tailClass(stem)].get(rest);
    if (label === undefined) continue;
    if (nouns.has(stem) && (stem.length >= 2 || rest === '')) return [{ lemma: stem, code: 'n', label }];
    if (adverbs.has(stem) && ADVERB_ENDINGS.some((e) => e.text === rest)) return [{ lemma: stem, code: 'a', label: rest }];
  }
  for (let k = 2; k < w.length; k++) {
    const stem = w.slice(0, k);
    const rest = w.slice(k);
    if (STRONG.has(rest) && particles[tailClass(stem)].get(rest) !== undefined)
      return [{ lemma: stem, code: 'n', label: particles[tailClass(stem)].get(rest) }];
  }
  return [];
}

const stems = new Map();
const endings = new Map();
const lemmaOf = new Map();
let analysed = 0;
let weightTotal = 0;
for (const [w, n] of words) {
  weightTotal += n;
  const as = analyse(w);
  if (as.length === 0) continue;
  analysed += n;
  lemmaOf.set(w, as[0].lemma);
  for (const a of as) {
    const share = n / as.length;
    const key = `${a.lemma}\t${a.code}`;
    stems.set(key, (stems.get(key) ?? 0) + share);
    const kind = a.code.slice(0, 1);
    const ekey = `${kind}\t${a.label}`;
    endings.set(ekey, (endings.get(ekey) ?? 0) + share);
  }
}
// A stem seen once in one form is as likely a mis-split as a word: keep stems seen enough.
for (const [key, n] of stems) if (n < 20) stems.delete(key);

// --- Bigrams (addresses and parallel training sentences) ------------------------------------

const biCounts = new Map(addresses.bigrams);
for (const [k, c] of parallel.bigrams) biCounts.set(k, (biCounts.get(k) ?? 0) + c);
const uni = new Map(addresses.forms);
for (const [k, c] of parallel.forms) uni.set(k, (uni.get(k) ?? 0) + c);
const N = addresses.total + parallel.total;
const bigrams = [];
for (const [key, c] of biCounts) {
  if (c < 2) continue;
  const [p, q] = key.split(' ');
  // Absolute discounting keeps pairs seen twice from looking certain.
  const pmi = Math.log(((c - 0.5) * N) / ((uni.get(p) ?? 1) * (uni.get(q) ?? 1)));
  if (Math.abs(pmi) >= 0.5) bigrams.push([p, q, pmi, c]);
}
bigrams.sort((a, b) => b[3] - a[3]);
bigrams.length = Math.min(bigrams.length, 120000);

// --- English → Korean associations ---------------------------------------------------------

/** Korean keys of a sentence: lemma of each analysed word (else the form itself). */
const koKeys = (line) => [...new Set(wordsOf(line).filter(Boolean).map((w) => lemmaOf.get(w) ?? analyse(w)[0]?.lemma ?? w))];
// IBM model 1: t(k|e), the chance that English stem e is rendered by Korean lemma k, by EM
// over the training pairs (a NULL word absorbs particles and words the English leaves implicit).
const corpusPairs = pairs.map(([k, e]) => [koKeys(k), ['', ...new Set(englishKeys(e))]]);
const cE = new Map();
for (const [, es] of corpusPairs) for (const x of es) cE.set(x, (cE.get(x) ?? 0) + 1);
let t = new Map();
for (const [ks, es] of corpusPairs)
  for (const x of es) {
    let m = t.get(x);
    if (!m) t.set(x, (m = new Map()));
    for (const y of ks) m.set(y, 1);
  }
for (let iter = 0; iter < 6; iter++) {
  const counts = new Map();
  for (const [ks, es] of corpusPairs) {
    const rows = es.map((x) => t.get(x));
    for (const y of ks) {
      let z = 0;
      for (const row of rows) z += row.get(y) ?? 0;
      if (z <= 0) continue;
      es.forEach((x, i) => {
        const share = (rows[i].get(y) ?? 0) / z;
        if (share < 1e-4) return;
        let m = counts.get(x);
        if (!m) counts.set(x, (m = new Map()));
        m.set(y, (m.get(y) ?? 0) + share);
      });
    }
  }
  t = new Map();
  for (const [x, m] of counts) {
    let sum = 0;
    for (const v of m.values()) sum += v;
    const row = new Map();
    for (const [y, v] of m) if (v / sum >= 1e-3) row.set(y, v / sum);
    t.set(x, row);
  }
}
const assoc = new Map();
const put = (en, ko, w) => {
  let m = assoc.get(en);
  if (!m) assoc.set(en, (m = new Map()));
  m.set(ko, Math.max(m.get(ko) ?? 0, w));
};
// The commonest Korean words (하다, 있다, 우리, 것) co-occur with every English word: keep
// them only where the model is sure.
const cK = new Map();
for (const [ks] of corpusPairs) for (const y of ks) cK.set(y, (cK.get(y) ?? 0) + 1);
const common = new Set([...cK].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([y]) => y));
for (const [x, row] of t) {
  if (!x || (cE.get(x) ?? 0) < 2) continue;
  for (const [y, p] of row) if (p >= (common.has(y) ? 0.5 : 0.05)) put(x, y, p);
}
// The bilingual list: each content word of a gloss proposes the headword; the first gloss word counts most.
const byGloss = new Map();
for (const [ko, en] of kengdic) {
  const keys = [...new Set(englishKeys(en.split(/[;,(]/)[0] ?? en))].slice(0, 4);
  keys.forEach((key, i) => {
    const list = byGloss.get(key) ?? [];
    list.push([ko, i === 0 ? 1 : 0.6]);
    byGloss.set(key, list);
  });
}
for (const [key, list] of byGloss) for (const [ko, w] of list) put(key, ko, (0.8 * w) / Math.sqrt(list.length));
const english = [];
for (const [en, m] of assoc) {
  const top = [...m].sort((a, b) => b[1] - a[1]).slice(0, 8);
  english.push([en, top]);
}
english.sort((a, b) => (a[0] < b[0] ? -1 : 1));

// --- Write -------------------------------------------------------------------------------

mkdirSync(out, { recursive: true });
const write = (table, note, rows) => {
  const body = rows.join('\n');
  writeFileSync(join(out, `${table}.tsv`), `#${FORMAT} ${table} ${note}\n${body}\n`);
  return Buffer.byteLength(body);
};
const sizes = {
  words: write(
    'words',
    `forms=${words.size}`,
    [...words].sort((a, b) => b[1] - a[1]).map(([w, n]) => `${w}\t${n}`),
  ),
  stems: write(
    'stems',
    `stems=${stems.size}`,
    [...stems].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${key}\t${Math.round(n)}`),
  ),
  endings: write(
    'endings',
    `endings=${endings.size}`,
    [...endings].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${key}\t${Math.round(n)}`),
  ),
  bigrams: write(
    'bigrams',
    `pairs=${bigrams.length}`,
    bigrams.map(([p, q, pmi]) => `${p}\t${q}\t${pmi.toFixed(2)}`),
  ),
  english: write(
    'english',
    `keys=${english.length}`,
    english.map(([en, top]) => `${en}\t${top.map(([ko, w]) => `${ko}:${w.toFixed(3)}`).join('\t')}`),
  ),
};
console.log(
  [
    `addresses: ${addressLines.length} lines, ${addresses.total} words; parallel: ${pairs.length} training pairs (${heldOut} held out), ${parallel.total} words; subtitles: ${subtitles.size} forms; kengdic: ${kengdic.length}; hanja headwords: ${hanja.size}`,
    `words ${words.size} (${((100 * analysed) / weightTotal).toFixed(1)}% of the weight analysed as stem + ending), stems ${stems.size}, endings ${endings.size}, bigrams ${bigrams.length}, english keys ${english.length}`,
    `sizes: ${Object.entries(sizes)
      .map(([t, b]) => `${t} ${(b / 1e6).toFixed(2)} MB`)
      .join(', ')}; total ${(Object.values(sizes).reduce((a, b) => a + b, 0) / 1e6).toFixed(2)} MB`,
  ].join('\n'),
);
