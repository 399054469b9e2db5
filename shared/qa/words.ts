/**
 * Words of English text as the spelling and name rules read them: where they are,
 * whether they begin a sentence, and whether the dictionary (plus the glossary and
 * the termbase) knows them.
 */
import type { GlossaryEntry } from '../model/project';
import type { Speller } from './types';
import { OBJECT_CHAR } from './text';

/** A word of a text: letters, with inner apostrophes and hyphens. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /\p{L}(?:[\p{L}\p{M}]|['’-](?=\p{L}))*/gu;
const POSSESSIVE = /['’]s?$/u;
const URL = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+/g;

/** The words of `text`, URLs and e-mail addresses left out. */
export function wordsOf(text: string): Word[] {
  // Most texts hold no address: the mask is only made when one may be there.
  const masked = mayHoldAddress(text) ? text.replace(URL, (m) => ' '.repeat(m.length)) : text;
  const out: Word[] = [];
  for (const m of masked.matchAll(WORD)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Whether `text` may hold what URL matches: `://`, `www.` or an `@`. */
function mayHoldAddress(text: string): boolean {
  return text.includes('@') || text.includes('://') || text.includes('www.');
}

/** True when the word at `start` begins a sentence (or the text, or follows a gap). */
export function startsSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s"“‘'([*_]/.test(text[i])) {
    if (text[i] === '\n') return true;
    i--;
  }
  if (i < 0) return true;
  const c = text[i];
  if (c === OBJECT_CHAR) return true;
  if (c !== '.' && c !== '!' && c !== '?' && c !== ':') return false;
  // "K. Schneidewind": a single capital before the period is an initial, not a sentence.
  if (c === '.' && i >= 1 && /\p{Lu}/u.test(text[i - 1]) && (i < 2 || !/\p{L}/u.test(text[i - 2]))) return false;
  return true;
}

/** The next word's first letter is lower case (a sentence goes on: not a name's next part). */
export function nextIsLower(text: string, words: readonly Word[], index: number): boolean {
  const next = words[index + 1];
  if (!next) return false;
  if (/[.!?;:,\n]/.test(text.slice(words[index].end, next.start))) return false;
  return /^\p{Ll}/u.test(next.text);
}

export const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);
/** All capitals (an acronym: KWP, DPRK) or a single letter. */
export const isAcronym = (word: string): boolean => word.length < 2 || word === word.toUpperCase();

/** Words of Latin and French that English texts use (vis-à-vis, et cetera, et al.). */
const BORROWED = new Set(['et', 'cetera', 'al', 'vis', 'à', 'ibid', 'sic', 'passim', 'cit', 'ca', 'viz', 'per', 'se', 'bona', 'fide', 'facto', 'de', 'jure']);

/** Suffixes English derives words with; a word is English when its stem is (`oppositional`, `propagandistic`). */
const SUFFIXES: readonly [string, readonly string[]][] = [
  ['istic', ['', 'a', 'ism', 'ist']],
  ['istically', ['', 'a', 'ism']],
  ['ically', ['ic', 'y']],
  ['ical', ['ic', 'y', '']],
  ['ally', ['al', '']],
  ['ional', ['ion']],
  ['al', ['']],
  ['ic', ['', 'y', 'e']],
  ['ments', ['ment']],
  ['ness', ['', 'y']],
  ['ly', ['', 'le']],
  ['ism', ['', 'e', 'ic']],
  ['ist', ['', 'e', 'ism']],
  ['ists', ['', 'e', 'ism']],
  ['s', ['']],
  ['es', ['']],
  ['ed', ['', 'e']],
  ['ing', ['', 'e']],
];

/** Prefixes English derives words with: `reemphasis` is a word, `Dreemphasis` is not. */
const PREFIXES = new Set([
  'a', 're', 'de', 'un', 'in', 'im', 'ir', 'il', 'non', 'pre', 'pro', 'co', 'sub', 'anti', 'over', 'under', 'semi', 'mis',
  'dis', 'ex', 'bi', 'tri', 'multi', 'post', 'inter', 'super', 'mid', 'self', 'out', 'up', 'counter', 'mono', 'poly',
  'neo', 'pan', 'para', 'pseudo', 'quasi', 'ultra', 'trans', 'micro', 'macro', 'hyper', 'auto', 'en', 'be', 'fore',
]);

/** Characters OCR reads one for another, as [what was read, what was meant]. */
const OCR_CONFUSIONS: readonly [string, string][] = [
  ['m', 'n'],
  ['n', 'm'],
  ['rn', 'm'],
  ['m', 'rn'],
  ['cl', 'd'],
  ['li', 'h'],
  ['vv', 'w'],
  ['I', 'l'],
  ['l', 'I'],
  ['1', 'l'],
  ['0', 'o'],
  ['ii', 'u'],
  ['c', 'e'],
  ['e', 'c'],
];

/** The dictionary, the glossary's and the termbase's words, and a memo of what was asked. */
export class Lexicon {
  private readonly memo = new Map<string, boolean>();
  // Most words repeat across a project: each question is answered once per word form.
  private readonly knownMemo = new Map<string, boolean>();
  private readonly slipMemo = new Map<string, string | null>();
  private readonly splitMemo = new Map<string, string | null>();
  private readonly tailMemo = new Map<string, string | null>();
  private readonly nearMemo = new Map<string, string | null>();
  /** Lower-cased words of every glossary and termbase form. */
  readonly glossaryWords = new Set<string>();
  /** Capitalised name words of at least five letters, for near misses (`Puzanow`). */
  readonly nameWords: string[] = [];

  constructor(
    private readonly speller: Speller,
    entries: readonly Pick<GlossaryEntry, 'en' | 'variants'>[],
  ) {
    const names = new Set<string>();
    for (const entry of entries) {
      for (const form of [entry.en, ...entry.variants]) {
        for (const w of wordsOf(form)) {
          for (const part of [w.text, ...w.text.split(/[-‐]/)]) {
            this.glossaryWords.add(part.toLowerCase());
            if (part.length >= 5 && isCapitalised(part) && !isAcronym(part)) names.add(part);
          }
        }
      }
    }
    this.nameWords.push(...names);
  }

  /** Whether the dictionary knows `word` as written (an init capital allowed) or lower-cased. */
  inDictionary(word: string): boolean {
    let known = this.memo.get(word);
    if (known === undefined) {
      known = this.speller.correct(word) || BORROWED.has(word.toLowerCase());
      this.memo.set(word, known);
    }
    return known;
  }

  /** Whether `word` is English or a glossary word: dictionary, glossary, derivation, hyphenated parts, possessive. */
  known(word: string): boolean {
    let known = this.knownMemo.get(word);
    if (known === undefined) this.knownMemo.set(word, (known = this.knownUncached(word)));
    return known;
  }

  private knownUncached(word: string): boolean {
    const w = word.replace(POSSESSIVE, '');
    if (!w) return true;
    if (this.glossaryWords.has(w.toLowerCase()) || this.inDictionary(w)) return true;
    if (/[-‐]/.test(w)) return w.split(/[-‐]/).every((part) => !part || this.known(part));
    return this.derived(w.toLowerCase());
  }

  private derived(lower: string): boolean {
    for (let i = 1; i <= 7 && lower.length - i >= 4; i++) {
      if (PREFIXES.has(lower.slice(0, i)) && this.inDictionary(lower.slice(i))) return true;
    }
    for (const [suffix, stems] of SUFFIXES) {
      if (lower.length - suffix.length < 3 || !lower.endsWith(suffix)) continue;
      const stem = lower.slice(0, -suffix.length);
      if (stems.some((end) => this.inDictionary(stem + end))) return true;
    }
    return false;
  }

  /** The one word an OCR confusion turns `word` into, when exactly one is English. */
  ocrCandidate(word: string): string | null {
    return memoised(this.slipMemo, word, () => this.ocrCandidateUncached(word));
  }

  private ocrCandidateUncached(word: string): string | null {
    const found = new Set<string>();
    for (const [read, meant] of OCR_CONFUSIONS) {
      for (let i = word.indexOf(read); i >= 0; i = word.indexOf(read, i + 1)) {
        const candidate = word.slice(0, i) + meant + word.slice(i + read.length);
        if (candidate !== word && this.inDictionary(candidate)) found.add(candidate);
      }
    }
    return found.size === 1 ? [...found][0] : null;
  }

  /** `word` as two English words (`theparty` → `the party`), when exactly one split works. */
  split(word: string): string | null {
    return memoised(this.splitMemo, word, () => this.splitUncached(word));
  }

  private splitUncached(word: string): string | null {
    const found: string[] = [];
    for (let i = 1; i < word.length; i++) {
      const left = word.slice(0, i);
      const right = word.slice(i);
      if (!validPart(left) || !validPart(right)) continue;
      if (this.inDictionary(left) && this.inDictionary(right)) found.push(`${left} ${right}`);
    }
    return found.length === 1 ? found[0] : null;
  }

  /** An English word of five letters or more that `word` ends with, behind a few letters that are no prefix (`Dreemphasis`). */
  runTogetherTail(word: string): string | null {
    return memoised(this.tailMemo, word, () => this.runTogetherTailUncached(word));
  }

  private runTogetherTailUncached(word: string): string | null {
    const lower = word.toLowerCase();
    for (let i = 1; i <= 4 && lower.length - i >= 5; i++) {
      const head = lower.slice(0, i);
      const tail = lower.slice(i);
      if (!PREFIXES.has(head) && this.inDictionary(tail)) return tail;
    }
    return null;
  }

  /** The name word of the glossary one edit from `word`, when there is exactly one. */
  nearName(word: string): string | null {
    if (word.length < 5) return null;
    return memoised(this.nearMemo, word, () => this.nearNameUncached(word));
  }

  private nearNameUncached(word: string): string | null {
    const found = this.nameWords.filter((name) => name !== word && Math.abs(name.length - word.length) <= 1 && withinOneEdit(name, word));
    return found.length === 1 ? found[0] : null;
  }
}

function memoised(memo: Map<string, string | null>, key: string, compute: () => string | null): string | null {
  let value = memo.get(key);
  if (value === undefined) memo.set(key, (value = compute()));
  return value;
}

function validPart(part: string): boolean {
  return part.length >= 2 || part === 'a' || part === 'I';
}

/** True when `a` and `b` differ by one substitution, insertion, deletion or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
