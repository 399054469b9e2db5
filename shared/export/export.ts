/**
 * The one entry point the app, the CLI and the tests call: a format, an edition
 * and options in; a file name, a MIME type and bytes out. Pure: PDF is printed
 * elsewhere (`electron/export/pdf.ts`) from the `pdf-html` this returns.
 */
import { FORMAT_FILES, defaultExportOptions, type ExportFormat, type ExportOptionsInput } from './options';
import { prepareEdition, type Edition, type PreparedEdition } from './edition';
import { teiExport } from './tei';
import { htmlString } from './html';
import { markdownString } from './markdown';
import { plainString } from './plain';
import { docxBytes } from './docx';
import { cleanXmlDeep, emptyTally, hasXmlIllegal, xmlCharsWarning } from './xml-chars';

/** Formats {@link exportEdition} writes itself; `pdf-html` is the HTML a PDF printer prints. */
export type EditionFormat = Exclude<ExportFormat, 'pdf'> | 'pdf-html';

/** An export ready to be written (the IPC contract's `ExportResult`). */
export interface ExportedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  /** For `pdf-html`: the metadata the printed PDF is to carry. */
  print?: PrintMetadata;
  /** What the reader should know about this export (characters replaced, …); empty when nothing. */
  warnings: string[];
}

/** What a printed PDF says about itself (Info dictionary, XMP, /Lang), from the edition. */
export interface PrintMetadata {
  title: string;
  /** The translators, `; `-separated ('' when none is known). */
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 tag of the main text. */
  lang: string;
}

/** The metadata of an edition, for the PDF printed from its `pdf-html`. */
export function printMetadata(edition: PreparedEdition): PrintMetadata {
  const metas = edition.documents.map((doc) => doc.file.meta);
  const authors = [...new Set(metas.map((meta) => meta.translator.trim()).filter(Boolean))];
  const single = edition.single ? metas[0] : null;
  return {
    title: edition.title,
    author: authors.join('; '),
    subject: single
      ? single.summary.trim() || single.citation.trim()
      : `An edition of ${edition.documents.length} documents`,
    keywords: single ? [single.signature.trim(), single.date].filter(Boolean) : [],
    lang: 'en',
  };
}

const utf8 = new TextEncoder();

/**
 * Exports one document or a whole project (documents in date order, with a
 * title page and contents) in one format. Throws a `UserError` when there is
 * nothing to export.
 */
export async function exportEdition(
  format: EditionFormat,
  edition: Edition,
  options: ExportOptionsInput = {},
): Promise<ExportedFile> {
  let opts = defaultExportOptions(options);
  const warnings: string[] = [];
  // HTML and DOCX are XML: characters XML does not allow (U+FFFE, controls) are replaced
  // visibly before anything is written, and the export says so. (TEI cleans its own text.)
  if (format === 'html' || format === 'pdf-html' || format === 'docx') {
    const tally = emptyTally();
    edition = cleanXmlDeep(edition, tally);
    opts = cleanXmlDeep(opts, tally);
    const warning = xmlCharsWarning(tally);
    if (warning) warnings.push(warning);
  }
  const prepared = prepareEdition(edition, opts, { dropEmptyColumns: format !== 'tei' });
  const base = prepared.fileBase;
  const file = (fileName: string, mime: string, bytes: Uint8Array): ExportedFile => ({
    fileName,
    mime,
    bytes,
    warnings,
  });
  const html = (print: boolean) => {
    const out = htmlString(prepared, { print });
    // Everything written came from the cleaned edition; a character that got past it is a bug, not a file.
    if (hasXmlIllegal(out)) throw new Error('HTML export produced a character XML does not allow');
    return utf8.encode(out);
  };
  switch (format) {
    case 'tei': {
      // TEI keeps characters XML cannot carry as <g> in text and replaces them elsewhere, and says which.
      const { xml, warnings: teiWarnings } = teiExport(prepared);
      warnings.push(...teiWarnings);
      return file(`${base}.tei.xml`, FORMAT_FILES.tei.mime, utf8.encode(xml));
    }
    case 'html':
      return file(`${base}.html`, `${FORMAT_FILES.html.mime}; charset=utf-8`, html(false));
    case 'pdf-html':
      return {
        ...file(`${base}.html`, `${FORMAT_FILES.html.mime}; charset=utf-8`, html(true)),
        print: printMetadata(prepared),
      };
    case 'md':
      return file(`${base}.md`, `${FORMAT_FILES.md.mime}; charset=utf-8`, utf8.encode(markdownString(prepared)));
    case 'txt':
      return file(`${base}.txt`, `${FORMAT_FILES.txt.mime}; charset=utf-8`, utf8.encode(plainString(prepared)));
    case 'docx':
      return file(`${base}.docx`, FORMAT_FILES.docx.mime, await docxBytes(prepared));
  }
}
