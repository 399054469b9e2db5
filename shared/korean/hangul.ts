/**
 * Hangul syllable arithmetic: decomposition into lead/vowel/tail indices and the
 * 받침 (final consonant) facts that particles and verb endings depend on.
 * Pure, no dependencies.
 */

/** First precomposed Hangul syllable, 가 (U+AC00). */
export const SYLLABLE_FIRST = 0xac00;
/** Last precomposed Hangul syllable, 힣 (U+D7A3). */
export const SYLLABLE_LAST = 0xd7a3;

const VOWELS = 21;
const TAILS = 28;

/** Index of ㄹ among the 28 tail (받침) values, where 0 means "no 받침". */
export const TAIL_RIEUL = 8;
/** Index of ㅆ among the tail values. */
export const TAIL_SSANG_SIOS = 20;
/** Index of ㅁ among the tail values. */
export const TAIL_MIEUM = 16;
/** Index of ㄴ among the tail values. */
export const TAIL_NIEUN = 4;

/** True when the UTF-16 code unit is a precomposed Hangul syllable (U+AC00..U+D7A3). */
export function isSyllable(code: number): boolean {
  return code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST;
}

/** True when every code unit of a non-empty string is a Hangul syllable. */
export function isHangulWord(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isSyllable(text.charCodeAt(i))) return false;
  return true;
}

/** Counts the Hangul syllables in a string. */
export function countSyllables(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isSyllable(text.charCodeAt(i))) n++;
  return n;
}

/** A syllable split into its lead (0..18), vowel (0..20) and tail (0..27, 0 = none) indices. */
export interface Jamo {
  lead: number;
  vowel: number;
  tail: number;
}

/** Splits a syllable into jamo indices, or returns undefined for anything else. */
export function decompose(code: number): Jamo | undefined {
  if (!isSyllable(code)) return undefined;
  const s = code - SYLLABLE_FIRST;
  return { lead: Math.floor(s / (VOWELS * TAILS)), vowel: Math.floor((s % (VOWELS * TAILS)) / TAILS), tail: s % TAILS };
}

/** Composes jamo indices into a syllable character. */
export function compose(jamo: Jamo): string {
  return String.fromCharCode(SYLLABLE_FIRST + (jamo.lead * VOWELS + jamo.vowel) * TAILS + jamo.tail);
}

/**
 * The 받침 of the last character of a word: 0 for an open syllable, the tail index otherwise.
 * Digits and Latin letters are read the way Koreans pronounce them only roughly: a final
 * digit 0,1,3,6,7,8 ends in a consonant (영, 일, 삼, 육, 칠, 팔), others do not; Latin counts as open.
 */
export function finalTail(word: string): number {
  if (word.length === 0) return 0;
  const code = word.charCodeAt(word.length - 1);
  const j = decompose(code);
  if (j) return j.tail;
  const digitTails: Record<string, number> = {
    '0': 21,
    '1': TAIL_RIEUL,
    '3': TAIL_MIEUM,
    '6': 1,
    '7': TAIL_RIEUL,
    '8': TAIL_RIEUL,
  };
  return digitTails[word[word.length - 1] ?? ''] ?? 0;
}

/** True when the word ends in a consonant (has 받침). */
export function hasBatchim(word: string): boolean {
  return finalTail(word) !== 0;
}

/**
 * Replaces the tail of the last syllable of a word (e.g. 하 + ㅆ → 했 via {@link TAIL_SSANG_SIOS}).
 * Returns undefined when the word does not end in a syllable.
 */
export function withFinalTail(word: string, tail: number): string | undefined {
  const j = decompose(word.charCodeAt(word.length - 1));
  if (!j) return undefined;
  return word.slice(0, -1) + compose({ ...j, tail });
}
