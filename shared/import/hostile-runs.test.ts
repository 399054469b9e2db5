import { describe, expect, it } from 'vitest';
import { firstUrl, signatureFromLine } from './archive-meta';
import { importFile } from './import-file';
import { markdownInline } from './archive-markdown';
import { rowsOf } from './fixtures';
import type { ImportedDocument } from '../model/document';

// Long runs of one character that do not end the line. Trimming them with a regex
// such as `/\s+$/` or `/[.,;:!?]+$/` is quadratic (every start inside the run scans
// to its end): at 300,000 characters that takes minutes, so each of these finishes
// within the test timeout only when the code is linear.
const N = 300_000;

function imported(name: string, text: string): ImportedDocument {
  const result = importFile({ name, bytes: new TextEncoder().encode(text) });
  if (!result.ok) throw new Error(result.error);
  return result.document;
}

describe('importing long runs of spaces, newlines and punctuation in linear time', () => {
  it('reads an archival signature whose line holds a long run of spaces', () => {
    expect(signatureFromLine(`Archival Signature: SAPMO${' '.repeat(N)}DY 30.`)).toBe(`SAPMO${' '.repeat(N)}DY 30`);
    expect(signatureFromLine(`Archival Signature: SAPMO, DY 30;${' '.repeat(N)}`)).toBe('SAPMO, DY 30');
  });

  it('takes a URL with a long run of dots inside it, dropping only the trailing punctuation', () => {
    expect(firstUrl(`see https://example.org/a${'.'.repeat(N)}b.;`)).toBe(`https://example.org/a${'.'.repeat(N)}b`);
  });

  it('reads a markdown heading with a long run of spaces before its last word', () => {
    const doc = imported('page.md', `# Title${' '.repeat(N)}end ##\n\nA paragraph.\n`);
    expect(doc.meta.title).toBe(`Title${' '.repeat(N)}end`);
  });

  it('keeps the line breaks of an HTML paragraph with a long run of <br> inside it', () => {
    const doc = imported('page.html', `<!DOCTYPE html><html><body><p>first${'<br>'.repeat(N)}last</p></body></html>`);
    const english = rowsOf(doc)
      .map((r) => r.english)
      .join('\n');
    expect(english).toContain('first');
    expect(english).toContain('last');
  });

  it('reads markdown inline syntax with thousands of unclosed openers', () => {
    const M = N / 10;
    // Unclosed comments and raw elements, and links, images and autolinks that never close.
    expect(markdownInline(`a${'<!--'.repeat(N)}b`)).toBe(`a${'<!--'.repeat(N)}b`);
    expect(markdownInline(`a<!-- x -->${'<!--'.repeat(N)}b`)).toBe(`a${'<!--'.repeat(N)}b`);
    expect(markdownInline(`a${'<script>'.repeat(N)}b`)).toBe('ab');
    expect(markdownInline(`a<SCRIPT>x</script >b`)).toBe('ab');
    expect(markdownInline(`${'[x]('.repeat(M)}[y](u) z`)).toBe(`${'[x]('.repeat(M)}y z`);
    // Only the innermost image is one (CommonMark reads the unclosed ones as text).
    expect(markdownInline(`${'![x]('.repeat(M)}![i](p) z`)).toBe(`${'![x]('.repeat(M)} z`);
    expect(markdownInline(`${'<http://x'.repeat(M)}>`)).toBe(`${'<http://x'.repeat(M - 1)}http://x`);
  });
});
