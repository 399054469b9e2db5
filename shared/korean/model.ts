/**
 * The Korean word model (resources/korean/*.tsv, built by scripts/build-korean-model.mjs
 * from the corpora in ../shared/corpora/korean): word-form counts, stem counts with their
 * word class, particle and ending counts, word bigrams and English→Korean associations.
 * The engine never reads files: the caller reads the tables and passes their text in.
 *
 * Every table is tab-separated text whose first line names the format and the table
 * (`#interlinea-ko-model/1 words`), so a wrong file is refused with a clear message.
 */
import { parseVerbEntry, type VerbClass } from './conjugate';

/** The header every table starts with, before its name. */
export const KOREAN_MODEL_FORMAT = 'interlinea-ko-model/1';

/** The tables of the model, each one file `<name>.tsv`. */
export const KOREAN_MODEL_TABLES = ['words', 'stems', 'endings', 'bigrams', 'english'] as const;
/** A table name. */
export type KoreanModelTable = (typeof KOREAN_MODEL_TABLES)[number];
/** The raw text of each table, as read from disk. */
export type KoreanModelFiles = Record<KoreanModelTable, string>;

/** A stem the corpora saw, with its word class. */
export interface ModelStem {
  /** The dictionary form: the noun, or the verb lemma ending in 다. */
  lemma: string;
  kind: 'noun' | 'verb' | 'adverb';
  /** Conjugation class for verbs. */
  cls?: VerbClass;
  /** Occurrences (blended pseudo-count) over all its inflected forms. */
  count: number;
}

/** The parsed model. */
export interface KoreanModel {
  /** Word form → blended count. */
  forms: Map<string, number>;
  /** Sum of {@link forms} counts. */
  total: number;
  /** Stems by lemma (a lemma may be listed with two classes, e.g. 되다 and 되다:j). */
  stems: Map<string, ModelStem[]>;
  /** Sum of stem counts. */
  stemTotal: number;
  /** P(ending label | kind), keyed `kind:label` (`n:을`, `v:었다`, `a:`). */
  endings: Map<string, number>;
  /** `prev next` → log P(next|prev) − log P(next). */
  bigrams: Map<string, number>;
  /** English stem (see englishStem) → Korean lemmas or forms with association weights (0..1), best first. */
  english: Map<string, [string, number][]>;
}

/** Parses the tables; throws an Error naming the table and what is wrong with it. */
export function parseKoreanModel(files: KoreanModelFiles): KoreanModel {
  const forms = new Map<string, number>();
  let total = 0;
  for (const [form, count] of rows(files, 'words', 2)) {
    const n = number(count, 'words', form);
    forms.set(form, n);
    total += n;
  }
  const stems = new Map<string, ModelStem[]>();
  let stemTotal = 0;
  for (const [lemma, code, count] of rows(files, 'stems', 3)) {
    const n = number(count, 'stems', lemma);
    const stem: ModelStem =
      code === 'n'
        ? { lemma, kind: 'noun', count: n }
        : code === 'a'
          ? { lemma, kind: 'adverb', count: n }
          : code.startsWith('v')
            ? { lemma, kind: 'verb', cls: parseVerbEntry(`${lemma}:${code.slice(1)}`).cls, count: n }
            : fail('stems', `unknown word class '${code}' for ${lemma}`);
    const list = stems.get(lemma);
    if (list) list.push(stem);
    else stems.set(lemma, [stem]);
    stemTotal += n;
  }
  const endingCounts = new Map<string, number>();
  const kindTotals = new Map<string, number>();
  for (const [kind, label, count] of rows(files, 'endings', 3)) {
    if (kind !== 'n' && kind !== 'v' && kind !== 'a') fail('endings', `unknown kind '${kind}'`);
    const n = number(count, 'endings', label);
    endingCounts.set(`${kind}:${label}`, n);
    kindTotals.set(kind, (kindTotals.get(kind) ?? 0) + n);
  }
  const endings = new Map<string, number>();
  for (const [key, n] of endingCounts) endings.set(key, n / (kindTotals.get(key.slice(0, 1)) ?? 1));
  const bigrams = new Map<string, number>();
  for (const [prev, next, pmi] of rows(files, 'bigrams', 3)) bigrams.set(`${prev} ${next}`, number(pmi, 'bigrams', prev));
  const english = new Map<string, [string, number][]>();
  for (const [en, ...rest] of rows(files, 'english', 2)) {
    english.set(
      en,
      rest.map((pair) => {
        const i = pair.lastIndexOf(':');
        return [pair.slice(0, i), number(pair.slice(i + 1), 'english', en)] as [string, number];
      }),
    );
  }
  if (total <= 0) fail('words', 'no word counts');
  return { forms, total, stems, stemTotal: Math.max(1, stemTotal), endings, bigrams, english };
}

/** The lines of a table after its header, split on tabs, each with at least `min` fields. */
function* rows(files: KoreanModelFiles, table: KoreanModelTable, min: number): Generator<string[]> {
  const text = files[table];
  if (typeof text !== 'string') fail(table, 'missing');
  const header = `#${KOREAN_MODEL_FORMAT} ${table}`;
  const nl = text.indexOf('\n');
  const first = (nl < 0 ? text : text.slice(0, nl)).trim();
  if (first !== header && !first.startsWith(`${header} `))
    fail(table, `expected a file starting with "${header}", found "${first.slice(0, 60)}"`);
  let lineNo = 1;
  for (const line of text.slice(nl + 1).split('\n')) {
    lineNo++;
    if (!line || line.startsWith('#')) continue;
    const fields = line.split('\t');
    if (fields.length < min) fail(table, `line ${lineNo} has ${fields.length} fields, expected ${min}`);
    yield fields;
  }
}

function number(text: string | undefined, table: KoreanModelTable, key: string): number {
  const n = Number(text);
  if (text === undefined || text === '' || !Number.isFinite(n)) fail(table, `'${text ?? ''}' is not a number (at ${key})`);
  return n;
}

function fail(table: KoreanModelTable, problem: string): never {
  throw new Error(`not an Interlinea Korean model table (${table}.tsv): ${problem}`);
}
