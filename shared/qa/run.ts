/**
 * Runs every rule over one document: findings in reading order (metadata first,
 * then the body), each with the key "ignore here" is remembered by.
 */
import type { Node } from 'prosemirror-model';
import type { DocumentMeta } from '../model/document';
import { CheckedDocument, type QaContext, type Report, type RuleFamily } from './context';
import { ocrRules } from './rules/ocr';
import { nameRules } from './rules/names';
import { bracketRules } from './rules/brackets';
import { koreanRules } from './rules/korean';
import { placeOf, META_FIELDS } from './text';
import { atLeast, type QaFinding, type QaRuleInfo, type Severity } from './types';

/** The rule families, in the panel's order. */
export const FAMILIES: readonly RuleFamily[] = [ocrRules, nameRules, bracketRules, koreanRules];

/** Every rule, by family. */
export const QA_RULES: readonly QaRuleInfo[] = FAMILIES.flatMap((f) => f.rules);

/** The key that remembers "ignore here": the document, the rule, the row or field, the text. */
export function findingKey(docId: string, rule: string, where: string, text: string): string {
  return `${docId}|${rule}|${where}|${text}`;
}

/** What `checkDocument` is given besides the document. */
export interface CheckOptions {
  /** Keys of findings ignored here (project settings). */
  ignored?: ReadonlySet<string>;
  /** Leave out findings below this severity. */
  severity?: Severity;
  /** The document's texts as already read (for the same `meta` and `doc`): read once, shared. */
  checked?: CheckedDocument;
}

/** All findings for one document, in reading order, ignored ones left out. */
export function checkDocument(id: string, meta: DocumentMeta, doc: Node, ctx: QaContext, options: CheckOptions = {}): QaFinding[] {
  const given = options.checked;
  const checked = given && given.id === id && given.doc === doc && given.metadata === meta ? given : new CheckedDocument(id, meta, doc);
  const out: QaFinding[] = [];
  const seen = new Set<string>();
  const emit = (r: Report) => {
    const severity = r.severity ?? r.rule.severity;
    if (options.severity && !atLeast(severity, options.severity)) return;
    const place = placeOf(r.text, r.start, r.end);
    const text = r.text.text.slice(r.start, r.end);
    const where = place.kind === 'meta' ? `meta:${place.field}` : place.segment;
    const key = findingKey(id, r.rule.id, where, text);
    if (options.ignored?.has(key)) return;
    // One finding per rule and place (two passes may meet the same word).
    const dedupe = `${r.rule.id}|${place.kind}|${where}|${place.from}|${place.to}`;
    if (seen.has(dedupe)) return;
    seen.add(dedupe);
    out.push({ rule: r.rule.id, family: r.rule.family, severity, message: r.message, text, place, fix: r.fix, key });
  };
  for (const family of FAMILIES) family.check(checked, ctx, emit);
  return out.sort(compareFindings);
}

/** Reading order: metadata in the form's order, then the body by position. */
export function compareFindings(a: QaFinding, b: QaFinding): number {
  const rank = (f: QaFinding) => (f.place.kind === 'meta' ? META_FIELDS.indexOf(f.place.field) - 100 : 0);
  return rank(a) - rank(b) || a.place.from - b.place.from || a.place.to - b.place.to || a.rule.localeCompare(b.rule);
}
