/**
 * The result types of the witness check (`check` in check.ts).
 */

/** How one restoration character relates to the witness. */
export type CharStatus =
  /** Its surviving character is found in the witness at the aligned place. */
  | 'confirmed'
  /** It vanishes (or its space is collapsed or trimmed) and the witness allows that. */
  | 'consistent'
  /** Its surviving character is not in the witness there, or it vanishes where the witness has text. */
  | 'contradicted';

/** State of a line, a segment or a whole restoration. */
export type CheckState =
  /** Nothing restored yet. */
  | 'empty'
  /** Nothing contradicts, but some witness text is not accounted for yet. */
  | 'partial'
  /** garble(restoration) equals the witness exactly. */
  | 'consistent'
  /** At least one character contradicts the witness. */
  | 'contradicted';

/** The check result for one character (code point) of the restoration. */
export interface CharCheck {
  /** Offset (UTF-16 code units) in the checked restoration text. */
  offset: number;
  /** 1, or 2 for a surrogate pair. */
  length: number;
  /** Line index. */
  line: number;
  /** Status against the witness. */
  status: CharStatus;
  /** What the garble keeps of it: '' (vanishes), ' ' or one printable ASCII character. */
  produces: string;
  /** Witness column (in its line) this character accounts for, -1 when none. */
  column: number;
}

/** Witness text that the restoration does not account for. */
export interface UnexplainedRange {
  /** Witness line index. */
  line: number;
  /** First column. */
  start: number;
  /** Column after the last. */
  end: number;
  /** The witness text. */
  text: string;
  /**
   * pending: after the end of what is restored (typing goes on); wildcard: absorbed by a
   * placeholder; missing: inside the restoration, so it contradicts it.
   */
  kind: 'pending' | 'wildcard' | 'missing';
  /** Restoration offset where the text would have to be produced. */
  restorationOffset: number;
}

/** One contradiction, ready to print or to show. */
export interface Contradiction {
  /** Line index. */
  line: number;
  /** Restoration offset of the offending text (or of the insertion point for missing text). */
  offset: number;
  /** Length of the offending restoration text (0 for missing text). */
  length: number;
  /** The offending restoration text. */
  text: string;
  /** What it produces under the garble. */
  produces: string;
  /** What the witness has there ('' when the witness has nothing). */
  expected: string;
  /** Witness column of the place. */
  column: number;
  /** Why it contradicts. */
  reason: 'not-in-witness' | 'vanishes-where-witness-has-text' | 'missing-text';
}

/** The check of one line. */
export interface LineCheck {
  /** Line index. */
  line: number;
  /** Offset of the line in the checked restoration text. */
  offset: number;
  /** State of the line. */
  state: CheckState;
  /** garble(restoration line). */
  garble: string;
  /** The witness line. */
  witness: string;
  /** Every character of the restoration line. */
  chars: CharCheck[];
  /** Witness ranges not accounted for. */
  unexplained: UnexplainedRange[];
  /** Contradictions in reading order. */
  contradictions: Contradiction[];
  /** Character counts per status. */
  counts: Record<CharStatus, number>;
}

/** The check of a restoration (or a segment) against its witness. */
export interface CheckResult {
  /** Overall state. */
  state: CheckState;
  /** Per-line results. */
  lines: LineCheck[];
  /** All characters, in order. */
  chars: CharCheck[];
  /** All unexplained witness ranges. */
  unexplained: UnexplainedRange[];
  /** All contradictions. */
  contradictions: Contradiction[];
  /** Character counts per status. */
  counts: Record<CharStatus, number>;
}

/** Options of the check. */
export interface CheckOptions {
  /**
   * A placeholder character (e.g. `□`, what `autofill` leaves between proposals) that
   * stands for any witness text not restored yet, spaces and punctuation included: text
   * absorbed by it is not a contradiction. A space written beside a placeholder is padding:
   * it matches a witness space where there is one (restored words are anchored where they
   * stand as words) and is no contradiction where there is none.
   */
  wildcard?: string;
}
