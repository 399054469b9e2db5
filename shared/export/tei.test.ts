import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import fc from 'fast-check';
import { annotatedSamples, jing, requireTool, seedDocuments } from '../../electron/export/testing/tools';
import { body, segment, text } from '../model/build';
import type { DocumentFile } from '../model/document';
import { exportEdition } from './export';
import { GLOSSARY, documentFile, kitchenSink } from './testing/fixtures';
import { arbitraryDocument } from './testing/arbitrary';
import { segmentElements } from './tei-names';
import { provenanceDocument } from './testing/tei-provenance';
import { certOf } from './tei-header';
import type { EditionProject } from './edition';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const ALL = { columns: { english: true, korean: true, original: true }, witness: true };

async function tei(documents: DocumentFile[], options = {}, project?: EditionProject): Promise<string> {
  return decode(
    (await exportEdition('tei', { documents, glossary: GLOSSARY, title: 'Edition', project }, options)).bytes,
  );
}

/** A project with its publication settings and two editors, as project.json holds them. */
const PROJECT: EditionProject = {
  name: 'East German Reports from Pyongyang',
  publication: {
    publisher: 'The Interlinea Reading Group',
    pubPlace: 'Leipzig',
    date: '2024-05-01',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  },
  editors: [
    { id: 'ed1', name: 'Hye-jin Park' },
    { id: 'ed 2', name: 'Jonas Weber' },
  ],
};

const count = (xml: string, tag: string) => (xml.match(new RegExp(`<${tag}[\\s>/]`, 'g')) ?? []).length;

const dir = mkdtempSync(join(tmpdir(), 'interlinea-tei-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('TEI export', () => {
  it('maps every annotation to its TEI element', async () => {
    const xml = await tei([kitchenSink()], ALL);
    expect(xml).toContain(
      '<choice><sic>Kim II Sung</sic><corr resp="#resp-project"><persName ref="#gloss-g-kim">Kim Il Sung</persName></corr></choice>',
    );
    expect(xml).toContain(
      '<supplied reason="clarification" resp="#resp-project"><placeName ref="#gloss-g-pyongyang">Pyongyang</placeName></supplied>',
    );
    expect(xml).toContain('<orgName ref="#gloss-g-sons">Smith &amp; &lt;Sons&gt;</orgName>');
    expect(xml).toContain('<term ref="#gloss-g_5f_odd_20_id">Juche</term>');
    expect(xml).toContain(
      '<note place="foot" n="1" xml:id="fn-f1" resp="#resp-project">See the <supplied reason="expansion" resp="#resp-project">SED</supplied> files &amp; &lt;notes&gt;.</note>',
    );
    expect(xml).toContain('<note place="foot" n="2" xml:id="fn-f2" resp="#resp-project">');
    expect(xml).toContain('<gap reason="illegible" quantity="3" unit="chars"/>');
    expect(xml).toContain('<unclear reason="faded">maybe</unclear><lb/>  two  spaces  ');
    expect(xml).toContain('<seg type="proposed" cert="low">제안</seg>');
    expect(xml).toContain('<div type="translation" xml:lang="en">');
    expect(xml).toContain('<div type="translation" xml:lang="ko">');
    expect(xml).toContain('<div type="original" xml:lang="de">');
  });

  it('aligns the rows of every column through xml:id and corresp', async () => {
    const xml = await tei([kitchenSink()], ALL);
    expect(xml).toContain('<head xml:id="en-s1" corresp="#ko-s1 #wit-s1">');
    expect(xml).toContain('<p xml:id="ko-s2" corresp="#en-s2 #orig-s2 #wit-s2" ana="#row-contradicted" cert="low">');
    // Only the second row has an original-language column: only it has a row in that division.
    expect(xml).toContain(
      '<div type="original" xml:lang="de">\n        <p xml:id="orig-s2" corresp="#en-s2 #ko-s2 #wit-s2">',
    );
    expect(xml).toContain('<closer xml:id="en-s3" corresp="#ko-s3">K. Schneidewind</closer>');
    expect(xml).toContain('<closer xml:id="en-s4" corresp="#ko-s4" rend="distribution">');
  });

  it('keeps witness lines exactly, spaces and unusual characters included', async () => {
    const xml = await tei([kitchenSink()]);
    expect(xml).toContain(
      '<ab xml:id="wit-s2" corresp="#en-s2 #ko-s2" xml:space="preserve">xx 8 lP\\ t X \\ || YX<lb/>  double  spaced  <lb/><lb/>ctrl<g type="char" n="U+001B"/> and cr&#13; and ]]&gt; &amp; &lt;</ab>',
    );
    const parsed = create(xml).end({ format: 'object' });
    expect(parsed).toBeTruthy();
  });

  it('writes the metadata into the header', async () => {
    const xml = await tei([kitchenSink()]);
    for (const piece of [
      '<title type="main">A &lt;Test&gt; &amp; "Everything" Document</title>',
      '<name>A. Translator</name></respStmt>',
      '<date when="1961-05">May 1961</date>',
      '<idno type="signature">SAPMO-BA, DY 30, IV 2/20/137</idno>',
      '<ref target="https://example.org/doc?id=1&amp;x=%3Cy%3E">',
      '<textLang mainLang="de">German</textLang>',
      '<note type="citation">Citation with &lt;angle&gt; &amp; ampersand</note>',
      '<language ident="de">German (original)</language>',
    ]) {
      expect(xml).toContain(piece);
    }
  });

  it('chooses segment elements that keep any order of roles valid', () => {
    expect(segmentElements(['head', 'head', 'p', 'head', 'p', 'closer', 'distribution'])).toEqual([
      'head',
      'head',
      'p',
      'ab',
      'p',
      'closer',
      'closer',
    ]);
    expect(segmentElements(['head', 'closer'])).toEqual(['ab', 'ab']);
    expect(segmentElements(['distribution', 'p'])).toEqual(['ab', 'p']);
  });

  it('writes a whole project as a teiCorpus with ids unique across documents', async () => {
    const xml = await tei([kitchenSink('b'), kitchenSink('a')]);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<teiCorpus /);
    expect(count(xml, 'TEI')).toBe(2);
    expect(xml).toContain('xml:id="d1-en-s1"');
    expect(xml).toContain('xml:id="d2-en-s1"');
  });

  it('counts 19 supplied elements in each sample', async () => {
    for (const sample of seedDocuments()) expect(count(await tei([sample]), 'supplied')).toBe(19);
    for (const sample of annotatedSamples()) expect(count(await tei([sample]), 'supplied')).toBe(19);
  });

  it.skipIf(!requireTool('jing', 'TEI validation against tei_all.rng'))(
    'is valid TEI P5 for odd documents, the samples and a whole edition',
    async () => {
      const rolesOnly = documentFile(
        'roles',
        { title: '' },
        body([
          segment({ role: 'closer', english: text('x') }),
          segment({ role: 'head' }),
          segment({ role: 'distribution' }),
        ]),
      );
      const files: Record<string, string> = {
        'kitchen.xml': await tei([kitchenSink()], ALL),
        'kitchen-en.xml': await tei([kitchenSink()], { columns: { english: true, korean: false } }),
        'roles.xml': await tei([rolesOnly]),
        'samples.xml': await tei(annotatedSamples(), { witness: true }),
        'samples-project.xml': await tei(annotatedSamples(), ALL, PROJECT),
        'kitchen-project.xml': await tei([kitchenSink()], ALL, PROJECT),
        'provenance.xml': await tei([provenanceDocument()], ALL, PROJECT),
        'provenance-edition.xml': await tei([provenanceDocument(), kitchenSink()], ALL, PROJECT),
        ...Object.fromEntries(
          await Promise.all(annotatedSamples().map(async (d) => [`${d.id}-project.xml`, await tei([d], {}, PROJECT)])),
        ),
        ...Object.fromEntries(await Promise.all(annotatedSamples().map(async (d) => [`${d.id}.xml`, await tei([d])]))),
      };
      const paths = Object.entries(files).map(([name, xml]) => {
        const path = join(dir, name);
        writeFileSync(path, xml);
        return path;
      });
      // And random documents with every node and mark, odd characters included.
      const random = fc.sample(arbitraryDocument, { numRuns: 25, seed: 42 });
      for (const [i, doc] of random.entries()) {
        const path = join(dir, `random-${i}.xml`);
        writeFileSync(path, await tei([doc], ALL));
        paths.push(path);
      }
      const result = jing(paths);
      expect(result.errors).toBe('');
      expect(result.ok).toBe(true);
      // The harness itself: an invalid file must fail.
      const bad = join(dir, 'bad.xml');
      writeFileSync(bad, files['kitchen.xml'].replace('<closer xml:id="en-s3"', '<closer type="x" xml:id="en-s3"'));
      expect(jing([bad]).ok).toBe(false);
    },
    60_000,
  );

  it('writes the header an editor expects: publication, editorial principles, witnesses, responsibilities, history', async () => {
    const doc = kitchenSink();
    doc.updatedAt = '2024-04-30T10:00:00.000Z';
    doc.source.importedAt = '2024-03-01T09:00:00.000Z';
    const xml = await tei([doc], ALL, PROJECT);
    for (const piece of [
      '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en" xml:id="doc-kitchen-sink">',
      // The edition's title is the project's name setting, never the folder.
      '<title type="edition">East German Reports from Pyongyang</title>',
      '<respStmt xml:id="resp-translator"><resp>translation from the German original into English',
      '<respStmt xml:id="resp-project"><resp>editing, corrections, notes and the restoration of the Korean</resp><name>The Interlinea Reading Group</name></respStmt>',
      '<respStmt xml:id="resp-editor-ed1"><resp>editing</resp><persName>Hye-jin Park</persName></respStmt>',
      '<respStmt xml:id="resp-editor-ed_20_2"><resp>editing</resp><persName>Jonas Weber</persName></respStmt>',
      '<publisher>The Interlinea Reading Group</publisher>',
      '<pubPlace>Leipzig</pubPlace>',
      '<date when="2024-05-01">1 May 2024</date>',
      '<availability>\n          <licence target="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</licence>',
      '<witness xml:id="witness-original">The German original (SAPMO-BA, DY 30, IV 2/20/137)',
      '<witness xml:id="witness-english">The English translation made from the German original by the archive\'s translator (A. Translator).</witness>',
      '<witness xml:id="witness-korean">The Korean version as received: an encoding fault kept each Hangul syllable',
      '<application ident="interlinea" version="0.1.0">',
      '<correction><p>Slips of the source (OCR and typing errors) are corrected; each correction keeps the source reading',
      '<normalization><p>No text is normalised',
      '<interpretation><p>Bracket convention: text the editors or the archive translator added is &lt;supplied&gt;',
      'the witness is read through the garble model',
      '<category xml:id="row-contradicted"><catDesc>contradicted: some of the Korean does not fit the witness</catDesc></category>',
      '<change when="2024-04-30">Last edited in Interlinea.</change>',
      '<change when="2024-03-01">Imported from kitchen-sink.txt (text).</change>',
    ]) {
      expect(xml).toContain(piece);
    }
  });

  it('says when no licence is set, and dates the edition by its latest change', async () => {
    const doc = kitchenSink();
    doc.updatedAt = '2024-04-30T10:00:00.000Z';
    const xml = await tei([doc], {}, { name: 'Project' });
    expect(xml).toContain('<publisher>Project</publisher>');
    expect(xml).toContain('<date when="2024-04-30">30 April 2024</date>');
    expect(xml).toContain('<availability status="unknown">');
  });

  it('points @resp at who made each insertion, correction and note, and @change at when', async () => {
    const xml = await tei([provenanceDocument()], ALL, PROJECT);
    expect(xml).toContain('<supplied reason="clarification" resp="#resp-translator">the archive\'s</supplied>');
    expect(xml).toContain(
      '<supplied reason="variant" resp="#resp-editor-ed1" change="#change-ed1-2024-05-02">an editor\'s</supplied>',
    );
    expect(xml).toContain('<supplied reason="expansion" resp="#resp-project">unrecorded</supplied>');
    expect(xml).toContain('<corr resp="#resp-editor-ed_2e_x" change="#change-ed_2e_x-2024-05-03">fixed</corr>');
    expect(xml).toMatch(
      /<note place="foot" n="1" xml:id="fn-n1" resp="#resp-editor-ed1" change="#change-ed1-2024-05-02">/,
    );
    // An editor the project no longer lists still has a respStmt to point at.
    expect(xml).toContain(
      '<respStmt xml:id="resp-editor-ed_2e_x"><resp>editing</resp><persName>ed.x</persName></respStmt>',
    );
    expect(xml).toContain('<change xml:id="change-ed1-2024-05-02" who="#resp-editor-ed1" when="2024-05-02">');
    // Review states on every column's row, declared in their own taxonomy.
    expect(xml).toContain('<p xml:id="en-r1" corresp="#ko-r1" ana="#review-approved">');
    expect(xml).toContain('<category xml:id="review-approved"><catDesc>row approved</catDesc></category>');
    // In an edition every document's ids carry its prefix, so @resp stays inside its own TEI.
    const edition = await tei([provenanceDocument(), kitchenSink()], {}, PROJECT);
    expect(edition).toMatch(/<supplied reason="clarification" resp="#d\d-resp-translator">the archive's<\/supplied>/);
    expect(edition).toContain('<title>Edition</title>');
    expect(edition).toContain('<publisher>The Interlinea Reading Group</publisher>');
  });

  it('gives each sample editorialDecl, listWit, availability and @resp on every supplied', async () => {
    for (const sample of annotatedSamples()) {
      const xml = await tei([sample], {}, PROJECT);
      for (const tag of ['editorialDecl', 'listWit', 'availability']) expect(count(xml, tag)).toBe(1);
      expect(count(xml, 'supplied')).toBe(19);
      expect((xml.match(/<supplied reason="[a-z]+" resp="#resp-[a-z-]+"/g) ?? []).length).toBe(19);
    }
  });

  it('marks Korean that is not final with @cert and its row state', async () => {
    const xml = await tei([kitchenSink()], ALL, PROJECT);
    expect(xml).toContain('<head xml:id="ko-s1" corresp="#en-s1 #wit-s1" ana="#row-partial" cert="medium">');
    expect(xml).toContain('<p xml:id="ko-s2" corresp="#en-s2 #orig-s2 #wit-s2" ana="#row-contradicted" cert="low">');
    // A row without a witness has no state.
    expect(xml).toContain('<closer xml:id="ko-s3" corresp="#en-s3"/>');
    expect([certOf('contradicted'), certOf('proposed'), certOf('partial'), certOf('consistent'), certOf(null)]).toEqual(
      ['low', 'low', 'medium', undefined, undefined],
    );
  });
});
