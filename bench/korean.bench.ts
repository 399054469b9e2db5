/**
 * Benchmark of the Korean engine on its test set (shared/korean/testdata):
 *   npx tsx bench/korean.bench.ts
 * Suggestions: for every restored word whose garble is not empty, is the right word the
 * first suggestion, or in the top 5? Measured with the glossary seeded from the test set's
 * names, once without project text and once with the other documents as restored project
 * text (leave one document out). Check: full-document time for 20,000+ syllables and the
 * per-keystroke recheck of one line. Writes bench/results/korean.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { check, checkLine } from '../shared/korean/check';
import { garble, garbleLine } from '../shared/korean/garble';
import { countSyllables } from '../shared/korean/hangul';
import { createSuggester, type Suggester } from '../shared/korean/suggest';
import { documents } from '../shared/korean/testdata/corpus';
import { testGlossary } from '../shared/korean/testdata/glossary';
import { versions } from '../shared/korean/testdata/errors';
import { applyError } from '../shared/korean/testdata/inject';
import type { LexiconData } from '../shared/korean/lexicon';

const root = join(__dirname, '..');
const lexicon = JSON.parse(readFileSync(join(root, 'resources', 'lexicon', 'ko-lexicon.json'), 'utf8')) as LexiconData;
const PUNCT = /^[.,:;!?()[\]"'“”]+|[.,:;!?()[\]"'“”]+$/g;

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

interface SuggestStats {
  tokens: number;
  top1: number;
  top5: number;
  medianMs: number;
  p95Ms: number;
}

function evaluate(makeSuggester: (docId: string) => Suggester): SuggestStats {
  let tokens = 0;
  let top1 = 0;
  let top5 = 0;
  const latencies: number[] = [];
  for (const doc of documents) {
    const suggester = makeSuggester(doc.id);
    for (const line of doc.lines) {
      const words = line.split(/\s+/);
      words.forEach((raw, i) => {
        const word = raw.replace(PUNCT, '');
        if (!/^[\uac00-\ud7a3]+$/.test(word)) return;
        const token = garbleLine(word);
        if (!token) return;
        const before = words.slice(Math.max(0, i - 3), i).join(' ');
        const t = performance.now();
        const got = suggester.suggest(token, { limit: 5, context: { before } });
        latencies.push(performance.now() - t);
        tokens++;
        if (got[0]?.text === word) top1++;
        if (got.some((s) => s.text === word)) top5++;
      });
    }
  }
  return {
    tokens,
    top1: top1 / tokens,
    top5: top5 / tokens,
    medianMs: median(latencies),
    p95Ms: quantile(latencies, 0.95),
  };
}

const buildStart = performance.now();
const plain = createSuggester({ lexicon, glossary: testGlossary });
const buildMs = performance.now() - buildStart;
const withoutCorpus = evaluate(() => plain);
const cache = new Map<string, Suggester>();
const leaveOneOut = evaluate((id) => {
  const hit = cache.get(id);
  if (hit) return hit;
  const corpus = documents.filter((d) => d.id !== id).map((d) => d.lines.join('\n'));
  const s = createSuggester({ lexicon, glossary: testGlossary, corpus });
  cache.set(id, s);
  return s;
});

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
const results = {
  machine: {
    cpu: cpu?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage1min: loadavg()[0] ?? 0,
  },
  testSet: { documents: documents.length, syllables: countSyllables(documents.flatMap((d) => d.lines).join('')) },
  suggest: {
    indexBuildMs: buildMs,
    stems: plain.size,
    glossaryAndLexicon: withoutCorpus,
    withOtherDocumentsAsCorpus: leaveOneOut,
  },
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
  `test set: ${results.testSet.documents} documents, ${results.testSet.syllables} syllables; index ${plain.size} stems built in ${buildMs.toFixed(0)} ms\n`,
);
console.table({
  'glossary + lexicon': {
    tokens: withoutCorpus.tokens,
    'top 1': pct(withoutCorpus.top1),
    'top 5': pct(withoutCorpus.top5),
    'median latency': ms(withoutCorpus.medianMs),
    'p95 latency': ms(withoutCorpus.p95Ms),
  },
  '+ other documents as corpus': {
    tokens: leaveOneOut.tokens,
    'top 1': pct(leaveOneOut.top1),
    'top 5': pct(leaveOneOut.top5),
    'median latency': ms(leaveOneOut.medianMs),
    'p95 latency': ms(leaveOneOut.p95Ms),
  },
});
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
