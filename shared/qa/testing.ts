/**
 * Test helpers for the rules: a document from rows of plain text (`[x]` and `□`
 * read as the importers read them unless `literal`), checked with a context.
 */
import type { PMJson } from '../model/document';
import { emptyMeta, bodyToNode, type DocumentMeta } from '../model/document';
import { body, segment, text } from '../model/build';
import type { GlossaryEntry } from '../model/project';
import { checkDocument } from './run';
import { qaContext, type FormCounts } from './context';
import type { QaFinding, Speller } from './types';

/** A row: English as inline JSON or text, and optionally a witness and Korean. */
export interface RowSpec {
  english?: string | PMJson[];
  witness?: string[];
  korean?: string | PMJson[];
}

const inline = (v: string | PMJson[] | undefined): PMJson[] => (typeof v === 'string' ? text(v) : (v ?? []));

/** A document body from rows. */
export function rows(...specs: (string | RowSpec)[]): PMJson {
  return body(specs.map((s) => (typeof s === 'string' ? { english: s } : s)).map((s, i) => segment({ id: `r${i + 1}`, english: inline(s.english), witness: s.witness ?? [], korean: inline(s.korean) })));
}

/** A glossary entry for tests. */
export function entry(id: string, en: string, variants: string[] = [], type: GlossaryEntry['type'] = 'person'): GlossaryEntry {
  return { id, en, variants, ko: [], type, note: '' };
}

/** Runs every rule on a body (and metadata), returning the findings. */
export function findings(speller: Speller, bodyJson: PMJson, options: { glossary?: GlossaryEntry[]; meta?: Partial<DocumentMeta>; otherForms?: FormCounts } = {}): QaFinding[] {
  const ctx = qaContext(speller, options.glossary ?? [], [], options.otherForms);
  return checkDocument('doc', { ...emptyMeta('Test'), ...options.meta }, bodyToNode(bodyJson), ctx);
}

/** Findings of one rule, as `text` strings. */
export function flagged(list: readonly QaFinding[], rule: string): string[] {
  return list.filter((f) => f.rule === rule).map((f) => f.text);
}
