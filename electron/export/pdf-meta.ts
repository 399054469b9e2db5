/**
 * What the browser cannot write into a printed PDF: the document's metadata in
 * the form archives expect (PDF/A asks for it): Title, Author, Subject,
 * Keywords, Creator and Producer in the Info dictionary, the same in an XMP
 * metadata stream (uncompressed), and the catalog's /Lang. Also counts Type 3
 * fonts, which archiving and text extraction handle badly, so the export can
 * say when a font could not be embedded as a real (CID) font.
 *
 * Node side only because the printers are; pdf-lib itself is plain JavaScript.
 */
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { cleanXmlChars } from '../../shared/export/xml-chars';
import type { PrintMetadata } from '../../shared/export/export';

/** The metadata an exported PDF carries (`exportEdition('pdf-html')` gives it). */
export type PdfMeta = PrintMetadata;

/** A finished PDF and what was found in it. */
export interface FinishedPdf {
  bytes: Uint8Array;
  /** Fonts embedded as Type 3 (pictures of glyphs) rather than as real fonts. */
  type3Fonts: number;
}

const CREATOR = 'Interlinea';

function xml(value: string): string {
  return cleanXmlChars(value).text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The XMP packet mirroring the Info dictionary (Dublin Core, XMP basic, Adobe PDF schemas). */
export function xmpPacket(meta: PdfMeta, producer: string, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(value)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(meta.title)}</dc:title>`,
    meta.author ? `<dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    meta.subject ? `<dc:description>${alt(meta.subject)}</dc:description>` : '',
    `<dc:language><rdf:Bag><rdf:li>${xml(meta.lang)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreatorTool>${CREATOR}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${iso}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${iso}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${iso}</xmp:MetadataDate>`,
    `<pdf:Producer>${xml(producer)}</pdf:Producer>`,
    meta.keywords.length ? `<pdf:Keywords>${xml(meta.keywords.join('; '))}</pdf:Keywords>` : '',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Writes the metadata into a printed PDF and counts its Type 3 fonts. */
export async function finishPdf(bytes: Uint8Array, meta: PdfMeta, now = new Date()): Promise<FinishedPdf> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const producer = pdf.getProducer() || 'Chromium';
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) pdf.setAuthor(meta.author);
  if (meta.subject) pdf.setSubject(meta.subject);
  // One keyword string: pdf-lib joins a list with spaces, which would run a signature into a date.
  if (meta.keywords.length) pdf.setKeywords([meta.keywords.join('; ')]);
  pdf.setCreator(CREATOR);
  pdf.setProducer(producer);
  pdf.setLanguage(meta.lang);
  pdf.setCreationDate(pdf.getCreationDate() ?? now);
  pdf.setModificationDate(now);
  // XMP is UTF-8 (its xpacket header starts with the byte order mark, EF BB BF).
  const stream = pdf.context.stream(new TextEncoder().encode(xmpPacket(meta, producer, now)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(stream));
  let type3Fonts = 0;
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Subtype')) === PDFName.of('Type3')) type3Fonts++;
  }
  // No object streams: PDF/A-1 forbids them and older readers prefer a plain cross-reference table.
  return { bytes: await pdf.save({ useObjectStreams: false }), type3Fonts };
}

/** What the export says when fonts went in as Type 3. */
export function type3Warning(count: number): string | null {
  if (!count) return null;
  return (
    `${count} font${count === 1 ? ' was' : 's were'} embedded as Type 3 (pictures of glyphs), not as real fonts: ` +
    'the PDF reads and prints, but text search, copying and archiving (PDF/A) suffer. The Korean font found is ' +
    'CFF-based (such as Noto Serif CJK), which the printer cannot embed; install a TrueType Korean font ' +
    '(Nanum Myeongjo: on Debian or Ubuntu, apt-get install fonts-nanum) and export again.'
  );
}
