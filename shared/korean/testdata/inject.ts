/**
 * Deterministic error injection for the test set: substitutions that change the garble,
 * substitutions that do not (another syllable with the same low byte, or another vanishing
 * one), deletions and insertions.
 */
import { emission, SPACE, VANISHES } from '../garble';
import { isSyllable, SYLLABLE_FIRST, SYLLABLE_LAST } from '../hangul';
import type { TestDocument } from './corpus';

/** One injected error: replace `original` at `offset` of a line by `replacement`. */
export interface InjectedError {
  doc: string;
  line: number;
  offset: number;
  kind: 'substitute' | 'substitute-same-garble' | 'delete' | 'insert';
  original: string;
  replacement: string;
  changesGarble: boolean;
}

/** A small seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomSyllable(rand: () => number, accept: (code: number) => boolean): string {
  for (;;) {
    const code = SYLLABLE_FIRST + Math.floor(rand() * (SYLLABLE_LAST - SYLLABLE_FIRST + 1));
    if (accept(code)) return String.fromCharCode(code);
  }
}

/** Applies an error to its line. */
export function applyError(line: string, e: InjectedError): string {
  return line.slice(0, e.offset) + e.replacement + line.slice(e.offset + e.original.length);
}

const KINDS: InjectedError['kind'][] = ['substitute', 'substitute', 'substitute-same-garble', 'delete', 'insert'];

/** Makes `count` versions of the documents, each with one error on every line that has Hangul. */
export function injectVersions(docs: TestDocument[], count: number, seed: number): InjectedError[][] {
  const rand = prng(seed);
  const versions: InjectedError[][] = [];
  for (let v = 0; v < count; v++) {
    const errors: InjectedError[] = [];
    for (const doc of docs) {
      doc.lines.forEach((line, index) => {
        const positions: number[] = [];
        for (let i = 0; i < line.length; i++) if (isSyllable(line.charCodeAt(i))) positions.push(i);
        if (positions.length === 0) return;
        const offset = positions[Math.floor(rand() * positions.length)] ?? 0;
        const original = line[offset] ?? '';
        const e0 = emission(original.charCodeAt(0));
        const kind = KINDS[Math.floor(rand() * KINDS.length)] ?? 'substitute';
        let replacement = '';
        let at = offset;
        let orig = original;
        if (kind === 'substitute') replacement = randomSyllable(rand, (c) => emission(c) !== e0);
        else if (kind === 'substitute-same-garble')
          replacement = randomSyllable(rand, (c) => emission(c) === e0 && String.fromCharCode(c) !== original);
        else if (kind === 'insert') {
          orig = '';
          at = rand() < 0.5 ? offset : offset + 1;
          replacement = randomSyllable(rand, () => true);
        }
        const e: InjectedError = {
          doc: doc.id,
          line: index,
          offset: at,
          kind,
          original: orig,
          replacement,
          changesGarble: false,
        };
        e.changesGarble = changes(line, e);
        errors.push(e);
      });
    }
    versions.push(errors);
  }
  return versions;
}

function changes(line: string, e: InjectedError): boolean {
  const a = e.original ? emission(e.original.charCodeAt(0)) : VANISHES;
  const b = e.replacement ? emission(e.replacement.charCodeAt(0)) : VANISHES;
  if (a === b) return false;
  // A syllable that becomes a space next to another space changes nothing after collapsing.
  if ((a === SPACE || a === VANISHES) && (b === SPACE || b === VANISHES)) {
    return collapse(line) !== collapse(applyError(line, e));
  }
  return true;
}

function collapse(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const e = emission(line.charCodeAt(i));
    if (e !== VANISHES) out += String.fromCharCode(e);
  }
  return out.replace(/ +/g, ' ').trim();
}
