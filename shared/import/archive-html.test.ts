import { describe, expect, it } from 'vitest';
import { importFile } from './import-file';
import { extractHtml } from './html-blocks';
import { fileOf, fixtures, insertionsIn, rowsOf, validate, witnessLinesOf } from './fixtures';
import { columnOf, segmentsOf } from '../model/build';
import type { ImportedDocument } from '../model/document';

function imported(fixture: { name: string; text: string }): { document: ImportedDocument; warnings: string[] } {
  const result = importFile(fileOf(fixture));
  if (!result.ok) throw new Error(result.error);
  return result;
}

function html(body: string, name = 'page.html'): ImportedDocument {
  const result = importFile({
    name,
    bytes: new TextEncoder().encode(`<!DOCTYPE html><html><body>${body}</body></html>`),
  });
  if (!result.ok) throw new Error(result.error);
  return result.document;
}

describe('the archive HTML page (1960, tabbed versions)', () => {
  const text = imported(fixtures.seed1960).document;
  const page = imported(fixtures.html1960).document;

  it('reads the same metadata as the plain-text page, plus the canonical URL as plain text', () => {
    expect(page.meta).toEqual({
      ...text.meta,
      sourceUrl:
        'https://digitalarchive.wilsoncenter.org/document/note-about-conversation-soviet-embassy-comrade-puzanov',
    });
    expect(page.source.format).toBe('html');
  });

  it('reads the same English rows as the plain-text page, the signature block joined by a line break', () => {
    const fromText = rowsOf(text).map((r) => [r.role, r.english]);
    const fromHtml = rowsOf(page).map((r) => [r.role, r.english]);
    const signature = fromText.findIndex(([, e]) => e === 'K. Schneidewind');
    expect(fromHtml).toEqual([
      ...fromText.slice(0, signature),
      ['closer', 'K. Schneidewind\nGDR Ambassador'],
      ...fromText.slice(signature + 2),
    ]);
  });

  it('turns <br> into a hard break node', () => {
    const closer = segmentsOf(page.body).find((s) => s.attrs?.role === 'closer')!;
    expect(columnOf(closer, 'english')?.content?.map((n) => n.type)).toEqual(['text', 'hard_break', 'text']);
  });

  it('flattens <em> and decodes entities', () => {
    const english = rowsOf(page)
      .map((r) => r.english)
      .join('\n');
    expect(english).toContain('Comrade Khrushchev recommended to Comrade Kim Il Sung');
    expect(english).toContain('Comrade Kim Il Sung had told Comrade Khrushchev that they the Koreans strictly');
    expect(english).not.toMatch(/&#x27;|&quot;|&amp;|<em>/);
  });

  it('has 19 insertion marks and witness lines identical to the seed, aligned as in the text page', () => {
    expect(insertionsIn(page)).toBe(19);
    expect(witnessLinesOf(page)).toEqual(witnessLinesOf(text));
    const owners = (doc: ImportedDocument) =>
      rowsOf(doc)
        .filter((r) => r.witness.length)
        .map((r) => r.english.slice(0, 25));
    expect(owners(page)).toEqual(owners(text));
  });

  it('keeps no page chrome, navigation or footer in the body', () => {
    const json = JSON.stringify(page.body);
    for (const chrome of [
      'Search in',
      'Digital Archive',
      'get citation',
      'share document',
      'English HTML',
      'Korean HTML',
      'Collections',
      'Related Documents',
      'Pennsylvania Ave',
      'Skip to main content',
    ]) {
      expect(json).not.toContain(chrome);
    }
  });

  it('passes the document file validation', () => {
    expect(validate(page)).toMatchObject({ ok: true });
  });
});

describe('the archive HTML page (1963, versions under headings)', () => {
  const text = imported(fixtures.seed1963).document;
  const page = imported(fixtures.html1963).document;

  it('reads the metadata, the original language from the document information below the text', () => {
    expect(page.meta).toEqual(text.meta);
  });

  it('reads the same rows as the markdown page', () => {
    expect(rowsOf(page)).toEqual(rowsOf(text));
    expect(insertionsIn(page)).toBe(19);
    expect(validate(page)).toMatchObject({ ok: true });
  });
});

describe('sanitising HTML', () => {
  const { document } = imported(fixtures.hostile);
  const json = JSON.stringify(document);

  it('lets no script, style, event handler, frame, object or remote reference into the model', () => {
    for (const bad of [
      '<script',
      'alert(',
      'onerror',
      'onload',
      'onclick',
      'javascript:',
      'http://evil',
      'evil.example',
      'url(',
      '<iframe',
      '<style',
      '<object',
      '<embed',
      '<svg',
      'srcdoc',
      'document.cookie',
    ]) {
      expect(json, bad).not.toContain(bad);
    }
  });

  it('leaves out hidden text, templates, noscript, forms, images and their alt text', () => {
    for (const hidden of [
      'Hidden instructions',
      'Invisible text',
      'aria hidden',
      'Template text',
      'evil alt text',
      'svg link text',
      'Send',
      'Footer text',
    ]) {
      expect(json).not.toContain(hidden);
    }
  });

  it('keeps the visible text, with markup flattened, entities decoded and links reduced to their text', () => {
    expect(rowsOf(document).map((r) => [r.role, r.english])).toEqual([
      ['head', 'Ministry of Foreign Affairs'],
      ['head', 'Pyongyang, 3 May 1961'],
      [
        'p',
        'The Korean comrades of the KWP informed us today about the talks & agreed to continue them.\nA second line after a break, with a link and another link.',
      ],
      [
        'p',
        'The delegation will arrive on 12 May 1961 in Moscow; the talks are expected to last three days and to cover trade.',
      ],
      ['closer', 'J. Smith'],
    ]);
    expect(insertionsIn(document)).toBe(2);
    expect(document.source.witness).toEqual(['xX \\ <| 1961D 5 3|', 't & X [ ] p 12| 3 D D . X T']);
  });

  it('keeps only the canonical http(s) URL, as plain text in meta.sourceUrl', () => {
    expect(document.meta.sourceUrl).toBe('https://digitalarchive.wilsoncenter.org/document/123456');
    expect(document.meta).toMatchObject({
      title: 'Telegram from Pyongyang',
      date: '1961-05-03',
      translator: 'Jane Doe',
    });
  });

  it('notes what it left out, for the record', () => {
    expect(document.source.notes[0]).toMatch(
      /^HTML sanitised: left out .*\d+ scripts.*\d+ event handlers.*\d+ iframes/,
    );
  });

  it('refuses a canonical URL that is not http(s)', () => {
    const page = extractHtml(
      '<html><head><link rel="canonical" href="javascript:alert(1)"></head><body><p>x</p></body></html>',
    );
    expect(page.canonicalUrl).toBe('');
  });
});

describe('HTML pages in general', () => {
  it('reads a page without version markers as plain paragraphs, the heading as the title', () => {
    const doc = html(
      "<h1>Minutes of a Meeting</h1><p>The meeting [of 4 May] opened at ten o'clock and lasted well into the evening hours.</p>",
    );
    expect(doc.meta.title).toBe('Minutes of a Meeting');
    expect(rowsOf(doc).map((r) => [r.role, r.english])).toEqual([
      ['head', 'Minutes of a Meeting'],
      ['p', "The meeting of 4 May opened at ten o'clock and lasted well into the evening hours."],
    ]);
  });

  it('keeps the lines of a <pre> Korean version exactly, spaces included', () => {
    const doc = html('<h3>English HTML</h3><div><p>Heading</p></div><h3>Korean HTML</h3><pre>  |  Y\n\n8 : x</pre>');
    expect(doc.source.witness).toEqual(['  |  Y', '', '8 : x']);
  });

  it('finds a Korean version marked only by lang="ko"', () => {
    const doc = html(
      '<div><p>A report on the visit of the delegation, which was long and detailed in every way.</p></div><div lang="ko"><p>xx ( | .</p></div>',
    );
    expect(doc.source.witness).toEqual(['xx ( | .']);
    expect(rowsOf(doc)).toEqual([
      {
        role: 'p',
        english: 'A report on the visit of the delegation, which was long and detailed in every way.',
        witness: ['xx ( | .'],
      },
    ]);
  });
});
