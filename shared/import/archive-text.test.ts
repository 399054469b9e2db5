import { describe, expect, it } from 'vitest';
import { importFile } from './import-file';
import { importArchiveText } from './archive-text';
import { fileOf, fixtures, insertionsIn, rowsOf, validate, witnessLinesOf } from './fixtures';
import type { ImportedDocument } from '../model/document';

function imported(): { document: ImportedDocument; warnings: string[] } {
  const result = importFile(fileOf(fixtures.seed1960), { now: new Date('2024-01-02T03:04:05Z') });
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** The seed's Korean section: the lines after `Korean HTML`, without leading and trailing blank lines. */
function koreanSection(): string[] {
  const lines = fixtures.seed1960.text.split('\n');
  const section = lines.slice(lines.indexOf('Korean HTML') + 1);
  while (section[0].trim() === '') section.shift();
  while (section[section.length - 1].trim() === '') section.pop();
  return section;
}

describe('the archive plain-text page (1960 seed)', () => {
  it('is read from the very bytes of the seed', () => {
    expect(fileOf(fixtures.seed1960).bytes.length).toBe(7494);
  });

  it('reads the metadata: title from the citation, ISO date, signature, translator, summary, credits', () => {
    const { meta } = imported().document;
    expect(meta.title).toBe('Note about a Conversation in the Soviet Embassy with Comrade Puzanov');
    expect(meta.date).toBe('1960-08-30');
    expect(meta.signature).toBe('SAPMO-BA, DY 30, IV 2/20/137');
    expect(meta.translator).toBe('Bernd Schaefer');
    expect(meta.citation).toMatch(
      /^"Note about a Conversation .* IV 2\/20\/137\. Translated for NKIDP by Bernd Schaefer\.$/,
    );
    expect(meta.summary).toMatch(
      /^The ambassadors of the Soviet Union and East Germany .* policy towards South Korea\.$/,
    );
    expect(meta.credits).toBe('This document was made possible with support from the ROK Ministry of Unification');
    expect(meta.originalLanguage).toBe(''); // the page does not state it
    expect(meta.sourceUrl).toBe('');
  });

  it('records where the document came from', () => {
    const { source } = imported().document;
    expect(source).toMatchObject({
      file: fixtures.seed1960.name,
      format: 'text',
      importedAt: '2024-01-02T03:04:05.000Z',
    });
  });

  it('imports without warnings', () => {
    expect(imported().warnings).toEqual([]);
  });

  it('gives the heading lines, paragraphs, signature block and distribution list their roles', () => {
    const rows = rowsOf(imported().document);
    const short = (s: string) => (s.length <= 80 ? s : `${s.slice(0, 30)}…`);
    expect(rows.map((r) => [r.role, short(r.english)])).toEqual([
      ['head', 'SED Central Committee'],
      ['head', 'Department of International Relations'],
      ['head', 'Archival Signature: SAPMO-BA, DY 30, IV 2/20/137'],
      ['head', 'GDR Embassy in DPRK'],
      ['head', 'Pyongyang, 30 August 1960'],
      ['head', 'about a Conversation in the Soviet Embassy with Comrade Puzanov'],
      ['p', 'I provided Comrade Puzanov wit…'],
      ['p', 'When discussing the course of …'],
      ['p', 'In order to make policy toward…'],
      ['p', 'Furthermore, Comrade Puzanov t…'],
      ['p', 'Comrade Puzanov promised to in…'],
      ['p', 'The conversation was trusting …'],
      ['closer', 'K. Schneidewind'],
      ['closer', 'GDR Ambassador'],
      ['distribution', '3x Deputy Foreign Minister Ambassador Comrade Schwab'],
      ['distribution', '(maybe 1 copy to Section Far East and Comrade Florin)'],
      ['distribution', '1x Ambassador Pyongyang'],
    ]);
  });

  it('turns the 19 bracketed passages of the English into insertion marks, leaving no literal brackets', () => {
    const { document } = imported();
    expect(insertionsIn(document)).toBe(19);
    expect(rowsOf(document).some((r) => /[[\]]/.test(r.english))).toBe(false);
  });

  it('drops the page chrome from the body', () => {
    const english = rowsOf(imported().document).map((r) => r.english);
    for (const chrome of [
      'Search in',
      'Digital Archive',
      'Citation',
      'get citation',
      'share document',
      'English HTML',
      'Korean HTML',
      'This document was made possible',
    ]) {
      expect(english.some((line) => line.includes(chrome))).toBe(false);
    }
  });

  it('keeps the Korean section byte for byte in source.witness, blank lines included', () => {
    expect(imported().document.source.witness).toEqual(koreanSection());
  });

  it('attaches every non-blank witness line to a row, in order, none lost', () => {
    expect(witnessLinesOf(imported().document)).toEqual(koreanSection().filter((line) => line.trim() !== ''));
  });

  it('aligns each witness line with its English row', () => {
    const aligned = rowsOf(imported().document)
      .filter((r) => r.witness.length)
      .map((r) => [r.witness.join(' | ').slice(0, 20), r.english.slice(0, 35)]);
    expect(aligned).toEqual([
      ['|| Y', 'SED Central Committee'],
      ['8 : SAPMO-BA, DY 30,', 'Archival Signature: SAPMO-BA, DY 30'],
      ['[ |Tm ]', 'GDR Embassy in DPRK'],
      ['1960D 8 30|', 'Pyongyang, 30 August 1960'],
      ['( xx @X T]', 'about a Conversation in the Soviet '],
      ['xx 8 lP\\ t X \\ || YX', 'I provided Comrade Puzanov with a t'],
    ]);
    const department = rowsOf(imported().document).find((r) => r.english === 'Department of International Relations');
    expect(department?.witness).toEqual([]);
  });

  it('produces a body that passes the document file validation', () => {
    expect(validate(imported().document)).toMatchObject({ ok: true });
  });

  it('imports a page whose Korean version is missing, with empty witness', () => {
    const text = fixtures.seed1960.text.slice(0, fixtures.seed1960.text.indexOf('Korean HTML'));
    const result = importArchiveText(text, 'no-korean.txt');
    if (!result.ok) throw new Error(result.error);
    expect(result.document.source.witness).toEqual([]);
    expect(witnessLinesOf(result.document)).toEqual([]);
    expect(insertionsIn(result.document)).toBe(19);
  });

  it('leaves out a version in another language, with a warning', () => {
    const text = fixtures.seed1960.text.replace('Korean HTML', 'German HTML');
    const result = importArchiveText(text, 'german.txt');
    if (!result.ok) throw new Error(result.error);
    expect(result.document.source.witness).toEqual([]);
    expect(result.warnings).toEqual([
      'the german version of the page was left out (only English and Korean are imported)',
    ]);
  });

  it('reads the page the same with Windows line breaks', () => {
    const crlf = fixtures.seed1960.text.replace(/\n/g, '\r\n');
    const result = importFile({ name: 'crlf.txt', bytes: new TextEncoder().encode(crlf) });
    if (!result.ok) throw new Error(result.error);
    expect(rowsOf(result.document)).toEqual(rowsOf(imported().document));
    expect(result.document.source.witness).toEqual(koreanSection());
  });
});
