/**
 * Metadata with corrections and insertions (shared/model/meta-text.ts) in every
 * export: the rich form is printed as the body's text is, by each format's own
 * convention; metadata without one prints as before (the other export tests).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { jing, requireTool } from '../../electron/export/testing/tools';
import { body, segment, text } from '../model/build';
import type { DocumentFile, PMJson } from '../model/document';
import { withRichField, richFromJson } from '../model/meta-text';
import { exportEdition } from './export';
import { prepareEdition } from './edition';
import { htmlString } from './html';
import { defaultExportOptions } from './options';
import type { EditionFormat } from './export';
import type { ExportOptionsInput } from './options';
import { GLOSSARY, documentFile } from './testing/fixtures';

const SUMMARY: PMJson = {
  type: 'field',
  content: [
    { type: 'text', text: 'Criticisms of ' },
    { type: 'text', text: 'Kim Il Sung', marks: [{ type: 'correction', attrs: { original: 'Kim II Sung', resp: 'ed1', when: '2025-03-04' } }] },
    { type: 'text', text: "'s cult" },
    { type: 'text', text: 'of personality', marks: [{ type: 'insertion', attrs: { kind: 'clarification', resp: 'ed1', when: '2025-03-04' } }] },
    { type: 'hard_break' },
    { type: 'text', text: 'and more.' },
  ],
};

const TITLE: PMJson = {
  type: 'field',
  content: [
    { type: 'text', text: 'Report on ' },
    { type: 'text', text: 'Kim Il Sung', marks: [{ type: 'correction', attrs: { original: 'Kim II Sung' } }] },
  ],
};

/** The 1963 report's kind of document, its summary (and title) corrected in the details. */
function corrected(withTitle = false): DocumentFile {
  const doc = documentFile(
    'report',
    { title: 'Report on Kim II Sung', date: '1963-06-20', summary: "Criticisms of Kim II Sung's cultof personality\nand more.", citation: 'Archive, file 1.' },
    body([segment({ english: text('The body, uncorrected.') })]),
  );
  let meta = withRichField(doc.meta, 'summary', richFromJson(SUMMARY));
  if (withTitle) meta = withRichField(meta, 'title', richFromJson(TITLE));
  return { ...doc, meta };
}

async function exported(format: EditionFormat, documents: DocumentFile[], options: ExportOptionsInput = {}) {
  const project = { name: 'Edition', editors: [{ id: 'ed1', name: 'Hye-jin Park', initials: 'HP' }] };
  return exportEdition(format, { documents, glossary: GLOSSARY, title: 'Edition', project }, options);
}
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

const dir = mkdtempSync(join(tmpdir(), 'interlinea-meta-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('metadata corrections in exports', () => {
  it('HTML: the summary as the body is printed, its correction noted in the apparatus before the body’s', async () => {
    const html = decode((await exported('html', [corrected(true)])).bytes);
    expect(html).toContain('<h1>Report on <span class="corr" title="Corrected; the source reads: Kim II Sung">Kim Il Sung</span>');
    // The summary's insertion is the editor's (SUMMARY records ed1): the editor's initials follow it.
    expect(html).toMatch(/<dt>Summary<\/dt><dd>Criticisms of <span class="corr by-editor"[^>]*>Kim Il Sung<\/span><sup class="app-ref"><a href="#corr-b"[^>]*>b<\/a><\/sup>&#39;s cult<span class="ins ins-clarification by-editor"[^>]*>\[of personality\]<\/span><sup class="resp-sigil"[^>]*>HP<\/sup><br>and more\.<\/dd>/);
    expect(html).toMatch(/<li id="corr-a"[^>]*>.*Kim Il Sung<\/span> — .*Kim II Sung/);
    // The legend explains the conventions the metadata uses, though the body uses none.
    expect(html).toContain('Square brackets enclose');
    expect(html).not.toContain('Kim II Sung&#39;s');
    const silent = decode((await exported('html', [corrected()], { corrections: 'original' })).bytes);
    expect(silent).toContain('<span class="corr-original" title="Reading of the source">Kim II Sung</span>');
  });

  it('HTML printed with notes at the foot of their row keeps the metadata’s corrections under the metadata', () => {
    const edition = prepareEdition({ documents: [corrected()], glossary: GLOSSARY }, defaultExportOptions({ notes: 'foot' }), { dropEmptyColumns: true });
    const html = htmlString(edition, { print: true });
    const list = html.indexOf('<ol class="apparatus"><li id="corr-a"');
    expect(list).toBeGreaterThan(html.indexOf('<dt>Summary</dt>'));
    expect(list).toBeLessThan(html.indexOf('The body, uncorrected.'));
  });

  it('Markdown and plain text: brackets for the insertion, the correction’s letter and its entry', async () => {
    const md = decode((await exported('md', [corrected(true)])).bytes);
    expect(md).toContain('# Report on Kim Il Sung^a');
    expect(md).toContain("- **Summary:** Criticisms of Kim Il Sung^b's cult[of personality]\\\n  and more.");
    expect(md).toContain('- ^b Kim Il Sung — ');
    const txt = decode((await exported('txt', [corrected()])).bytes);
    expect(txt).toContain("Summary: Criticisms of Kim Il Sung^a's cult[of personality]\n         and more.");
    expect(txt).toMatch(/\^a {2}Kim Il Sung — .*Kim II Sung/);
    const original = decode((await exported('txt', [corrected()], { corrections: 'original', brackets: false })).bytes);
    expect(original).toContain("Summary: Criticisms of Kim II Sung's cultof personality");
  });

  it('DOCX: the summary’s correction is a comment keeping the source reading, the insertion in brackets', async () => {
    const file = await exported('docx', [corrected()]);
    const zip = Object.fromEntries(Object.entries(unzipSync(file.bytes)).map(([name, data]) => [name, strFromU8(data)]));
    const document = zip['word/document.xml'];
    const summary = document.slice(document.indexOf('Summary: '), document.indexOf('and more.'));
    expect(summary).toContain('Kim Il Sung');
    expect(summary).toContain('w:commentRangeStart');
    expect(summary).toMatch(/<w:rStyle w:val="Insertion"\/>.*\[/);
    // The summary's correction and insertion are the editor's (corrected(true) records it): the comment says so.
    expect(zip['word/comments.xml']).toContain('Corrected by HP, 4 Mar 2025. The source reads: Kim II Sung');
  });

  it('TEI: choice/sic/corr in the title and the abstract, with @resp, valid against TEI P5', async () => {
    const xml = decode((await exported('tei', [corrected(true)])).bytes);
    expect(xml).toContain('<title type="main">Report on <choice><sic>Kim II Sung</sic><corr resp="#resp-project">Kim Il Sung</corr></choice></title>');
    expect(xml).toMatch(/<abstract>\s*<p>Criticisms of <choice><sic>Kim II Sung<\/sic><corr resp="#resp-editor-ed1" change="#change-ed1-2025-03-04">Kim Il Sung<\/corr><\/choice>'s cult<supplied reason="clarification" resp="#resp-editor-ed1" change="#change-ed1-2025-03-04">of personality<\/supplied><lb\/>and more\.<\/p>/);
    // The editor the metadata's annotations name is declared, and the day in revisionDesc.
    expect(xml).toContain('<persName>Hye-jin Park</persName>');
    expect(xml).toMatch(/<change[^>]*when="2025-03-04"/);
    const plain = decode((await exported('tei', [documentFile('plain', { title: 'Plain', summary: 'Kim II Sung' }, body([segment({ english: text('x') })]))])).bytes);
    expect(plain).toContain('<p>Kim II Sung</p>');
    if (!requireTool('jing', 'TEI validation of corrected metadata')) return;
    const files = [xml, decode((await exported('tei', [corrected(true), corrected()])).bytes)].map((content, i) => {
      const path = join(dir, `meta-${i}.xml`);
      writeFileSync(path, content);
      return path;
    });
    const result = jing(files);
    expect(result.errors).toBe('');
    expect(result.ok).toBe(true);
  }, 60_000);
});
