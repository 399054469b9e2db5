/**
 * The messages between the main process (or any Node caller) and the suggester's worker.
 * Plain data only: everything crosses by structured clone.
 */
import type { DraftLine } from '../../shared/korean/draft';
import type { SuggestOptions, Suggestion } from '../../shared/korean/suggest';
import type { GlossaryEntry } from '../../shared/model/project';

/** Restored texts replaced in the engine's copy of the corpus: `remove` texts at `start` give way to `insert`. */
export interface CorpusSplice {
  start: number;
  remove: number;
  insert: string[];
}

/**
 * What changed in the project since the last sync; `glossary` is sent only when it changed.
 * With `reset`, the project starts afresh from the splice (which then holds the whole corpus);
 * without it, a project the engine does not hold is refused (UnknownProject), never guessed.
 */
export interface SyncRequest {
  project: number;
  /** The corpus splice holds the whole corpus (a project the engine may not hold yet). */
  reset?: boolean;
  glossary?: GlossaryEntry[];
  corpus?: CorpusSplice;
}

/** One row to draft: its witness lines and the English beside them. */
export interface DraftRowRequest {
  witness: string[];
  english?: string;
}

export type WorkerRequest =
  | { id: number; type: 'sync'; sync: SyncRequest }
  | { id: number; type: 'suggest'; project: number; token: string; options: SuggestOptions }
  | { id: number; type: 'draft'; project: number; rows: DraftRowRequest[] }
  | { id: number; type: 'cancel'; target: number }
  | { id: number; type: 'warm' };

export type WorkerReply =
  | { id: number; ok: true; value: Suggestion[] | DraftLine[][] | null }
  | { id: number; ok: false; message: string; cancelled?: boolean; unknownProject?: boolean };
