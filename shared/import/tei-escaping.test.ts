/**
 * Issue 11, item 3: every text and attribute of a TEI export is escaped, characters
 * XML cannot carry are handled on purpose (kept as `<g>` in text, replaced by U+FFFD
 * where no element can stand, and reported), and any Unicode text survives export
 * then import.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { body, segment, text } from '../model/build';
import type { DocumentFile, PMJson } from '../model/document';
import { schema } from '../model/schema';
import { exportEdition } from '../export/export';
import { prepareEdition } from '../export/edition';
import { defaultExportOptions } from '../export/options';
import { teiExport } from '../export/tei';
import { XML_UNSAFE } from '../export/tei-names';
import { documentFile } from '../export/testing/fixtures';
import { importTei } from './tei';

const ALL = { columns: { english: true, korean: true, original: true }, witness: true };

async function teiOf(doc: DocumentFile): Promise<string> {
  return new TextDecoder().decode((await exportEdition('tei', { documents: [doc], glossary: [] }, ALL)).bytes);
}

/** Parses with a conformant XML parser; throws on anything ill-formed. */
function wellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (err) => {
    throw err;
  });
  parser.write(xml).close();
}

function back(xml: string) {
  const result = importTei(xml, 'x.tei.xml');
  if (!result.ok) throw new Error(result.error);
  return result.document;
}

const englishOf = (doc: { body: PMJson }) => JSON.stringify(doc.body.content?.[0]?.content?.[0]);

describe('TEI escaping', () => {
  it('writes entity-like text as text: R&D; stays R&D; and a literal &lt; stays &lt;', async () => {
    const tricky = 'R&D; &lt; &amp; &#38; &#x26; &nbsp; ]]> <b> "q" \'a\'';
    const doc = documentFile(
      'amp',
      { title: tricky, citation: tricky, signature: 'A&B;' },
      body([
        segment({
          id: 's1',
          english: [
            ...text(tricky),
            { type: 'gap', attrs: { reason: 'R&D; "x" <y>', quantity: 2 } },
            { type: 'footnote', attrs: { id: 'n&1' }, content: text('&lt; in a note') },
          ],
          korean: text('연구&개발;', [{ type: 'correction', attrs: { original: '&lt;sic&gt;' } }]),
          witness: ['&amp; raw', 'R&D;'],
        }),
      ]),
      ['&lt;witness&gt;'],
    );
    const xml = await teiOf(doc);
    expect(() => wellFormed(xml)).not.toThrow();
    expect(xml).toContain('R&amp;D; &amp;lt; &amp;amp; &amp;#38; &amp;#x26; &amp;nbsp; ]]&gt; &lt;b&gt;');
    expect(xml).toContain('reason="R&amp;D; &quot;x&quot; &lt;y&gt;"');
    expect(xml).toContain('<sic>&amp;lt;sic&amp;gt;</sic>');
    const imported = back(xml);
    expect(imported.meta.title).toBe(tricky);
    expect(imported.meta.citation).toBe(tricky);
    expect(imported.meta.signature).toBe('A&B;');
    expect(imported.source.witness).toEqual(['&lt;witness&gt;']);
    expect(schema.nodeFromJSON(imported.body).toJSON()).toEqual(schema.nodeFromJSON(doc.body).toJSON());
  });

  it('keeps tabs, line feeds and carriage returns in attributes and text', async () => {
    const doc = documentFile(
      'ws',
      { title: 'a\tb' },
      body([
        segment({
          id: 's1',
          english: [...text('one\r\ntwo\rthree\t'), { type: 'gap', attrs: { reason: 'a\tb\nc\rd', quantity: 1 } }],
          witness: ['cr\r', '\ttab'],
        }),
      ]),
    );
    const xml = await teiOf(doc);
    expect(xml).toContain('reason="a&#9;b&#10;c&#13;d"');
    expect(xml).toContain('one&#13;\ntwo&#13;three\t');
    const imported = back(xml);
    expect(englishOf(imported)).toBe(englishOf(doc));
    expect(imported.body.content?.[0]?.content?.[1]?.attrs?.lines).toEqual(['cr\r', '\ttab']);
  });

  it('keeps characters XML cannot carry as <g> in text, replaces them in attributes and header fields, and says so', async () => {
    const doc = documentFile(
      'ctl',
      { title: 'T\u0001itle\uFFFE' },
      body([
        segment({
          id: 's1',
          english: [...text('a\u0000b\uFFFFc\uD800d'), { type: 'gap', attrs: { reason: 'r\u001B', quantity: 1 } }],
          witness: ['w\u001Bx'],
        }),
      ]),
    );
    const prepared = prepareEdition({ documents: [doc], glossary: [] }, defaultExportOptions(ALL), {
      dropEmptyColumns: false,
    });
    const { xml, warnings } = teiExport(prepared);
    expect(() => wellFormed(xml)).not.toThrow();
    expect(xml).toContain('a<g type="char" n="U+0000"/>b<g type="char" n="U+FFFF"/>c<g type="char" n="U+D800"/>d');
    expect(xml).toContain('<title>T\uFFFDitle\uFFFD</title>');
    expect(xml).toContain('reason="r\uFFFD"');
    expect(warnings.join('\n')).toMatch(/kept as <g type="char".*U\+0000 ×1.*U\+001B ×1/);
    expect(warnings.join('\n')).toMatch(/replaced by U\+FFFD.*U\+0001 ×\d.*U\+FFFE ×\d.*U\+001B ×1/);
    const imported = back(xml);
    expect(imported.meta.title).toBe('T\uFFFDitle\uFFFD');
    expect(JSON.stringify(imported.body)).toContain(JSON.stringify('a\u0000b\uFFFFc\uD800d'));
    expect(imported.source.witness).toEqual([]);
    expect(imported.body.content?.[0]?.content?.[1]?.attrs?.lines).toEqual(['w\u001Bx']);
  });

  // Any code unit at all (lone surrogates and controls included), with the characters
  // that need escaping somewhere mixed in often.
  const unit = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '&',
        '<',
        '>',
        '"',
        "'",
        '\r',
        '\n',
        '\t',
        ']]>',
        '&lt;',
        'R&D;',
        '&#38;',
        '&amp;',
        '\u0000',
        '\u001B',
        '\uFFFE',
        '\uFFFF',
        '\uD800',
        '\uDC00',
        '\u0085',
        '\u2028',
        '\uFEFF',
        ' ',
      ),
    },
  );
  const anyText = fc.array(unit, { maxLength: 12 }).map((parts) => parts.join(''));
  const someText = fc.array(unit, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
  const sanitised = (value: string) => value.replace(XML_UNSAFE, '\uFFFD');
  // A reason of white space alone is no reason (TEI's @reason is a list of words).
  const sanitisedReason = (value: string) => (value.trim() ? sanitised(value) : '');

  it('round-trips arbitrary Unicode text through export and import (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          english: someText,
          korean: anyText,
          note: someText,
          sic: anyText,
          unclear: someText,
          reason: anyText,
          witness: fc.array(anyText, { maxLength: 3 }),
          title: anyText,
          summary: anyText,
          signature: anyText,
        }),
        async (v) => {
          const make = (m: Pick<DocumentFile['meta'], 'title' | 'summary' | 'signature'>, reason: string) =>
            documentFile(
              'prop',
              m,
              body([
                segment({
                  id: 's1',
                  english: [
                    ...text(v.english),
                    { type: 'footnote', attrs: { id: 'f1' }, content: text(v.note) },
                    { type: 'gap', attrs: { reason, quantity: 1 } },
                    { type: 'unclear', attrs: { reason }, content: text(v.unclear) },
                  ],
                  korean: text(v.korean || 'k', [{ type: 'correction', attrs: { original: v.sic } }]),
                  witness: v.witness,
                }),
              ]),
            );
          const doc = make({ title: v.title, summary: v.summary, signature: v.signature }, v.reason);
          const xml = await teiOf(doc);
          wellFormed(xml);
          const imported = back(xml);
          // Text content comes back exactly; attributes and header fields with their
          // XML-illegal characters replaced by U+FFFD, as the export said.
          const expected = make(
            { title: sanitised(v.title), summary: sanitised(v.summary), signature: sanitised(v.signature) },
            sanitisedReason(v.reason),
          );
          expect(schema.nodeFromJSON(imported.body).toJSON()).toEqual(schema.nodeFromJSON(expected.body).toJSON());
          expect(imported.meta).toMatchObject({
            title: expected.meta.title,
            summary: expected.meta.summary,
            signature: expected.meta.signature,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
