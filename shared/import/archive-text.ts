/**
 * The archive's plain-text document page: page chrome and metadata, then
 * `English HTML` and the English version, then `Korean HTML` and the garbled
 * Korean version (the witness), one paragraph per line.
 */
import type { BodyBlock } from './archive-body';
import { buildArchivePage } from './archive-page';
import { isChromeLine, sectionMarker } from './chrome';
import type { ImportOptions, ImportResult } from './result';

/** A page cut at its section markers (`English HTML`, `Korean HTML`, ...). */
export interface TextSections {
  header: string[];
  /** Lines of each version, keyed by language, in page order. */
  sections: { label: string; lines: string[] }[];
}

/** Cuts the lines of a page at its section markers; without markers, after the last chrome line. */
export function splitSections(lines: string[]): TextSections {
  const markers: { index: number; label: string }[] = [];
  lines.forEach((line, index) => {
    const label = sectionMarker(line);
    if (label) markers.push({ index, label });
  });
  if (markers.length === 0) {
    // No version markers: the page's buttons (`get citation`, `share document`) end the header.
    let last = -1;
    for (let i = 0; i < Math.min(lines.length, 60); i++) if (isChromeLine(lines[i])) last = i;
    return { header: lines.slice(0, last + 1), sections: [{ label: 'english', lines: lines.slice(last + 1) }] };
  }
  const sections = markers.map((m, k) => ({
    label: m.label,
    lines: lines.slice(m.index + 1, k + 1 < markers.length ? markers[k + 1].index : lines.length),
  }));
  return { header: lines.slice(0, markers[0].index), sections };
}

/**
 * Blocks of a text section: each non-blank line is one paragraph. Two or more
 * blank lines before a line mark a stronger break (the page's groups).
 */
export function lineBlocks(lines: string[]): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let blanks = 0;
  for (const line of lines) {
    if (line.trim() === '') {
      blanks++;
      continue;
    }
    blocks.push({ text: line.trim(), breakBefore: blanks >= 2 });
    blanks = 0;
  }
  return blocks;
}

/** Imports an archive plain-text page (the form of `1960-08-30-puzanov-conversation.txt`). */
export function importArchiveText(
  text: string,
  name: string,
  options: ImportOptions & { notes?: string[] } = {},
): ImportResult {
  const { header, sections } = splitSections(text.split('\n'));
  const english: BodyBlock[] = [];
  const witness: string[] = [];
  const ignored: string[] = [];
  for (const section of sections) {
    if (section.label === 'english') english.push(...lineBlocks(section.lines));
    else if (section.label === 'korean') witness.push(...section.lines);
    else if (section.lines.some((l) => l.trim() !== '')) ignored.push(section.label);
  }
  return buildArchivePage({
    name,
    format: 'text',
    header,
    english,
    witness,
    ignoredSections: ignored,
    notes: options.notes,
    now: options.now,
  });
}
