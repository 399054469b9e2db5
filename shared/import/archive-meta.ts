/**
 * Metadata of an archive document page: read from the lines above the English
 * version (date, credits, summary, citation) and from the citation itself
 * (title, translator, source URL).
 */
import type { DocumentMeta } from '../model/document';
import { isChromeLine, isCreditsLine, sectionMarker } from './chrome';
import { findDate, parseDateLine } from './dates';
import { trimEndOf } from '../model/trim';

/** Labels that introduce a metadata field on the next line (`Citation:`, `Original Language:`). */
const LABELS = new Map<string, keyof DocumentMeta | 'skip'>(
  Object.entries({
    citation: 'citation',
    summary: 'summary',
    description: 'summary',
    credits: 'credits',
    'original language': 'originalLanguage',
    language: 'originalLanguage',
    source: 'sourceUrl',
    'source url': 'sourceUrl',
    url: 'sourceUrl',
    permalink: 'sourceUrl',
    title: 'title',
    date: 'date',
    translator: 'translator',
    'archival signature': 'signature',
  }) as [string, keyof DocumentMeta][],
);

/**
 * The field a label line introduces, with any value on the same line. A label
 * needs its colon (`Citation:`), because the page's `• Citation` is a button.
 * `Original Language` is unambiguous without one.
 */
export function labelOf(line: string): { field: keyof DocumentMeta | 'skip'; value: string } | null {
  const plain = line.trim().replace(/\*\*|__/g, '');
  const m = /^([A-Za-z ]{3,25}):\s*(.*)$/.exec(plain) ?? /^(original language)()$/i.exec(plain);
  if (!m) return null;
  const field = LABELS.get(m[1].trim().toLowerCase());
  return field ? { field, value: m[2].trim() } : null;
}

/** The quoted title at the start of a citation, without its trailing comma. */
export function titleFromCitation(citation: string): string {
  const m = /^\s*["“„]([^"”“]+?)[,.]?\s*["”]/.exec(citation);
  return m ? m[1].trim() : '';
}

/** The translator named in a citation (`Translated for NKIDP by Bernd Schaefer.` → `Bernd Schaefer`). */
export function translatorFromCitation(citation: string): string {
  const m = /\bTranslated(?:\s+(?:for|from)\s+[^.]*?)?\s+by\s+((?:[A-Z]\.\s*)*[^.,;()]+)/.exec(citation);
  return m ? m[1].trim() : '';
}

/** The first http(s) URL in a text, without trailing punctuation. */
export function firstUrl(text: string): string {
  const m = /\bhttps?:\/\/[^\s"'<>()]+/.exec(text);
  return m ? trimEndOf(m[0], '.,;:!?') : '';
}

/** The archival signature written after `Archival Signature:` in a line, if any. */
export function signatureFromLine(line: string): string {
  // `/Archival Signature:\s*(.+?)\s*$/` would be quadratic on a long run of spaces.
  const m = /Archival Signature:/i.exec(line);
  const value = m ? line.slice(m.index + m[0].length).trim() : '';
  return value.replace(/[.;]$/, '');
}

/** True for the archive's citation paragraph: a quoted title followed by a date. */
export function isCitation(line: string): boolean {
  const value = line.trim();
  return /^["“„]/.test(value) && titleFromCitation(value) !== '' && findDate(value) !== null;
}

/** Fields read from the page, with the ones left empty filled in later. */
export type PartialMeta = Partial<DocumentMeta>;

/** Metadata read from a page's header, and the first unclassified short line (a title candidate). */
export interface HeaderRead {
  meta: PartialMeta;
  titleCandidate: string;
}

/**
 * Reads metadata from the lines of an archive page above its first version
 * (chrome lines are skipped): a line that is only a date, the credits line, the
 * citation paragraph, labelled fields, and the description (summary). The first
 * unknown short line is returned as a title candidate.
 */
export function parseHeaderLines(lines: string[]): HeaderRead {
  const meta: PartialMeta = {};
  const summary: string[] = [];
  let pending: keyof DocumentMeta | 'skip' | null = null;
  let titleCandidate = '';
  const append = (field: keyof DocumentMeta, value: string) => {
    if (field === 'date') {
      const iso = parseDateLine(value) ?? findDate(value);
      if (iso && !meta.date) meta.date = iso;
    } else if (field === 'sourceUrl') {
      const url = firstUrl(value);
      if (url && !meta.sourceUrl) meta.sourceUrl = url;
    } else {
      meta[field] = meta[field] ? `${meta[field]}\n\n${value}` : value;
    }
  };

  for (const raw of lines) {
    const line = raw.trim().replace(/\s+/g, ' ');
    if (!line || isChromeLine(line) || sectionMarker(line)) continue;
    const label = labelOf(line);
    if (label) {
      if (label.value) {
        if (label.field !== 'skip') append(label.field, label.value);
        pending = null;
      } else pending = label.field;
      continue;
    }
    if (pending) {
      if (pending !== 'skip') append(pending, line);
      pending = null;
      continue;
    }
    const date = parseDateLine(line);
    if (date) {
      if (!meta.date) meta.date = date;
    } else if (isCreditsLine(line)) {
      meta.credits = meta.credits ? `${meta.credits}\n${line}` : line;
    } else if (isCitation(line) && !meta.citation) {
      meta.citation = line;
    } else if (/^https?:\/\/\S+$/.test(line)) {
      if (!meta.sourceUrl) meta.sourceUrl = firstUrl(line);
    } else if (line.length >= 120 || (line.length >= 30 && /[.!?]["'”’)]*$/.test(line))) {
      summary.push(line);
    } else if (!titleCandidate) {
      titleCandidate = line;
    }
  }
  if (summary.length && !meta.summary) meta.summary = summary.join('\n\n');
  return { meta, titleCandidate };
}

/**
 * Fills what the citation tells and the page did not say: the title (its quoted
 * title), the date, the translator and the URL.
 */
export function completeFromCitation(meta: PartialMeta): PartialMeta {
  const citation = meta.citation ?? '';
  if (!citation) return meta;
  const out = { ...meta };
  if (!out.title) out.title = titleFromCitation(citation);
  if (!out.date) out.date = findDate(citation) ?? '';
  if (!out.translator) out.translator = translatorFromCitation(citation);
  if (!out.sourceUrl) out.sourceUrl = firstUrl(citation);
  return out;
}
