/**
 * HTML edition: one self-contained file (style inline, no scripts, nothing
 * fetched), readable on screen and printable. The same HTML is what the PDF
 * printer prints (with, for notes at the page foot, the paginator).
 *
 * - Metadata and citation on top of each document.
 * - Parallel columns as a table, one row per segment (or one language as a flow).
 * - Insertions in brackets that are part of the text (they copy), styled.
 * - Corrections as the corrected text; the source's reading as a visible note
 *   and a tooltip (`corrections: 'noted'`), or silent, or the source's reading.
 * - Footnotes numbered per document, listed at its end, linked both ways; in
 *   print (`print`, the HTML the PDF printer prints) with `notes: 'foot'`, at the
 *   foot of the row that calls them, with the corrections of that row; with
 *   `notes: 'page'` (the default), listed at the end as in HTML, and moved to the
 *   foot of the page of their call by the paginator (`paginator.ts`), the one
 *   script the print HTML carries, allowed by its hash in the page's CSP.
 * - Korean not verified against the witness marked `†state` (or left out), and a
 *   legend of the conventions used (see `legend.ts`).
 * - Provenance (shared/model/provenance.ts), when recorded: the archive
 *   translator's insertions plain (`by-archive`), an editor's in the insertion
 *   colour with the editor's initials raised after them (`by-editor`); every
 *   annotation with provenance says who made it and when in its tooltip, and the
 *   legend names the editors. Annotations without provenance are as before.
 */
import type { TextColumn } from '../model/schema';
import type { ProjectEditor } from '../model/project';
import {
  columnLabel,
  columnLang,
  formatDate,
  isWebUrl,
  metaRows,
  META_ROW,
  type PreparedDocument,
  type PreparedEdition,
  type PreparedSegment,
} from './edition';
import { editionCss } from './html-style';
import { frag, h, raw, type Html } from './markup';
import { isEmptyInline, readable, type InlineNode } from './walk';
import { CORRECTIONS_WHERE, OMITTED_KOREAN, SIGIL_LEGEND, UNVERIFIED_MEANING, sourceReading, unverifiedMark } from './legend';
import { ARCHIVE_RESP, provenanceLabel, respLabel, type AnnotationKind } from '../model/provenance';
import { GAP_GLYPH } from '../model/gap';
import { PAGINATOR_CSP, PAGINATOR_JS } from './paginator';

/** How the HTML is meant to be read. */
export interface HtmlMode {
  /** For the PDF printer: print fonts, and notes placed by `options.notes`. */
  print?: boolean;
}

/** Serialises a prepared edition as one HTML file. */
export function htmlString(edition: PreparedEdition, mode: HtmlMode = {}): string {
  const { options } = edition;
  // Notes at the page foot: the HTML is the end-notes edition, which the paginator lays into pages.
  const paged = !!mode.print && options.notes === 'page';
  const ctx: Ctx = { edition, rowNotes: !!mode.print && options.notes === 'foot', paged };
  const first = edition.documents[0].file.meta;
  const authors = [...new Set(edition.documents.map((doc) => doc.file.meta.translator.trim()).filter(Boolean))];
  const head = h(
    'head',
    null,
    h('meta', { charset: 'utf-8' }),
    // The edition fetches nothing and runs nothing but, in print with notes at the page foot,
    // the paginator: exactly that script, by its hash (no inline handlers, no other script).
    h('meta', {
      'http-equiv': 'Content-Security-Policy',
      content:
        `default-src 'none'; ${paged ? `script-src ${PAGINATOR_CSP}; ` : ''}style-src 'unsafe-inline'; ` +
        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'",
    }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'generator', content: 'Interlinea' }),
    authors.length ? h('meta', { name: 'author', content: readable(authors.join('; ')) }) : null,
    edition.single && first.summary.trim()
      ? h('meta', { name: 'description', content: readable(first.summary) })
      : null,
    h('title', null, readable(edition.title)),
    h(
      'style',
      null,
      raw(editionCss(options.pageSize, !edition.single, !!mode.print, edition.provenance.length > 0, paged)),
    ),
  );
  const body = h(
    'body',
    null,
    edition.single ? null : titlePage(edition, ctx),
    edition.documents.map((doc) => documentHtml(doc, ctx)),
    paged ? h('script', null, raw(PAGINATOR_JS)) : null,
  );
  return `<!DOCTYPE html>\n${h('html', { lang: 'en', 'data-notes': paged ? 'page' : null }, head, body).value}\n`;
}

function titlePage(edition: PreparedEdition, ctx: Ctx): Html {
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
    legendHtml(edition, ctx),
  );
}

/** The editorial conventions the edition uses, explained. */
function legendHtml(edition: PreparedEdition, ctx: Ctx): Html | null {
  if (!edition.legend.length) return null;
  // Printed with notes at the foot of the page or row, the source's readings are there too.
  const where = ctx.paged
    ? 'the foot of the page gives the source’s reading under the same letter.'
    : ctx.rowNotes
      ? 'the foot of the row gives the source’s reading under the same letter.'
      : CORRECTIONS_WHERE;
  return h(
    'section',
    { class: 'legend', 'aria-label': 'Editorial conventions' },
    h('h2', null, 'Editorial conventions'),
    h(
      'dl',
      null,
      [...edition.legend, ...(edition.provenance.some((entry) => entry.source === 'editor') ? [SIGIL_LEGEND] : [])].map(
        (entry) => h('div', null, h('dt', null, entry.sign || '·'), h('dd', null, entry.text.replace(CORRECTIONS_WHERE, where))),
      ),
    ),
  );
}

/** What rendering one edition needs besides the edition. */
interface Ctx {
  edition: PreparedEdition;
  /** Notes and corrections at the foot of the row that calls them (print with `notes: 'foot'`). */
  rowNotes: boolean;
  /** Notes and corrections at the foot of the page, placed by the paginator (print with `notes: 'page'`). */
  paged: boolean;
}

function documentHtml(doc: PreparedDocument, ctx: Ctx): Html {
  const { edition } = ctx;
  const { meta } = doc.file;
  return h(
    'article',
    { class: 'document', id: doc.anchor, lang: 'en' },
    h(
      'header',
      null,
      edition.single ? null : h('p', { class: 'doc-kicker' }, `Document ${doc.index} of ${edition.documents.length}`),
      h('h1', null, doc.meta.title ? inline(doc.meta.title, doc, edition) : readable(meta.title || doc.file.id)),
      metaList(doc, edition),
      // Printed with notes at the foot of their row, the metadata's corrections come under it.
      ctx.rowNotes ? correctionsHtml(doc, doc.corrections.filter((corr) => corr.row === META_ROW), edition.editors, true) : null,
      edition.single ? legendHtml(edition, ctx) : null,
    ),
    textHtml(doc, ctx),
    ctx.rowNotes ? null : correctionsHtml(doc, doc.corrections, edition.editors),
    ctx.rowNotes ? null : notesHtml(doc, edition),
  );
}

/** The apparatus of noted corrections: letter, corrected text, the source's reading. */
function correctionsHtml(
  doc: PreparedDocument,
  list: PreparedDocument['corrections'],
  editors: readonly ProjectEditor[],
  inRow = false,
): Html | null {
  if (!list.length) return null;
  const items = list.map((corr) =>
    h(
      'li',
      { id: corr.anchor, lang: corr.column === 'english' ? null : columnLang(corr.column, doc.file.meta) },
      h('a', { class: 'app-back', href: `#${corr.refAnchor}`, title: 'Back to the text' }, corr.label),
      ' ',
      h('span', { class: 'lemma' }, readable(corr.text)),
      ' — ',
      sourceReading(readable(corr.original)),
      corr.resp || corr.when ? h('span', { class: 'app-resp' }, ` (${byWhom('correction', corr, editors, true)})`) : null,
    ),
  );
  if (inRow) return h('ol', { class: 'apparatus' }, items);
  return h(
    'section',
    { class: 'corrections', 'aria-label': 'Corrections' },
    h('h2', null, 'Corrections'),
    h('ol', { class: 'apparatus' }, items),
  );
}

function metaList(doc: PreparedDocument, edition: PreparedEdition): Html | null {
  const rows = metaRows(doc.file.meta, doc.meta);
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
          row.rich
            ? inline(row.rich, doc, edition)
            : row.kind === 'url' && isWebUrl(row.value)
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

/** The notes and corrections a row calls, printed at its foot. */
function rowNotesHtml(doc: PreparedDocument, row: number, ctx: Ctx): Html | null {
  if (!ctx.rowNotes) return null;
  const notes = doc.footnotes.filter((note) => note.row === row);
  const corrections = doc.corrections.filter((corr) => corr.row === row);
  if (!notes.length && !corrections.length) return null;
  return h(
    'div',
    { class: 'row-notes' },
    notes.length ? notesList(doc, notes, ctx.edition) : null,
    correctionsHtml(doc, corrections, ctx.edition.editors, true),
  );
}

function textHtml(doc: PreparedDocument, ctx: Ctx): Html {
  const { edition } = ctx;
  const cells = cellsOf(doc);
  const meta = doc.file.meta;
  if (cells.length === 1) {
    const column = cells[0] as TextColumn;
    return h(
      'div',
      { class: `flow col-${column}`, lang: columnLang(column, meta) },
      doc.segments.map((seg, row) => {
        if (isEmptyInline(seg[column]) && !(column === 'korean' && seg.unverified)) return null;
        return frag(
          h(
            'p',
            {
              class: `seg role-${seg.role}${column === 'korean' && seg.unverified ? ` unverified uv-${seg.unverified}` : ''}`,
            },
            column === 'korean' ? koreanHtml(seg, doc, edition) : inline(seg[column] ?? [], doc, edition),
          ),
          rowNotesHtml(doc, row, ctx),
        );
      }),
    );
  }
  return h(
    'table',
    { class: `parallel cols-${cells.length}` },
    h(
      'colgroup',
      null,
      // Widths follow the content (edition.ts `columnWidths`).
      cells.map((cell, i) => h('col', { class: `col-${cell}`, style: `width:${(100 * doc.widths[i]).toFixed(2)}%` })),
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
      doc.segments.map((seg, row) => {
        const notes = rowNotesHtml(doc, row, ctx);
        return frag(
          h(
            'tr',
            { class: `role-${seg.role}${notes ? ' has-notes' : ''}`, 'data-segment': seg.id },
            cells.map((cell) => cellHtml(seg, cell, doc, edition)),
          ),
          notes ? h('tr', { class: 'notes-row' }, h('td', { colspan: cells.length }, notes)) : null,
        );
      }),
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
  if (cell === 'korean') {
    const uv = seg.unverified ? ` unverified uv-${seg.unverified}` : '';
    return h('td', { class: `col-korean seg role-${seg.role}${uv}`, lang }, koreanHtml(seg, doc, edition));
  }
  return h('td', { class: `col-${cell} seg role-${seg.role}`, lang }, inline(seg[cell] ?? [], doc, edition));
}

/** Korean, with the mark of its state when it is not verified (or the mark alone when left out). */
function koreanHtml(seg: PreparedSegment, doc: PreparedDocument, edition: PreparedEdition): Html {
  const text = inline(seg.korean ?? [], doc, edition);
  if (!seg.unverified) return text;
  const mark = h(
    'span',
    { class: 'uv-mark', lang: 'en', title: `Not verified: ${UNVERIFIED_MEANING[seg.unverified]}` },
    unverifiedMark(seg.unverified),
  );
  if (edition.options.unverified === 'omit')
    return frag(mark, ' ', h('span', { class: 'uv-omitted', lang: 'en' }, OMITTED_KOREAN));
  return frag(mark, ' ', text);
}

function notesHtml(doc: PreparedDocument, edition: PreparedEdition): Html | null {
  if (!doc.footnotes.length) return null;
  return h(
    'section',
    { class: 'notes', 'aria-label': 'Notes' },
    h('h2', null, 'Notes'),
    notesList(doc, doc.footnotes, edition),
  );
}

function notesList(doc: PreparedDocument, list: PreparedDocument['footnotes'], edition: PreparedEdition): Html {
  return h(
    'ol',
    { class: 'footnotes' },
    list.map((note) =>
      h(
        'li',
        { id: note.anchor, lang: note.column === 'english' ? null : columnLang(note.column, doc.file.meta) },
        h('a', { class: 'fn-back', href: `#${note.refAnchor}`, title: 'Back to the text' }, `${note.n}.`),
        ' ',
        inline(note.content, doc, edition),
        sigil('footnote', note, edition),
      ),
    ),
  );
}

/** Who made an annotation and when, for a tooltip: `inserted by AB, 5 Dec 2026`, `by the archive’s translator`. */
function byWhom(kind: AnnotationKind, prov: { resp?: string; when?: string }, editors: readonly ProjectEditor[], lower = false): string {
  if (prov.resp === ARCHIVE_RESP) return 'by the archive’s translator';
  const label = provenanceLabel(kind, { resp: prov.resp ?? '', when: prov.when ?? '' }, editors);
  return lower ? label : label.charAt(0).toUpperCase() + label.slice(1);
}

/** The editor's initials raised after an annotation they made (nothing for the archive's or unrecorded ones). */
function sigil(kind: AnnotationKind, prov: { resp?: string; when?: string }, edition: PreparedEdition): Html | null {
  if (!prov.resp || prov.resp === ARCHIVE_RESP) return null;
  return h(
    'sup',
    { class: 'resp-sigil', title: byWhom(kind, prov, edition.editors) },
    readable(respLabel(prov.resp, edition.editors)),
  );
}

/** The class telling whose an annotation is: `by-archive`, `by-editor`, or none when not recorded. */
function byClass(resp: string | undefined): string {
  return resp === ARCHIVE_RESP ? ' by-archive' : resp ? ' by-editor' : '';
}

const KIND_NAMES = {
  clarification: 'Clarification',
  variant: 'Variant reading',
  expansion: 'Expansion',
} as const;

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
            { class: `fnref${byClass(node.resp)}`, title: node.resp || node.when ? byWhom('footnote', node, edition.editors) : null },
            h('a', { href: `#${note.anchor}`, id: note.refAnchor, 'aria-label': `Note ${note.n}` }, String(note.n)),
          );
        }
        case 'mark': {
          const { mark } = node;
          const inner = inline(node.children, doc, edition);
          switch (mark.type) {
            case 'insertion': {
              const recorded = !!(mark.resp || mark.when);
              return frag(
                h(
                  'span',
                  {
                    class: `ins ins-${mark.kind}${byClass(mark.resp)}`,
                    title: recorded
                      ? `${KIND_NAMES[mark.kind]} ${byWhom('insertion', mark, edition.editors, true)}`
                      : KIND_TITLES[mark.kind],
                  },
                  options.brackets ? '[' : null,
                  inner,
                  options.brackets ? ']' : null,
                ),
                sigil('insertion', mark, edition),
              );
            }
            case 'correction': {
              const by = mark.resp || mark.when ? byWhom('correction', mark, edition.editors) : null;
              if (options.corrections === 'original') {
                return h('span', { class: 'corr-original', title: 'Reading of the source' }, readable(mark.original));
              }
              if (options.corrections === 'silent' || !mark.label)
                return h('span', { class: `corr${byClass(mark.resp)}`, title: by }, inner);
              return frag(
                h(
                  'span',
                  {
                    class: `corr${byClass(mark.resp)}`,
                    title: by
                      ? `${by}; the source reads: ${readable(mark.original)}`
                      : `Corrected; the source reads: ${readable(mark.original)}`,
                  },
                  inner,
                ),
                h(
                  'sup',
                  { class: 'app-ref' },
                  h(
                    'a',
                    {
                      href: `#${doc.prefix}corr-${mark.label}`,
                      id: `${doc.prefix}corrref-${mark.label}`,
                      'aria-label': `Correction ${mark.label}`,
                    },
                    mark.label,
                  ),
                ),
              );
            }
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
