import { describe, expect, it } from 'vitest';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { annotatedSamples } from '../../electron/export/testing/tools';
import type { DocumentFile } from '../model/document';
import { exportEdition } from './export';
import type { ExportOptionsInput } from './options';
import { GLOSSARY, kitchenSink } from './testing/fixtures';
import { esc, h } from './markup';

type El = T.Element;

async function html(documents: DocumentFile[], options: ExportOptionsInput = {}): Promise<string> {
  return new TextDecoder().decode(
    (await exportEdition('html', { documents, glossary: GLOSSARY, title: 'Edition' }, options)).bytes,
  );
}

/** Parses HTML, failing on any parse error (unclosed or misnested markup, bad characters). */
function dom(source: string) {
  const errors: string[] = [];
  const document = parse(source, {
    onParseError: (err) => errors.push(`${err.code} at ${err.startLine}:${err.startCol}`),
  });
  const elements: El[] = [];
  const visit = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if ('tagName' in child) {
        elements.push(child);
        visit(child.tagName === 'template' ? (child as T.Template).content : child);
      }
    }
  };
  visit(document);
  return { errors, elements };
}

const attr = (el: El, name: string) => el.attrs.find((a) => a.name === name)?.value;

function textContent(node: T.Node): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  return 'childNodes' in node ? (node as T.ParentNode).childNodes.map(textContent).join('') : '';
}

/** Every `href="#x"` must name an element id; every footnote reference and note must link both ways. */
function checkLinks(elements: El[]) {
  const ids = new Set(elements.map((el) => attr(el, 'id')).filter(Boolean));
  const internal = elements.filter((el) => el.tagName === 'a' && attr(el, 'href')?.startsWith('#'));
  const dangling = internal.map((el) => attr(el, 'href')!.slice(1)).filter((id) => !ids.has(id));
  return { ids, internal, dangling };
}

describe('HTML export', () => {
  it('is well-formed HTML with no scripts and nothing fetched', async () => {
    const { errors, elements } = dom(
      await html([kitchenSink()], { witness: true, columns: { english: true, korean: true, original: true } }),
    );
    expect(errors).toEqual([]);
    expect(elements.filter((el) => ['script', 'link', 'img', 'iframe', 'object'].includes(el.tagName))).toEqual([]);
    expect(elements.some((el) => el.attrs.some((a) => a.name.startsWith('on')))).toBe(false);
    const csp = elements.find((el) => attr(el, 'http-equiv') === 'Content-Security-Policy');
    expect(attr(csp!, 'content')).toContain("default-src 'none'");
  });

  it('links every footnote reference to its note and back', async () => {
    const { elements } = dom(await html([kitchenSink()]));
    const { internal, dangling } = checkLinks(elements);
    expect(dangling).toEqual([]);
    const hrefs = internal.map((el) => attr(el, 'href'));
    expect(hrefs).toEqual(expect.arrayContaining(['#fn1', '#fn2', '#fnref1', '#fnref2']));
    const refs = elements.filter((el) => el.tagName === 'a' && attr(el, 'id')?.startsWith('fnref'));
    expect(refs.map(textContent)).toEqual(['1', '2']);
  });

  it('keeps footnote anchors unique across the documents of an edition', async () => {
    const { elements } = dom(await html([kitchenSink('a'), kitchenSink('b')]));
    const ids = elements.map((el) => attr(el, 'id')).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(checkLinks(elements).dangling).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['d1', 'd2', 'd1-fn1', 'd2-fnref2']));
    const toc = elements.filter((el) => el.tagName === 'nav').flatMap((nav) => nav.childNodes);
    expect(toc.length).toBeGreaterThan(0);
  });

  it('writes brackets into the text, so they copy, and can leave them out', async () => {
    const withBrackets = dom(await html([kitchenSink()]));
    const ins = withBrackets.elements.filter((el) => attr(el, 'class')?.startsWith('ins '));
    expect(ins.map(textContent)).toEqual(expect.arrayContaining(['[Pyongyang]', '[variant reading]', '[평양]']));
    const without = dom(await html([kitchenSink()], { brackets: false }));
    expect(without.elements.filter((el) => attr(el, 'class')?.startsWith('ins ')).map(textContent)).toContain(
      'Pyongyang',
    );
  });

  it('notes a correction, or keeps it silent, or shows the source', async () => {
    const noted = await html([kitchenSink()]);
    expect(noted).toContain('title="Corrected; the source reads: Kim II Sung"');
    expect(noted).not.toContain('[source:');
    expect(noted).toContain(
      '<sup class="app-ref"><a href="#corr-a" id="corrref-a" aria-label="Correction a">a</a></sup>',
    );
    expect(noted).toMatch(/<li id="corr-a"><a class="app-back" href="#corrref-a"[^>]*>a<\/a> <span class="lemma">Kim Il Sung<\/span> — the source reads: Kim II Sung<\/li>/);
    const silent = await html([kitchenSink()], { corrections: 'silent' });
    expect(silent).not.toContain('Kim II Sung');
    const original = await html([kitchenSink()], { corrections: 'original' });
    expect(original).toContain('>Kim II Sung</span>');
    expect(original).not.toContain('>Kim Il Sung<');
  });

  it('escapes names, metadata and text', async () => {
    const source = await html([kitchenSink()]);
    expect(source).toContain('Smith &#38; &#60;Sons&#62;');
    expect(source).toContain('A &#60;Report&#62; &#38; &#34;Notes&#34;');
    expect(source).not.toContain('<Sons>');
    expect(source).not.toMatch(/<y>/);
    const { elements } = dom(source);
    const cells = elements.filter((el) => el.tagName === 'td').map(textContent);
    expect(cells.some((c) => c.includes('Smith & <Sons>'))).toBe(true);
  });

  it('puts the languages in parallel columns, one row per segment, or one language as a flow', async () => {
    const parallel = dom(await html([kitchenSink()], { witness: true }));
    const heads = parallel.elements.filter((el) => el.tagName === 'th').map(textContent);
    expect(heads).toEqual(['English', 'Korean (restored)', 'Korean witness (as received)']);
    expect(parallel.elements.filter((el) => el.tagName === 'tr')).toHaveLength(5);
    const koCells = parallel.elements.filter((el) => el.tagName === 'td' && attr(el, 'lang') === 'ko');
    expect(koCells.length).toBeGreaterThan(0);
    const korean = dom(await html([kitchenSink()], { columns: { english: false, korean: true } }));
    expect(korean.elements.some((el) => el.tagName === 'table')).toBe(false);
    const flow = korean.elements.find((el) => attr(el, 'class')?.startsWith('flow'));
    expect(attr(flow!, 'lang')).toBe('ko');
  });

  it('puts the metadata and the citation on top, the URL as a link', async () => {
    const { elements } = dom(await html([kitchenSink()]));
    const terms = elements.filter((el) => el.tagName === 'dt').map(textContent);
    expect(terms).toEqual(
      expect.arrayContaining(['Date', 'Archival signature', 'Citation', 'Translator', 'Original language']),
    );
    const link = elements.find((el) => el.tagName === 'a' && attr(el, 'href')?.startsWith('https://'));
    expect(link).toBeUndefined(); // the fixture's URL contains "<": shown as text, never a link
  });

  it('asks for the chosen page size with page numbers in the bottom margin', async () => {
    const letter = await html([kitchenSink()], { pageSize: 'Letter' });
    expect(letter).toMatch(/@page \{\s*size: Letter;/);
    expect(letter).toContain('@bottom-center { content: counter(page);');
    expect(letter).toContain('"Noto Serif CJK KR"');
  });

  it('exports both samples with working footnote links', async () => {
    for (const sample of annotatedSamples()) {
      const { errors, elements } = dom(await html([sample]));
      expect(errors).toEqual([]);
      const { dangling, internal } = checkLinks(elements);
      expect(dangling).toEqual([]);
      expect(internal.filter((el) => attr(el, 'href')?.startsWith('#fn'))).toHaveLength(4);
      expect(elements.filter((el) => attr(el, 'class')?.startsWith('ins '))).toHaveLength(19);
    }
  });
});

describe('the HTML builder', () => {
  it('escapes every text and attribute value it is given', () => {
    expect(h('a', { title: '"><script>' }, '<b>&').value).toBe(
      '<a title="&#34;&#62;&#60;script&#62;">&#60;b&#62;&#38;</a>',
    );
    expect(esc(`'`)).toBe('&#39;');
  });
});
