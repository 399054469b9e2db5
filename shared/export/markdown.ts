/**
 * Markdown edition: CommonMark, with footnotes in the common extension syntax
 * (`[^1]` in the text, `[^1]: …` at the end of each document), which renderers
 * without the extension show as plain text.
 *
 * Layout: one language flows as paragraphs; several languages go segment by
 * segment (English, then the Korean and the original as block quotes, then the
 * witness as a fenced block), so footnote references appear in number order.
 * Insertions are in brackets; every other Markdown character in the text is
 * escaped so it reads literally (a literal `[x]` is `\[x\]`, never a link).
 */
import type { TextColumn } from '../model/schema';
import { formatDate, isWebUrl, metaRows, type PreparedDocument, type PreparedEdition } from './edition';
import { correctionEntry, legendLine, linearInline, linearKorean, type LinearStyle } from './linear';
import { isEmptyInline, readable, type InlineNode } from './walk';
import { trailingRun, trimEndOf } from '../model/trim';

/** Escapes text for CommonMark inline content (block-level hazards are handled per line). */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`).replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/**
 * Escapes what would start a block at the beginning of a line: headings, block
 * quotes, list items, thematic breaks, setext underlines, fences, indentation.
 */
function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '');
  return trimmed.replace(/^([#>+=-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

function styleFor(prefix: string): LinearStyle {
  return {
    escape: escapeMarkdownInline,
    footnoteRef: (n) => `[^${prefix}${n}]`,
    // A correction's letter, as plain text writes a raised one (the apparatus explains it).
    correctionRef: (label) => `^${label}`,
    lineBreak: '\\\n',
    open: '[',
    close: ']',
    afterBracket: (next) => next.replace(/^([(:])/, '\\$1'),
  };
}

/** True when a line ends with a hard break: an odd run of backslashes (an even run is escaped text). */
function endsWithBreak(line: string): boolean {
  return trailingRun(line, '\\') % 2 === 1;
}

/** A paragraph's text with each line made safe at its start, and no stray edges. */
function paragraph(text: string): string {
  const lines = text
    .split('\n')
    .map(escapeLineStart)
    .filter((line) => line !== ''); // a blank line would end the paragraph
  // A hard break cannot start or end a paragraph: it would show as a backslash.
  while (lines.length && lines[0] === '\\') lines.shift();
  while (lines.length && endsWithBreak(lines[lines.length - 1])) {
    const last = trimEndOf(lines.pop()!.slice(0, -1), ' \t');
    if (last) {
      lines.push(last);
      break;
    }
  }
  return trimEndOf(lines.join('\n'), ' \t');
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** A fenced block that no line of the content can close early. */
function fenced(lines: string[], info: string): string {
  const longest = Math.max(
    2,
    ...lines.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))),
  );
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${info}`, ...lines.map(readable), fence].join('\n');
}

function render(nodes: InlineNode[] | null, edition: PreparedEdition, prefix: string): string {
  return paragraph(linearInline(nodes ?? [], edition.options, styleFor(prefix)));
}

function metaList(doc: PreparedDocument, edition: PreparedEdition, prefix: string): string[] {
  return metaRows(doc.file.meta, doc.meta).map((row) => {
    const value = row.rich
      ? linearInline(row.rich, edition.options, styleFor(prefix))
          .split('\n')
          .map((line) => line.trim())
          .join('\n  ')
      : row.kind === 'url' && isWebUrl(row.value)
        ? `<${row.value.trim()}>`
        : readable(row.value)
            .split('\n')
            .map((line) => escapeMarkdownInline(line.trim()))
            .join('\\\n  ');
    return `- **${row.label}:** ${value}`;
  });
}

function documentMarkdown(doc: PreparedDocument, edition: PreparedEdition): string {
  const prefix = edition.single ? '' : `${doc.index}.`;
  const heading = edition.single ? '#' : '##';
  // A heading is one line: a break in a corrected title reads as a space there.
  const title = doc.meta.title
    ? linearInline(doc.meta.title, edition.options, styleFor(prefix)).replace(/\\\n/g, ' ')
    : escapeMarkdownInline(readable(doc.file.meta.title || doc.file.id));
  const blocks: string[] = [`${heading} ${title}`];
  const meta = metaList(doc, edition, prefix);
  if (meta.length) blocks.push(meta.join('\n'));
  if (edition.single && edition.legend.length) blocks.push(legendMarkdown(edition, '##'));
  const [first, ...others] = doc.columns;
  const several = doc.columns.length > 1 || doc.witness;
  // Korean not verified carries its mark (see legend.ts), escaped like any text.
  const cell = (seg: (typeof doc.segments)[number], column: TextColumn): string => {
    const text = isEmptyInline(seg[column]) ? '' : render(seg[column], edition, prefix);
    if (column !== 'korean' || !seg.unverified) return text;
    return linearKorean(seg, text, edition.options)!.replace(/^([^:(]+)/, (mark) => `*${escapeMarkdownInline(mark.trim())}*`);
  };
  for (const seg of doc.segments) {
    const main = cell(seg, first);
    if (main) blocks.push(seg.role === 'head' ? `**${main}**` : main);
    if (!several) continue;
    for (const column of others as TextColumn[]) {
      const text = cell(seg, column);
      if (text) blocks.push(quote(text));
    }
    if (doc.witness && seg.witness.length) blocks.push(fenced(seg.witness, ' text'));
  }
  if (doc.corrections.length) {
    blocks.push(
      `${edition.single ? '##' : '###'} Corrections`,
      doc.corrections
        .map((corr) => `- ^${corr.label} ${escapeMarkdownInline(correctionEntry(corr))}`)
        .join('\n'),
    );
  }
  if (doc.footnotes.length) {
    blocks.push(
      doc.footnotes
        .map((note) => `[^${prefix}${note.n}]: ${render(note.content, edition, prefix).replace(/\n/g, '\n    ')}`)
        .join('\n\n'),
    );
  }
  return blocks.join('\n\n');
}

function legendMarkdown(edition: PreparedEdition, heading: string): string {
  const lines = edition.legend.map((entry) => `- ${escapeMarkdownInline(legendLine(entry))}`);
  return `${heading} Editorial conventions\n\n${lines.join('\n')}`;
}

/** Serialises a prepared edition as CommonMark with footnotes. */
export function markdownString(edition: PreparedEdition): string {
  const parts: string[] = [];
  if (!edition.single) {
    parts.push(`# ${escapeMarkdownInline(readable(edition.title))}`);
    parts.push(
      edition.documents
        .map((doc) => {
          const date = doc.file.meta.date ? ` (${formatDate(doc.file.meta.date)})` : '';
          return `${doc.index}. ${escapeMarkdownInline(readable(doc.file.meta.title || doc.file.id))}${date}`;
        })
        .join('\n'),
    );
    if (edition.legend.length) parts.push(legendMarkdown(edition, '##'));
  }
  for (const doc of edition.documents) parts.push(documentMarkdown(doc, edition));
  return `${parts.join('\n\n')}\n`;
}
