/**
 * Suggestions for a garbled witness token: Korean words whose garble is exactly the token,
 * ranked by how much of the witness they explain, then by how likely each word is.
 *
 * Without a word model (the tables in resources/korean) the likelihood is a hand-made blend
 * of project evidence and a lexicon-rank proxy. With one, every candidate gets a
 * probability: its own corpus frequency blended with stem × ending probability, mixed with
 * the project cache (glossary and accepted restored text, which outweighs the corpora), and
 * with what the aligned English proposes (glossary names, the bilingual list, learned
 * associations). Spellings are never normalised: every form anyone knows is offered.
 */
import { garbleFragment, garbleLine } from './garble';
import { isHangulWord } from './hangul';
import { nounEndings } from './endings';
import { englishKeys } from './english';
import { parseLexicon, type LexiconData } from './lexicon';
import type { KoreanModel } from './model';
import { nounClass, SuggestIndex, verbBase, type Base, type Match, type SuggestionSource } from './suggest-index';
import type { GlossaryEntry } from './types';

/** A ranked suggestion. */
export interface Suggestion {
  /** The Korean text to insert. */
  text: string;
  /** garble(text). */
  garble: string;
  /** Where the best evidence for it comes from. */
  source: SuggestionSource;
  /** Ranking score (higher is better; comparable within one call only). */
  score: number;
  /**
   * Natural-log probability-like score of this word in its context (word frequency, stem ×
   * ending, project cache, English evidence; no bigram): comparable across calls and tokens,
   * so a decoder can sum it along a line. Several words (a token read as a sequence): the sum.
   */
  logp: number;
  /** Number of witness characters it accounts for (the token's length when it matches fully). */
  explains: number;
  /** The stem or lemma it was built from, when it is stem + ending. */
  stem?: string;
  /** The particle or ending appended to the stem. */
  ending?: string;
}

/** Options of {@link Suggester.suggest}. */
export interface SuggestOptions {
  /** Maximum number of suggestions (default 10). */
  limit?: number;
  context?: {
    /** The aligned English text: it proposes Korean words (glossary, bilingual list, associations). */
    english?: string;
    /** Restored text just before the token. */
    before?: string;
    /** Restored text just after the token. */
    after?: string;
  };
}

/** Context of {@link Suggester.vanishing}. */
export interface VanishingContext {
  /** The aligned English of the row. */
  english?: string;
  /** The word before (whole form), for the ordering only: logp has no bigram in it. */
  prev?: string;
}

/** What the suggester knows. */
export interface SuggesterInput {
  /** Parsed ko-lexicon.json (optional: without it only project words are offered). */
  lexicon?: LexiconData;
  /** The project glossary. */
  glossary?: GlossaryEntry[];
  /** Korean text already restored and accepted in the project (no proposals, no gap boxes as words). */
  corpus?: string[];
  /** The parsed word model (see parseKoreanModel); without it ranking is as before the model existed. */
  model?: KoreanModel;
}

/** A suggester over one project. */
export interface Suggester {
  /** Ranked suggestions for a witness token (it may span several words: `p \X`). */
  suggest(token: string, options?: SuggestOptions): Suggestion[];
  /** log P(next|prev) − log P(next) for whole word forms, 0 when unknown. */
  bigram(prev: string, next: string): number;
  /** Likely words whose garble is empty (they vanish from the witness entirely), best first. */
  vanishing(context?: VanishingContext, limit?: number): Suggestion[];
  /** Number of indexed stems. */
  readonly size: number;
}

const LEXICON_CAP = 60;
const VANISHING_CAP = 25;
const EXPLAIN_WEIGHT = 100;
const PUNCTUATION = /^[\s.,:;!?()[\]{}"'“”‘’·…«»<>-]+|[\s.,:;!?()[\]{}"'“”‘’·…«»<>-]+$/g;
/** Share of a form's probability taken from its own count (the rest from stem × ending). */
const FORM_WEIGHT = 0.6;
/** Weight of the project cache in the mixture, when the project has any. */
const CACHE_WEIGHT = 0.5;
/** Weight of the English proposals in the mixture, when the English proposes anything. */
const ENGLISH_WEIGHT = 0.35;
/** Pseudo-count of each glossary form in the cache. */
const GLOSSARY_COUNT = 3;
/** Pseudo-count and evidence of a form seeded from the starter termbase and not edited by the user. */
const STARTER_COUNT = 1;
const STARTER_EVIDENCE = 2;
/** Probabilities never go below this (log ≈ −27.6). */
const FLOOR = 1e-12;
/** Context-free pool of vanishing words kept for {@link Suggester.vanishing}. */
const VANISHING_POOL = 2500;
/** English proposals followed per call. */
const PROPOSALS_FOLLOWED = 60;

type Proposals = Map<string, number>;

/** A change to what a project knows: glossary replaced, restored texts added or removed. */
export interface SuggesterChange {
  /** The glossary in use, replacing the one before. */
  glossary?: GlossaryEntry[];
  /** Restored texts that are new (e.g. the segments of a saved document). */
  add?: string[];
  /** Restored texts that are gone (what the saved document held before). */
  remove?: string[];
}

/** A suggester built by {@link createSuggester}: it can learn a project's changes in place. */
export interface ProjectSuggester extends Suggester {
  /**
   * Applies a change of the project: the word counts change by what was added and removed
   * (the rest of the corpus is not read again) and the project's small index layer is rebuilt
   * from them; the lexical index underneath is untouched. The result ranks as a suggester built
   * from scratch over the new corpus would (ties between equal project words aside).
   */
  update(change: SuggesterChange): void;
  /** Bumped by every {@link update}: caches of answers key on it. */
  readonly version: number;
}

/** Builds a suggester; indexing a full lexicon and model takes a few hundred milliseconds. */
export function createSuggester(input: SuggesterInput): ProjectSuggester {
  const model = input.model;
  const endingP = (kind: string, label: string): number | undefined => model?.endings.get(`${kind}:${label}`);
  const priorOf = model ? (kind: string, label: string): number => endingP(kind, label) ?? 1e-4 : undefined;
  // The lexicon and model stems are indexed once per (lexicon, model) pair and shared by
  // every suggester built on them: a project's suggester is rebuilt after each edit.
  const stemIndex = lexicalIndex(input.lexicon, model, priorOf);
  let glossary = input.glossary ?? [];
  // The project's word counts, kept up to date by update(); the index layer is rebuilt from them.
  const words = { forms: new Map<string, number>(), stems: new Map<string, number>() };
  const bigrams = new Map<string, number>();
  countCorpus(input.corpus ?? [], 1, words.forms, bigrams);
  const cacheStems = new Map<string, number>();
  let cacheTotal = 0;
  let index = new SuggestIndex(priorOf, stemIndex);
  // Garbles of the project's words, kept across rebuilds (a rebuild after one save re-garbles nothing).
  let garbles = new Map<string, string>();
  let version = 0;

  const buildLayer = (): void => {
    const next = new SuggestIndex(priorOf, stemIndex);
    const nextGarbles = new Map<string, string>();
    const add = (base: Base): void => {
      let raw = garbles.get(base.text) ?? nextGarbles.get(base.text);
      if (raw === undefined) raw = garbleFragment(base.text);
      nextGarbles.set(base.text, raw);
      next.add(base, raw);
    };
    cacheStems.clear();
    for (const entry of glossary) {
      // The starter termbase is a prior for the field, not the project's own word: weaker than what the user entered.
      const starter = entry.origin === 'termbase';
      for (const ko of entry.ko) {
        if (!ko.trim()) continue;
        cacheStems.set(ko, (cacheStems.get(ko) ?? 0) + (starter ? STARTER_COUNT : GLOSSARY_COUNT));
        add({
          text: ko,
          classId: nounClass(ko),
          source: 'glossary',
          freq: 1,
          evidence: starter ? STARTER_EVIDENCE : 5,
          lemma: ko,
          glossary: [entry],
        });
      }
    }
    words.stems = stemsOf(words.forms);
    cacheTotal = 0;
    for (const [word, count] of words.forms) {
      cacheTotal += count;
      add({
        text: word,
        classId: 'x',
        source: 'project',
        freq: 1,
        evidence: Math.min(6, 1 + 1.5 * Math.log(1 + count)),
        lemma: word,
      });
    }
    for (const [stem, count] of words.stems) {
      cacheStems.set(stem, (cacheStems.get(stem) ?? 0) + count);
      add({
        text: stem,
        classId: nounClass(stem),
        source: 'project',
        freq: 1,
        evidence: Math.min(5, 0.5 + Math.log(1 + count)),
        lemma: stem,
      });
    }
    cacheTotal += glossary.reduce((n, e) => n + (e.origin === 'termbase' ? STARTER_COUNT : GLOSSARY_COUNT) * e.ko.length, 0);
    next.finish();
    index = next;
    garbles = nextGarbles;
  };
  buildLayer();

  const stemCount = (lemma: string): number => model?.stems.get(lemma)?.reduce((n, st) => n + st.count, 0) ?? 0;
  const kindOf = (classId: string): string => classId.slice(0, 1);
  /** Share of a lemma's uses in its dictionary form (bare noun, verb in 다), 1 for unknown words. */
  const dictionaryFormP = (text: string): number => {
    const kinds = model?.stems.get(text);
    if (!kinds?.length) return 1;
    return kinds[0]?.kind === 'verb' ? (endingP('v', '다') ?? 0.05) : (endingP(kinds[0]?.kind === 'adverb' ? 'a' : 'n', '') ?? 0.3);
  };
  const labelP = (m: Match): number =>
    m.base.classId === 'x' ? 1 : (endingP(kindOf(m.base.classId), m.completion.label) ?? (model ? 1e-4 : 0.1 * m.completion.prior));

  /** Probability of the match from the corpora (or, without a model, from the lexicon proxy). */
  const corpusP = (m: Match): number => {
    if (!model) return Math.exp(-14 + 6 * m.base.freq) * (0.2 + 0.8 * m.completion.prior);
    const pf = (model.forms.get(m.text) ?? 0) / model.total;
    if (m.base.classId === 'x') return pf;
    const sc = stemCount(m.base.lemma);
    const pst = sc > 0 ? sc / model.stemTotal : (0.3 * (0.05 + m.base.freq)) / model.stemTotal;
    return FORM_WEIGHT * pf + (1 - FORM_WEIGHT) * pst * labelP(m);
  };

  /** Probability of the match in the project's own text and glossary. */
  const cacheP = (m: Match): number => {
    if (cacheTotal <= 0) return 0;
    const form = words.forms.get(m.text) ?? 0;
    const stem = m.base.classId === 'x' ? 0 : (cacheStems.get(m.base.lemma) ?? 0);
    return (form + stem * labelP(m)) / cacheTotal;
  };

  /** Probability of the match among what the English proposes (a stem proposed carries its endings). */
  const englishP = (m: Match, proposals: Proposals): number => {
    if (proposals.size === 0) return 0;
    // A proposed lemma carries its endings' probabilities; a whole form written as a lemma
    // (말하다 as a word) is only the lemma with its dictionary ending, not every inflection at once.
    const asForm = proposals.get(m.text) ?? 0;
    const direct = m.base.classId === 'x' && asForm ? asForm * dictionaryFormP(m.text) : 0;
    const stem = m.base.classId === 'x' ? 0 : (proposals.get(m.base.lemma) ?? 0) * labelP(m);
    if (direct || stem) return direct + stem;
    // A compound holding a proposed word (사회주의건설 for "construction"), or a verb made of one (건설하다).
    const lemma = m.base.lemma;
    if (lemma.length < 2) return 0;
    let best = 0;
    for (const [p, w] of proposals) {
      const core = p.endsWith('하다') ? p.slice(0, -2) : p;
      if (core.length < 2 || core === lemma) continue;
      if (lemma.includes(core) || core.includes(lemma.replace(/하다$|되다$/, ''))) best = Math.max(best, 0.4 * w);
    }
    return best * (m.base.classId === 'x' ? 1 : labelP(m));
  };

  const probability = (m: Match, proposals: Proposals): number => {
    let p = corpusP(m);
    if (cacheTotal > 0) p = (1 - CACHE_WEIGHT) * p + CACHE_WEIGHT * cacheP(m);
    if (proposals.size > 0) p = (1 - ENGLISH_WEIGHT) * p + ENGLISH_WEIGHT * englishP(m, proposals);
    return Math.max(FLOOR, p);
  };

  let lastEnglish: string | undefined;
  let lastProposals: Proposals = new Map();
  /** Korean words the English proposes, weights summing to 1 (memoised on the English text). */
  const proposalsFor = (english: string | undefined): Proposals => {
    if (!english?.trim()) return new Map();
    if (english === lastEnglish) return lastProposals;
    // P(k | English) as in IBM model 1: the mean over the English words of t(k | e); a glossary
    // name found in the English counts as a word whose translation is certain.
    const out: Proposals = new Map();
    const keys = model ? [...new Set(englishKeys(english))] : [];
    const lower = english.toLowerCase();
    const named = glossary.filter((entry) => [entry.en, ...entry.variants].some((n) => mentions(lower, n)));
    const words = keys.length + named.length;
    const add = (ko: string, w: number): void => {
      if (ko) out.set(ko, (out.get(ko) ?? 0) + w / words);
    };
    for (const entry of named) for (const ko of entry.ko) add(ko.trim(), 1 / entry.ko.length);
    for (const key of keys) for (const [ko, w] of model?.english.get(key) ?? []) add(ko, w);
    const sorted: Proposals = new Map([...out].sort((a, b) => b[1] - a[1]));
    lastEnglish = english;
    lastProposals = sorted;
    return sorted;
  };

  const bigram = (prev: string, next: string): number => {
    if (!prev || !next) return 0;
    const fromModel = model?.bigrams.get(`${prev} ${next}`) ?? 0;
    const c = bigrams.get(`${prev} ${next}`) ?? 0;
    if (!c) return fromModel;
    const pNext = Math.max(1e-7, ((words.forms.get(next) ?? 0) + (model?.forms.get(next) ?? 0)) / (cacheTotal + (model?.total ?? 0)));
    const fromProject = Math.log(c / ((words.forms.get(prev) ?? 1) + 0.5)) - Math.log(pNext);
    return Math.max(fromModel, Math.min(10, fromProject));
  };

  const clip = (x: number): number => Math.max(-2, Math.min(4, x));

  const rank = (m: Match, chunk: string, options: SuggestOptions): Suggestion => {
    const proposals = proposalsFor(options.context?.english);
    const logp = Math.log(probability(m, proposals));
    const prev = lastWord(options.context?.before ?? '');
    const next = firstWord(options.context?.after ?? '');
    let score: number;
    if (model) {
      score = EXPLAIN_WEIGHT * chunk.length + 10 * (logp + 0.5 * clip(bigram(prev, m.text)) + 0.5 * clip(bigram(m.text, next)));
    } else {
      // As before the model: evidence for a stem counts in proportion to what the stem itself
      // explains (any vanishing stem fits a token made by its ending alone).
      const visible = chunk.length - (chunk.split(' ').length - 1);
      const share = visible ? Math.min(1, (m.base.own ?? 0) / visible) : 0;
      let evidence = m.base.evidence * share;
      const english = options.context?.english?.toLowerCase();
      // A name in the aligned English is strong evidence even when its Korean leaves no trace.
      if (english && m.base.glossary?.some((g) => [g.en, ...g.variants].some((n) => mentions(english, n)))) evidence += 8;
      if (prev) evidence += Math.min(4, 3 * Math.log(1 + (bigrams.get(`${prev} ${m.text}`) ?? 0)));
      if (next) evidence += Math.min(4, 3 * Math.log(1 + (bigrams.get(`${m.text} ${next}`) ?? 0)));
      score = EXPLAIN_WEIGHT * chunk.length + 10 * evidence + 3 * m.base.freq + 2 * m.completion.prior;
    }
    return {
      text: m.text,
      garble: chunk,
      source: m.base.source,
      score,
      logp,
      explains: chunk.length,
      ...(m.completion.text ? { stem: m.base.lemma, ending: m.completion.text } : {}),
    };
  };

  /** Matches of bases the English proposes: found by lemma, so no bucket cap hides them. */
  const proposedMatches = (chunk: string, proposals: Proposals): Match[] => {
    const out: Match[] = [];
    let followed = 0;
    for (const ko of proposals.keys()) {
      if (followed++ >= PROPOSALS_FOLLOWED) break;
      for (const base of index.basesOf(ko)) out.push(...index.matchBase(base, chunk));
    }
    return out;
  };

  const single = (chunk: string, options: SuggestOptions, cap: number): Suggestion[] => {
    const matches = index.lookup(chunk, cap, Math.min(cap, VANISHING_CAP));
    if (model) matches.push(...proposedMatches(chunk, proposalsFor(options.context?.english)));
    return best(
      matches.map((m) => rank(m, chunk, options)),
      cap,
    );
  };

  // Words that vanish entirely: the lexical ones ranked by the corpora once per lexical
  // index (shared), the project's own added per suggester.
  const vanishingOf = (bases: readonly Base[]): Match[] => {
    const out: Match[] = [];
    for (const base of bases) {
      for (const completion of (index.completionsOf(base.classId).get('') ?? []).slice(0, 6)) {
        const m = { base, completion, text: base.text + completion.text };
        if (garbleLine(m.text) === '') out.push(m);
      }
    }
    return out;
  };
  let pool: Match[] | null = null;
  const vanishingPool = (): Match[] => {
    if (pool) return pool;
    let lexical = stemIndex ? vanishingPools.get(stemIndex) : [];
    if (!lexical && stemIndex) {
      const scored = vanishingOf(stemIndex.bucket('')).map((m) => ({ m, p: corpusP(m) }));
      scored.sort((a, b) => b.p - a.p);
      lexical = scored.slice(0, VANISHING_POOL).map((x) => x.m);
      vanishingPools.set(stemIndex, lexical);
    }
    pool = [...vanishingOf(index.ownBucket('')), ...(lexical ?? [])];
    return pool;
  };

  return {
    get size() {
      return index.size;
    },
    get version() {
      return version;
    },
    update(change: SuggesterChange): void {
      if (change.remove?.length) countCorpus(change.remove, -1, words.forms, bigrams);
      if (change.add?.length) countCorpus(change.add, 1, words.forms, bigrams);
      if (change.glossary) {
        glossary = change.glossary;
        // The English proposals name glossary entries: the memo goes with the old glossary.
        lastEnglish = undefined;
      }
      buildLayer();
      pool = null;
      version++;
    },
    bigram,
    suggest(token: string, options: SuggestOptions = {}): Suggestion[] {
      const limit = options.limit ?? 10;
      const chunk = token.trim().replace(/ +/g, ' ');
      if (!chunk) return [];
      const parts = chunk.split(' ');
      let out = single(chunk, options, LEXICON_CAP);
      if (parts.length > 1) out = best([...out, ...sequences(parts, options, single)], limit * 3);
      // Prefix matches only fill a short list: a long one (a coverage count) has enough full matches to read.
      if (out.length < Math.min(limit, 20)) out = best([...out, ...partial(chunk, options, single)], limit * 3);
      return out.slice(0, limit);
    },
    vanishing(context: VanishingContext = {}, limit = 10): Suggestion[] {
      const proposals = proposalsFor(context.english);
      const candidates = [...vanishingPool(), ...proposedMatches('', proposals)];
      const out: Suggestion[] = [];
      for (const m of candidates) {
        const logp = Math.log(probability(m, proposals));
        out.push({
          text: m.text,
          garble: '',
          source: m.base.source,
          score: 10 * (logp + 0.5 * clip(bigram(context.prev ?? '', m.text))),
          logp,
          explains: 0,
          ...(m.completion.text ? { stem: m.base.lemma, ending: m.completion.text } : {}),
        });
      }
      return best(out, limit);
    },
  };
}

/** Context-free pools of vanishing words, per lexical index. */
const vanishingPools = new WeakMap<SuggestIndex, Match[]>();

/** Lexical indexes already built, per lexicon and model (weakly held: they go with their data). */
const lexicalIndexes = new WeakMap<object, WeakMap<object, SuggestIndex>>();
const NO_DATA = {};

/**
 * The stems of the lexicon and the model in one index. Frequencies: the model's (a log scale
 * mapped to 0..1) where it saw a stem, else a fraction of the lexicon's rank proxy (below
 * anything the corpora saw); without a model, the rank proxy as before.
 */
function lexicalIndex(
  lexicon: LexiconData | undefined,
  model: KoreanModel | undefined,
  priorOf: ((kind: string, label: string) => number) | undefined,
): SuggestIndex | undefined {
  if (!lexicon && !model) return undefined;
  let byModel = lexicalIndexes.get(lexicon ?? NO_DATA);
  if (!byModel) lexicalIndexes.set(lexicon ?? NO_DATA, (byModel = new WeakMap()));
  const cached = byModel.get(model ?? NO_DATA);
  if (cached) return cached;
  const index = new SuggestIndex(priorOf);
  const stemCount = (lemma: string): number => model?.stems.get(lemma)?.reduce((n, st) => n + st.count, 0) ?? 0;
  const scaled = (p: number): number => Math.max(0, Math.min(1, 1 + Math.log(p) / 20));
  const added = new Set<string>();
  const addLexical = (base: Pick<Base, 'text' | 'classId' | 'lemma'>, rankFreq: number): void => {
    const id = `${base.text}|${base.classId}`;
    if (added.has(id)) return;
    added.add(id);
    const count = base.classId === 'x' ? (model?.forms.get(base.text) ?? 0) : stemCount(base.lemma);
    const freq = !model ? rankFreq : count > 0 ? scaled(count / (base.classId === 'x' ? model.total : model.stemTotal)) : 0.25 * rankFreq;
    index.add({ ...base, source: 'lexicon', evidence: 0, freq });
  };
  if (lexicon) {
    const { words: lex, sizes } = parseLexicon(lexicon);
    for (const w of lex) {
      const freq = 1 - Math.log(1 + w.rank) / Math.log(2 + sizes[w.kind]);
      if (w.kind === 'verb' && w.cls) {
        const { base, classId } = verbBase(w.text, w.cls);
        addLexical({ text: base, classId, lemma: w.text }, freq);
      } else {
        addLexical({ text: w.text, classId: w.kind === 'adverb' ? 'a' : nounClass(w.text), lemma: w.text }, freq);
      }
    }
  }
  if (model) {
    for (const [lemma, list] of model.stems) {
      for (const s of list) {
        if (s.kind === 'verb' && s.cls) {
          const { base, classId } = verbBase(lemma, s.cls);
          if (base || classId) addLexical({ text: base, classId, lemma }, 0);
        } else addLexical({ text: lemma, classId: s.kind === 'adverb' ? 'a' : nounClass(lemma), lemma }, 0);
      }
    }
    // Whole forms as the corpora wrote them: endings the rules do not generate (되였다) stay reachable.
    for (const form of model.forms.keys()) addLexical({ text: form, classId: 'x', lemma: form }, 0);
  }
  index.finish();
  byModel.set(model ?? NO_DATA, index);
  return index;
}

/** Keeps the best suggestion per text, best first. */
function best(list: Suggestion[], limit: number): Suggestion[] {
  const byText = new Map<string, Suggestion>();
  for (const s of list) {
    const had = byText.get(s.text);
    if (!had || s.score > had.score) byText.set(s.text, s);
  }
  return [...byText.values()].sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : 1)).slice(0, limit);
}

type Single = (chunk: string, options: SuggestOptions, cap: number) => Suggestion[];

/**
 * A token with spaces may be several words, or one word with a syllable whose low byte is
 * 0x20 (조선 → `p `). Cover the parts with words (each spanning one or more parts), keeping
 * a small beam; a sequence scores by what it explains and the mean evidence of its words.
 */
function sequences(parts: string[], options: SuggestOptions, single: Single): Suggestion[] {
  const n = parts.length;
  const beam: { words: Suggestion[]; rest: number }[][] = Array.from({ length: n + 1 }, () => []);
  beam[0] = [{ words: [], rest: 0 }];
  // Each extra word costs: one word explaining the token is the simpler reading.
  const quality = (ws: Suggestion[]): number =>
    ws.reduce((s, w) => s + (w.score - EXPLAIN_WEIGHT * w.explains), 0) / Math.max(1, ws.length) - 8 * (ws.length - 1);
  for (let i = 0; i < n; i++) {
    const here = beam[i] ?? [];
    if (here.length === 0) continue;
    for (let j = i + 1; j <= Math.min(n, i + 4); j++) {
      if (i === 0 && j === n) continue; // the whole token is handled as one chunk
      const words = single(parts.slice(i, j).join(' '), options, 8).slice(0, 4);
      const next = beam[j] ?? [];
      for (const h of here) for (const w of words) next.push({ words: [...h.words, w], rest: 0 });
      next.sort((a, b) => quality(b.words) - quality(a.words));
      beam[j] = next.slice(0, 8);
    }
  }
  const chunkLength = parts.join(' ').length;
  return (beam[n] ?? []).map(({ words }) => {
    const text = words.map((w) => w.text).join(' ');
    return {
      text,
      garble: garbleLine(text),
      source: strongest(words),
      score: EXPLAIN_WEIGHT * chunkLength + quality(words),
      logp: words.reduce((sum, w) => sum + w.logp, 0),
      explains: chunkLength,
    };
  });
}

/** Words that explain a prefix of the token, for when nothing explains all of it. */
function partial(chunk: string, options: SuggestOptions, single: Single): Suggestion[] {
  const out: Suggestion[] = [];
  for (let k = chunk.length - 1; k >= 1 && out.length < 20; k--) {
    const prefix = chunk.slice(0, k).trimEnd();
    if (prefix.length !== k) continue;
    out.push(...single(prefix, options, 8).slice(0, 5));
  }
  return out;
}

function strongest(words: Suggestion[]): SuggestionSource {
  if (words.some((w) => w.source === 'glossary')) return 'glossary';
  if (words.some((w) => w.source === 'project')) return 'project';
  return 'lexicon';
}

function mentions(haystack: string, name: string): boolean {
  const n = name.trim().toLowerCase();
  if (!n) return false;
  const i = haystack.indexOf(n);
  if (i < 0) return false;
  const before = haystack[i - 1] ?? ' ';
  const after = haystack[i + n.length] ?? ' ';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

function firstWord(text: string): string {
  return (text.trim().split(/\s+/)[0] ?? '').replace(PUNCTUATION, '');
}

function lastWord(text: string): string {
  const words = text.trim().split(/\s+/);
  return (words[words.length - 1] ?? '').replace(PUNCTUATION, '');
}

/** Particles that mark a noun unambiguously enough to infer a stem from restored text. */
const CASE_PARTICLES = new Set(
  '은 는 이 가 을 를 의 에 에서 에게 과 와 으로 로 도 만 까지 부터 과의 와의 에서는 에는 으로서 로서 들 들은 들이 들을 들의 들과 들에게'.split(
    ' ',
  ),
);

/**
 * Counts the words of restored text into `forms` (full forms) and `bigrams`, adding `sign`
 * times each occurrence (−1 takes texts back out; a count that reaches 0 is deleted).
 */
function countCorpus(texts: string[], sign: 1 | -1, forms: Map<string, number>, bigrams: Map<string, number>): void {
  const bump = (map: Map<string, number>, key: string): void => {
    const n = (map.get(key) ?? 0) + sign;
    if (n > 0) map.set(key, n);
    else map.delete(key);
  };
  for (const text of texts) {
    for (const line of text.split(/\r\n|\n|\r/)) {
      let prev = '';
      for (const raw of line.split(/\s+/)) {
        const w = raw.replace(PUNCTUATION, '');
        if (!isHangulWord(w)) {
          prev = '';
          continue;
        }
        bump(forms, w);
        if (prev) bump(bigrams, `${prev} ${w}`);
        prev = w;
      }
    }
  }
}

/** Noun stems found in the forms by stripping a particle (동지는 → 동지), counted when seen at least twice or bare. */
function stemsOf(forms: Map<string, number>): Map<string, number> {
  const candidates = new Map<string, number>();
  for (const [w, count] of forms) {
    for (let k = 1; k < w.length; k++) {
      const stem = w.slice(0, k);
      const rest = w.slice(k);
      if (CASE_PARTICLES.has(rest) && nounEndings(stem).some((e) => e.text === rest))
        candidates.set(stem, (candidates.get(stem) ?? 0) + count);
    }
  }
  const stems = new Map<string, number>();
  for (const [stem, count] of candidates)
    if (stem.length >= 2 && (count >= 2 || forms.has(stem))) stems.set(stem, count + (forms.get(stem) ?? 0));
  return stems;
}
