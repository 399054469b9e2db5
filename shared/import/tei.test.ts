import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { annotatedSamples } from '../../electron/export/testing/tools';
import type { DocumentFile } from '../model/document';
import { schema } from '../model/schema';
import { exportEdition } from '../export/export';
import { GLOSSARY, kitchenSink } from '../export/testing/fixtures';
import { arbitraryDocument } from '../export/testing/arbitrary';
import { importTei } from './tei';

const ALL = { columns: { english: true, korean: true, original: true }, witness: true };
const NOW = new Date('2024-01-02T03:04:05Z');

async function roundTrip(doc: DocumentFile, options: object = ALL) {
  const xml = new TextDecoder().decode(
    (await exportEdition('tei', { documents: [doc], glossary: GLOSSARY }, options)).bytes,
  );
  const result = importTei(xml, `${doc.id}.tei.xml`, { now: NOW });
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** The model as the schema sees it: adjacent text joined, marks ordered, attributes defaulted. */
function normal(doc: Pick<DocumentFile, 'meta' | 'source' | 'body'>) {
  return {
    meta: doc.meta,
    witness: doc.source.witness,
    notes: doc.source.notes,
    body: schema.nodeFromJSON(doc.body).toJSON(),
  };
}

describe('TEI import', () => {
  it('gives back the same document it exported: text, marks, footnotes, metadata, witness, rows', async () => {
    const doc = kitchenSink();
    const back = await roundTrip(doc);
    expect(back.warnings).toEqual([]);
    expect(normal(back.document)).toEqual(normal(doc));
    expect(back.document.source).toMatchObject({
      file: 'kitchen-sink.tei.xml',
      format: 'tei',
      importedAt: NOW.toISOString(),
    });
  });

  it('gives back both annotated samples unchanged', async () => {
    for (const doc of annotatedSamples()) expect(normal((await roundTrip(doc)).document)).toEqual(normal(doc));
  });

  it('keeps import notes and the witness section as imported', async () => {
    const doc = kitchenSink();
    doc.source.notes = ['repaired mojibake in line 3', 'a <second> note'];
    const back = await roundTrip(doc);
    expect(back.document.source.notes).toEqual(doc.source.notes);
    expect(back.document.source.witness).toEqual(doc.source.witness);
  });

  it('reads every document of a corpus, in the order written', async () => {
    const xml = new TextDecoder().decode(
      (
        await exportEdition(
          'tei',
          {
            documents: [
              kitchenSink('later'),
              { ...kitchenSink('first'), meta: { ...kitchenSink().meta, date: '1950' } },
            ],
            glossary: [],
          },
          ALL,
        )
      ).bytes,
    );
    const result = importTei(xml, 'edition.xml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.meta.date).toBe('1950');
    expect(result.documents?.map((d) => d.meta.date)).toEqual(['1950', '1961-05']);
    expect(result.warnings).toEqual([]);
  });

  it('reads TEI from elsewhere: rows by position, unknown elements kept as text with a warning', () => {
    const xml = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Other</title></titleStmt>
      <publicationStmt><p/></publicationStmt><sourceDesc><bibl><date when="1961">1961</date></bibl></sourceDesc></fileDesc></teiHeader>
      <text><body><div type="translation" xml:lang="en"><p>One <oddThing>two</oddThing> <supplied reason="omitted">three</supplied></p><p>Four</p></div>
      <div type="translation" xml:lang="ko"><p>하나</p><p>넷</p></div></body></text></TEI>`;
    const result = importTei(xml, 'other.xml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.meta).toMatchObject({ title: 'Other', date: '1961' });
    const segs = result.document.body.content ?? [];
    expect(segs).toHaveLength(2);
    expect(segs.map((s) => s.attrs?.id)).toEqual(['s1', 's2']);
    expect(JSON.stringify(segs[1])).toContain('넷');
    expect(result.warnings.join('\n')).toMatch(/<oddThing>/);
    expect(result.warnings.join('\n')).toMatch(/omitted/);
  });

  it('refuses what is not TEI, naming the file', () => {
    expect(importTei('not xml at all', 'a.xml')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^a\.xml: /),
    });
    expect(importTei('<html><body/></html>', 'b.xml')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a TEI document/),
    });
    expect(importTei('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>', 'c.xml')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no <text><body>/),
    });
  });

  it('round-trips any document the schema allows (property test)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDocument, async (doc) => {
        const back = await roundTrip(doc);
        expect(normal(back.document)).toEqual(normal(doc));
      }),
      { numRuns: 60 },
    );
  });
});

describe('TEI import bounds (issue 11, item 6)', () => {
  const nested = (depth: number, inner = '<p>deep</p>') =>
    `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Deep</title></titleStmt></fileDesc></teiHeader>` +
    `<text><body>${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}</body></text></TEI>`;

  it('refuses 10,000 nested divisions with a clear error instead of working on them', () => {
    const result = importTei(nested(10_000), 'deep.xml');
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^deep\.xml: elements nest deeper than 200 levels \(at <div>, line 1\)/),
    });
  });

  it('reads nesting below the limit, the text of the innermost division included', () => {
    const result = importTei(nested(150), 'ok.xml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.stringify(result.document.body)).toContain('"deep"');
  });

  it('reads entities the file declares as plain text, never expanding them further', () => {
    const xml =
      `<!DOCTYPE TEI [<!ENTITY a "&#x41;&amp;x"><!ENTITY b "&a;&a;&a;">]>` +
      `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>E</title></titleStmt></fileDesc></teiHeader>` +
      `<text><body><p>&b; and &a;</p></body></text></TEI>`;
    const result = importTei(xml, 'entities.xml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.stringify(result.document.body)).toContain('&a;&a;&a; and A&amp;x');
  });
});
