/**
 * How good and how fast the draft decoder is: every line of the given documents is garbled,
 * drafted from its witness alone (and its English when given), and compared with the truth.
 * The Korean bench calls {@link evaluateDraft} for its before/after figures; run alone,
 *   npx tsx bench/draft-eval.ts
 * it prints the figures for the engine's test set (shared/korean/testdata/corpus.ts) with a
 * suggester over resources/lexicon and the test glossary, then with the word model
 * (resources/korean) when it is there, then also with the other documents as the project's
 * restored text (leave one document out).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { draftLine, type DraftLine } from '../shared/korean/draft';
import { garbleLine } from '../shared/korean/garble';
import { isSyllable } from '../shared/korean/hangul';
import { createSuggester, type Suggester } from '../shared/korean/suggest';
import type { LexiconData } from '../shared/korean/lexicon';
import { KOREAN_MODEL_TABLES, parseKoreanModel, type KoreanModelFiles } from '../shared/korean/model';
import { documents } from '../shared/korean/testdata/corpus';
import { testGlossary } from '../shared/korean/testdata/glossary';

/** A document to draft: its true Korean lines and, optionally, the English of each line. */
export interface DraftEvalDocument {
  id: string;
  lines: string[];
  english?: string[];
}

/** What {@link evaluateDraft} measures. */
export interface DraftEvaluation {
  /** Lines drafted (lines whose witness is empty are skipped). */
  lines: number;
  /** Hangul syllables in the true lines. */
  syllables: number;
  /**
   * Share of the true syllables the draft has right: the syllables of draft and truth are
   * aligned per line by least edit distance, and the aligned equal pairs counted. Undecided
   * words have no syllables, so what they stand for counts as wrong.
   */
  syllableAccuracy: number;
  /** Share of the true words the draft has exactly, in a word-level alignment of each line. */
  exactWords: number;
  /** Share of the drafted words left undecided (placeholders). */
  undecidedShare: number;
  /** Median and 95th percentile draft time per line, in milliseconds (suggester built beforehand). */
  medianMsPerLine: number;
  p95MsPerLine: number;
  /** The slowest line: its witness length and draft time. */
  slowestLine: { chars: number; ms: number };
}

/**
 * Drafts every line of `docs` with the suggester `makeSuggester(doc.id)` gives for its
 * document (so a caller can leave the document out of the suggester's project text) and
 * measures the drafts against the truth. Each suggester drafts its document's first line
 * once untimed, so one-time work (lazy tables) does not count as a line's time.
 */
export function evaluateDraft(makeSuggester: (docId: string) => Suggester, docs: DraftEvalDocument[]): DraftEvaluation {
  let lines = 0;
  let syllables = 0;
  let correct = 0;
  let trueWords = 0;
  let exact = 0;
  let drafted = 0;
  let undecided = 0;
  const times: number[] = [];
  let slowestLine = { chars: 0, ms: 0 };
  for (const doc of docs) {
    const suggester = makeSuggester(doc.id);
    const first = doc.lines.find((l) => garbleLine(l) !== '');
    if (first !== undefined) draftLine(garbleLine(first), suggester);
    doc.lines.forEach((truth, i) => {
      const witness = garbleLine(truth);
      if (!witness) return;
      const english = doc.english?.[i];
      const t = performance.now();
      const draft = draftLine(witness, suggester, english ? { english } : {});
      const ms = performance.now() - t;
      times.push(ms);
      if (ms > slowestLine.ms) slowestLine = { chars: witness.length, ms };
      lines++;
      const s = syllablesOf(truth);
      syllables += s.length;
      correct += matches(syllablesOf(draftText(draft)), s);
      const words = truth.split(/\s+/).filter(Boolean);
      trueWords += words.length;
      exact += matches(
        draft.words.map((w) => (w.undecided ? '\u0000' : w.text)),
        words,
      );
      drafted += draft.words.length;
      undecided += draft.words.filter((w) => w.undecided).length;
    });
  }
  return {
    lines,
    syllables,
    syllableAccuracy: syllables ? correct / syllables : 0,
    exactWords: trueWords ? exact / trueWords : 0,
    undecidedShare: drafted ? undecided / drafted : 0,
    medianMsPerLine: quantile(times, 0.5),
    p95MsPerLine: quantile(times, 0.95),
    slowestLine,
  };
}

/** The draft's text with undecided words dropped (they stand for nothing known). */
function draftText(draft: DraftLine): string {
  return draft.words
    .filter((w) => !w.undecided)
    .map((w) => w.text)
    .join(' ');
}

function syllablesOf(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) if (isSyllable(ch.charCodeAt(0))) out.push(ch);
  return out;
}

/**
 * The number of equal pairs in a least-edit-distance alignment of `got` with `want`
 * (substitutions, insertions and deletions cost 1; among equal costs, more matches).
 */
export function matches(got: string[], want: string[]): number {
  const n = got.length;
  const m = want.length;
  // cost[j] and hits[j] for the previous and current row.
  let cost = Array.from({ length: m + 1 }, (_, j) => j);
  let hits = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    const nextCost = new Array<number>(m + 1);
    const nextHits = new Array<number>(m + 1);
    nextCost[0] = i;
    nextHits[0] = 0;
    for (let j = 1; j <= m; j++) {
      const same = got[i - 1] === want[j - 1];
      let c = (cost[j - 1] ?? 0) + (same ? 0 : 1);
      let h = (hits[j - 1] ?? 0) + (same ? 1 : 0);
      const del = (cost[j] ?? 0) + 1;
      if (del < c || (del === c && (hits[j] ?? 0) > h)) {
        c = del;
        h = hits[j] ?? 0;
      }
      const ins = (nextCost[j - 1] ?? 0) + 1;
      if (ins < c || (ins === c && (nextHits[j - 1] ?? 0) > h)) {
        c = ins;
        h = nextHits[j - 1] ?? 0;
      }
      nextCost[j] = c;
      nextHits[j] = h;
    }
    cost = nextCost;
    hits = nextHits;
  }
  return hits[m] ?? 0;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

if (require.main === module) {
  const root = join(__dirname, '..');
  const lexicon = JSON.parse(
    readFileSync(join(root, 'resources', 'lexicon', 'ko-lexicon.json'), 'utf8'),
  ) as LexiconData;
  const modelDir = join(root, 'resources', 'korean');
  const model = existsSync(join(modelDir, 'words.tsv'))
    ? parseKoreanModel(
        Object.fromEntries(
          KOREAN_MODEL_TABLES.map((t) => [t, readFileSync(join(modelDir, `${t}.tsv`), 'utf8')]),
        ) as KoreanModelFiles,
      )
    : undefined;
  const plain = createSuggester({ lexicon, glossary: testGlossary });
  const withModel = model ? createSuggester({ lexicon, glossary: testGlossary, model }) : undefined;
  const cache = new Map<string, Suggester>();
  const leaveOneOut = (id: string): Suggester => {
    let s = cache.get(id);
    if (!s) {
      const corpus = documents.filter((d) => d.id !== id).map((d) => d.lines.join('\n'));
      s = createSuggester({ lexicon, glossary: testGlossary, corpus, ...(model ? { model } : {}) });
      cache.set(id, s);
    }
    return s;
  };
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const ms = (x: number): string => `${x.toFixed(1)} ms`;
  const row = (e: DraftEvaluation): Record<string, string | number> => ({
    lines: e.lines,
    syllables: e.syllables,
    'syllable accuracy': pct(e.syllableAccuracy),
    'exact words': pct(e.exactWords),
    undecided: pct(e.undecidedShare),
    'median / line': ms(e.medianMsPerLine),
    'p95 / line': ms(e.p95MsPerLine),
    slowest: `${ms(e.slowestLine.ms)} (${e.slowestLine.chars} chars)`,
  });
  const table: Record<string, Record<string, string | number>> = {
    'lexicon + glossary': row(evaluateDraft(() => plain, documents)),
  };
  if (withModel) table['+ word model'] = row(evaluateDraft(() => withModel, documents));
  table[`+ ${model ? 'word model + ' : ''}other documents as corpus`] = row(evaluateDraft(leaveOneOut, documents));
  console.log(
    `draft of the test set (shared/korean/testdata/corpus.ts), ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()[0]?.toFixed(2)} (timings are noisy when other work runs)`,
  );
  console.table(table);
}
