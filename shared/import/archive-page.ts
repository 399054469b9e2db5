/**
 * The part of the archive importers that does not depend on the page's format:
 * header lines to metadata, English blocks to rows, witness lines aligned.
 * The text, markdown and HTML importers each split their page into these parts.
 */
import type { DocumentMeta } from '../model/document';
import { classifyBody, type BodyBlock } from './archive-body';
import { completeFromCitation, parseHeaderLines, signatureFromLine, type PartialMeta } from './archive-meta';
import { assemble } from './assemble';
import { findDate } from './dates';
import { importError, importOk, type ImportResult } from './result';
import { oversizeReason } from './limits';
import { withoutCalls } from './footnote-calls';

/** An archive page split into its parts. */
export interface ArchivePage {
  name: string;
  format: 'text' | 'markdown' | 'html';
  /** Lines above the first version: date, credits, summary, citation, chrome. */
  header: string[];
  /** Fields the format states explicitly (markdown headings, HTML `<link rel=canonical>`); they win. */
  known?: PartialMeta;
  /** Fields found elsewhere on the page (credits below the versions); the header's win. */
  fallback?: PartialMeta;
  /** A title the page shows (an HTML `<h1>`), used when the citation has none. */
  titleHint?: string;
  english: BodyBlock[];
  /** The Korean section exactly as imported, line by line. */
  witness: string[];
  /** Footnotes the English blocks call (`footnote-calls.ts`). */
  footnotes?: string[];
  /** Versions other than English and Korean that were left out (`german`, ...). */
  ignoredSections?: string[];
  notes?: string[];
  now?: Date;
}

/** Builds the document of an archive page from its parts. */
export function buildArchivePage(page: ArchivePage): ImportResult {
  const oversize = oversizeReason(page.english.length, page.witness.length);
  if (oversize) return importError(page.name, oversize);
  const notes = [...(page.notes ?? [])];
  const warnings: string[] = [];
  // The page's own title line (an HTML <h1>) is neither summary nor anything else.
  const header = parseHeaderLines(page.header.filter((line) => line.trim() !== page.titleHint));
  let meta: PartialMeta = { ...definedOnly(page.fallback ?? {}), ...header.meta, ...definedOnly(page.known ?? {}) };
  meta = completeFromCitation(meta);

  const { blocks: rows, joined } = classifyBody(page.english);
  if (joined) notes.push(`joined ${joined} paragraph${joined === 1 ? '' : 's'} broken across a blank line`);

  if (!meta.title) meta.title = page.titleHint || header.titleCandidate || withoutCalls(titleRow(rows));
  if (!meta.signature) {
    for (const row of rows.slice(0, 12)) {
      const signature = signatureFromLine(withoutCalls(row.text));
      if (signature) {
        meta.signature = signature;
        break;
      }
    }
  }
  if (!meta.date) {
    const heading = rows.filter((r) => r.role === 'head').map((r) => r.text);
    meta.date = findDate(heading.join('\n')) ?? '';
  }
  for (const section of page.ignoredSections ?? []) {
    warnings.push(`the ${section} version of the page was left out (only English and Korean are imported)`);
  }

  const result = assemble({
    name: page.name,
    format: page.format,
    meta,
    rows,
    witness: page.witness,
    footnotes: page.footnotes,
    notes,
    now: page.now,
  });
  return importOk(result.document, [...warnings, ...result.warnings]);
}

/**
 * The title among the heading rows above the first paragraph: the longest one
 * that is not the signature line, a date line, wholly bracketed or illegible.
 */
function titleRow(rows: { role: string; text: string }[]): string {
  let title = '';
  for (const row of rows) {
    if (row.role !== 'head') break;
    const text = row.text.trim();
    const unsuitable =
      /Archival Signature:/i.test(text) || findDate(text) || /^[[(].*[\])]$/.test(text) || text.includes('□');
    if (!unsuitable && text.length > title.length) title = text;
  }
  return title;
}

function definedOnly(meta: Partial<DocumentMeta>): Partial<DocumentMeta> {
  return Object.fromEntries(
    Object.entries(meta).filter(([, v]) => typeof v === 'string' && v !== ''),
  ) as Partial<DocumentMeta>;
}
