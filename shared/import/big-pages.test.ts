import { describe, expect, it } from 'vitest';
import { importFile } from './import-file';
import { extractHtml, MAX_HTML_ELEMENTS } from './html-blocks';
import { MAX_ROWS } from './limits';

const encode = (text: string) => new TextEncoder().encode(text);

describe('big and hostile pages: read in one pass, or refused with a clear error', () => {
  it('reads a page of 20,000 nested labelled elements in one pass (each read its whole subtree before)', () => {
    // Reading each labelled element's text afresh was cubic here: 154 s at 10,000.
    const depth = 20_000;
    const page = `<html><body>${'<div id="d"> '.repeat(depth)}<p>deep</p></body></html>`;
    expect(extractHtml(page).blocks.map((b) => b.text)).toEqual(['deep']);
  });

  it('still finds version markers by their labels', () => {
    const page =
      '<html><body><a href="#en" id="tab-en"> English   HTML </a><div id="en"><p>Hello.</p></div>' +
      '<div aria-labelledby="tab-ko"><span id="tab-ko">Korean HTML</span><p>gyo</p></div></body></html>';
    expect(extractHtml(page).blocks.map((b) => [b.section, b.text])).toEqual([
      ['english', 'Hello.'],
      ['korean', 'gyo'],
    ]);
  });

  it('refuses a page with more elements than it reads, naming the file and the limit', () => {
    const page = `<html><body>${'<span>a</span>'.repeat(MAX_HTML_ELEMENTS + 1)}</body></html>`;
    expect(importFile({ name: 'spans.html', bytes: encode(page) })).toEqual({
      ok: false,
      error: 'spans.html: the page has more than 500,000 HTML elements, the most Interlinea reads in one page; save it as plain text or split it',
    });
  });

  it('refuses a file that would make more rows than a document may have, before building them', () => {
    const text = 'A line.\n\n'.repeat(MAX_ROWS + 1);
    expect(importFile({ name: 'lines.txt', bytes: encode(text) })).toEqual({
      ok: false,
      error: 'lines.txt: it would make 250,001 rows; a document may have at most 250,000 (split the file into several documents)',
    });
    const page = `<html><body><pre>${'a line\n'.repeat(MAX_ROWS + 1)}</pre></body></html>`;
    const result = importFile({ name: 'pre.html', bytes: encode(page) });
    expect(result.ok ? '' : result.error).toMatch(/^pre\.html: it would make 250,00\d rows; a document may have at most 250,000/);
  });
});
