/**
 * Suggestions for a garbled witness token: Korean words whose garble is exactly the token,
 * ranked by how much of the witness they explain, then by evidence from the project (its
 * glossary, its restored text, the aligned English), then by a frequency proxy. Spellings
 * are never normalised: every form the glossary, the project or the lexicon knows is offered.
 */
import { garbleLine } from './garble';
import { isHangulWord } from './hangul';
import { nounEndings } from './endings';
import { parseLexicon, type LexiconData } from './lexicon';
import { nounClass, SuggestIndex, verbBase, type Match, type SuggestionSource } from './suggest-index';
import type { GlossaryEntry } from './types';

/** A ranked suggestion. */
export interface Suggestion {
  /** The Korean text to insert. */
  text: string;
  /** garble(text). */
  garble: string;
  /** Where the best evidence for it comes from. */
  source: SuggestionSource;
  /** Ranking score (higher is better; comparable within one call). */
  score: number;
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
    /** The aligned English text: names of glossary entries found in it count as strong evidence. */
    english?: string;
    /** Restored text just before the token. */
    before?: string;
    /** Restored text just after the token. */
    after?: string;
  };
}

/** What the suggester knows. */
export interface SuggesterInput {
  /** Parsed ko-lexicon.json (optional: without it only project words are offered). */
  lexicon?: LexiconData;
  /** The project glossary. */
  glossary?: GlossaryEntry[];
  /** Korean text already restored in the project. */
  corpus?: string[];
}

/** A suggester over one project. */
export interface Suggester {
  /** Ranked suggestions for a witness token (it may span several words: `p \X`). */
  suggest(token: string, options?: SuggestOptions): Suggestion[];
  /** Number of indexed stems. */
  readonly size: number;
}

const LEXICON_CAP = 60;
const VANISHING_CAP = 25;
const EXPLAIN_WEIGHT = 100;
const PUNCTUATION = /^[\s.,:;!?()[\]{}"'“”‘’·…«»<>-]+|[\s.,:;!?()[\]{}"'“”‘’·…«»<>-]+$/g;

/** Builds a suggester; indexing a full lexicon takes a few tens of milliseconds. */
export function createSuggester(input: SuggesterInput): Suggester {
  const index = new SuggestIndex();
  const glossary = input.glossary ?? [];
  for (const entry of glossary) {
    for (const ko of entry.ko) {
      if (!ko.trim()) continue;
      index.add({
        text: ko,
        classId: nounClass(ko),
        source: 'glossary',
        freq: 1,
        evidence: 5,
        lemma: ko,
        glossary: [entry],
      });
    }
  }
  const { words, bigrams } = readCorpus(input.corpus ?? []);
  for (const [word, count] of words.forms) {
    index.add({
      text: word,
      classId: 'x',
      source: 'project',
      freq: 1,
      evidence: Math.min(6, 1 + 1.5 * Math.log(1 + count)),
      lemma: word,
    });
  }
  for (const [stem, count] of words.stems) {
    index.add({
      text: stem,
      classId: nounClass(stem),
      source: 'project',
      freq: 1,
      evidence: Math.min(5, 0.5 + Math.log(1 + count)),
      lemma: stem,
    });
  }
  if (input.lexicon) {
    const { words: lex, sizes } = parseLexicon(input.lexicon);
    for (const w of lex) {
      const freq = 1 - Math.log(1 + w.rank) / Math.log(2 + sizes[w.kind]);
      if (w.kind === 'verb' && w.cls) {
        const { base, classId } = verbBase(w.text, w.cls);
        index.add({ text: base, classId, source: 'lexicon', freq, evidence: 0, lemma: w.text });
      } else {
        index.add({
          text: w.text,
          classId: w.kind === 'adverb' ? 'a' : nounClass(w.text),
          source: 'lexicon',
          freq,
          evidence: 0,
          lemma: w.text,
        });
      }
    }
  }
  index.finish();

  const rank = (m: Match, chunk: string, options: SuggestOptions): Suggestion => {
    // Evidence for a stem counts in proportion to what the stem itself explains: any
    // vanishing stem fits a token made by its ending alone.
    const visible = chunk.length - (chunk.split(' ').length - 1);
    const share = visible ? Math.min(1, (m.base.own ?? 0) / visible) : 0;
    let evidence = m.base.evidence * share;
    const english = options.context?.english?.toLowerCase();
    // A name in the aligned English is strong evidence even when its Korean leaves no trace.
    if (english && m.base.glossary?.some((g) => [g.en, ...g.variants].some((n) => mentions(english, n)))) evidence += 8;
    const prev = lastWord(options.context?.before ?? '');
    // The restored word before the token, seen before this candidate elsewhere in the project.
    if (prev) evidence += Math.min(4, 3 * Math.log(1 + (bigrams.get(`${prev} ${m.text}`) ?? 0)));
    const next = firstWord(options.context?.after ?? '');
    if (next) evidence += Math.min(4, 3 * Math.log(1 + (bigrams.get(`${m.text} ${next}`) ?? 0)));
    const score = EXPLAIN_WEIGHT * chunk.length + 10 * evidence + 3 * m.base.freq + 2 * m.completion.prior;
    return {
      text: m.text,
      garble: chunk,
      source: m.base.source,
      score,
      explains: chunk.length,
      ...(m.completion.text ? { stem: m.base.lemma, ending: m.completion.text } : {}),
    };
  };

  const single = (chunk: string, options: SuggestOptions, cap: number): Suggestion[] =>
    best(
      index.lookup(chunk, cap, Math.min(cap, VANISHING_CAP)).map((m) => rank(m, chunk, options)),
      cap,
    );

  return {
    get size() {
      return index.size;
    },
    suggest(token: string, options: SuggestOptions = {}): Suggestion[] {
      const limit = options.limit ?? 10;
      const chunk = token.trim().replace(/ +/g, ' ');
      if (!chunk) return [];
      const parts = chunk.split(' ');
      let out = single(chunk, options, LEXICON_CAP);
      if (parts.length > 1) out = best([...out, ...sequences(parts, options, single)], limit * 3);
      if (out.length < limit) out = best([...out, ...partial(chunk, options, single)], limit * 3);
      return out.slice(0, limit);
    },
  };
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
 * Words of the restored text: full forms with counts, noun stems found by stripping a
 * particle (동지는 → 동지, counted when the stem is seen at least twice or bare), and word bigrams.
 */
function readCorpus(texts: string[]): {
  words: { forms: Map<string, number>; stems: Map<string, number> };
  bigrams: Map<string, number>;
} {
  const forms = new Map<string, number>();
  const bigrams = new Map<string, number>();
  for (const text of texts) {
    for (const line of text.split(/\r\n|\n|\r/)) {
      let prev = '';
      for (const raw of line.split(/\s+/)) {
        const w = raw.replace(PUNCTUATION, '');
        if (!isHangulWord(w)) {
          prev = '';
          continue;
        }
        forms.set(w, (forms.get(w) ?? 0) + 1);
        if (prev) bigrams.set(`${prev} ${w}`, (bigrams.get(`${prev} ${w}`) ?? 0) + 1);
        prev = w;
      }
    }
  }
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
  return { words: { forms, stems }, bigrams };
}
