import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { exportEdition, type EditionFormat } from './export';
import { documentFile, GLOSSARY } from './testing/fixtures';
import { body, segment, text } from '../model/build';
import { XML_ILLEGAL, cleanXmlChars, cleanXmlDeep, hasXmlIllegal } from './xml-chars';

/** A document as an import can bring it: valid UTF-8 holding characters XML 1.0 does not allow. */
function hostile() {
  return documentFile(
    'hostile',
    { title: 'Bad \uFFFE title', translator: 'A\u0001B' },
    body([
      segment({
        id: 's1',
        english: text('noncharacters \uFFFE and \uFFFF, a control \u0007 here'),
        korean: text('김\uFFFF일성'),
      }),
    ]),
  );
}

describe('XML-illegal characters', () => {
  it('are found and replaced visibly: controls by their pictures, the rest by U+FFFD', () => {
    expect(hasXmlIllegal('tab\tand\nnew\rline, 한국어 😀')).toBe(false);
    expect(hasXmlIllegal('a\uFFFEb')).toBe(true);
    const cleaned = cleanXmlChars('a\uFFFEb\uFFFF\u0001\uD800x');
    expect(cleaned.text).toBe('a\uFFFDb\uFFFD\u2401\uFFFDx');
    expect(cleaned.count).toBe(4);
    expect([...cleaned.codes]).toEqual(['U+FFFE', 'U+FFFF', 'U+0001', 'U+D800']);
    // The shared pattern is global: repeated use must not skip matches.
    expect('\uFFFE\uFFFE'.match(XML_ILLEGAL)).toHaveLength(2);
  });

  it('are cleaned from any JSON value, sharing what does not change', () => {
    const clean = { a: ['x', { b: 'y' }], n: 1 };
    const tally = { count: 0, codes: new Set<string>() };
    expect(cleanXmlDeep(clean, tally)).toBe(clean);
    const dirty = { a: ['x', { b: 'y\uFFFE' }], n: 1, keep: clean };
    const out = cleanXmlDeep(dirty, tally);
    expect(out).toEqual({ a: ['x', { b: 'y\uFFFD' }], n: 1, keep: clean });
    expect(out.keep).toBe(clean);
    expect(dirty.a[1]).toEqual({ b: 'y\uFFFE' });
    expect(tally.count).toBe(1);
  });

  it('never reach a DOCX, and the export says what was replaced', async () => {
    const file = await exportEdition('docx', { documents: [hostile()], glossary: GLOSSARY }, {});
    const zip = unzipSync(file.bytes);
    for (const [name, data] of Object.entries(zip)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      expect(hasXmlIllegal(strFromU8(data)), name).toBe(false);
    }
    expect(strFromU8(zip['word/document.xml'])).toContain('noncharacters \uFFFD and \uFFFD');
    expect(file.warnings.join('\n')).toMatch(
      /6 characters that XML does not allow \(U\+FFFE, U\+0001, U\+FFFF, U\+0007\)/,
    );
  });

  it.each<EditionFormat>(['html', 'pdf-html'])('never reach %s, and the export says so', async (format) => {
    const file = await exportEdition(format, { documents: [hostile()], glossary: GLOSSARY }, {});
    const html = new TextDecoder().decode(file.bytes);
    expect(hasXmlIllegal(html)).toBe(false);
    expect(html).toContain('김\uFFFD일성');
    expect(file.warnings).toHaveLength(1);
  });

  it('leave clean exports without a warning', async () => {
    const doc = documentFile('ok', { title: 'Fine' }, body([segment({ id: 's1', english: text('fine') })]));
    for (const format of ['html', 'docx', 'md', 'txt'] as const) {
      expect((await exportEdition(format, { documents: [doc], glossary: [] }, {})).warnings).toEqual([]);
    }
  });
});
