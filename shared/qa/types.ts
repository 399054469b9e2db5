/**
 * Quality checks (QA): what a rule is, what it finds, and how a finding is fixed.
 *
 * A rule reads one document (its body as a ProseMirror node and its metadata as
 * plain text) and reports findings. A finding names its place (a range of the body
 * in document positions, or a range of one metadata field), a message, a severity,
 * and where one exists a fix: a pure description that the renderer turns into one
 * transaction (renderer/editor/qa-fix.ts), so every fix is undoable.
 */
import type { DocumentMeta } from '../model/document';

/** How much a finding matters, most first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** True when `severity` is `floor` or worse. */
export function atLeast(severity: Severity, floor: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(floor);
}

/** Families of rules, in the order the panel lists them. */
export const QA_FAMILIES = ['ocr', 'names', 'brackets', 'korean'] as const;
export type QaFamily = (typeof QA_FAMILIES)[number];

/** Metadata fields that hold text a rule reads. */
export type MetaField = Exclude<keyof DocumentMeta, 'date' | 'rich'>;

/** Where a finding is. */
export type QaPlace =
  /** Document positions in the body; `segment` is the row's id, `row` its number from 1, `column` the cell. */
  | { kind: 'body'; segment: string; row: number; column: 'english' | 'korean' | 'original' | 'footnote'; from: number; to: number }
  /** Character offsets in one metadata field's plain text. */
  | { kind: 'meta'; field: MetaField; from: number; to: number };

/**
 * A fix, as data. Applied to the finding's range:
 * - `correct`: the range becomes `text`, marked as a `correction` keeping what was
 *   there as the original reading (in metadata, plain text: it cannot hold marks yet);
 * - `gap`: a run of `□` typed as text becomes a gap node of that width;
 * - `insertion`: literal brackets `[text]` become `text` marked as an insertion;
 * - `delete`: the range goes (an empty insertion or footnote);
 * - `accept`: proposals (the `proposed` mark) in the range are accepted.
 */
export type QaFix =
  | { kind: 'correct'; label: string; text: string }
  | { kind: 'gap'; label: string }
  | { kind: 'insertion'; label: string }
  | { kind: 'delete'; label: string }
  | { kind: 'accept'; label: string };

/** One finding of one rule. */
export interface QaFinding {
  /** The rule's id, e.g. `ocr.roman-il`. */
  rule: string;
  family: QaFamily;
  severity: Severity;
  message: string;
  /** The text found (what an ignore is remembered by, with the rule and the row or field). */
  text: string;
  place: QaPlace;
  fix?: QaFix;
  /** Stable for the same finding in the same row or field: what "ignore here" stores. */
  key: string;
}

/** A rule: its id, family, default severity and a line for the panel and `--help`. */
export interface QaRuleInfo {
  id: string;
  family: QaFamily;
  severity: Severity;
  title: string;
}

/** A spelling dictionary: whether a word (as written, or lower-cased) is English. */
export interface Speller {
  correct(word: string): boolean;
}
