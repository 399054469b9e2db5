import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { finishPdf, type3Warning, xmpPacket } from './pdf-meta';

const META = {
  title: '평양 보고서 & <Notes>',
  author: 'Bernd Schaefer',
  subject: 'The ambassadors discuss.',
  keywords: ['SAPMO-BA, DY 30'],
  lang: 'en',
};

/** A small PDF as a browser leaves it: a page, a producer, one Type 3 font when asked. */
async function printed(type3 = false): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]);
  pdf.setProducer('Skia/PDF m156');
  pdf.setTitle('folder-name');
  if (type3) pdf.context.register(pdf.context.obj({ Type: 'Font', Subtype: 'Type3' }));
  return pdf.save();
}

describe('finishing a printed PDF', () => {
  it('writes Title, Author, Subject, Keywords, Creator and Lang, keeping the producer', async () => {
    const { bytes, type3Fonts } = await finishPdf(await printed(), META, new Date('2026-01-02T03:04:05Z'));
    expect(type3Fonts).toBe(0);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe(META.title);
    expect(pdf.getAuthor()).toBe('Bernd Schaefer');
    expect(pdf.getSubject()).toBe('The ambassadors discuss.');
    expect(pdf.getKeywords()).toBe('SAPMO-BA, DY 30');
    expect(pdf.getCreator()).toBe('Interlinea');
    expect(pdf.getProducer()).toBe('Skia/PDF m156');
    expect(pdf.catalog.get(PDFName.of('Lang'))).toEqual(PDFString.of('en'));
  });

  it('adds an uncompressed UTF-8 XMP stream that says the same', async () => {
    const { bytes } = await finishPdf(await printed(), META, new Date('2026-01-02T03:04:05Z'));
    const pdf = await PDFDocument.load(bytes);
    const stream = pdf.context.lookup(pdf.catalog.get(PDFName.of('Metadata')));
    expect(stream).toBeInstanceOf(PDFRawStream);
    const raw = stream as PDFRawStream;
    expect(raw.dict.get(PDFName.of('Filter'))).toBeUndefined();
    const xmp = new TextDecoder().decode(raw.contents);
    expect(xmp.startsWith('<?xpacket begin="\uFEFF"')).toBe(true);
    expect(xmp).toContain('<rdf:li xml:lang="x-default">평양 보고서 &#38; &#60;Notes&#62;</rdf:li>');
    expect(xmp).toContain('<dc:creator><rdf:Seq><rdf:li>Bernd Schaefer</rdf:li></rdf:Seq></dc:creator>');
    expect(xmp).toContain('<xmp:CreatorTool>Interlinea</xmp:CreatorTool>');
    expect(xmp).toContain('<xmp:CreateDate>2026-01-02T03:04:05Z</xmp:CreateDate>');
    expect(xmp).toContain('<rdf:Bag><rdf:li>en</rdf:li></rdf:Bag>');
    // Nothing in the file is compressed with object streams.
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('/ObjStm');
  });

  it('counts Type 3 fonts and says how to avoid them', async () => {
    const { type3Fonts } = await finishPdf(await printed(true), META);
    expect(type3Fonts).toBe(1);
    expect(type3Warning(1)).toMatch(/1 font was embedded as Type 3.*apt-get install fonts-nanum/);
    expect(type3Warning(0)).toBeNull();
  });

  it('keeps characters XML does not allow out of the XMP', () => {
    const xmp = xmpPacket({ ...META, title: 'bad \uFFFE \u0001 title' }, 'p', new Date(0));
    expect(xmp).toContain('bad \uFFFD \u2401 title');
  });
});
