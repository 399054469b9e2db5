/**
 * The Korean lexicon data (resources/lexicon/ko-lexicon.json, built by
 * scripts/build-lexicon.mjs from the hunspell dictionary-ko). The engine never reads files:
 * the caller fetches or reads the JSON and passes the parsed object in.
 */
import { parseVerbEntry, type VerbClass } from './conjugate';

/** The lexicon file as stored: space-separated lists, most likely words first. */
export interface LexiconData {
  format: string;
  source?: { package?: string; dictionary?: string; license?: string };
  note?: string;
  /** Nouns (and other words that take particles). */
  nouns: string;
  /** Verb and adjective lemmas (ending in 다), each `lemma[:class]`. */
  verbs: string;
  /** Adverbs and other uninflected words. */
  adverbs: string;
}

/** A parsed lexicon word with its rank (0 = most likely) within its list. */
export interface LexiconWord {
  text: string;
  kind: 'noun' | 'verb' | 'adverb';
  rank: number;
  /** For verbs: the conjugation class. */
  cls?: VerbClass;
}

/** The expected `format` value. */
export const LEXICON_FORMAT = 'interlinea-ko-lexicon/1';

/**
 * Parses lexicon data; throws an Error with a clear message on a wrong format (a user can
 * point the CLI at a wrong file).
 */
export function parseLexicon(data: unknown): {
  words: LexiconWord[];
  sizes: Record<'noun' | 'verb' | 'adverb', number>;
} {
  if (!isLexiconData(data)) throw new Error(`not a Korean lexicon: expected format ${LEXICON_FORMAT}`);
  const words: LexiconWord[] = [];
  const split = (s: string): string[] => (s ? s.split(' ') : []);
  const nouns = split(data.nouns);
  const verbs = split(data.verbs);
  const adverbs = split(data.adverbs);
  nouns.forEach((text, rank) => words.push({ text, kind: 'noun', rank }));
  verbs.forEach((entry, rank) => {
    const { lemma, cls } = parseVerbEntry(entry);
    words.push({ text: lemma, kind: 'verb', rank, cls });
  });
  adverbs.forEach((text, rank) => words.push({ text, kind: 'adverb', rank }));
  return { words, sizes: { noun: nouns.length, verb: verbs.length, adverb: adverbs.length } };
}

function isLexiconData(data: unknown): data is LexiconData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    d.format === LEXICON_FORMAT &&
    typeof d.nouns === 'string' &&
    typeof d.verbs === 'string' &&
    typeof d.adverbs === 'string'
  );
}
