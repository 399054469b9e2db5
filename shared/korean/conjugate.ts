/**
 * Verb and adjective forms from a dictionary lemma and its conjugation class: the forms
 * that written reports use most (했다/하였다, 한다, 하는, 하고, 하여, 한, 할, 하며, ...).
 * Regular stems, 하다 (여) and the ㅂ, ㄷ, ㅅ, ㅎ, 르, 러, 우 irregular classes are covered.
 */
import {
  compose,
  decompose,
  TAIL_MIEUM,
  TAIL_NIEUN,
  TAIL_RIEUL,
  TAIL_SSANG_SIOS,
  withFinalTail,
  type Jamo,
} from './hangul';

/** A conjugated form: the full text and a commonness prior (hand-set, 0..1). */
export interface VerbForm {
  text: string;
  /** The ending as written after the unchanged part of the stem, for display. */
  ending: string;
  prior: number;
  /** The ending's name, the same for every verb (`고`, `ㄴ다`, `었다`, `어서`): what the model counts. */
  slot: string;
}

/** Conjugation class letters as stored in the lexicon (see scripts/build-lexicon.mjs). */
export interface VerbClass {
  irregular: '' | 'b' | 'w' | 'd' | 's' | 'h' | 'e' | 'l' | 'u';
  /** Descriptive verb (adjective): no 는 / ㄴ다. */
  descriptive: boolean;
  /** Takes 는 but not ㄴ다 (없다). */
  noPresent: boolean;
}

/** Parses `lemma[:class]` from the lexicon. */
export function parseVerbEntry(entry: string): { lemma: string; cls: VerbClass } {
  const [lemma = '', code = ''] = entry.split(':');
  const irregular = (code.replace(/[jn]/g, '')[0] ?? '') as VerbClass['irregular'];
  return { lemma, cls: { irregular, descriptive: code.includes('j'), noPresent: code.includes('n') } };
}

const V = { A: 0, AE: 1, YA: 2, EO: 4, E: 5, YEO: 6, O: 8, WA: 9, OE: 11, U: 13, WO: 14, WI: 16, EU: 18, I: 20 };
const LEAD_IEUNG = 11;
const TAIL_RIEUL_MIEUM = 10;

const syl = (lead: number, vowel: number, tail = 0): string => compose({ lead, vowel, tail });
const last = (s: string): Jamo | undefined => decompose(s.charCodeAt(s.length - 1));
const bright = (j: Jamo): boolean => j.vowel === V.A || j.vowel === V.O || j.vowel === V.YA;

/** The 아/어 forms (하여/해, 도와, 먹어, 가, 봐/보아 ...). */
export function infinitives(stem: string, cls: VerbClass): string[] {
  const j = last(stem);
  if (!j) return [];
  const head = stem.slice(0, -1);
  const eo = (jj: Jamo): string => syl(LEAD_IEUNG, bright(jj) ? V.A : V.EO);
  switch (cls.irregular) {
    case 'b':
      return [head + compose({ ...j, tail: 0 }) + syl(LEAD_IEUNG, V.WO)];
    case 'w':
      return [head + compose({ ...j, tail: 0 }) + syl(LEAD_IEUNG, V.WA)];
    case 'd':
      return [head + compose({ ...j, tail: TAIL_RIEUL }) + eo(j)];
    case 's':
      return [head + compose({ ...j, tail: 0 }) + eo(j)];
    case 'h':
      return [head + compose({ ...j, tail: 0, vowel: j.vowel === V.YA ? 3 : j.vowel === V.YEO ? 7 : V.AE })];
    case 'e':
      return [stem + syl(5, V.EO)];
    case 'u':
      return [head + compose({ ...j, vowel: V.EO })];
    case 'l': {
      const prev = last(head);
      if (!prev) return [];
      return [head.slice(0, -1) + compose({ ...prev, tail: TAIL_RIEUL }) + syl(5, bright(prev) ? V.A : V.EO)];
    }
    default:
  }
  if (stem.endsWith('하')) return [`${stem}여`, head + '해'];
  if (j.tail !== 0) return [stem + eo(j)];
  switch (j.vowel) {
    case V.A:
    case V.EO:
    case V.YEO:
    case V.AE:
    case V.E:
      return [stem];
    case V.O:
      return [head + compose({ ...j, vowel: V.WA }), stem + '아'];
    case V.U:
      return [head + compose({ ...j, vowel: V.WO }), stem + '어'];
    case V.I:
      return [head + compose({ ...j, vowel: V.YEO }), stem + '어'];
    case V.OE:
      return [head + compose({ ...j, vowel: 10 }), stem + '어'];
    case V.EU: {
      const prev = last(head);
      return [head + compose({ ...j, vowel: prev && bright(prev) ? V.A : V.EO })];
    }
    default:
      return [stem + '어'];
  }
}

/** The stem before endings starting with 으 (며, 면, 니, 므로): 먹으, 도우, 들으, 지으, 그러, 하, 살. */
function euStem(stem: string, cls: VerbClass): string {
  const j = last(stem);
  if (!j) return stem;
  const head = stem.slice(0, -1);
  if (cls.irregular === 'b' || cls.irregular === 'w') return head + compose({ ...j, tail: 0 }) + '우';
  if (cls.irregular === 'd') return head + compose({ ...j, tail: TAIL_RIEUL }) + '으';
  if (cls.irregular === 's') return head + compose({ ...j, tail: 0 }) + '으';
  if (cls.irregular === 'h') return head + compose({ ...j, tail: 0 });
  if (j.tail === 0 || j.tail === TAIL_RIEUL) return stem;
  return stem + '으';
}

/** Adds a 받침 to the last syllable of an 으-stem, absorbing its 으 (먹으 + ㄴ → 먹은, 하 + ㄴ → 한, 살 + ㄴ → 산). */
function withTail(eu: string, tail: number): string {
  const j = last(eu);
  if (!j) return eu;
  if (j.tail === TAIL_RIEUL)
    return tail === TAIL_MIEUM ? (withFinalTail(eu, TAIL_RIEUL_MIEUM) ?? eu) : (withFinalTail(eu, tail) ?? eu);
  return withFinalTail(eu, tail) ?? eu;
}

/**
 * The common written forms of a verb or adjective, each with a prior. Forms are generated
 * by rule; the lexicon's class letters come from the dictionary's affix flags.
 */
export function verbForms(lemma: string, cls: VerbClass): VerbForm[] {
  if (!lemma.endsWith('다') || lemma.length < 2) return [];
  const stem = lemma.slice(0, -1);
  const sj = last(stem);
  if (!sj) return [];
  const out: VerbForm[] = [];
  const add = (text: string, prior: number, slot: string): void => {
    if (!out.some((f) => f.text === text))
      out.push({ text, ending: text.slice(commonPrefix(text, stem)), prior, slot });
  };
  for (const e of ['다', '고', '지', '게', '기', '지만', '도록', '던', '겠다', '거나', '고자'])
    add(stem + e, e === '다' ? 0.5 : e === '고' ? 0.7 : 0.4, e);
  if (!cls.descriptive) {
    const adn = sj.tail === TAIL_RIEUL ? stem.slice(0, -1) + compose({ ...sj, tail: 0 }) : stem;
    add(`${adn}는`, 0.8, '는');
    add(`${adn}는데`, 0.3, '는데');
    if (!cls.noPresent) {
      const present = sj.tail === 0 || sj.tail === TAIL_RIEUL ? `${withTail(stem, TAIL_NIEUN)}다` : `${stem}는다`;
      add(present, 0.7, 'ㄴ다');
      add(`${present}고`, 0.5, 'ㄴ다고');
      add(`${present}는`, 0.4, 'ㄴ다는');
    }
  } else {
    add(`${stem}다고`, 0.3, '다고');
  }
  const eu = euStem(stem, cls);
  add(withTail(eu, TAIL_NIEUN), 0.8, 'ㄴ');
  add(withTail(eu, TAIL_RIEUL), 0.6, 'ㄹ');
  add(withTail(eu, TAIL_MIEUM), 0.4, 'ㅁ');
  // An ㄹ stem drops its ㄹ before ㄴ (살 + 니 → 사니).
  const euN = (last(eu)?.tail ?? 0) === TAIL_RIEUL ? (withFinalTail(eu, 0) ?? eu) : eu;
  for (const e of ['며', '면', '니', '므로', '나', '려고', '려는', '면서'])
    add((e.startsWith('니') || e.startsWith('나') ? euN : eu) + e, e === '며' ? 0.7 : e === '면' ? 0.5 : 0.3, `으${e}`);
  add(`${withTail(eu, TAIL_RIEUL)} 것`, 0.2, 'ㄹ 것');
  for (const inf of infinitives(stem, cls)) {
    const short = inf.length <= stem.length;
    add(inf, 0.6, '어');
    for (const e of ['서', '도', '야', '야 한다']) add(inf + e, e === '서' ? 0.5 : 0.3, `어${e}`);
    const past = withFinalTail(inf, TAIL_SSANG_SIOS);
    if (!past || (last(inf)?.tail ?? 0) !== 0) continue;
    const pw = short ? 1 : 0.9;
    for (const [e, p] of [
      ['다', 0.9],
      ['고', 0.6],
      ['으며', 0.6],
      ['으나', 0.4],
      ['던', 0.4],
      ['지만', 0.4],
      ['는데', 0.4],
      ['음', 0.3],
      ['을', 0.3],
      ['다고', 0.6],
      ['다는', 0.5],
      ['으므로', 0.3],
      ['기', 0.2],
      ['다면', 0.2],
    ] as const) {
      add(past + e, p * pw, `었${e}`);
    }
  }
  return out;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
