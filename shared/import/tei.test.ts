import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { annotatedSamples } from '../../electron/export/testing/tools';
import type { DocumentFile, PMJson } from '../model/document';
import { segmentsOf } from '../model/build';
import { schema } from '../model/schema';
import { exportEdition } from '../export/export';
import { GLOSSARY, kitchenSink } from '../export/testing/fixtures';
import { arbitraryDocument } from '../export/testing/arbitrary';
import { provenanceDocument } from '../export/testing/tei-provenance';
import { importTei } from './tei';
import { importFile } from './import-file';

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

  it('gives back the same document from a TEI with the full editorial header (project, editors, row states)', async () => {
    const project = {
      name: 'Reports',
      publication: { publisher: 'P', pubPlace: 'Seoul', date: '2024', licence: 'CC0', licenceUrl: '' },
      editors: [{ id: 'e1', name: 'E. Editor' }],
    };
    for (const doc of [kitchenSink(), ...annotatedSamples()]) {
      const unnamed = { ...doc, meta: { ...doc.meta, translator: '' } };
      for (const d of [doc, unnamed]) {
        const xml = new TextDecoder().decode(
          (await exportEdition('tei', { documents: [d], glossary: GLOSSARY, project }, ALL)).bytes,
        );
        const result = importTei(xml, 'x.xml', { now: NOW });
        if (!result.ok) throw new Error(result.error);
        expect(result.warnings).toEqual([]);
        expect(normal(result.document)).toEqual(normal(d));
      }
    }
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

describe('TEI from other editions (issue 14, item 1)', () => {
  const fixture = (file: string) => readFileSync(join(__dirname, 'fixtures', 'tei', file), 'utf8');
  const read = (xml: string, name: string) => {
    const result = importTei(xml, name, { now: NOW });
    if (!result.ok) throw new Error(result.error);
    return result;
  };
  /** Each row as `role: text of its columns` (footnotes in braces). */
  const rowsOf = (doc: { body: PMJson }) =>
    segmentsOf(doc.body).map((seg) => {
      const cells = (seg.content ?? [])
        .filter((cell) => cell.type !== 'witness')
        .map((cell) => (cell.content ?? []).map(flat).join(''))
        .filter(Boolean);
      return `${String(seg.attrs?.role)}: ${cells.join(' || ')}`;
    });
  const flat = (node: PMJson): string =>
    node.type === 'text'
      ? (node.text ?? '')
      : node.type === 'hard_break'
        ? '/'
        : node.type === 'footnote'
          ? `{${(node.content ?? []).map(flat).join('')}}`
          : node.type === 'unclear'
            ? `(${(node.content ?? []).map(flat).join('')}?)`
            : `<${node.type}>`;

  it('reads a letter: metadata from the header, opener, paragraphs and closer as rows, in the original column', () => {
    const { document, warnings } = read(fixture('tillich-L00012.xml'), 'tillich-L00012.xml');
    expect(document.meta).toMatchObject({
      title: 'Brief von Paul Tillich an Johannes Oskar, Marie und Margarete Tillich vom 30. März 1899',
      date: '1899-03-30',
      signature: 'Deutsches Paul-Tillich-Archiv, 008 A',
      originalLanguage: 'German',
    });
    expect(document.meta.credits).toContain('Editor: Alma Ament');
    expect(document.meta.credits).toContain('Licence: Creative Commons Attribution 4.0 International (CC BY 4.0)');
    const rows = rowsOf(document);
    expect(rows[0]).toBe('head: Schönfließ , den 30.03.1899/Lieber Großpapa, liebe Großmama, liebe Tante Grete.');
    expect(rows[1]).toMatch(/^p: Nun bin ich wieder zu Hause bei Papa und Mama; .* Ich \(h\?\) bin als siebenter/);
    expect(rows[1]).toContain('Eli(e?)sabeth (Kalle?)');
    expect(rows[2]).toMatch(/^p: Fröhliche, gesegnete Ostern .* Eure \(M\?\)$/);
    expect(rows[3]).toBe('closer: Mit vielen Grüßen und Küssen/von Eurem Paul.');
    expect(rows).toHaveLength(4);
    // The German text is the original; English and Korean are left for the translator.
    const first = segmentsOf(document.body)[0];
    expect(first.content?.map((c) => c.type)).toEqual(['english', 'witness', 'korean', 'original']);
    // Nothing dropped silently: index data and header leftovers in the source notes, all reported.
    const notes = document.source.notes.join('\n');
    expect(notes).toMatch(/<back>\/<listPerson> \(5 entries\): Tillich, Johannes Oskar/);
    expect(notes).toMatch(/correspondence \(received\): Johannes Oskar Tillich Marie Tillich Margarete Tillich/);
    expect(notes).toMatch(/kept as plain text .*<add> ×1/);
    expect(warnings.join('\n')).toMatch(/<del>.*deleted in the source/);
    expect(warnings.join('\n')).toMatch(/<listPerson> in <back> is index data/);
  });

  it('reads diplomatic documents: heads, datelines, footnotes and closers, the date from the text', () => {
    const { document, warnings } = read(fixture('frus1894Nicaragua-excerpt.xml'), 'frus.xml');
    expect(document.meta.title).toBe('Foreign Relations of the United States, 1894, Nicaragua (Mosquito Territory)');
    expect(document.meta.date).toBe('1894-01-25');
    expect(document.meta.citation).toContain('United States Government Printing Office, Washington, 1895');
    const rows = rowsOf(document);
    expect(rows.slice(0, 6)).toEqual([
      'head: Affairs at Bluefields',
      'head: No. 1./Mr. Seat to Mr. Gresham.',
      'head: [Telegram.]',
      'head: Bluefields, Nicaragua, January 25, 1894.',
      'p: Honduras invading at Cape Gracias. Lives and millions property American citizens unprotected. Appeal for man-of-war to Blueflelds Mosquito Reservation, at once.',
      'closer: Seat, Consular Agent,/(and fifty citizens of the United States).',
    ]);
    expect(rows).toContainEqual(
      expect.stringMatching(/^p: Sir: I transmit .* a copy of a telegram\{No\. 1\.\} from our consular agent/),
    );
    // The enclosure (in another namespace) is read as a division; its quoted dispatch keeps its lines.
    expect(rows).toContainEqual(
      expect.stringMatching(/Station:\/January 27, 1894\.\/Stanton, Port au Prince:\/The United States/),
    );
    expect(rows[rows.length - 1]).toBe('closer: H. A. Herbert,/Secretary of the Navy.');
    expect(document.source.notes.join('\n')).toMatch(
      /Page breaks \(TEI <pb>\) between rows: before row 12 \(page 10\)/,
    );
    expect(warnings.join('\n')).toMatch(/<frus:attachment> is not TEI: read as a division/);
  });

  it('reads the same documents without the TEI namespace (derived from the FRUS file)', () => {
    const xml = fixture('frus1894Nicaragua-excerpt.xml').replace(' xmlns="http://www.tei-c.org/ns/1.0"', '');
    const withNs = read(fixture('frus1894Nicaragua-excerpt.xml'), 'frus.xml');
    const without = read(xml, 'frus-no-ns.xml');
    expect(rowsOf(without.document)).toEqual(rowsOf(withNs.document));
    expect(without.warnings[0]).toMatch(/frus-no-ns\.xml has no TEI namespace; read it as TEI/);
  });

  it('places notes kept in standOff after what their @target points at (derived from the FRUS file)', () => {
    const xml = fixture('frus1894Nicaragua-excerpt.xml')
      .replace('<note n="1" xml:id="d2fn1"><ref target="#d1">No. 1</ref>.</note>', '<anchor xml:id="a-telegram"/>')
      .replace(
        '</text>',
        '</text>\n<standOff><listAnnotation><note target="#a-telegram">No. 1, in standOff.</note>' +
          '<note target="#d1">On the whole of No. 1.</note><note target="#nowhere">Lost.</note></listAnnotation></standOff>',
      );
    const { document, warnings } = read(xml, 'frus-standoff.xml');
    const rows = rowsOf(document);
    expect(rows).toContainEqual(expect.stringMatching(/a copy of a telegram\{No\. 1, in standOff\.\} from our/));
    // A note on a whole division follows its last row; one whose target is missing is kept at the end, and said.
    expect(rows[5]).toBe(
      'closer: Seat, Consular Agent,/(and fifty citizens of the United States).{On the whole of No. 1.}',
    );
    expect(rows[rows.length - 1]).toMatch(/\{Lost\.\}$/);
    expect(warnings.join('\n')).toMatch(/1 note\(s\) point at nothing in the text/);
  });

  it('reads a teiCorpus as one document per TEI, groups of texts included', () => {
    const result = read(fixture('tei-testcorpus.xml'), 'testcorpus.xml');
    expect(result.documents?.map((d) => d.meta.title)).toEqual([
      'A corpus/group test',
      'A corpus test',
      'A corpus test',
    ]);
    const [first, second, third] = result.documents ?? [];
    expect(rowsOf(first)).toContain('head: Adventure I. — A Scandal in Bohemia');
    expect(rowsOf(first)).toContain('closer: End of the Red Headed League');
    expect(rowsOf(second)).toEqual([
      'p: this is the pcdata that sat in the p that sat in the body that sat in the text that sat in the group that sat in the body that sat in the text that sat in the TEI that sat in the teiCorpus that Lou built',
      'p: this is another text inside the same group',
    ]);
    expect(rowsOf(third).slice(-2)).toEqual(['p: P.S.', 'p: la-dee da']);
    // The header's participant list has no field: kept in the source notes.
    expect(first.source.notes.join('\n')).toMatch(/particDesc: A valid date/);
  });

  it('imports every document of a corpus through importFile', () => {
    const result = importFile({
      name: 'testcorpus.xml',
      bytes: new TextEncoder().encode(fixture('tei-testcorpus.xml')),
    });
    expect(result.ok && result.documents?.length).toBe(3);
  });

  it('re-imports a whole-project TEI export as all its documents, each unchanged', async () => {
    const docs = [...annotatedSamples(), kitchenSink()];
    const xml = new TextDecoder().decode(
      (await exportEdition('tei', { documents: docs, glossary: GLOSSARY, title: 'Edition' }, ALL)).bytes,
    );
    const result = read(xml, 'edition.tei.xml');
    const back = result.documents ?? [];
    expect(back).toHaveLength(docs.length);
    const byTitle = new Map(docs.map((d) => [d.meta.title, d]));
    for (const doc of back) expect(normal(doc)).toEqual(normal(byTitle.get(doc.meta.title)!));
  });

  it('says clearly what is not TEI', () => {
    expect(importTei('<TEI.2><text/></TEI.2>', 'p4.xml')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^p4\.xml: this is TEI P4/),
    });
    expect(importTei('<html xmlns="http://www.w3.org/1999/xhtml"/>', 'page.xml')).toMatchObject({
      ok: false,
      error: 'page.xml: not a TEI document (its root element is <html>, not <TEI> or <teiCorpus>)',
    });
    expect(importTei('<TEI><text><body><p>a &undefined; b</p></body></text></TEI>', 'ent.xml')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^ent\.xml: not well-formed XML \(.*undefined entity/),
    });
  });
});

describe('TEI round trip of provenance and review (issue 14, item 4)', () => {
  it('gives back who made each annotation, when, and each row review state', async () => {
    const doc = provenanceDocument();
    const project = { name: 'P', editors: [{ id: 'ed1', name: 'E. One' }] };
    for (const documents of [[doc], [doc, kitchenSink()]]) {
      const xml = new TextDecoder().decode(
        (await exportEdition('tei', { documents, glossary: GLOSSARY, project }, ALL)).bytes,
      );
      const result = importTei(xml, 'p.xml', { now: NOW });
      if (!result.ok) throw new Error(result.error);
      const back = (result.documents ?? [result.document]).find((d) => d.meta.title === 'Provenance')!;
      expect(normal(back)).toEqual(normal(doc));
      expect(JSON.stringify(back.body)).toContain('"resp":"ed.x","when":"2024-05-03"');
    }
  });
});

describe('TEI import of long runs of spaces', () => {
  it('trims a long run of spaces before a line break in linear time', () => {
    const spaces = ' '.repeat(200_000);
    const xml = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Spaces</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p>a${spaces}<lb/>b</p></body></text></TEI>`;
    const result = importTei(xml, 'spaces.xml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const texts = JSON.stringify(result.document.body);
    expect(texts).toContain('"text":"a"');
    expect(texts).not.toContain('  ');
  });
});
