import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { exportEdition } from './export';
import type { ExportOptionsInput } from './options';
import { PAGINATOR_CSP, PAGINATOR_JS } from './paginator';
import { cspHash, sha256 } from './sha256';
import { GLOSSARY, annotate } from './testing/fixtures';
import { hostileDocument } from './testing/long-edition';
import type { DocumentFile } from '../model/document';
import { annotatedSamples } from '../../electron/export/testing/tools';
import { pageContentBox } from './html-style';

const nodeSha = (value: string | Uint8Array) => createHash('sha256').update(value).digest();

async function printHtml(documents: DocumentFile[], options: ExportOptionsInput = {}): Promise<string> {
  const file = await exportEdition('pdf-html', { documents, glossary: GLOSSARY }, options);
  return new TextDecoder().decode(file.bytes);
}

function elements(source: string): T.Element[] {
  const out: T.Element[] = [];
  const visit = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if ('tagName' in child) {
        out.push(child);
        visit(child);
      }
    }
  };
  visit(parse(source));
  return out;
}

const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const scriptText = (el: T.Element) => el.childNodes.map((n) => (n as T.TextNode).value ?? '').join('');
const csp = (source: string) =>
  attr(elements(source).find((el) => el.tagName === 'meta' && attr(el, 'http-equiv') === 'Content-Security-Policy')!, 'content')!;

describe('SHA-256 for the CSP', () => {
  it('agrees with Node’s crypto on empty, short, block-edge and multi-byte input', () => {
    for (const value of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'b'.repeat(1000), '조선 ✓ \u{1F600}']) {
      const bytes = new TextEncoder().encode(value);
      expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(nodeSha(bytes).toString('hex'));
      expect(cspHash(value)).toBe(`'sha256-${nodeSha(bytes).toString('base64')}'`);
    }
  });
});

describe('the print HTML with notes at the page foot (the default)', () => {
  it('carries exactly one script, the paginator, allowed by its hash and nothing else', async () => {
    const source = await printHtml(annotatedSamples().slice(1));
    const scripts = elements(source).filter((el) => el.tagName === 'script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0].attrs).toEqual([]);
    expect(scriptText(scripts[0])).toBe(PAGINATOR_JS);
    expect(PAGINATOR_CSP).toBe(`'sha256-${nodeSha(PAGINATOR_JS).toString('base64')}'`);
    const policy = csp(source);
    const scriptSrc = policy.split(';').map((part) => part.trim()).filter((part) => part.startsWith('script-src'));
    expect(scriptSrc).toEqual([`script-src ${PAGINATOR_CSP}`]);
    expect(policy).toContain("default-src 'none'");
    expect(source).toMatch(/<html lang="en" data-notes="page">/);
    // Without the script the edition is whole: the notes and corrections follow the document.
    expect(source).toContain('<section class="notes" aria-label="Notes">');
    expect(source).toContain('<section class="corrections" aria-label="Corrections">');
    // The page box the paginator lays out: the A4 content area.
    const { width, height } = pageContentBox('A4');
    expect([width, height]).toEqual([174, 255]);
    expect(source).toContain(`.pg { box-sizing: border-box; width: ${width}mm; height: calc(${height}mm - 2px);`);
    // The paginator measures on screen what prints: the print rules apply to all media.
    expect(source).toContain('@media all {');
    expect(source).toContain('the foot of the page gives the source’s reading under the same letter.');
  });

  it('is laid out for Letter pages when asked', async () => {
    const source = await printHtml(annotatedSamples().slice(1), { pageSize: 'Letter' });
    expect(pageContentBox('Letter')).toEqual({ width: 179.9, height: 237.4 });
    expect(source).toContain('width: 179.9mm; height: calc(237.4mm - 2px)');
  });

  it('has no script with notes at the end or under the row, nor in the HTML edition', async () => {
    const docs = annotatedSamples().slice(1);
    for (const source of [
      await printHtml(docs, { notes: 'end' }),
      await printHtml(docs, { notes: 'foot' }),
      new TextDecoder().decode((await exportEdition('html', { documents: docs, glossary: GLOSSARY }, {})).bytes),
    ]) {
      expect(elements(source).filter((el) => el.tagName === 'script')).toEqual([]);
      expect(csp(source)).not.toContain('script-src');
      expect(source).not.toContain('data-notes=');
      expect(source).not.toContain('.pg {');
    }
  });

  it('escapes text that looks like script: no element, no handler attribute comes from it', async () => {
    const source = await printHtml([annotate(hostileDocument())]);
    const els = elements(source);
    expect(els.filter((el) => el.tagName === 'script')).toHaveLength(1);
    expect(els.filter((el) => el.tagName === 'img')).toEqual([]);
    expect(els.filter((el) => el.attrs.some((a) => a.name.startsWith('on')))).toEqual([]);
    expect(source).toContain('&#60;script&#62;document.title=&#34;RAN&#34;&#60;/script&#62;');
    expect(source).toContain('&#60;img src=y onerror=alert(2)&#62;');
  });
});
