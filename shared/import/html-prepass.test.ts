import { describe, expect, it } from 'vitest';
import { prepassHtml } from './html-prepass';
import { extractHtml } from './html-blocks';

const texts = (html: string) => extractHtml(html).blocks.map((b) => b.text);

describe('the pass that empties never-shown content before parsing', () => {
  it('empties scripts, styles and comments, keeping the opening tags', () => {
    const page =
      '<p>a</p><!-- note --><SCRIPT type="x">if (a < b) { document.write("<p>no</p>") }</script ><style>p{}</style><p>b</p>';
    const { html, removed } = prepassHtml(page);
    expect(html).toBe('<p>a</p><SCRIPT type="x"></script ><style></style><p>b</p>');
    expect(removed).toBe(page.length - html.length);
  });

  it('reads quoted attribute values as values, not as tags or comments', () => {
    const page = '<p title="<script>" data-x=\'<!--\'>kept</p><p>also kept</p><script>gone</script>';
    expect(prepassHtml(page).html).toBe('<p title="<script>" data-x=\'<!--\'>kept</p><p>also kept</p><script></script>');
    expect(texts(page)).toEqual(['kept', 'also kept']);
  });

  it('ends comments where the HTML tokenizer does', () => {
    expect(prepassHtml('a<!-->b').html).toBe('ab');
    expect(prepassHtml('a<!--->b').html).toBe('ab');
    expect(prepassHtml('a<!-- x --!>b').html).toBe('ab');
    expect(prepassHtml('a<!-- never closed <p>b</p>').html).toBe('a');
  });

  it('leaves a title alone and skips what looks like a tag inside it', () => {
    const page = '<title>A <script> in a title</title><p>text</p><script>x</script>';
    expect(prepassHtml(page).html).toBe('<title>A <script> in a title</title><p>text</p><script></script>');
    expect(extractHtml(page).title).toBe('A <script> in a title');
  });

  it('empties an unclosed script to the end, as the parser would read it', () => {
    expect(prepassHtml('<p>a</p><script>var s = "</p><p>b";').html).toBe('<p>a</p><script>');
    expect(texts('<p>a</p><script>var s = "</p><p>b";')).toEqual(['a']);
  });

  it('gives the same text and the same removal counts as parsing the page whole', () => {
    const page =
      '<html><head><style>.x{}</style><script src="https://x.test/a.js"></script></head><body onload="x()">' +
      '<h1>Title</h1><!-- c --><p>One <b>two</b></p><noscript><p>enable js</p></noscript><textarea><p>t</p></textarea>' +
      '<iframe src="https://x.test/"><p>i</p></iframe><plaintext><p>rest</p>';
    const extract = extractHtml(page);
    expect(extract.blocks.map((b) => b.text)).toEqual(['Title', 'One two']);
    expect(extract.removed).toEqual({ style: 1, script: 1, 'remote reference': 2, 'event handler': 1, iframe: 1 });
  });

  it('takes one pass over a page of thousands of unclosed tags and openers', () => {
    const N = 200_000;
    expect(prepassHtml(`<p>a</p>${'<script'.repeat(N)}`).html).toBe(`<p>a</p>${'<script'.repeat(N)}`);
    expect(prepassHtml(`${'<title>'.repeat(N)}`).removed).toBe(0);
    expect(prepassHtml(`${'<script>x'.repeat(N)}`).html).toBe('<script>');
  });
});
