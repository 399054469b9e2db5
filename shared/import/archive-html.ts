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

  for (const block of page.blocks) {
    const section = hasEnglish ? block.section : (block.section ?? 'english');
    if (section === null) {
      if (block.text) header.push(block.text.replace(/\n/g, ' '));
    } else if (section === 'english') {
      if (block.text) english.push({ text: block.text, heading: block.heading });
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
  const notes = [...(options.notes ?? [])];
  const removed = describeRemoved(page.removed);
  if (removed) notes.push(removed);

  return buildArchivePage({
    name,
    format: 'html',
    header,
    known,
    titleHint: page.title,
    english,
    witness,
    ignoredSections: [...ignored],
    notes,
    now: options.now,
  });
}
