import { describe, expect, it } from 'vitest';
import { importFile } from './import-file';
import { importArchiveMarkdown, markdownInline } from './archive-markdown';
import { fileOf, fixtures, insertionsIn, rowsOf, validate, witnessLinesOf } from './fixtures';
import { columnOf, segmentsOf } from '../model/build';
import type { ImportedDocument } from '../model/document';

function imported(): { document: ImportedDocument; warnings: string[] } {
  const result = importFile(fileOf(fixtures.seed1963));
  if (!result.ok) throw new Error(result.error);
  return result;
}

function markdown(text: string): ImportedDocument {
  const result = importArchiveMarkdown(text, 'page.md');
  if (!result.ok) throw new Error(result.error);
  return result.document;
}

describe('the archive markdown-like page (1963 seed)', () => {
  it('reads the metadata from the labelled headings', () => {
    const { meta } = imported().document;
    expect(meta).toMatchObject({
      title: 'Information About the Policy of the Korean Workers Party from the East German Embassy',
      date: '1963-06-20',
      signature: 'SAPMO-BA, Berlin, DY 30, IV A 2/20/250',
      credits: 'This document was made possible with support from ROK Ministry of Unification',
      originalLanguage: 'German',
      translator: 'Bernd Schaefer',
      sourceUrl: 'https://wilson-center-digital-archive.dvincitest.com/document/110118',
    });
    expect(meta.citation).toMatch(/^"Information About the Policy .*document\/110118$/);
    expect(meta.summary).toMatch(/^Criticisms of the DPRK are made about Kim II Sung's personality cult/);
    expect(imported().document.source.format).toBe('markdown');
  });

  it('imports without warnings and notes the paragraphs it joined', () => {
    expect(imported().warnings).toEqual([]);
    expect(imported().document.source.notes).toEqual(['joined 2 paragraphs broken across a blank line']);
  });

  it('joins a paragraph the page broke across a blank line mid-sentence', () => {
    const english = rowsOf(imported().document).map((r) => r.english);
    expect(english.some((e) => e.includes('is the firm guarantee for the national right of self-determination'))).toBe(
      true,
    );
    expect(english.some((e) => e.includes('The objective of this visit will be to coordinate positions'))).toBe(true);
    expect(english.some((e) => /^(guarantee|will be)/.test(e))).toBe(false);
  });

  it('starts the body with the signature line as a heading and drops the contents list', () => {
    const rows = rowsOf(imported().document);
    expect(rows[0]).toMatchObject({
      role: 'head',
      english:
        'SED Central Committee Department of International Relations Archival Signature: SAPMO-BA, Berlin, DY 30, IV A 2/20/250',
    });
    expect(rows.slice(0, 6).map((r) => r.role)).toEqual(['head', 'head', 'head', 'head', 'head', 'head']);
    expect(rows[6].role).toBe('p');
    const english = rows.map((r) => r.english);
    for (const chrome of [
      'Translation - English',
      'Contents',
      'Citation:',
      'Summary:',
      'Credits:',
      'Original Language',
      'German',
    ]) {
      expect(english).not.toContain(chrome);
    }
  });

  it('marks the distribution list, and reads the draft excerpts after it as text again', () => {
    const rows = rowsOf(imported().document);
    const cc = rows.findIndex((r) => r.english === 'CC:');
    expect(rows.slice(cc, cc + 3).map((r) => [r.role, r.english])).toEqual([
      ['distribution', 'CC:'],
      ['distribution', '27x SED Politburo'],
      ['distribution', '7x Central Committee, Department for International Relations'],
    ]);
    expect(rows[cc + 3]).toEqual({
      role: 'head',
      english: 'Excerpts from draft material in this document:',
      witness: [],
    });
    expect(rows[rows.length - 1]).toMatchObject({
      role: 'p',
      english: '. Ever closer cooperation and coordination with the PR China.',
    });
  });

  it('strips markdown emphasis to plain text', () => {
    const english = rowsOf(imported().document).map((r) => r.english);
    expect(english).toContain(
      'Dreemphasis on the role of Asian socialist countries, in particular the PRC and the DPRK.',
    );
    expect(english.some((e) => e.includes('**'))).toBe(false);
  });

  it('turns the OCR box into gap nodes', () => {
    const segments = segmentsOf(imported().document.body);
    const boxes = segments.find(
      (s) => columnOf(s, 'english')?.content?.[0]?.type === 'gap' && (columnOf(s, 'english')?.content?.length ?? 0) > 2,
    );
    expect(columnOf(boxes!, 'english')?.content?.map((n) => (n.type === 'gap' ? n.attrs?.quantity : n.text))).toEqual([
      2,
      ' ',
      1,
      ' ',
      1,
      ' ',
      1,
      ' ',
      1,
      ' ',
      1,
    ]);
    const heading = segments.find((s) => JSON.stringify(s).includes('Dm domestic policy'));
    expect(columnOf(heading!, 'english')?.content?.[0]).toEqual({
      type: 'gap',
      attrs: { reason: 'illegible', quantity: 1 },
    });
  });

  it('keeps "Kim II Sung" exactly as the source has it, never correcting it', () => {
    const english = rowsOf(imported().document)
      .map((r) => r.english)
      .join('\n');
    const count = (text: string, what: string) => text.split(what).length - 1;
    const body = fixtures.seed1963.text.slice(fixtures.seed1963.text.indexOf('Translation - English'));
    expect(count(english, 'Kim II Sung')).toBe(count(body, 'Kim II Sung'));
    expect(count(english, 'Kim II Sung')).toBeGreaterThan(0);
    expect(count(english, 'Kim Il Sung')).toBe(count(body, 'Kim Il Sung'));
  });

  it('turns the 19 bracketed passages into insertion marks', () => {
    expect(insertionsIn(imported().document)).toBe(19);
    expect(rowsOf(imported().document).some((r) => /[[\]]/.test(r.english))).toBe(false);
  });

  it('has no witness, and a body that passes validation', () => {
    const { document } = imported();
    expect(document.source.witness).toEqual([]);
    expect(witnessLinesOf(document)).toEqual([]);
    expect(validate(document)).toMatchObject({ ok: true });
  });
});

describe('markdown pages in general', () => {
  it('keeps link text and drops link targets, images and raw HTML', () => {
    expect(
      markdownInline(
        'See [the report](https://example.org/r "t") and ![scan](http://evil.example/x.png)<script>alert(1)</script> <b>bold</b>',
      ),
    ).toBe('See the report and  bold');
  });

  it('keeps bracketed insertions that are not links, and unescapes markdown escapes', () => {
    expect(markdownInline('the [KWP] plenum \\*not emphasis\\* and `code`')).toBe(
      'the [KWP] plenum *not emphasis* and code',
    );
  });

  it('strips single emphasis without touching words with underscores or list stars', () => {
    expect(markdownInline('*very* _much_ snake_case_name')).toBe('very much snake_case_name');
  });

  it('reads a Korean version after "Korean HTML" as raw witness lines, untouched by markdown cleaning', () => {
    const doc = markdown(
      [
        '# May 3, 1961',
        '#### A Telegram',
        '### **Contents:**',
        'Translation - English',
        '',
        'Pyongyang, 3 May 1961',
        '',
        'The talks [in Moscow] went well and both sides agreed to meet again on 12 May.',
        'Korean HTML',
        '',
        '1961D 5 3|',
        '',
        '**xx** [ ] 12| .',
        '',
      ].join('\n'),
    );
    expect(doc.meta).toMatchObject({ title: 'A Telegram', date: '1961-05-03' });
    expect(doc.source.witness).toEqual(['1961D 5 3|', '', '**xx** [ ] 12| .']);
    expect(rowsOf(doc).map((r) => r.witness)).toEqual([['1961D 5 3|'], ['**xx** [ ] 12| .']]);
  });

  it('turns a markdown hard break into a line break in the text', () => {
    const doc = markdown('#### Title\n\nFirst line  \nsecond line of the same paragraph.');
    expect(rowsOf(doc).map((r) => r.english)).toContain('First line\nsecond line of the same paragraph.');
  });

  it('reads labelled fields written on the heading line itself, dates and URLs normalised', () => {
    const doc = markdown(
      '## Date: 3 May 1961\n\n## Title: A Telegram\n\n### Source URL: <https://example.org/doc/1>\n\n### Original Language: Russian\n\nThe talks went well and both sides agreed to meet again in the coming month.',
    );
    expect(doc.meta).toMatchObject({
      date: '1961-05-03',
      title: 'A Telegram',
      sourceUrl: 'https://example.org/doc/1',
      originalLanguage: 'Russian',
    });
    expect(rowsOf(doc).map((r) => r.english)).toEqual([
      'The talks went well and both sides agreed to meet again in the coming month.',
    ]);
  });
});
