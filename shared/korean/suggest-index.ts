/**
 * The suggestion index: stems ("bases") keyed by their garble, each with a completion class
 * whose particles or verb endings are themselves keyed by garble. A witness token is looked
 * up by splitting it into a base part and an ending part, so the index holds ~50,000 stems
 * instead of millions of inflected forms.
 */
import { garbleFragment, garbleLine } from './garble';
import { nounEndings, ADVERB_ENDINGS, type Ending } from './endings';
import { verbForms, type VerbClass, type VerbForm } from './conjugate';
import { finalTail, TAIL_RIEUL } from './hangul';
import type { GlossaryEntry } from './types';

/** Where a candidate comes from. */
export type SuggestionSource = 'glossary' | 'project' | 'lexicon';

/** A stem in the index. */
export interface Base {
  /** The text the completions are appended to (for verbs: the stem minus its last syllable). */
  text: string;
  /** Completion class id (see {@link completionsOf}). */
  classId: string;
  source: SuggestionSource;
  /** Frequency proxy, 0..1 (1 for project words). */
  freq: number;
  /** Evidence from the project (glossary, restored text), before context. */
  evidence: number;
  /** The word as a dictionary would list it (noun, verb lemma). */
  lemma: string;
  /** Glossary entries this base comes from. */
  glossary?: GlossaryEntry[];
  /** Non-space characters of its garble (set by the index). */
  own?: number;
  /** True when its garble has no edge space (set by the index). */
  exact?: boolean;
}

/** A completion: particle or ending text with its garble key and prior. */
export interface Completion {
  text: string;
  key: string;
  prior: number;
  /** The particle's or ending's name (see {@link Ending.label}, {@link VerbForm.slot}). */
  label: string;
  /** True when its garble has no edge space, so concatenation needs no re-check. */
  exact: boolean;
}

/** A verified match of a chunk. */
export interface Match {
  base: Base;
  completion: Completion;
  text: string;
}

/** The completion class of a noun-like word, by its final consonant. */
export function nounClass(word: string): string {
  const t = finalTail(word);
  return t === 0 ? 'n:V' : t === TAIL_RIEUL ? 'n:L' : 'n:C';
}

/** Splits a verb lemma into base and completion class: the last stem syllable (two for 르) is conjugated. */
export function verbBase(lemma: string, cls: VerbClass): { base: string; classId: string } {
  const stem = lemma.slice(0, -1);
  const k = cls.irregular === 'l' && stem.length >= 2 ? 2 : 1;
  const code = `${cls.irregular}${cls.descriptive ? 'j' : ''}${cls.noPresent ? 'n' : ''}`;
  return { base: stem.slice(0, stem.length - k), classId: `v:${stem.slice(stem.length - k)}:${code}` };
}

const NO_BASES: readonly Base[] = [];

/** Completions tried per stem and token split (the likeliest by prior). */
const MAX_COMPLETIONS = 4;

/** The index. */
export class SuggestIndex {
  private readonly byKey = new Map<string, Base[]>();

  /**
   * @param priorOf optional commonness of an ending by word kind (`n`, `v`, `a`) and label,
   *   e.g. learned from a corpus; the hand-set priors are used without it.
   */
  /**
   * @param parent an index searched after this one (e.g. the lexicon and corpus stems, built
   *   once and shared, under a project's own glossary and restored words).
   */
  constructor(
    private readonly priorOf?: (kind: string, label: string) => number | undefined,
    private readonly parent?: SuggestIndex,
  ) {}
  private readonly byLemma = new Map<string, Base[]>();
  /** True when lexicon-source whole forms (class x) are indexed, capped apart from stems. */
  private hasForms = false;
  private readonly classes = new Map<string, Map<string, Completion[]>>();
  /** Per bucket key, built on first use: ending garble → the bucket's bases whose class has it, in bucket order. */
  private readonly byEnding = new Map<string, Map<string, Base[]>>();

  /** Adds a base (call {@link finish} after the last one); `raw` is its garble when the caller has it. */
  add(base: Base, raw = garbleFragment(base.text)): void {
    const key = raw.trim();
    base.own = key.replace(/ /g, '').length;
    this.byEnding.delete(key);
    if (base.classId === 'x' && base.source === 'lexicon') this.hasForms = true;
    base.exact = raw === key;
    const list = this.byKey.get(key);
    if (list) list.push(base);
    else this.byKey.set(key, [base]);
    const same = this.byLemma.get(base.lemma);
    if (same) same.push(base);
    else this.byLemma.set(base.lemma, [base]);
  }

  /** The bases built from a lemma (a noun, a verb lemma, a glossary form). */
  basesOf(lemma: string): Base[] {
    const own = this.byLemma.get(lemma) ?? [];
    return this.parent ? [...own, ...this.parent.basesOf(lemma)] : own;
  }

  /** The bases of this index alone (not its parent's) whose garble is exactly `key`. */
  ownBucket(key: string): readonly Base[] {
    return this.byKey.get(key) ?? [];
  }

  /** The bases whose garble is exactly `key` (`''`: stems that vanish entirely), likeliest first. */
  bucket(key: string): readonly Base[] {
    const own = this.byKey.get(key) ?? [];
    return this.parent ? [...own, ...this.parent.bucket(key)] : own;
  }

  /** Every completion of one base whose full text garbles to exactly `chunk` (for bases found another way). */
  matchBase(base: Base, chunk: string): Match[] {
    const raw = garbleFragment(base.text);
    const key = raw.trim();
    const out: Match[] = [];
    for (let i = 0; i <= chunk.length; i++) {
      if (chunk.slice(0, i).trim() !== key) continue;
      const comps = this.completionsOf(base.classId).get(chunk.slice(i).trim());
      for (const completion of comps ?? []) {
        const text = base.text + completion.text;
        if (!out.some((m) => m.text === text) && garbleLine(text) === chunk) out.push({ base, completion, text });
      }
    }
    return out;
  }

  /** Sorts every bucket (project evidence first, then frequency) and builds the completion classes. */
  finish(): void {
    for (const list of this.byKey.values()) {
      list.sort((a, b) => b.evidence - a.evidence || b.freq - a.freq);
      for (const base of list) this.completionsOf(base.classId);
    }
    for (const map of this.classes.values()) for (const list of map.values()) list.sort((a, b) => b.prior - a.prior);
  }

  /**
   * Every base + completion whose garble is exactly `chunk`. At most `cap` lexicon bases
   * are tried per bucket and completion key (buckets are sorted, so these are the likeliest).
   */
  lookup(chunk: string, cap: number, vanishingCap = Math.min(cap, 6)): Match[] {
    const out: Match[] = [];
    const seen = new Set<string>();
    for (let i = 0; i <= chunk.length; i++) {
      const rawP = chunk.slice(0, i);
      const rawE = chunk.slice(i);
      const p = rawP.trim();
      const e = rawE.trim();
      const cleanSplit = p === rawP && e === rawE;
      // A stem that leaves no trace fits any token its ending explains: try only the likeliest.
      const limit = p === '' ? vanishingCap : cap;
      const pair = `${p}\u0000${e}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      // Only the bases whose class completes with this ending's garble, in bucket order: most
      // of a bucket has no such ending, and is not walked (see ownWithEnding).
      const own = this.ownWithEnding(p, e);
      const inherited = this.parent ? this.parent.ownWithEnding(p, e) : NO_BASES;
      if (!own.length && !inherited.length) continue;
      // Whole corpus forms (class x) and stems are capped apart: neither crowds out the other.
      let stemsTaken = 0;
      let formsTaken = 0;
      scan: for (const list of [own, inherited]) for (const base of list) {
        const comps = this.completionsOf(base.classId).get(e) as Completion[];
        if (base.source === 'lexicon') {
          const over = base.classId === 'x' ? formsTaken++ >= limit : stemsTaken++ >= limit;
          // Past both caps (or the one cap of an index without whole forms): stop.
          if (over && (!(this.hasForms || this.parent?.hasForms) || formsTaken + stemsTaken > 2 * limit)) break scan;
          if (over) continue;
        }
        for (let c = 0; c < comps.length && c < MAX_COMPLETIONS; c++) {
          const completion = comps[c] as Completion;
          const text = base.text + completion.text;
          if ((cleanSplit && base.exact && completion.exact) || garbleLine(text) === chunk)
            out.push({ base, completion, text });
        }
      }
    }
    return out;
  }

  /** The bases of this index alone whose garble is `key` and whose class has a completion garbling to `ending`, in bucket order. */
  ownWithEnding(key: string, ending: string): readonly Base[] {
    let index = this.byEnding.get(key);
    if (!index) {
      // Once per bucket: every base filed under each ending its class has (a bucket holds up
      // to tens of thousands of stems, those that vanish entirely most of all).
      index = new Map();
      for (const base of this.byKey.get(key) ?? []) {
        for (const e of this.completionsOf(base.classId).keys()) {
          const list = index.get(e);
          if (list) list.push(base);
          else index.set(e, [base]);
        }
      }
      this.byEnding.set(key, index);
    }
    return index.get(ending) ?? NO_BASES;
  }

  /** Number of bases. */
  get size(): number {
    let n = this.parent?.size ?? 0;
    for (const list of this.byKey.values()) n += list.length;
    return n;
  }

  /**
   * Completions of a class, keyed by garble. Classes: `n:V|C|L` nouns by final consonant,
   * `a` adverbs, `x` exact words, `v:<syllables>:<class>` verbs by their conjugated syllables.
   */
  completionsOf(classId: string): Map<string, Completion[]> {
    const cached = this.classes.get(classId) ?? this.parent?.classes.get(classId);
    if (cached) return cached;
    const map = new Map<string, Completion[]>();
    const put = (text: string, prior: number, label: string): void => {
      const raw = garbleFragment(text);
      const key = raw.trim();
      const list = map.get(key);
      const c = { text, key, prior, label, exact: raw === key };
      if (list) {
        if (!list.some((x) => x.text === text)) list.push(c);
      } else map.set(key, [c]);
    };
    let endings: Ending[] = [];
    if (classId === 'x') endings = [{ text: '', prior: 1, label: '' }];
    else if (classId === 'a') endings = ADVERB_ENDINGS;
    else if (classId.startsWith('n:'))
      endings = nounEndings(classId === 'n:V' ? '가' : classId === 'n:L' ? '갈' : '각');
    else if (classId.startsWith('v:')) {
      const [, syllables = '', code = ''] = classId.split(':');
      const irregular = (code.replace(/[jn]/g, '')[0] ?? '') as VerbClass['irregular'];
      endings = verbForms(`${syllables}다`, {
        irregular,
        descriptive: code.includes('j'),
        noPresent: code.includes('n'),
      }).map((f: VerbForm) => ({ text: f.text, prior: f.prior, label: f.slot }));
    }
    const kind = classId.slice(0, 1);
    for (const e of endings) put(e.text, this.priorOf?.(kind, e.label) ?? e.prior, e.label);
    this.classes.set(classId, map);
    return map;
  }
}
