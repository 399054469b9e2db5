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
import { correctionNote, isEmptyInline, readable, type InlineNode } from './walk';
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
            if (options.brackets) out.push(new TextRun({ ...style, style: 'Insertion', text: '[' }));
            out.push(...this.runs(node.children, column, doc, ins));
            if (options.brackets) out.push(new TextRun({ ...style, style: 'Insertion', text: ']' }));
          } else if (mark.type === 'correction') {
            if (options.corrections === 'original') {
              out.push(new TextRun({ ...style, text: readable(mark.original) }));
              break;
            }
            if (options.corrections === 'silent') {
              out.push(...this.runs(node.children, column, doc, base));
              break;
            }
            const id = this.comments.length;
            this.comments.push({
              id,
              author: 'Interlinea',
              initials: 'IL',
              children: [
                new Paragraph({ children: [new TextRun(`Corrected. The source reads: ${readable(mark.original)}`)] }),
              ],
            });
            out.push(
              new CommentRangeStart(id),
              ...this.runs(node.children, column, doc, base),
              new CommentRangeEnd(id),
            );
            out.push(new TextRun({ children: [new CommentReference(id)] }));
            out.push(
              new TextRun({ ...style, style: 'CorrectionNote', text: `[${correctionNote(readable(mark.original))}]` }),
            );
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
    return new Paragraph({
      style: seg.role === 'distribution' ? 'Distribution' : undefined,
      children: this.runs(seg[column] ?? [], column, doc, base),
    });
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
        children: [new Bookmark({ id: doc.anchor, children: [new TextRun(readable(meta.title || doc.file.id))] })],
      }),
    );
    for (const row of metaRows(meta)) {
      out.push(
        new Paragraph({
          style: 'Meta',
          children: [
            new TextRun({ text: `${row.label}: `, bold: true }),
            ...readable(row.value)
              .split('\n')
              .map((line, i) => new TextRun({ text: line, break: i ? 1 : undefined })),
          ],
        }),
      );
    }
    out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
    const cells: (TextColumn | 'witness')[] = [...doc.columns, ...(doc.witness ? (['witness'] as const) : [])];
    if (cells.length === 1) {
      const column = doc.columns[0];
      for (const seg of doc.segments)
        if (!isEmptyInline(seg[column])) out.push(this.segmentParagraph(seg, column, doc));
      return out;
    }
    const page = PAGE[this.edition.options.pageSize];
    const width = Math.floor((page.width - 2 * MARGIN) / cells.length);
    const border = { style: BorderStyle.SINGLE, size: 2, color: 'DDDDDD' };
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    const borders = { top: none, left: none, right: none, bottom: border };
    const header = new TableRow({
      tableHeader: true,
      children: cells.map(
        (cell) =>
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            borders: { ...borders, bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999' } },
            children: [new Paragraph({ style: 'ColumnHead', children: [new TextRun(columnLabel(cell, meta))] })],
          }),
      ),
    });
    const rows = doc.segments.map(
      (seg) =>
        new TableRow({
          children: cells.map(
            (cell) =>
              new TableCell({
                width: { size: width, type: WidthType.DXA },
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
        width: { size: width * cells.length, type: WidthType.DXA },
        columnWidths: cells.map(() => width),
        rows: [header, ...rows],
      }),
    );
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
  const document = new Document({
    creator: 'Interlinea',
    title: edition.title,
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
      ],
      characterStyles: [
        { id: 'Insertion', name: 'Editorial insertion', basedOn: 'DefaultParagraphFont', run: { color: '1F4E79' } },
        {
          id: 'CorrectionNote',
          name: 'Correction note',
          basedOn: 'DefaultParagraphFont',
          run: { color: '666666', size: 15, superScript: true },
        },
      ],
    },
    comments: { children: builder.comments },
    footnotes: builder.footnotes,
    sections,
  });
  return Packer.pack(document, 'uint8array');
}
