import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';
import { importFile } from './import-file';
import { fixtures } from './fixtures';

const encode = (text: string) => new TextEncoder().encode(text);

describe('detecting the format of a file', () => {
  it('tells the two seed pages apart: plain-text page and markdown-like page', () => {
    expect(detectFormat(fixtures.seed1960.text, fixtures.seed1960.name)).toBe('text');
    expect(detectFormat(fixtures.seed1963.text, fixtures.seed1963.name)).toBe('markdown');
  });

  it('recognises HTML pages by their content, whatever the file is called', () => {
    expect(detectFormat(fixtures.html1960.text, 'download')).toBe('html');
    expect(detectFormat('<!-- saved page -->\n<html><body><p>x</p></body></html>', 'a.txt')).toBe('html');
    expect(detectFormat('<p>Only a paragraph</p>', 'fragment')).toBe('html');
  });

  it('recognises TEI by its root element, after an XML declaration, comments and a DOCTYPE', () => {
    expect(
      detectFormat(
        '<?xml version="1.0"?>\n<!-- x -->\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>',
        'a.xml',
      ),
    ).toBe('tei');
    expect(detectFormat('<?xml version="1.0"?><?xml-model href="tei_all.rng"?><TEI>', 'a.xml')).toBe('tei');
    expect(detectFormat('<tei:TEI xmlns:tei="http://www.tei-c.org/ns/1.0"/>', 'a.xml')).toBe('tei');
  });

  it('reads anything else as plain text, even with a stray hash line', () => {
    expect(detectFormat('A memo\n\nSome text.', 'memo.txt')).toBe('plain');
    expect(detectFormat('# not markdown, just a comment\nText', 'notes.txt')).toBe('plain');
    expect(detectFormat('# Heading\n\nText', 'notes.md')).toBe('markdown');
  });

  it('hands TEI to the TEI importer, whose errors name the file', () => {
    const result = importFile({
      name: 'edition.xml',
      bytes: encode('<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"/>'),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^edition\.xml: /);
  });
});
