/**
 * The reading formats' editorial conventions, in one place: the signs that mark
 * Korean not verified against the witness, the lettered apparatus of corrections,
 * and the legend that explains whichever of them an edition uses. HTML, PDF,
 * DOCX, Markdown and plain text all print the same signs and the same legend.
 *
 * - Insertions are the editors' words in square brackets.
 * - Corrections (`corrections: 'noted'`) are never bracketed: the corrected word
 *   carries a raised italic letter, and the document's list of corrections gives
 *   the source's reading under that letter, like a critical apparatus.
 * - Korean of a row that is contradicted, partial or holds proposals is preceded
 *   by `†` and its state (`†contradicted`), or left out by `unverified: 'omit'`.
 * - Who made the annotations (shared/model/provenance.ts), when any of them says:
 *   one line naming the archive's translator and each editor by initials.
 */
import type { RowState } from '../model/stats';
import type { ProjectEditor } from '../model/project';
import { ARCHIVE_RESP, provenanceLegendOf } from '../model/provenance';
import type { ExportOptions } from './options';
import type { InlineNode } from './walk';

/** Row states whose Korean an export does not present as verified. */
export type UnverifiedState = Extract<RowState, 'contradicted' | 'partial' | 'proposed'>;

/** The sign before unverified Korean (a crux, as critical editions mark doubtful text). */
export const UNVERIFIED_SIGN = '†';

/** What each unverified state means, for the legend and tooltips. */
export const UNVERIFIED_MEANING: Record<UnverifiedState, string> = {
  contradicted: 'some of the restored Korean cannot have produced the witness (the garbled Korean as received)',
  partial: 'the restored Korean fits the witness but does not yet account for all of it',
  proposed: 'the row holds words proposed by auto-fill or the draft, marked (?), that the translator has not accepted',
};

/** The row's state when its Korean is not verified, else null. */
export function unverifiedState(state: RowState | null): UnverifiedState | null {
  return state === 'contradicted' || state === 'partial' || state === 'proposed' ? state : null;
}

/** The mark before unverified Korean: `†contradicted`. */
export function unverifiedMark(state: UnverifiedState): string {
  return `${UNVERIFIED_SIGN}${state}`;
}

/** What stands in place of Korean left out (`unverified: 'omit'`). */
export const OMITTED_KOREAN = 'Korean not verified, left out';

/** Letter of the n-th correction (1-based): a … z, aa, ab, … */
export function correctionLabel(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

/** How an apparatus entry reads: `the source reads: Kim II Sung`. */
export function sourceReading(original: string): string {
  return `the source reads: ${original}`;
}

/** What an edition uses, found while it is prepared. */
export interface ConventionsUsed {
  insertion: boolean;
  correction: boolean;
  uncertain: boolean;
  gap: boolean;
  /** Unverified states present in the Korean exported. */
  unverified: Set<UnverifiedState>;
  /** Some exported Korean row has a witness (so "unmarked Korean is verified" can be said). */
  checkedKorean: boolean;
  /** `resp` of every exported insertion, correction and footnote ('' when not recorded). */
  resps: Set<string>;
}

/** Nothing used yet. */
export function noConventions(): ConventionsUsed {
  return {
    insertion: false,
    correction: false,
    uncertain: false,
    gap: false,
    unverified: new Set(),
    checkedKorean: false,
    resps: new Set(),
  };
}

/** Records what an inline tree uses (footnote content included). */
export function collectConventions(nodes: InlineNode[] | null, used: ConventionsUsed): void {
  for (const node of nodes ?? []) {
    if (node.type === 'gap') used.gap = true;
    else if (node.type === 'unclear') used.uncertain = true;
    else if (node.type === 'footnote') {
      used.resps.add(node.resp ?? '');
      collectConventions(node.content, used);
    } else if (node.type === 'mark') {
      if (node.mark.type === 'insertion') used.insertion = true;
      if (node.mark.type === 'correction') used.correction = true;
      if (node.mark.type === 'insertion' || node.mark.type === 'correction') used.resps.add(node.mark.resp ?? '');
      collectConventions(node.children, used);
    }
  }
}

/** One line of the legend: a sign and what it means. */
export interface LegendEntry {
  sign: string;
  text: string;
}

/**
 * Who made the annotations of an edition, as one legend line:
 * `Annotations by: the archive’s translator; AB = Anna Berg; not recorded.`
 * Null when no annotation records who made it (nothing to tell).
 */
export function provenanceLine(resps: Iterable<string>, editors: readonly ProjectEditor[]): LegendEntry | null {
  const entries = provenanceLegendOf(resps, editors);
  if (!entries.some((entry) => entry.source !== 'unrecorded')) return null;
  const parts = entries.map((entry) =>
    entry.source === 'archive'
      ? entry.name
      : entry.source === 'unrecorded'
        ? 'not recorded (made before the project kept provenance)'
        : entry.editor
          ? `${entry.editor.initials} = ${entry.editor.name}`
          : `${entry.resp} = an editor the project no longer lists`,
  );
  return { sign: '', text: `Annotations by: ${parts.join('; ')}.` };
}

/** What HTML and PDF add to the legend when an editor made annotations: how they are told apart. */
export const SIGIL_LEGEND: LegendEntry = {
  sign: 'ᴬᴮ',
  text: 'The initials raised after an insertion or beside a note name the editor who made it; the archive translator’s are unmarked. On screen, pointing at an annotation shows who made it and when.',
};

/** Where the legend says a noted correction's source reading is: after the document (all formats but paged print). */
export const CORRECTIONS_WHERE = 'the Corrections after the document give the source’s reading under the same letter.';

/**
 * The legend of an edition: one entry per convention it uses, in a fixed order,
 * and who made the annotations when that is recorded (`editors`: the project's).
 */
export function legendEntries(
  used: ConventionsUsed,
  options: ExportOptions,
  editors: readonly ProjectEditor[] = [],
): LegendEntry[] {
  const out: LegendEntry[] = [];
  if (used.insertion && options.brackets) {
    out.push({
      sign: '[ ]',
      text: used.resps.has(ARCHIVE_RESP)
        ? "Square brackets enclose insertions by the archive's translator or the editors (clarifications, expansions, variant readings), which are not in the source."
        : "Square brackets enclose the editors' insertions (clarifications, expansions, variant readings), which are not in the source.",
    });
  }
  if (used.correction) {
    if (options.corrections === 'noted') {
      out.push({
        sign: 'ᵃ',
        text:
          'A raised italic letter marks a word the editors corrected (an OCR or typing slip of the source); ' +
          CORRECTIONS_WHERE,
      });
    } else if (options.corrections === 'silent') {
      out.push({ sign: '', text: 'Slips of the source are corrected silently.' });
    } else {
      out.push({ sign: '', text: 'The text reads as the source does: the editors’ corrections are not applied.' });
    }
  }
  if (used.uncertain) {
    out.push({
      sign: '(?)',
      text: 'A reading followed by (?) is uncertain: unclear in the source, or proposed and not yet accepted.',
    });
  }
  if (used.gap) out.push({ sign: '□', text: '□ stands for a character that could not be read or restored.' });
  for (const state of ['contradicted', 'partial', 'proposed'] as const) {
    if (!used.unverified.has(state)) continue;
    const omitted = options.unverified === 'omit' ? ' Its Korean is left out of this edition.' : '';
    out.push({ sign: unverifiedMark(state), text: `Korean not verified: ${UNVERIFIED_MEANING[state]}.${omitted}` });
  }
  if (used.checkedKorean) {
    out.push({
      sign: '',
      text: `Restored Korean without ${UNVERIFIED_SIGN} was checked against its witness and accounts for all of it (in rows that have a witness).`,
    });
  }
  const who = provenanceLine(used.resps, editors);
  if (who) out.push(who);
  return out;
}
