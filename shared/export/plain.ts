/**
 * Plain-text edition: insertions in brackets, footnote references as `[1]`, and
 * the notes listed at the end of each document. With several languages, each
 * segment's English comes first and the other languages follow it, indented;
 * witness lines are indented behind a `|`. Paragraphs are not wrapped.
 */
import { formatDate, metaRows, type PreparedDocument, type PreparedEdition } from './edition';
import { correctionEntry, legendLine, linearInline, linearKorean, type LinearStyle } from './linear';
import { isEmptyInline, readable } from './walk';

const STYLE: LinearStyle = {
  escape: (text) => text,
  footnoteRef: (n) => `[${n}]`,
  correctionRef: (label) => `^${label}`,
  lineBreak: '\n',
  open: '[',
  close: ']',
};

function underline(title: string, ch: string): string {
  const width = Math.min(72, Math.max(3, [...title].length));
  return `${title}\n${ch.repeat(width)}`;
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => by + line)
    .join('\n');
}

function documentText(doc: PreparedDocument, edition: PreparedEdition): string {
  const title = doc.meta.title ? linearInline(doc.meta.title, edition.options, STYLE).replace(/\n/g, ' ') : readable(doc.file.meta.title || doc.file.id);
  const blocks: string[] = [underline(title, edition.single ? '=' : '-')];
  const meta = metaRows(doc.file.meta, doc.meta);
  if (meta.length) {
    blocks.push(
      meta
        .map((row) => {
          const pad = ' '.repeat(row.label.length + 2);
          const value = row.rich ? linearInline(row.rich, edition.options, STYLE) : readable(row.value);
          return `${row.label}: ${value.split('\n').join(`\n${pad}`)}`;
        })
        .join('\n'),
    );
  }
  if (edition.single && edition.legend.length) blocks.push(legendText(edition));
  const [first, ...others] = doc.columns;
  for (const seg of doc.segments) {
    const parts: string[] = [];
    const cell = (column: (typeof doc.columns)[number]): string | null => {
      const text = isEmptyInline(seg[column]) ? '' : linearInline(seg[column] ?? [], edition.options, STYLE);
      return column === 'korean' ? linearKorean(seg, text, edition.options) : text || null;
    };
    const main = cell(first);
    if (main) parts.push(main);
    for (const column of others) {
      const text = cell(column);
      if (text) parts.push(indent(text, '    '));
    }
    if (doc.witness && seg.witness.length) parts.push(indent(readable(seg.witness.join('\n')), '    | '));
    if (parts.length) blocks.push(parts.join('\n'));
  }
  if (doc.corrections.length) {
    blocks.push(
      [
        underline('Corrections', '-'),
        ...doc.corrections.map((corr) => `^${corr.label}  ${correctionEntry(corr)}`),
      ].join('\n'),
    );
  }
  if (doc.footnotes.length) {
    blocks.push(
      [
        underline('Notes', '-'),
        ...doc.footnotes.map((note) => {
          const label = `[${note.n}] `;
          return (
            label +
            linearInline(note.content, edition.options, STYLE)
              .split('\n')
              .join(`\n${' '.repeat(label.length)}`)
          );
        }),
      ].join('\n'),
    );
  }
  return blocks.join('\n\n');
}

function legendText(edition: PreparedEdition): string {
  return [underline('Editorial conventions', '-'), ...edition.legend.map(legendLine)].join('\n');
}

/** Serialises a prepared edition as plain text. */
export function plainString(edition: PreparedEdition): string {
  const parts: string[] = [];
  if (!edition.single) {
    parts.push(
      [
        underline(readable(edition.title), '='),
        '',
        'Contents',
        ...edition.documents.map((doc) => {
          const date = doc.file.meta.date ? ` (${formatDate(doc.file.meta.date)})` : '';
          return `  ${doc.index}. ${readable(doc.file.meta.title || doc.file.id)}${date}`;
        }),
      ].join('\n'),
    );
    if (edition.legend.length) parts.push(legendText(edition));
  }
  for (const doc of edition.documents) parts.push(documentText(doc, edition));
  return `${parts.join('\n\n\n')}\n`;
}
