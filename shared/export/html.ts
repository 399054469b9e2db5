/**
 * HTML edition: one self-contained file (style inline, no scripts, nothing
 * fetched), readable on screen and printable. The same HTML is what the PDF
 * printer prints.
 *
 * - Metadata and citation on top of each document.
 * - Parallel columns as a table, one row per segment (or one language as a flow).
 * - Insertions in brackets that are part of the text (they copy), styled.
 * - Corrections as the corrected text; the source's reading as a visible note
 *   and a tooltip (`corrections: 'noted'`), or silent, or the source's reading.
 * - Footnotes numbered per document, listed at its end, linked both ways.
 */
import type { TextColumn } from '../model/schema';
import {
  columnLabel,
  columnLang,
  formatDate,
  isWebUrl,
  metaRows,
  type PreparedDocument,
  type PreparedEdition,
  type PreparedSegment,
} from './edition';
import { editionCss } from './html-style';
import { frag, h, raw, type Html } from './markup';
import { correctionNote, isEmptyInline, readable, type InlineNode } from './walk';
import { GAP_GLYPH } from '../model/gap';

/** Serialises a prepared edition as one HTML file. */
export function htmlString(edition: PreparedEdition): string {
  const { options } = edition;
  const head = h(
    'head',
    null,
    h('meta', { charset: 'utf-8' }),
    // The edition runs nothing and fetches nothing; say so to any browser that opens it.
    h('meta', {
      'http-equiv': 'Content-Security-Policy',
      content:
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'",
    }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'generator', content: 'Interlinea' }),
    h('title', null, readable(edition.title)),
    h('style', null, raw(editionCss(options.pageSize, !edition.single))),
  );
  const body = h(
    'body',
    null,
    edition.single ? null : titlePage(edition),
    edition.documents.map((doc) => documentHtml(doc, edition)),
  );
  return `<!DOCTYPE html>\n${h('html', { lang: 'en' }, head, body).value}\n`;
}

function titlePage(edition: PreparedEdition): Html {
  return h(
    'section',
    { class: 'title-page' },
    h('h1', null, readable(edition.title)),
    h('p', { class: 'subtitle' }, `An edition of ${edition.documents.length} documents`),
    h(
      'nav',
      { class: 'toc', 'aria-label': 'Contents' },
      h('h2', null, 'Contents'),
      h(
        'ol',
        null,
        edition.documents.map((doc) =>
          h(
            'li',
            null,
            h('a', { href: `#${doc.anchor}` }, readable(doc.file.meta.title || doc.file.id)),
            doc.file.meta.date
              ? frag(' ', h('span', { class: 'toc-date' }, `(${formatDate(doc.file.meta.date)})`))
              : null,
          ),
        ),
      ),
    ),
  );
}

function documentHtml(doc: PreparedDocument, edition: PreparedEdition): Html {
  const { meta } = doc.file;
  return h(
    'article',
    { class: 'document', id: doc.anchor, lang: 'en' },
    h(
      'header',
      null,
      edition.single ? null : h('p', { class: 'doc-kicker' }, `Document ${doc.index} of ${edition.documents.length}`),
      h('h1', null, readable(meta.title || doc.file.id)),
      metaList(doc),
    ),
    textHtml(doc, edition),
    notesHtml(doc, edition),
  );
}

function metaList(doc: PreparedDocument): Html | null {
  const rows = metaRows(doc.file.meta);
  if (!rows.length) return null;
  return h(
    'dl',
    { class: 'meta' },
    rows.map((row) =>
      h(
        'div',
        null,
        h('dt', null, row.label),
        h(
          'dd',
          null,
          row.kind === 'url' && isWebUrl(row.value)
            ? h('a', { href: row.value.trim() }, readable(row.value))
            : lines(readable(row.value)),
        ),
      ),
    ),
  );
}

/** Text with its line breaks kept as `<br>`. */
function lines(value: string): Html {
  return frag(value.split('\n').map((line, i) => [i ? h('br', null) : null, line]));
}

type Cell = TextColumn | 'witness';

function cellsOf(doc: PreparedDocument): Cell[] {
  return [...doc.columns, ...(doc.witness ? (['witness'] as const) : [])];
}

function textHtml(doc: PreparedDocument, edition: PreparedEdition): Html {
  const cells = cellsOf(doc);
  const meta = doc.file.meta;
  if (cells.length === 1) {
    const column = cells[0] as TextColumn;
    return h(
      'div',
      { class: `flow col-${column}`, lang: columnLang(column, meta) },
      doc.segments
        .filter((seg) => !isEmptyInline(seg[column]))
        .map((seg) => h('p', { class: `seg role-${seg.role}` }, inline(seg[column] ?? [], doc, edition))),
    );
  }
  // The witness is a narrow reference column; the languages share the rest.
  const weight = (cell: Cell) => (cell === 'witness' ? 2 : 3);
  const total = cells.reduce((sum, cell) => sum + weight(cell), 0);
  return h(
    'table',
    { class: `parallel cols-${cells.length}` },
    h(
      'colgroup',
      null,
      cells.map((cell) =>
        h('col', { class: `col-${cell}`, style: `width:${((100 * weight(cell)) / total).toFixed(2)}%` }),
      ),
    ),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        cells.map((cell) => h('th', { scope: 'col' }, columnLabel(cell, meta))),
      ),
    ),
    h(
      'tbody',
      null,
      doc.segments.map((seg) =>
        h(
          'tr',
          { class: `role-${seg.role}`, 'data-segment': seg.id },
          cells.map((cell) => cellHtml(seg, cell, doc, edition)),
        ),
      ),
    ),
  );
}

function cellHtml(seg: PreparedSegment, cell: Cell, doc: PreparedDocument, edition: PreparedEdition): Html {
  const lang = columnLang(cell, doc.file.meta);
  if (cell === 'witness') {
    return h(
      'td',
      { class: 'col-witness', lang },
      seg.witness.length ? h('div', { class: 'witness' }, readable(seg.witness.join('\n'))) : null,
    );
  }
  return h('td', { class: `col-${cell} seg role-${seg.role}`, lang }, inline(seg[cell] ?? [], doc, edition));
}

function notesHtml(doc: PreparedDocument, edition: PreparedEdition): Html | null {
  if (!doc.footnotes.length) return null;
  return h(
    'section',
    { class: 'notes', 'aria-label': 'Notes' },
    h('h2', null, 'Notes'),
    h(
      'ol',
      null,
      doc.footnotes.map((note) =>
        h(
          'li',
          { id: note.anchor, lang: note.column === 'english' ? null : columnLang(note.column, doc.file.meta) },
          h('a', { class: 'fn-back', href: `#${note.refAnchor}`, title: 'Back to the text' }, `${note.n}.`),
          ' ',
          inline(note.content, doc, edition),
        ),
      ),
    ),
  );
}

const KIND_TITLES = {
  clarification: "Editor's clarification",
  variant: 'Variant reading',
  expansion: 'Expansion',
} as const;

/** Renders an inline tree. */
function inline(nodes: InlineNode[], doc: PreparedDocument, edition: PreparedEdition): Html {
  const { options } = edition;
  return frag(
    nodes.map((node): Html | string => {
      switch (node.type) {
        case 'text':
          return readable(node.text);
        case 'break':
          return h('br', null);
        case 'gap':
          return h(
            'span',
            {
              class: 'gap',
              title: `${node.reason || 'gap'}: ${node.quantity} character${node.quantity === 1 ? '' : 's'}`,
            },
            GAP_GLYPH.repeat(node.quantity),
          );
        case 'unclear':
          return h(
            'span',
            { class: 'unclear', title: node.reason ? `Unclear reading (${node.reason})` : 'Unclear reading' },
            readable(node.text),
            h('span', { class: 'q' }, '(?)'),
          );
        case 'footnote': {
          const note = doc.footnotes[node.n - 1];
          if (!note) return '';
          return h(
            'sup',
            { class: 'fnref' },
            h('a', { href: `#${note.anchor}`, id: note.refAnchor, 'aria-label': `Note ${note.n}` }, String(note.n)),
          );
        }
        case 'mark': {
          const { mark } = node;
          const inner = inline(node.children, doc, edition);
          switch (mark.type) {
            case 'insertion':
              return h(
                'span',
                { class: `ins ins-${mark.kind}`, title: KIND_TITLES[mark.kind] },
                options.brackets ? '[' : null,
                inner,
                options.brackets ? ']' : null,
              );
            case 'correction':
              if (options.corrections === 'original') {
                return h('span', { class: 'corr-original', title: 'Reading of the source' }, readable(mark.original));
              }
              if (options.corrections === 'silent') return h('span', { class: 'corr' }, inner);
              return frag(
                h('span', { class: 'corr', title: `Corrected; the source reads: ${readable(mark.original)}` }, inner),
                h('span', { class: 'corr-note' }, `[${correctionNote(readable(mark.original))}]`),
              );
            case 'name': {
              const entry = edition.glossary.get(mark.ref);
              const title = entry ? [entry.en, ...entry.ko].join(' · ') : null;
              return h('span', { class: `name name-${mark.nameType}`, 'data-ref': mark.ref || null, title }, inner);
            }
            case 'proposed':
              // Proposed text arrives as an unclear reading; what is left (a placeholder, a break) reads as it is.
              return inner;
          }
        }
      }
    }),
  );
}
