/**
 * The draft decoder: writes a whole Korean line that fits a witness line, by a beam search
 * over the lattice of candidates.
 *
 * Why a lattice over witness tokens: the garble of a line is the non-empty garbles of its
 * words joined by single spaces (a word's own edge spaces collapse into the separators). So
 * every word whose garble is not empty accounts for a run of whole witness tokens (one or
 * more: a syllable with low byte 0x20 puts a space inside a word's garble, 조선로동당의 →
 * `p \X`), and words whose garble is empty ("vanished words") may stand between any two.
 * The lattice's nodes are the token boundaries; its edges are
 * - a Korean word whose garble is exactly the run (with ASCII punctuation of the run glued
 *   to it: `.` alone is a vanished word ending a sentence, `제공했다.`),
 * - text the witness itself proves (dates, digits, Latin confirmed by the English,
 *   punctuation: what auto-fill proposes),
 * - an undecided placeholder (□) that absorbs a token when nothing fits well enough,
 * and, at every node, up to two vanished words. A path scores by the calibrated log
 * probabilities of its words (the English evidence is folded in by the suggester) plus the
 * suggester's bigram adjustments; the beam keeps the best hypotheses per node, one per last
 * word, so the bigram model is decoded exactly within the beam.
 *
 * Every edge is verified with the garble itself, so a draft always fits its witness: with no
 * undecided word, garble(draft) equals the witness; with some, the check with □ as wildcard
 * finds no contradiction.
 */
import { garbleFragment, garbleLine } from './garble';
import { autofill, AUTOFILL_GAP } from './autofill';
import type { Suggester, Suggestion } from './suggest';

/** One word of a drafted line. */
export interface DraftWord {
  /** The Korean word ('' when undecided). */
  text: string;
  /** The witness characters it accounts for ('' for a vanished word). */
  witness: string;
  /** Other words fitting the same witness span, best first (at most 8). */
  alternatives: string[];
  /** The decoder could not decide: shown as a placeholder (gap) that absorbs `witness`. */
  undecided: boolean;
  /** Where the word comes from: the witness itself (digits, Latin, punctuation) or the suggester's source. */
  source: 'witness' | 'glossary' | 'project' | 'english' | 'lexicon' | 'corpus';
  /** How sure the decoder is, 0..1 (its share of the probability among the alternatives; 0 when undecided). */
  confidence: number;
}

/** A drafted line. */
export interface DraftLine {
  /** The words in order. */
  words: DraftWord[];
  /** The words joined by single spaces, undecided words as {@link DRAFT_GAP}. */
  text: string;
}

/** Options of {@link draftLine}. */
export interface DraftOptions {
  /** The aligned English of the line (evidence for names, terms and Latin text). */
  english?: string;
  /** Hypotheses kept per lattice node (default 8). */
  beam?: number;
  /** Weights to use instead of {@link DRAFT_WEIGHTS} (for tuning). */
  weights?: Partial<DraftWeights>;
}

/** The placeholder an undecided word shows as (the check's wildcard; auto-fill's gap). */
export const DRAFT_GAP = AUTOFILL_GAP;

/** Alternatives listed per word. */
const MAX_ALTERNATIVES = 8;
/** Candidates asked of the suggester per witness run. */
const CANDIDATES = 9;
/** The longest garble of one Korean word asked about (조선민주주의인민공화국의 leaves 7 characters). */
const MAX_WORD_GARBLE = 16;
/** Longest run of witness tokens one word may account for, and its length in characters. */
const MAX_SPAN_TOKENS = 3;
const MAX_SPAN_CHARS = 24;
/** Vanished words tried at each node, and at most this many in a row. */
const VANISHING_CANDIDATES = 16;
const MAX_VANISHED_RUN = 2;

/**
 * The weights of the search, in log-probability units (natural log). They set when a guess
 * is worth more than a placeholder and when a vanished word is worth inserting.
 */
export interface DraftWeights {
  /** A placeholder per witness token: a word less likely than this is left undecided. */
  undecided: number;
  /** Added to every vanished word inserted: a word is there only when its own evidence says so. */
  vanished: number;
  /** Text the witness proves (auto-fill's dates, digits, Latin), per word. */
  proven: number;
  /** A digit run auto-fill did not prove (a lone `8`), copied as is. */
  digits: number;
  /** Punctuation copied as a word of its own (rare in prose: it usually ends a vanished word). */
  punctuation: number;
}

/** The default weights, tuned on the bench (bench/draft-eval.ts), not on the tests. */
export const DRAFT_WEIGHTS: Readonly<DraftWeights> = {
  undecided: -16,
  vanished: -1.5,
  proven: -0.5,
  digits: -5,
  punctuation: -9,
};

/** ASCII punctuation that may open or close a word; a run of it with spaces is peeled off a witness run. */
const LEADING = /^[ (["'{<]+/;
const TRAILING = /[ .,:;!?)\]"'}>-]+$/;

/** A candidate word with its calibrated log probability. */
interface Candidate {
  text: string;
  logp: number;
  source: DraftWord['source'];
}

/** A word an edge contributes; `options` are the candidates of its span (for alternatives). */
interface Piece {
  text: string;
  witness: string;
  source: DraftWord['source'];
  undecided: boolean;
  /** Bigram key (the word without punctuation, '' for copied text). */
  key: string;
  logp: number;
  options: Candidate[];
  vanished: boolean;
}

/** An edge of the lattice: from token boundary `from` to `to`, one or more pieces. */
interface Edge {
  to: number;
  pieces: Piece[];
  logp: number;
}

/** A hypothesis: a best path into a node, ending with `piece` (null at the start). */
interface Hyp {
  score: number;
  key: string;
  run: number;
  piece: Piece[] | null;
  back: Hyp | null;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Candidates per suggester, shared by every draft call: a suggester never changes once built
 * (the app builds a new one when the project changes), and a document repeats its tokens, so
 * drafting it row by row asks the suggester about each token once per English text.
 */
const CANDIDATE_CACHE = new WeakMap<object, { version: number; words: Map<string, Candidate[]> }>();
const CANDIDATE_CACHE_SIZE = 50_000;

/** The suggester seen through calibrated log probabilities, with caches. */
class Model {
  private readonly words: Map<string, Candidate[]>;
  private vanishingList: Candidate[] | null = null;
  private readonly bigrams = new Map<string, number>();

  constructor(
    private readonly suggester: Suggester,
    private readonly english: string | undefined,
    readonly weights: DraftWeights,
  ) {
    // A suggester that learns in place (ProjectSuggester.update) bumps its version: the answers go.
    const version = (suggester as { version?: number }).version ?? 0;
    let shared = CANDIDATE_CACHE.get(suggester);
    if (!shared || shared.version !== version || shared.words.size > CANDIDATE_CACHE_SIZE) {
      shared = { version, words: new Map() };
      CANDIDATE_CACHE.set(suggester, shared);
    }
    this.words = shared.words;
  }

  /** Single words whose garble is exactly `core`, best first. */
  candidates(core: string): Candidate[] {
    const key = `${this.english ?? ''}\u0000${core}`;
    const hit = this.words.get(key);
    if (hit) return hit;
    const out: Candidate[] = [];
    if (!mayBeKorean(core)) {
      this.words.set(key, out);
      return out;
    }
    const context = this.english ? { english: this.english } : {};
    const seen = new Set<string>();
    for (const s of this.suggester.suggest(core, { limit: CANDIDATES, context })) {
      if (seen.has(s.text) || /\s/.test(s.text) || garbleLine(s.text) !== core) continue;
      seen.add(s.text);
      out.push({ text: s.text, logp: logpOf(s), source: sourceOf(s.source) });
    }
    out.sort((a, b) => b.logp - a.logp);
    this.words.set(key, out);
    return out;
  }

  /**
   * Whether a word whose garble starts with `core` may go on past a space: some candidate
   * for `core` ends in a syllable whose low byte is 0x20 (조선 → `p `, so 조선로동당의 →
   * `p \X`). Only then is the run of this token and the next worth asking about as one word:
   * such a word is nearly always a compound whose first part is a word of its own.
   */
  continues(core: string): boolean {
    return this.candidates(core).some((c) => garbleFragment(c.text).endsWith(' '));
  }

  /** Likely words whose garble is empty, best first. */
  vanishing(): Candidate[] {
    if (this.vanishingList) return this.vanishingList;
    // Kept with the candidates: the list depends only on the suggester and the English.
    const key = `${this.english ?? ''}\u0001`;
    const hit = this.words.get(key);
    if (hit) return (this.vanishingList = hit);
    const list = this.suggester.vanishing(this.english ? { english: this.english } : {}, VANISHING_CANDIDATES);
    this.vanishingList = list
      .filter((s) => !/\s/.test(s.text) && s.text !== '' && garbleLine(s.text) === '')
      .map((s) => ({ text: s.text, logp: logpOf(s), source: sourceOf(s.source) }))
      .sort((a, b) => b.logp - a.logp);
    this.words.set(key, this.vanishingList);
    return this.vanishingList;
  }

  /** log P(next | prev) − log P(next); 0 when either is unknown. */
  bigram(prev: string, next: string): number {
    if (!prev || !next) return 0;
    const k = `${prev}\u0000${next}`;
    let v = this.bigrams.get(k);
    if (v === undefined) {
      v = this.suggester.bigram(prev, next);
      if (!Number.isFinite(v)) v = 0;
      this.bigrams.set(k, v);
    }
    return v;
  }
}

/**
 * Whether a witness run is worth asking the suggester about. Numbers and references
 * (`1962`, `2/20/121`) and runs longer than any Korean word leaves are the witness's own
 * text: auto-fill proves them, and asking costs a fruitless search through every split.
 */
function mayBeKorean(core: string): boolean {
  return core.length <= MAX_WORD_GARBLE && !/\d\d|\d[/.:,-]\d|\//.test(core);
}

/** The suggestion's calibrated log probability (a floor for a suggester that returns none). */
function logpOf(s: Suggestion): number {
  return Number.isFinite(s.logp) ? s.logp : -30;
}

const SOURCES = new Set<DraftWord['source']>(['witness', 'glossary', 'project', 'english', 'lexicon', 'corpus']);

function sourceOf(source: string): DraftWord['source'] {
  return SOURCES.has(source as DraftWord['source']) ? (source as DraftWord['source']) : 'lexicon';
}

/** The word without the ASCII punctuation glued to it: what the bigram model knows. */
function keyOf(text: string): string {
  return text.replace(/^[^\uac00-\ud7a3]+|[^\uac00-\ud7a3]+$/g, '');
}

function tokenize(line: string): Token[] {
  const out: Token[] = [];
  const re = /[^ ]+/g;
  for (let m = re.exec(line); m; m = re.exec(line))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Drafts one witness line. White space in the witness is collapsed first (a witness is
 * collapsed by the garble; a pasted one may not be), and `witness` of each word refers to
 * that collapsed line. An empty or blank witness gives an empty draft.
 */
export function draftLine(witness: string, suggester: Suggester, options: DraftOptions = {}): DraftLine {
  const weights = { ...DRAFT_WEIGHTS, ...options.weights };
  return decode(witness, new Model(suggester, options.english, weights), options.english, options.beam ?? 8);
}

/**
 * Drafts several witness lines. `english` is either one English text per line or one text
 * for all of them (a row's English paragraph beside its witness lines).
 */
export function draftLines(
  witnessLines: string[],
  suggester: Suggester,
  options: Omit<DraftOptions, 'english'> & { english?: string[] | string } = {},
): DraftLine[] {
  const models = new Map<string, Model>();
  const weights = { ...DRAFT_WEIGHTS, ...options.weights };
  return witnessLines.map((w, i) => {
    const english = typeof options.english === 'string' ? options.english : options.english?.[i];
    const key = english ?? '';
    let model = models.get(key);
    if (!model) {
      model = new Model(suggester, english, weights);
      models.set(key, model);
    }
    return decode(w, model, english, options.beam ?? 8);
  });
}

function decode(raw: string, model: Model, english: string | undefined, beamWidth: number): DraftLine {
  const witness = raw.replace(/\s+/g, ' ').trim();
  if (!witness) return { words: [], text: '' };
  const tokens = tokenize(witness);
  const n = tokens.length;
  const edges = buildEdges(witness, tokens, model, english);
  const vanishing = model.vanishing();
  const width = Math.max(1, Math.floor(beamWidth));

  const beams: Hyp[][] = Array.from({ length: n + 1 }, () => []);
  beams[0] = [{ score: 0, key: '', run: 0, piece: null, back: null }];
  for (let i = 0; i <= n; i++) {
    let here = prune(beams[i] ?? [], width);
    // Vanished words between the tokens: each must earn its place by its own evidence.
    for (let r = 1; r <= MAX_VANISHED_RUN && vanishing.length > 0; r++) {
      const added: Hyp[] = [];
      for (const h of here) {
        if (h.run !== r - 1) continue;
        for (const v of vanishing) {
          const piece = vanishedPiece(v, vanishing);
          added.push({
            score: h.score + v.logp + model.bigram(h.key, v.text) + model.weights.vanished,
            key: v.text,
            run: r,
            piece: [piece],
            back: h,
          });
        }
      }
      if (added.length === 0) break;
      here = prune([...here, ...added], width);
    }
    beams[i] = here;
    if (i === n) break;
    for (const e of edges[i] ?? []) {
      const target = beams[e.to] as Hyp[];
      const first = e.pieces[0] as Piece;
      const last = e.pieces[e.pieces.length - 1] as Piece;
      for (const h of here) {
        target.push({
          score: h.score + e.logp + model.bigram(h.key, first.key),
          key: last.key,
          run: 0,
          piece: e.pieces,
          back: h,
        });
      }
      if (target.length > 8 * width) beams[e.to] = prune(target, width);
    }
  }
  const best = beams[n]?.[0];
  const pieces: Piece[] = [];
  for (let h: Hyp | null = best ?? null; h; h = h.back) if (h.piece) pieces.unshift(...h.piece);
  const words = pieces.map((p, k) => finish(p, pieces[k - 1], pieces[k + 1], model));
  return { words, text: words.map((w) => (w.undecided ? DRAFT_GAP : w.text)).join(' ') };
}

/** Best first, one hypothesis per last word (the bigram state), at most `width`. */
function prune(list: Hyp[], width: number): Hyp[] {
  list.sort((a, b) => b.score - a.score);
  const out: Hyp[] = [];
  const keys = new Set<string>();
  for (const h of list) {
    // Placeholders and copied text carry no word: they are one state.
    if (keys.has(h.key)) continue;
    keys.add(h.key);
    out.push(h);
    if (out.length >= width) break;
  }
  return out;
}

function vanishedPiece(v: Candidate, options: Candidate[]): Piece {
  return {
    text: v.text,
    witness: '',
    source: v.source,
    undecided: false,
    key: v.text,
    logp: v.logp,
    options,
    vanished: true,
  };
}

/** The edges leaving every token boundary. */
function buildEdges(witness: string, tokens: Token[], model: Model, english: string | undefined): Edge[][] {
  const n = tokens.length;
  const edges: Edge[][] = Array.from({ length: n }, () => []);
  const startAt = new Map<number, number>();
  const endAt = new Map<number, number>();
  tokens.forEach((t, i) => {
    startAt.set(t.start, i);
    endAt.set(t.end, i + 1);
  });

  // What the witness proves: auto-fill's dates, digits and Latin text.
  const proven = autofill([witness], [], english ? { english } : {});
  for (const seg of proven.segments) {
    // Lone punctuation is read below: it usually ends a word that vanished.
    if (seg.kind === 'punctuation') continue;
    const from = startAt.get(seg.witnessStart);
    const to = endAt.get(seg.witnessEnd);
    if (from === undefined || to === undefined || to <= from) continue;
    const span = witness.slice(seg.witnessStart, seg.witnessEnd);
    if (garbleLine(seg.text) !== span) continue;
    const words = seg.text.split(' ');
    const spanTokens = tokens.slice(from, to);
    const zip = words.length === spanTokens.length;
    const pieces = words.map((text, k) => ({
      text,
      witness: zip ? (spanTokens[k]?.text ?? '') : k === 0 ? span : '',
      source: 'witness' as const,
      undecided: false,
      key: keyOf(text),
      logp: model.weights.proven,
      options: [],
      vanished: false,
    }));
    // A date's words are Korean (년, 월, 일): they take part in the bigrams like any word.
    edges[from]?.push({ to, pieces, logp: model.weights.proven * pieces.length });
  }

  for (let i = 0; i < n; i++) {
    const start = tokens[i]?.start ?? 0;
    // The candidates of this token alone: a placeholder offers them as alternatives.
    let options: Candidate[] = [];
    for (let j = i + 1; j <= Math.min(n, i + MAX_SPAN_TOKENS); j++) {
      const span = witness.slice(start, tokens[j - 1]?.end ?? start);
      if (j > i + 1 && (span.length > MAX_SPAN_CHARS || !spans(tokens, i, j, model))) break;
      const found = wordEdges(span, model);
      for (const e of found.edges) edges[i]?.push({ ...e, to: j });
      if (j === i + 1) options = found.options;
    }
    const tok = tokens[i]?.text ?? '';
    // A placeholder, always: it keeps every witness drafted, and wins where nothing fits well.
    edges[i]?.push({
      to: i + 1,
      pieces: [
        {
          text: '',
          witness: tok,
          source: 'witness',
          undecided: true,
          key: '',
          logp: model.weights.undecided,
          options,
          vanished: false,
        },
      ],
      logp: model.weights.undecided,
    });
  }
  return edges;
}

/**
 * Whether tokens [i, j) may be one word: each token but the last must let a word go on past
 * its space ({@link Model.continues}), unless all that follows is punctuation glued to it.
 */
function spans(tokens: Token[], i: number, j: number, model: Model): boolean {
  for (let k = i; k < j - 1; k++) {
    if (tokens.slice(k + 1, j).every((t) => /^[.,:;!?)\]"'}>-]+$/.test(t.text))) return true;
    const core = (tokens[k]?.text ?? '').replace(LEADING, '').replace(TRAILING, '');
    if (!core || !model.continues(core)) return false;
  }
  return true;
}

/** Edges for one witness run: words whose garble (with glued punctuation) is exactly the run. */
function wordEdges(span: string, model: Model): { edges: Omit<Edge, 'to'>[]; options: Candidate[] } {
  const lead = LEADING.exec(span)?.[0] ?? '';
  const rest = span.slice(lead.length);
  const trail = lead.length === span.length ? '' : (TRAILING.exec(rest)?.[0] ?? '');
  const core = rest.slice(0, rest.length - trail.length);
  const before = lead.replace(/ /g, '');
  const after = trail.replace(/ /g, '');
  const out: Omit<Edge, 'to'>[] = [];
  const fits = (text: string): boolean => garbleLine(text) === span;

  if (core === '') {
    // Punctuation alone: usually the end of a word that vanished (`.` ← `제공했다.`).
    const options: Candidate[] = [];
    for (const v of model.vanishing()) {
      const text = before + v.text + after;
      if (fits(text)) options.push({ ...v, text });
    }
    for (const c of options) out.push(single(c, span, options));
    if (!/ /.test(span) && fits(span)) {
      const text = span;
      out.push({
        pieces: [
          {
            text,
            witness: span,
            source: 'witness',
            undecided: false,
            key: '',
            logp: model.weights.punctuation,
            options: [],
            vanished: false,
          },
        ],
        logp: model.weights.punctuation,
      });
    }
    return { edges: out, options };
  }

  const options: Candidate[] = [];
  for (const c of model.candidates(core)) {
    const text = before + c.text + after;
    if (fits(text)) options.push({ ...c, text });
  }
  // A number with a Korean word glued to it (`30일` → `30|`): the digits are copied.
  const numbered = /^(\d+)(\D.*)$/.exec(core);
  if (numbered && !/ /.test(core)) {
    for (const c of model.candidates(numbered[2] ?? '')) {
      const text = before + (numbered[1] ?? '') + c.text + after;
      if (fits(text)) options.push({ ...c, text });
    }
  }
  // A lone digit run auto-fill would not prove without a neighbour (`8` of `8월`).
  if (/^\d+$/.test(core) && !/ /.test(span) && fits(span))
    options.push({ text: span, logp: model.weights.digits, source: 'witness' });
  options.sort((a, b) => b.logp - a.logp);
  for (const c of options) out.push(single(c, span, options));
  return { edges: out, options };
}

function single(c: Candidate, span: string, options: Candidate[]): Omit<Edge, 'to'> {
  return {
    pieces: [
      {
        text: c.text,
        witness: span,
        source: c.source,
        undecided: false,
        key: keyOf(c.text),
        logp: c.logp,
        options,
        vanished: false,
      },
    ],
    logp: c.logp,
  };
}

/**
 * The output word: alternatives are the other candidates of its span, confidence its share
 * of their probability once the neighbours' bigrams are counted.
 */
function finish(p: Piece, prev: Piece | undefined, next: Piece | undefined, model: Model): DraftWord {
  const prevKey = prev?.key ?? '';
  const nextKey = next?.key ?? '';
  const scored = p.options
    .map((c) => {
      const key = keyOf(c.text);
      return { text: c.text, score: c.logp + model.bigram(prevKey, key) + model.bigram(key, nextKey) };
    })
    .sort((a, b) => b.score - a.score);
  const seen = new Set<string>([p.text]);
  const alternatives: string[] = [];
  for (const c of scored) {
    if (alternatives.length >= MAX_ALTERNATIVES) break;
    if (seen.has(c.text)) continue;
    seen.add(c.text);
    alternatives.push(c.text);
  }
  let confidence = 0;
  if (!p.undecided) {
    const own = p.logp + model.bigram(prevKey, p.key) + model.bigram(p.key, nextKey);
    const others = scored.filter((c) => c.text !== p.text);
    const top = Math.max(own, ...others.map((c) => c.score));
    const sum = Math.exp(own - top) + others.reduce((s, c) => s + Math.exp(c.score - top), 0);
    confidence = Math.exp(own - top) / sum;
    // A vanished word is a guess the witness does not support: never more than even.
    if (p.vanished) confidence = Math.min(confidence, 0.5);
  }
  return {
    text: p.undecided ? '' : p.text,
    witness: p.witness,
    alternatives,
    undecided: p.undecided,
    source: p.source,
    confidence,
  };
}
