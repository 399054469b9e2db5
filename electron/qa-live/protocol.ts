/**
 * The messages between the main process and the live quality check's worker
 * (electron/qa-live/worker.ts). Plain data only: everything crosses by structured clone.
 */
import type { DocumentMeta, PMJson } from '../../shared/model/document';
import type { GlossaryEntry } from '../../shared/model/project';
import type { FormCounts, QaFinding } from '../../shared/qa';

/** The words the rules check names and spellings against: the glossary in use and the termbase's entries. */
export interface QaWords {
  /** Names these words: equal keys, equal words. */
  key: string;
  glossary: readonly GlossaryEntry[];
  extra: readonly Pick<GlossaryEntry, 'en' | 'variants'>[];
}

/** One document as the editor holds it, to check. */
export interface LiveCheckInput {
  /** The document's id. */
  document: string;
  meta: DocumentMeta;
  body: PMJson;
  /** The words to check against; a worker that holds words of this key is sent only the key. */
  words: QaWords;
  /** How the project's other documents spell the glossary's names (any superset of the entries this one writes). */
  otherForms: FormCounts;
  /** Keys of findings ignored here. */
  ignored: readonly string[];
}

/** What a check found, and this document's own spellings (for the next check of any document). */
export interface LiveCheckResult {
  findings: QaFinding[];
  ignoredCount: number;
  own: FormCounts;
}

export type LiveCheckRequest = { id: number; input: Omit<LiveCheckInput, 'words'> & { words: QaWords | { key: string } } };

export type LiveCheckReply =
  | { id: number; ok: true; value: LiveCheckResult }
  | { id: number; ok: false; message: string; unknownWords?: true };
