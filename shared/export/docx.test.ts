import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { exportEdition } from './export';
import type { ExportOptionsInput } from './options';
import { GLOSSARY, kitchenSink } from './testing/fixtures';
import type { DocumentFile } from '../model/document';

// fflate is what docx itself zips with (a dependency of docx), so it is always installed beside it.
async function parts(documents: DocumentFile[], options: ExportOptionsInput = {}): Promise<Record<string, string>> {
  const file = await exportEdition('docx', { documents, glossary: GLOSSARY, title: 'Edition' }, options);
  expect(file.fileName).toMatch(/\.docx$/);
  const zip = unzipSync(file.bytes);
  return Object.fromEntries(Object.entries(zip).map(([name, data]) => [name, strFromU8(data)]));
}

describe('DOCX export', () => {
  it('writes real Word footnotes with their text, referenced from the body', async () => {
    const zip = await parts([kitchenSink()]);
    const footnotes = zip['word/footnotes.xml'];
    expect(footnotes).toContain('See the ');
    expect(footnotes).toContain('SED');
    expect(footnotes).toContain(' files &amp; &lt;notes&gt;.');
    expect(footnotes).toContain('한국어 각주입니다.');
    expect(zip['word/document.xml'].match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    expect(zip['word/document.xml']).toContain('<w:numRestart w:val="eachSect"/>');
  });

  it('puts insertions in brackets in their own style, and corrections in a comment', async () => {
    const zip = await parts([kitchenSink()]);
    const doc = zip['word/document.xml'];
    expect(doc).toMatch(/<w:rStyle w:val="Insertion"\/>.*?<w:t[^>]*>\[<\/w:t>/s);
    expect(doc).toContain('<w:commentRangeStart w:id="0"/>');
    expect(zip['word/comments.xml']).toContain('Corrected. The source reads: Kim II Sung');
    // The correction is called by a raised letter (never a bracket) and listed in the Corrections.
    expect(doc).not.toContain('[source:');
    expect(doc).toMatch(/<w:rStyle w:val="CorrectionNote"\/><\/w:rPr><w:t xml:space="preserve">a<\/w:t>/);
    expect(doc).toContain('— the source reads: Kim II Sung');
    expect(zip['word/styles.xml']).toContain('w:styleId="Insertion"');
  });

  it('sets Korean in a Korean font and tags it ko-KR', async () => {
    const zip = await parts([kitchenSink()]);
    expect(zip['word/styles.xml']).toContain('w:eastAsia="Noto Serif CJK KR"');
    expect(zip['word/document.xml']).toMatch(/<w:lang [^>]*w:eastAsia="ko-KR"[^>]*\/>(?:(?!<\/w:r>).)*김일성/s);
  });

  it('lays the columns out as a table with a repeating header row, page size as chosen', async () => {
    const a4 = (await parts([kitchenSink()]))['word/document.xml'];
    expect(a4).toContain('<w:tblHeader/>');
    expect(a4).toContain('w:w="11906"');
    const letter = (await parts([kitchenSink()], { pageSize: 'Letter' }))['word/document.xml'];
    expect(letter).toContain('w:w="12240"');
  });

  it('keeps control characters out of the XML', async () => {
    const zip = await parts([kitchenSink()], { witness: true });
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(zip['word/document.xml']).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(zip['word/document.xml']).toContain('ctrl\u241b and cr\u240d');
  });

  it('gives an edition a contents list that links to each document', async () => {
    const doc = (await parts([kitchenSink('a'), kitchenSink('b')]))['word/document.xml'];
    expect(doc).toContain('w:anchor="d1"');
    expect(doc).toContain('w:name="d2"');
  });
});
