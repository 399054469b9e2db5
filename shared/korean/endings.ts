/**
 * Particles and endings that combine with stems, with the 받침 rules that choose between
 * their forms (은/는, 이/가, 을/를, 과/와, 으로/로). Each carries a prior: a hand-set guess
 * of how common it is in formal written prose (1 = very common), used only to break ties.
 */
import { finalTail, TAIL_RIEUL } from './hangul';

/** A particle or ending with its prior. */
export interface Ending {
  /** The text appended to the stem ('' for the bare stem). */
  text: string;
  /** Hand-set commonness prior, 0..1. */
  prior: number;
  /** The particle's name, the same for both allomorphs (은 for 은/는): what the model counts. */
  label: string;
}

// [after a consonant, after a vowel, prior]; ㄹ-final nouns take the vowel form of 으로.
const NOUN_PAIRS: [string, string, number][] = [
  ['', '', 1],
  ['은', '는', 0.9],
  ['이', '가', 0.85],
  ['을', '를', 0.9],
  ['의', '의', 0.9],
  ['에', '에', 0.85],
  ['에서', '에서', 0.75],
  ['과', '와', 0.75],
  ['으로', '로', 0.75],
  ['도', '도', 0.6],
  ['에게', '에게', 0.55],
  ['만', '만', 0.4],
  ['까지', '까지', 0.4],
  ['부터', '부터', 0.35],
  ['과의', '와의', 0.5],
  ['에서의', '에서의', 0.35],
  ['에서는', '에서는', 0.5],
  ['에는', '에는', 0.45],
  ['에도', '에도', 0.35],
  ['에서도', '에서도', 0.3],
  ['에게서', '에게서', 0.25],
  ['으로서', '로서', 0.4],
  ['으로써', '로써', 0.3],
  ['으로는', '로는', 0.35],
  ['으로부터', '로부터', 0.3],
  ['으로의', '로의', 0.25],
  ['과는', '와는', 0.25],
  ['이다', '이다', 0.5],
  ['이다', '다', 0.25],
  ['이며', '이며', 0.4],
  ['이며', '며', 0.2],
  ['이고', '이고', 0.3],
  ['인', '인', 0.5],
  ['일', '일', 0.2],
  ['이었다', '였다', 0.4],
  ['이라고', '라고', 0.4],
  ['이라는', '라는', 0.4],
  ['이나', '나', 0.3],
  ['보다', '보다', 0.3],
  ['처럼', '처럼', 0.25],
  ['께서', '께서', 0.2],
  ['들', '들', 0.6],
  ['들은', '들은', 0.5],
  ['들이', '들이', 0.5],
  ['들을', '들을', 0.5],
  ['들의', '들의', 0.5],
  ['들과', '들과', 0.4],
  ['들에게', '들에게', 0.4],
  ['들도', '들도', 0.3],
  ['들과의', '들과의', 0.3],
  ['들에', '들에', 0.3],
  ['들로', '들로', 0.2],
];

/** The particles a noun takes, in the form its last syllable calls for. */
export function nounEndings(noun: string): Ending[] {
  const tail = finalTail(noun);
  const out: Ending[] = [];
  for (const [afterConsonant, afterVowel, prior] of NOUN_PAIRS) {
    let text = tail === 0 ? afterVowel : afterConsonant;
    if (tail === TAIL_RIEUL && afterConsonant.startsWith('으로')) text = afterVowel;
    out.push({ text, prior, label: afterConsonant === afterVowel ? text : afterConsonant || afterVowel });
  }
  return out;
}

/** The few particles adverbs take. */
export const ADVERB_ENDINGS: Ending[] = [
  { text: '', prior: 1, label: '' },
  { text: '도', prior: 0.3, label: '도' },
  { text: '는', prior: 0.3, label: '는' },
  { text: '만', prior: 0.2, label: '만' },
];
