/**
 * Benchmark of the Korean engine:
 *   npm run bench -- korean        (or: npx tsx bench/korean.bench.ts)
 *
 * Suggestions, before and after the word model (resources/korean), in one run:
 * - before: today's ranking (hunspell lexicon, glossary, project text; no model);
 * - after: the same plus the model (word and stem × ending frequencies, English evidence).
 * On four test sets: our own parallel reports (shared/korean/testdata/parallel.ts, Korean with
 * English per line), the same with the other documents as accepted project text (leave one
 * out), the corpus sentences held out from the model (../shared/corpora/korean, see
 * testdata/held-out.ts; North Korean spelling, English beside), and the older Korean-only
 * test reports (testdata/corpus.ts).
 * For every true word: is it the first suggestion (top 1), in the first 5, among the
 * candidates at all (coverage: in the first 300), and what a simulated translator saves: she
 * types the word syllable by syllable; after each syllable (and before the first) she looks
 * at the suggestions for the witness token that start with what she typed, and accepts when
 * the first one is the right word. Keys = syllables typed + 1 to accept, against typing every
 * syllable (unit: one Korean syllable = one key). Words that vanish from the witness are typed
 * in full before the model; after, she picks them from the vanishing-word list the same way.
 * The check: full-document time for 20,000+ syllables and the per-keystroke recheck.
 * Writes bench/results/korean.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { check, checkLine } from '../shared/korean/check';
import { garble, garbleLine } from '../shared/korean/garble';
import { countSyllables } from '../shared/korean/hangul';
import { createSuggester, type Suggester } from '../shared/korean/suggest';
import { KOREAN_MODEL_TABLES, parseKoreanModel, type KoreanModel, type KoreanModelFiles } from '../shared/korean/model';
import { documents } from '../shared/korean/testdata/corpus';
import { parallelDocuments } from '../shared/korean/testdata/parallel';
import { isHeldOut } from '../shared/korean/testdata/held-out';
import { testGlossary } from '../shared/korean/testdata/glossary';
import { versions } from '../shared/korean/testdata/errors';
import { applyError } from '../shared/korean/testdata/inject';
import type { LexiconData } from '../shared/korean/lexicon';
import type { GlossaryEntry } from '../shared/korean/types';

const root = join(__dirname, '..');
const lexicon = JSON.parse(readFileSync(join(root, 'resources', 'lexicon', 'ko-lexicon.json'), 'utf8')) as LexiconData;
const loadStart = performance.now();
const modelFiles = Object.fromEntries(
  KOREAN_MODEL_TABLES.map((t) => [t, readFileSync(join(root, 'resources', 'korean', `${t}.tsv`), 'utf8')]),
) as KoreanModelFiles;
const model: KoreanModel = parseKoreanModel(modelFiles);
const modelLoadMs = performance.now() - loadStart;
const PUNCT = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const COVERAGE_LIMIT = 300;

const median = (xs: number[]): number => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}
function timeRuns(f: () => void, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    out.push(performance.now() - t);
  }
  return out;
}

/** A document to measure on: Korean lines, English per line when known. */
interface EvalDoc {
  id: string;
  lines: string[];
  english?: string[];
}

/** The corpus sentences the model never saw (North Korean spelling), with their English. */
function heldOutDocs(limit: number): EvalDoc[] {
  const dir = join(root, '..', 'shared', 'corpora', 'korean', 'korean-parallel-corpora');
  const stem = 'northkorean-english.test';
  if (!existsSync(join(dir, `${stem}.nk`))) return [];
  const ko = readFileSync(join(dir, `${stem}.nk`), 'utf8').split(/\r?\n/);
  const en = readFileSync(join(dir, `${stem}.en`), 'utf8').split(/\r?\n/);
  const lines: string[] = [];
  const english: string[] = [];
  for (let i = 0; i < ko.length && lines.length < limit; i++) {
    if (!isHeldOut(stem, i) || !ko[i]?.trim()) continue;
    lines.push(ko[i] ?? '');
    english.push(en[i] ?? '');
  }
  // Ten documents of equal size, so leave-one-out and per-document suggesters stay cheap.
  const size = Math.ceil(lines.length / 10);
  return Array.from({ length: 10 }, (_, d) => ({
    id: `held-out-${d}`,
    lines: lines.slice(d * size, (d + 1) * size),
    english: english.slice(d * size, (d + 1) * size),
  })).filter((d) => d.lines.length);
}

interface SuggestStats {
  tokens: number;
  top1: number;
  top5: number;
  coverage: number;
  /** Words that vanish from the witness entirely (not in tokens). */
  vanishing: number;
  syllables: number;
  keys: number;
  keystrokesSaved: number;
  medianMs: number;
  p95Ms: number;
}

/** First candidate starting with the typed prefix, per prefix length: keys to get `word`. */
function keysFor(word: string, candidates: string[]): number {
  const n = word.length;
  for (let k = 0; k < n; k++) {
    const typed = word.slice(0, k);
    const first = candidates.find((c) => c.startsWith(typed));
    if (first === word) return k + 1;
  }
  return n;
}

function evaluate(
  docs: EvalDoc[],
  makeSuggester: (docId: string) => Suggester,
  useModelFeatures: boolean,
): SuggestStats {
  let tokens = 0;
  let top1 = 0;
  let top5 = 0;
  let covered = 0;
  let vanishing = 0;
  let syllables = 0;
  let keys = 0;
  const latencies: number[] = [];
  for (const doc of docs) {
    const suggester = makeSuggester(doc.id);
    doc.lines.forEach((line, lineNo) => {
      const english = useModelFeatures ? doc.english?.[lineNo] : undefined;
      const contextEnglish = doc.english?.[lineNo];
      const words = line.split(/\s+/);
      words.forEach((raw, i) => {
        const word = raw.replace(PUNCT, '');
        if (!/^[\uac00-\ud7a3]+$/.test(word)) return;
        const token = garbleLine(word);
        const before = words.slice(Math.max(0, i - 3), i).join(' ');
        syllables += word.length;
        if (!token) {
          vanishing++;
          if (!useModelFeatures) keys += word.length;
          else {
            const prev = (words[i - 1] ?? '').replace(PUNCT, '');
            const list = suggester.vanishing({ english, prev }, COVERAGE_LIMIT).map((s) => s.text);
            keys += keysFor(word, list);
          }
          return;
        }
        const t = performance.now();
        // The English beside the line goes in both runs: before the model it only finds glossary names.
        const got = suggester.suggest(token, { limit: COVERAGE_LIMIT, context: { before, english: contextEnglish } });
        latencies.push(performance.now() - t);
        tokens++;
        const texts = got.map((s) => s.text);
        const rank = texts.indexOf(word);
        if (rank === 0) top1++;
        if (rank >= 0 && rank < 5) top5++;
        if (rank >= 0) covered++;
        keys += keysFor(word, texts);
      });
    });
  }
  return {
    tokens,
    top1: top1 / tokens,
    top5: top5 / tokens,
    coverage: covered / tokens,
    vanishing,
    syllables,
    keys,
    keystrokesSaved: 1 - keys / syllables,
    medianMs: median(latencies),
    p95Ms: quantile(latencies, 0.95),
  };
}

const termbasePath = join(root, 'resources', 'termbase', 'termbase.json');
const termbase: GlossaryEntry[] = existsSync(termbasePath)
  ? ((JSON.parse(readFileSync(termbasePath, 'utf8')) as { entries?: GlossaryEntry[] }).entries ?? [])
  : [];

const heldOut = heldOutDocs(150);
const allOwn: EvalDoc[] = [...parallelDocuments, ...documents];
const buildTimes: { before: number; after: number } = { before: 0, after: 0 };
/** Suggesters per document id: the glossary, and optionally the other documents of the set as project text. */
function factory(docs: EvalDoc[], glossary: GlossaryEntry[], withModel: boolean, leaveOneOut: boolean) {
  let shared: Suggester | null = null;
  const cache = new Map<string, Suggester>();
  return (id: string): Suggester => {
    if (!leaveOneOut) {
      if (!shared) {
        const t = performance.now();
        shared = createSuggester({ lexicon, glossary, ...(withModel ? { model } : {}) });
        // The first build of each kind indexes the lexicon (and model); later ones reuse it.
        buildTimes[withModel ? 'after' : 'before'] ||= performance.now() - t;
      }
      return shared;
    }
    const hit = cache.get(id);
    if (hit) return hit;
    const corpus = docs.filter((d) => d.id !== id).map((d) => d.lines.join('\n'));
    const s = createSuggester({ lexicon, glossary, corpus, ...(withModel ? { model } : {}) });
    cache.set(id, s);
    return s;
  };
}

const sets: {
  name: string;
  docs: EvalDoc[];
  glossary: GlossaryEntry[];
  leaveOneOut: boolean;
  corpusDocs?: EvalDoc[];
}[] = [
  { name: 'own parallel reports (glossary)', docs: parallelDocuments, glossary: testGlossary, leaveOneOut: false },
  {
    name: 'own parallel reports (glossary + other reports as project text)',
    docs: parallelDocuments,
    glossary: testGlossary,
    leaveOneOut: true,
    corpusDocs: allOwn,
  },
  {
    name: 'held-out corpus sentences, North Korean spelling (no glossary)',
    docs: heldOut,
    glossary: [],
    leaveOneOut: false,
  },
  { name: 'older Korean-only reports (glossary)', docs: documents, glossary: testGlossary, leaveOneOut: false },
];
if (termbase.length)
  sets.push({
    name: 'own parallel reports (glossary + starter termbase)',
    docs: parallelDocuments,
    glossary: [...testGlossary, ...termbase],
    leaveOneOut: false,
  });

const suggestResults: Record<string, { before: SuggestStats; after: SuggestStats }> = {};
for (const set of sets) {
  const corpusDocs = set.corpusDocs ?? set.docs;
  suggestResults[set.name] = {
    before: evaluate(set.docs, factory(corpusDocs, set.glossary, false, set.leaveOneOut), false),
    after: evaluate(set.docs, factory(corpusDocs, set.glossary, true, set.leaveOneOut), true),
  };
}

async function finish(): Promise<void> {
  // The decoder's draft accuracy (bench/draft-eval.ts, the decoder's own measure), before and after.
  let draft: unknown = 'bench/draft-eval.ts not found';
  if (existsSync(join(__dirname, 'draft-eval.ts'))) {
    try {
      // A path in a variable: the file belongs to the decoder and may change shape.
      const path = './draft-eval';
      const mod = (await import(path)) as {
        evaluateDraft?: (make: (id: string) => Suggester, docs: EvalDoc[]) => unknown;
      };
      if (typeof mod.evaluateDraft !== 'function') draft = 'bench/draft-eval.ts exports no evaluateDraft';
      else {
        const evaluateDraft = mod.evaluateDraft;
        const run = (docs: EvalDoc[], glossary: GlossaryEntry[]) => ({
          before: evaluateDraft(factory(docs, glossary, false, false), docs),
          after: evaluateDraft(factory(docs, glossary, true, false), docs),
        });
        draft = {
          'own parallel reports (glossary)': run(parallelDocuments, testGlossary),
          'held-out corpus sentences (no glossary)': run(heldOut.slice(0, 3), []),
        };
      }
    } catch (err) {
      draft = `draft evaluation failed: ${(err as Error).message}`;
    }
  }

  // A document of 20,000+ syllables: the test set repeated; a second copy with one injected error per line.
  const lines: string[] = [];
  const bad: string[] = [];
  for (let v = 0; countSyllables(lines.join('')) < 20000; v++) {
    for (const d of documents) {
      d.lines.forEach((l, i) => {
        lines.push(l);
        const e = versions[v % versions.length]?.find((x) => x.doc === d.id && x.line === i);
        bad.push(e ? applyError(l, e) : l);
      });
    }
  }
  const text = lines.join('\n');
  const witness = garble(text).split('\n');
  const badText = bad.join('\n');
  for (let i = 0; i < 5; i++) check(text, witness);
  const fullClean = timeRuns(() => check(text, witness), 40);
  const fullErrors = timeRuns(() => check(badText, witness), 40);

  // Per keystroke: type each test line one character at a time and recheck that line.
  const keystrokes: number[] = [];
  for (const d of documents) {
    const w = garble(d.lines.join('\n')).split('\n');
    d.lines.forEach((l, i) => {
      for (let k = 1; k <= l.length; k++) {
        const t = performance.now();
        checkLine(l.slice(0, k), w[i] ?? '');
        keystrokes.push(performance.now() - t);
      }
    });
  }
  const errorLines: number[] = [];
  for (const e of versions[0] ?? []) {
    const doc = documents.find((d) => d.id === e.doc);
    const line = doc?.lines[e.line] ?? '';
    const w = garbleLine(line);
    const modified = applyError(line, e);
    const t = performance.now();
    checkLine(modified, w);
    errorLines.push(performance.now() - t);
  }

  const cpu = cpus()[0];
  let modelName = cpu?.model ?? 'unknown';
  try {
    modelName =
      execSync("lscpu | grep 'Model name'", { encoding: 'utf8' })
        .replace(/Model name:\s*/, '')
        .trim() || modelName;
  } catch {
    // lscpu is not everywhere: the Node CPU name stands.
  }
  const results = {
    machine: {
      cpu: modelName,
      cores: cpus().length,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverage1min: loadavg()[0] ?? 0,
    },
    testSets: Object.fromEntries(
      sets.map((s) => [
        s.name,
        { documents: s.docs.length, syllables: countSyllables(s.docs.flatMap((d) => d.lines).join('')) },
      ]),
    ),
    model: {
      loadAndParseMs: modelLoadMs,
      forms: model.forms.size,
      stems: [...model.stems.values()].reduce((n, l) => n + l.length, 0),
      bigrams: model.bigrams.size,
      englishKeys: model.english.size,
    },
    suggest: {
      indexBuildMs: buildTimes,
      keystrokeUnit: 'one Korean syllable',
      coverageMeans: `the right word among the first ${COVERAGE_LIMIT} candidates`,
      sets: suggestResults,
    },
    draft,
    check: {
      syllables: countSyllables(text),
      fullCleanMedianMs: median(fullClean),
      fullCleanMinMs: Math.min(...fullClean),
      fullWithErrorOnEveryLineMedianMs: median(fullErrors),
      keystrokeRecheckMedianMs: median(keystrokes),
      keystrokeRecheckP95Ms: quantile(keystrokes, 0.95),
      lineWithErrorRecheckMedianMs: median(errorLines),
    },
  };

  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const ms = (x: number): string => `${x.toFixed(3)} ms`;
  console.log(
    `machine: ${results.machine.cpu}, ${results.machine.cores} cores, node ${results.machine.node}, load average ${results.machine.loadAverage1min.toFixed(2)} (timings are noisy when other work runs)`,
  );
  console.log(
    `model: ${results.model.forms} forms, ${results.model.stems} stems, ${results.model.bigrams} bigrams, ${results.model.englishKeys} English keys, read and parsed in ${modelLoadMs.toFixed(0)} ms; index built in ${buildTimes.before.toFixed(0)} ms before, ${buildTimes.after.toFixed(0)} ms after\n`,
  );
  const table: Record<string, Record<string, string | number>> = {};
  for (const [name, { before, after }] of Object.entries(suggestResults)) {
    for (const [when, st] of [
      ['before', before],
      ['after', after],
    ] as const) {
      table[`${name}: ${when}`] = {
        tokens: st.tokens,
        'top 1': pct(st.top1),
        'top 5': pct(st.top5),
        coverage: pct(st.coverage),
        'keys saved': pct(st.keystrokesSaved),
        'keys / syllables': `${st.keys} / ${st.syllables}`,
        'median ms': ms(st.medianMs),
      };
    }
  }
  console.table(table);
  console.log('draft:', typeof draft === 'string' ? draft : JSON.stringify(draft, null, 1));
  console.table({
    [`full check, ${results.check.syllables} syllables (goal < 10 ms)`]: {
      median: ms(results.check.fullCleanMedianMs),
      min: ms(results.check.fullCleanMinMs),
    },
    'full check, an error on every line': { median: ms(results.check.fullWithErrorOnEveryLineMedianMs) },
    'recheck one line per keystroke (goal < 1 ms)': {
      median: ms(results.check.keystrokeRecheckMedianMs),
      p95: ms(results.check.keystrokeRecheckP95Ms),
    },
    'recheck one line with an error': { median: ms(results.check.lineWithErrorRecheckMedianMs) },
  });
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'korean.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench/results/korean.json');
}

void finish().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
