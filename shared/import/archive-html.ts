/**
 * The archive's HTML document page (and any other HTML page): parsed and
 * sanitised by {@link extractHtml}, then read like the plain-text page — the
 * header blocks give the metadata, the English version the rows, the Korean
 * version the witness.
 */
import type { BodyBlock } from './archive-body';
import { parseHeaderLines } from './archive-meta';
import { buildArchivePage } from './archive-page';
import { extractHtml, HtmlTooLargeError } from './html-blocks';
import { importError, type ImportOptions, type ImportResult } from './result';
import { isCreditsLine } from './chrome';

/** A heading over a page's notes (`Notes`, `Footnotes:`, `Endnotes`). */
const NOTES_HEADING = /^(?:foot|end)?notes:?$/i;

function describeRemoved(removed: Record<string, number>): string {
  const parts = Object.entries(removed).map(([what, n]) => `${n} ${what}${n === 1 ? '' : 's'}`);
  return parts.length ? `HTML sanitised: left out ${parts.join(', ')}` : '';
}

/** Imports an HTML page: the archive's document page, or a generic page as plain paragraphs. */
export function importArchiveHtml(
  text: string,
  name: string,
  options: ImportOptions & { notes?: string[] } = {},
): ImportResult {
  let page: ReturnType<typeof extractHtml>;
  try {
    page = extractHtml(text);
  } catch (err) {
    if (err instanceof HtmlTooLargeError) return importError(name, err.message);
    throw err;
  }
  // Without an English version marker, the text outside other versions is the English.
  const hasEnglish = page.blocks.some((b) => b.section === 'english');
  const header: string[] = [];
  const english: BodyBlock[] = [];
  const witness: string[] = [];
  const trailer: string[] = [];
  const ignored = new Set<string>();

  let credits = '';
  for (const [i, block] of page.blocks.entries()) {
    const section = hasEnglish ? block.section : (block.section ?? 'english');
    if (section === null) {
      if (block.text) header.push(block.text.replace(/\n/g, ' '));
    } else if (section === 'english') {
      // Credits are metadata wherever the page puts them, never rows; so is their label.
      if (isCreditsLine(block.text)) credits ||= block.text.replace(/\s+/g, ' ').trim();
      else if (block.heading && /^credits:?$/i.test(block.text.trim()) && isCreditsLine(page.blocks[i + 1]?.text ?? '')) continue;
      // The heading over the notes, which are read apart.
      else if (page.footnotes.length && block.heading && NOTES_HEADING.test(block.text.trim())) continue;
      else if (block.text) english.push({ text: block.text, heading: block.heading });
    } else if (section === 'korean') {
      witness.push(...block.text.split('\n'));
    } else if (section === 'after') {
      if (block.text) trailer.push(block.text.replace(/\n/g, ' '));
    } else if (block.text) {
      ignored.add(section);
    }
  }

  // "Document information" below the versions: only its labelled fields are trusted.
  const after = parseHeaderLines(trailer).meta;
  const known = {
    sourceUrl: page.canonicalUrl || after.sourceUrl || '',
    originalLanguage: after.originalLanguage ?? '',
  };
  // Credits below the versions, or among the English rows, when the header has none.
  const fallback = after.credits || credits ? { credits: after.credits || credits } : {};
  const notes = [...(options.notes ?? [])];
  const removed = describeRemoved(page.removed);
  if (removed) notes.push(removed);

  return buildArchivePage({
    name,
    format: 'html',
    header,
    known,
    fallback,
    titleHint: page.title,
    english,
    witness,
    footnotes: page.footnotes,
    ignoredSections: [...ignored],
    notes,
    now: options.now,
  });
}
