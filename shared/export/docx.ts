/**
 * Word edition with the `docx` package: real Word footnotes (numbered by Word,
 * restarting with each document's section), insertions in brackets in their own
 * character style, corrections as the corrected text with the source's reading
 * in a Word comment and (when noted) a small visible note, Korean runs tagged
 * `ko-KR` in a Korean font, parallel columns as a table with a repeating header.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  InternalHyperlink,
  NoteNumberRestart,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  type ICommentOptions,
  type IRunOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import type { TextColumn } from '../model/schema';
import {
  columnLabel,
  formatDate,
  metaRows,
  type PreparedDocument,
  type PreparedEdition,
  type PreparedSegment,
} from './edition';
import { isEmptyInline, readable, type InlineNode } from './walk';
import { OMITTED_KOREAN, sourceReading, unverifiedMark } from './legend';
import { ARCHIVE_RESP, editorById, provenanceLabel, type AnnotationKind } from '../model/provenance';
import { GAP_GLYPH } from '../model/gap';

/** Fonts Word and LibreOffice pick per script: Latin text and Hangul. */
export const DOCX_FONTS = {
  latin: 'Noto Serif',
  korean: 'Noto Serif CJK KR',
  mono: 'Noto Sans Mono CJK KR',
} as const;

const PAGE = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
} as const;
const MARGIN = 1077; // 19 mm in twips

type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/** State shared while one Word document is built: ids of footnotes and comments. */
class Builder {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  readonly comments: ICommentOptions[] = [];
  private nextFootnote = 1;

  constructor(readonly edition: PreparedEdition) {}

  private lang(column: TextColumn | 'meta'): RunStyle {
    return column === 'korean' ? { language: { value: 'ko-KR', eastAsia: 'ko-KR' } } : {};
  }

  /**
   * A Word comment on an annotation: `Corrected. The source reads: …`, with who made
   * it and when when that is recorded (`Corrected by AB, 5 Dec 2026.`); an editor's
   * comment has the editor as its author. Returns the comment's id.
   */
  private comment(kind: AnnotationKind, prov: { resp?: string; when?: string }, detail: string | null): number {
    const id = this.comments.length;
    const { editors } = this.edition;
    const editor = prov.resp ? editorById(editors, prov.resp) : undefined;
    const label = prov.resp || prov.when ? provenanceLabel(kind, { resp: prov.resp ?? '', when: prov.when ?? '' }, editors) : '';
    const who =
      prov.resp === ARCHIVE_RESP
        ? `${kind === 'correction' ? 'Corrected' : 'Inserted'} by the archive’s translator.`
        : label
          ? `${label.charAt(0).toUpperCase()}${label.slice(1)}.`
          : 'Corrected.';
    this.comments.push({
      id,
      author: editor ? readable(editor.name) : prov.resp && prov.resp !== ARCHIVE_RESP ? readable(prov.resp) : 'Interlinea',
      initials: editor ? readable(editor.initials) : 'IL',
      children: [new Paragraph({ children: [new TextRun(detail ? `${who} ${detail}` : who)] })],
    });
    return id;
  }

  /** Runs of an inline tree; `base` carries the formatting of the marks around it. */
  runs(nodes: InlineNode[], column: TextColumn, doc: PreparedDocument, base: RunStyle = {}): ParagraphChild[] {
    const { options } = this.edition;
    const style = { ...this.lang(column), ...base };
    const out: ParagraphChild[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          out.push(new TextRun({ ...style, text: readable(node.text) }));
          break;
        case 'break':
          out.push(new TextRun({ ...style, break: 1 }));
          break;
        case 'gap':
          out.push(new TextRun({ ...style, text: GAP_GLYPH.repeat(node.quantity), color: '777777' }));
          break;
        case 'unclear':
          out.push(
            new TextRun({
              ...style,
              text: readable(node.text),
              underline: { type: UnderlineType.DOTTED, color: '888888' },
            }),
          );
          out.push(new TextRun({ ...style, text: '(?)', color: '666666', size: 16 }));
          break;
        case 'footnote': {
          const id = this.nextFootnote++;
          this.footnotes[String(id)] = {
            children: [new Paragraph({ children: this.runs(node.content, column, doc) })],
          };
          out.push(new FootnoteReferenceRun(id));
          break;
        }
        case 'mark': {
          const { mark } = node;
          if (mark.type === 'insertion') {
            const ins = { ...base, style: 'Insertion' };
            // An editor's insertion is commented with who made it and when, the editor as the comment's author.
            const id = mark.resp && mark.resp !== ARCHIVE_RESP ? this.comment('insertion', mark, null) : null;
            if (id !== null) out.push(new CommentRangeStart(id));
            if (options.brackets) out.push(new TextRun({ ...style, style: 'Insertion', text: '[' }));
            out.push(...this.runs(node.children, column, doc, ins));
            if (options.brackets) out.push(new TextRun({ ...style, style: 'Insertion', text: ']' }));
            if (id !== null) out.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
          } else if (mark.type === 'correction') {
            if (options.corrections === 'original') {
              out.push(new TextRun({ ...style, text: readable(mark.original) }));
              break;
            }
            if (options.corrections === 'silent') {
              out.push(...this.runs(node.children, column, doc, base));
              break;
            }
            const id = this.comment('correction', mark, `The source reads: ${readable(mark.original)}`);
            out.push(
              new CommentRangeStart(id),
              ...this.runs(node.children, column, doc, base),
              new CommentRangeEnd(id),
            );
            out.push(new TextRun({ children: [new CommentReference(id)] }));
            // A raised italic letter calling the apparatus at the document's end: never a bracket.
            if (mark.label) out.push(new TextRun({ style: 'CorrectionNote', text: mark.label }));
          } else {
            out.push(...this.runs(node.children, column, doc, base));
          }
          break;
        }
      }
    }
    return out;
  }

  segmentParagraph(seg: PreparedSegment, column: TextColumn, doc: PreparedDocument): Paragraph {
    const base: RunStyle =
      seg.role === 'head' ? { bold: true } : seg.role === 'closer' && column === 'english' ? { italics: true } : {};
    const children = this.runs(seg[column] ?? [], column, doc, base);
    if (column === 'korean' && seg.unverified) {
      // Korean not verified against the witness: its mark first (explained in the legend), or the mark alone.
      const mark = new TextRun({ style: 'UnverifiedMark', text: `${unverifiedMark(seg.unverified)} ` });
      const omitted = this.edition.options.unverified === 'omit';
      return new Paragraph({
        style: seg.role === 'distribution' ? 'Distribution' : undefined,
        shading: { fill: 'FFF6E8', type: ShadingType.CLEAR, color: 'auto' },
        children: omitted
          ? [mark, new TextRun({ style: 'UnverifiedMark', text: OMITTED_KOREAN })]
          : [mark, ...children],
      });
    }
    return new Paragraph({ style: seg.role === 'distribution' ? 'Distribution' : undefined, children });
  }

  /** The legend: the conventions the edition uses, one paragraph each. */
  legend(): Paragraph[] {
    if (!this.edition.legend.length) return [];
    return [
      new Paragraph({ style: 'LegendHead', children: [new TextRun('Editorial conventions')] }),
      ...this.edition.legend.map(
        (entry) =>
          new Paragraph({
            style: 'Legend',
            children: [
              ...(entry.sign ? [new TextRun({ text: `${entry.sign}  `, bold: true, color: '8A3B00' })] : []),
              new TextRun(entry.text),
            ],
          }),
      ),
    ];
  }

  /** The apparatus of noted corrections after a document. */
  corrections(doc: PreparedDocument): Paragraph[] {
    if (!doc.corrections.length) return [];
    return [
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Corrections')] }),
      ...doc.corrections.map(
        (corr) =>
          new Paragraph({
            style: 'Meta',
            children: [
              new TextRun({ text: `${corr.label}  `, italics: true, color: '7A4A00' }),
              new TextRun({ text: readable(corr.text), italics: true }),
              new TextRun(` — ${sourceReading(readable(corr.original))}`),
            ],
          }),
      ),
    ];
  }

  witnessParagraph(lines: string[]): Paragraph {
    return new Paragraph({
      children: lines.map(
        (line, i) =>
          new TextRun({
            text: readable(line),
            break: i ? 1 : undefined,
            font: { ascii: DOCX_FONTS.mono, hAnsi: DOCX_FONTS.mono, eastAsia: DOCX_FONTS.mono },
            size: 17,
            color: '444444',
          }),
      ),
    });
  }

  documentChildren(doc: PreparedDocument): (Paragraph | Table)[] {
    const { meta } = doc.file;
    const out: (Paragraph | Table)[] = [];
    if (!this.edition.single) {
      out.push(
        new Paragraph({
          style: 'Kicker',
          children: [new TextRun(`Document ${doc.index} of ${this.edition.documents.length}`)],
        }),
      );
    }
    out.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [
          new Bookmark({
            id: doc.anchor,
            children: doc.meta.title ? this.runs(doc.meta.title, 'english', doc) : [new TextRun(readable(meta.title || doc.file.id))],
          }),
        ],
      }),
    );
    for (const row of metaRows(meta, doc.meta)) {
      out.push(
        new Paragraph({
          style: 'Meta',
          children: [
            new TextRun({ text: `${row.label}: `, bold: true }),
            ...(row.rich
              ? this.runs(row.rich, 'english', doc)
              : readable(row.value)
                  .split('\n')
                  .map((line, i) => new TextRun({ text: line, break: i ? 1 : undefined }))),
          ],
        }),
      );
    }
    if (this.edition.single) out.push(...this.legend());
    out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
    const cells: (TextColumn | 'witness')[] = [...doc.columns, ...(doc.witness ? (['witness'] as const) : [])];
    if (cells.length === 1) {
      const column = doc.columns[0];
      for (const seg of doc.segments)
        if (!isEmptyInline(seg[column]) || (column === 'korean' && seg.unverified))
          out.push(this.segmentParagraph(seg, column, doc));
      out.push(...this.corrections(doc));
      return out;
    }
    const page = PAGE[this.edition.options.pageSize];
    // Widths follow the content (edition.ts `columnWidths`).
    const full = page.width - 2 * MARGIN;
    const widths = doc.widths.map((share) => Math.floor(full * share));
    const border = { style: BorderStyle.SINGLE, size: 2, color: 'DDDDDD' };
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    const borders = { top: none, left: none, right: none, bottom: border };
    const header = new TableRow({
      tableHeader: true,
      children: cells.map(
        (cell, i) =>
          new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            borders: { ...borders, bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999' } },
            children: [new Paragraph({ style: 'ColumnHead', children: [new TextRun(columnLabel(cell, meta))] })],
          }),
      ),
    });
    const rows = doc.segments.map(
      (seg) =>
        new TableRow({
          children: cells.map(
            (cell, i) =>
              new TableCell({
                width: { size: widths[i], type: WidthType.DXA },
                shading:
                  cell === 'korean' && seg.unverified
                    ? { fill: 'FFF6E8', type: ShadingType.CLEAR, color: 'auto' }
                    : undefined,
                borders,
                margins: { top: 60, bottom: 60, left: 100, right: 100 },
                children: [
                  cell === 'witness' ? this.witnessParagraph(seg.witness) : this.segmentParagraph(seg, cell, doc),
                ],
              }),
          ),
        }),
    );
    out.push(
      new Table({
        width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths: widths,
        rows: [header, ...rows],
      }),
    );
    out.push(...this.corrections(doc));
    return out;
  }
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: 18 })],
      }),
    ],
  });
}

/** Serialises a prepared edition as a Word document. */
export async function docxBytes(edition: PreparedEdition): Promise<Uint8Array> {
  const builder = new Builder(edition);
  const page = PAGE[edition.options.pageSize];
  const properties = {
    page: { size: page, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
    footnoteProperties: { restart: NoteNumberRestart.EACH_SECTION },
  };
  const sections: ISectionOptions[] = [];
  if (!edition.single) {
    sections.push({
      properties,
      children: [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          spacing: { before: 3000 },
          children: [new TextRun(readable(edition.title))],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: `An edition of ${edition.documents.length} documents`, color: '555555' })],
        }),
        ...builder.legend(),
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          spacing: { before: 800 },
          children: [new TextRun('Contents')],
        }),
        ...edition.documents.map(
          (doc) =>
            new Paragraph({
              children: [
                new TextRun(`${doc.index}. `),
                new InternalHyperlink({
                  anchor: doc.anchor,
                  children: [new TextRun({ text: readable(doc.file.meta.title || doc.file.id), style: 'Hyperlink' })],
                }),
                new TextRun({
                  text: doc.file.meta.date ? ` (${formatDate(doc.file.meta.date)})` : '',
                  color: '555555',
                }),
              ],
            }),
        ),
      ],
    });
  }
  for (const doc of edition.documents) {
    sections.push({
      properties: { ...properties, type: SectionType.NEXT_PAGE },
      footers: { default: footer() },
      children: builder.documentChildren(doc),
    });
  }
  const fontSet = {
    ascii: DOCX_FONTS.latin,
    hAnsi: DOCX_FONTS.latin,
    cs: DOCX_FONTS.latin,
    eastAsia: DOCX_FONTS.korean,
  };
  const first = edition.documents[0].file.meta;
  const authors = [...new Set(edition.documents.map((doc) => doc.file.meta.translator.trim()).filter(Boolean))];
  const document = new Document({
    // Word's "Author" is the creator field; the app is named in the description.
    creator: readable(authors.join('; ')) || 'Interlinea',
    title: readable(edition.title),
    subject: edition.single ? readable(first.summary) : `An edition of ${edition.documents.length} documents`,
    description: 'Exported from Interlinea',
    keywords: edition.single ? readable(first.signature) : undefined,
    styles: {
      default: {
        document: { run: { font: fontSet, size: 21 }, paragraph: { spacing: { after: 100, line: 288 } } },
        title: { run: { font: fontSet, size: 44, bold: true } },
        heading1: {
          run: { font: fontSet, size: 30, bold: true, color: '1B1B1B' },
          paragraph: { spacing: { before: 240, after: 160 } },
        },
        heading2: { run: { font: fontSet, size: 24, bold: true, color: '1B1B1B' } },
      },
      paragraphStyles: [
        { id: 'Meta', name: 'Metadata', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 40 } } },
        { id: 'Kicker', name: 'Document number', basedOn: 'Normal', run: { size: 16, color: '555555', allCaps: true } },
        {
          id: 'ColumnHead',
          name: 'Column heading',
          basedOn: 'Normal',
          run: { size: 16, bold: true, color: '555555', allCaps: true },
        },
        { id: 'Distribution', name: 'Distribution list', basedOn: 'Normal', run: { size: 19 } },
        { id: 'Legend', name: 'Legend', basedOn: 'Normal', run: { size: 17 }, paragraph: { spacing: { after: 30 } } },
        {
          id: 'LegendHead',
          name: 'Legend heading',
          basedOn: 'Normal',
          run: { size: 16, bold: true, color: '555555', allCaps: true },
          paragraph: { spacing: { before: 200, after: 60 } },
        },
      ],
      characterStyles: [
        { id: 'Insertion', name: 'Editorial insertion', basedOn: 'DefaultParagraphFont', run: { color: '1F4E79' } },
        {
          id: 'CorrectionNote',
          name: 'Correction note',
          basedOn: 'DefaultParagraphFont',
          run: { color: '7A4A00', italics: true, superScript: true },
        },
        {
          id: 'UnverifiedMark',
          name: 'Unverified Korean mark',
          basedOn: 'DefaultParagraphFont',
          run: { color: '8A3B00', italics: true, size: 16, font: DOCX_FONTS.latin },
        },
      ],
    },
    comments: { children: builder.comments },
    footnotes: builder.footnotes,
    sections,
  });
  return Packer.pack(document, 'uint8array');
}
