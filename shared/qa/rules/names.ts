/**
 * Names: one glossary entity spelled two ways in a document or across the project
 * (`Puzanov` and `Pusanov`, or a variant beside the main form), a name one letter
 * from a glossary name, and a capitalised name the glossary does not know.
 *
 * Spellings are never normalised silently: a fix is a correction keeping what the
 * text said. An editor's insertion that gives a variant on purpose
 * (`Choe Yong-geon [Choe Yong Gon]`) is neither counted nor flagged.
 */
import type { GlossaryEntry } from '../../model/project';
import { anyFlag, type QaText } from '../text';
import { isAcronym, isCapitalised, nextIsLower, startsSentence, wordsOf } from '../words';
import { PROSE_FIELDS, type CheckedDocument, type FormCounts, type QaContext, type RuleFamily } from '../context';
import type { QaRuleInfo } from '../types';

export const TWO_SPELLINGS: QaRuleInfo = { id: 'names.two-spellings', family: 'names', severity: 'warning', title: 'One name spelled two ways in the document or the project: Puzanov / Pusanov' };
export const NEAR_NAME: QaRuleInfo = { id: 'names.near-miss', family: 'names', severity: 'warning', title: 'A name one letter from a glossary name' };
export const UNKNOWN_NAME: QaRuleInfo = { id: 'names.unknown', family: 'names', severity: 'info', title: 'A capitalised name with no glossary entry' };

interface Form {
  entry: GlossaryEntry;
  form: string;
  tokens: string[];
}

/** Where a glossary form is written. */
export interface FormMatch {
  entry: GlossaryEntry;
  form: string;
  text: QaText;
  start: number;
  end: number;
}

const POSSESSIVE = /['’]s?$/u;
/** The token without a possessive ending (`Puzanov’s` → `Puzanov`). */
function bare(token: string): string {
  const last = token[token.length - 1];
  return last === 's' || last === "'" || last === '’' ? token.replace(POSSESSIVE, '') : token;
}

const indexes = new WeakMap<readonly GlossaryEntry[], Map<string, Form[]>>();

/** Glossary forms by their first word, longest first. */
function formIndex(glossary: readonly GlossaryEntry[]): Map<string, Form[]> {
  let index = indexes.get(glossary);
  if (index) return index;
  index = new Map();
  for (const entry of glossary) {
    if (entry.type === 'term') continue;
    for (const form of new Set([entry.en, ...entry.variants])) {
      const tokens = wordsOf(form).map((w) => w.text);
      if (!tokens.length || !isCapitalised(tokens[0])) continue;
      const list = index.get(tokens[0]) ?? [];
      list.push({ entry, form, tokens });
      index.set(tokens[0], list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  indexes.set(glossary, index);
  return index;
}

/** Every glossary name written in the document's English prose (insertions left out). */
export function formMatches(doc: CheckedDocument, glossary: readonly GlossaryEntry[]): FormMatch[] {
  return doc.memo(formMatches, glossary, () => findForms(doc, glossary));
}

function findForms(doc: CheckedDocument, glossary: readonly GlossaryEntry[]): FormMatch[] {
  const index = formIndex(glossary);
  const out: FormMatch[] = [];
  for (const t of doc.english(PROSE_FIELDS)) {
    const words = doc.wordsOf(t);
    for (let i = 0; i < words.length; i++) {
      const forms = index.get(bare(words[i].text));
      if (!forms) continue;
      const found = forms.find((f) => f.tokens.every((token, k) => words[i + k] && bare(words[i + k].text) === token && (k === 0 || words[i + k].start - words[i + k - 1].end <= 3)));
      if (!found) continue;
      const last = words[i + found.tokens.length - 1];
      const end = last.start + bare(last.text).length;
      if (!anyFlag(t.inserted, words[i].start, end)) out.push({ entry: found.entry, form: found.form, text: t, start: words[i].start, end });
      i += found.tokens.length - 1;
    }
  }
  return out;
}

/** How often the document writes each entry, by the spelling written. */
export function countForms(matches: readonly FormMatch[]): FormCounts {
  const counts: FormCounts = new Map();
  for (const m of matches) {
    const forms = counts.get(m.entry.id) ?? new Map<string, number>();
    const written = m.text.text.slice(m.start, m.end);
    forms.set(written, (forms.get(written) ?? 0) + 1);
    counts.set(m.entry.id, forms);
  }
  return counts;
}

/** Adds `b`'s counts into a copy of `a`. */
export function addCounts(a: FormCounts, b: FormCounts): FormCounts {
  const out: FormCounts = new Map([...a].map(([id, forms]) => [id, new Map(forms)]));
  for (const [id, forms] of b) {
    const into = out.get(id) ?? new Map<string, number>();
    for (const [form, n] of forms) into.set(form, (into.get(form) ?? 0) + n);
    out.set(id, into);
  }
  return out;
}

/** Two spellings are one when one's words run inside the other's (`Puzanov` in `Alexander Puzanov`). */
function contained(a: string, b: string): boolean {
  const ta = wordsOf(a).map((w) => w.text);
  const tb = wordsOf(b).map((w) => w.text);
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  for (let i = 0; i + short.length <= long.length; i++) if (short.every((t, k) => long[i + k] === t)) return true;
  return false;
}

/** Levenshtein distance, or `limit + 1` once it is past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length];
}

/**
 * Two ways of spelling one name: close as letters (`Puzanov` / `Pusanov`,
 * `Kim Il Sung` / `Kim Il-sung`), neither inside the other. Other names of the
 * same entity (`DPRK` / `North Korea`) are names, not spellings.
 */
export function otherSpelling(a: string, b: string): boolean {
  if (a === b || contained(a, b)) return false;
  const na = a.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const nb = b.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const limit = Math.max(1, Math.floor(Math.min(na.length, nb.length) / 4));
  return distance(na, nb, limit) <= limit;
}

/** The spelling to keep: the most written, then the glossary's main form, then its variants' order. */
function preferred(entry: GlossaryEntry, spellings: Map<string, number>, among: readonly string[]): string {
  const order = [entry.en, ...entry.variants];
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  return [...among].sort((a, b) => (spellings.get(b) ?? 0) - (spellings.get(a) ?? 0) || rank(a) - rank(b))[0];
}

function checkSpellings(doc: CheckedDocument, ctx: QaContext, emit: Parameters<RuleFamily['check']>[2]): void {
  const matches = formMatches(doc, ctx.glossary);
  const own = countForms(matches);
  const total = ctx.otherForms ? addCounts(ctx.otherForms, own) : own;
  for (const m of matches) {
    const written = m.text.text.slice(m.start, m.end);
    for (const [scope, counts] of [['this document', own], ['the project', total]] as const) {
      const spellings = counts.get(m.entry.id);
      const rivals = [...(spellings?.keys() ?? [])].filter((s) => otherSpelling(s, written));
      if (!rivals.length) continue;
      const keep = preferred(m.entry, spellings!, [written, ...rivals]);
      if (keep === written) break;
      const n = spellings!.get(keep) ?? 0;
      emit({
        rule: TWO_SPELLINGS,
        text: m.text,
        start: m.start,
        end: m.end,
        message: `“${written}” here, “${keep}” ${n === 1 ? 'once' : `${n} times`} in ${scope} (glossary: ${m.entry.en})`,
        fix: { kind: 'correct', label: `Correct to “${keep}”`, text: keep },
      });
      break;
    }
  }
}

function checkUnknown(doc: CheckedDocument, ctx: QaContext, emit: Parameters<RuleFamily['check']>[2]): void {
  const unknown = new Map<string, { t: QaText; start: number; end: number; count: number }>();
  for (const t of doc.english(PROSE_FIELDS)) {
    const words = doc.wordsOf(t);
    words.forEach((w, index) => {
      if (!isCapitalised(w.text) || isAcronym(w.text) || w.text.length < 3 || /\d/.test(w.text) || anyFlag(t.corrected, w.start, w.end)) return;
      if (startsSentence(t.text, w.start) && nextIsLower(t.text, words, index)) return; // prose: ocr.ts
      const name = bare(w.text);
      if (ctx.lexicon.known(name)) return;
      const near = ctx.lexicon.nearName(name);
      if (near) {
        emit({ rule: NEAR_NAME, text: t, start: w.start, end: w.start + name.length, message: `“${name}” is one letter from the glossary’s “${near}”`, fix: { kind: 'correct', label: `Correct to “${near}”`, text: near } });
        return;
      }
      const seen = unknown.get(name);
      if (seen) seen.count++;
      else unknown.set(name, { t, start: w.start, end: w.start + name.length, count: 1 });
    });
  }
  for (const [name, { t, start, end, count }] of unknown) {
    emit({ rule: UNKNOWN_NAME, text: t, start, end, message: `“${name}”${count > 1 ? ` (${count} times)` : ''} has no glossary entry` });
  }
}

/** The names family. */
export const nameRules: RuleFamily = {
  rules: [TWO_SPELLINGS, NEAR_NAME, UNKNOWN_NAME],
  check(doc, ctx, emit) {
    checkSpellings(doc, ctx, emit);
    checkUnknown(doc, ctx, emit);
  },
};
