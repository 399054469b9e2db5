import { describe, expect, it } from 'vitest';
import {
  firstUrl,
  parseHeaderLines,
  signatureFromLine,
  titleFromCitation,
  translatorFromCitation,
} from './archive-meta';

describe('reading metadata from citations and header lines', () => {
  it('takes the quoted title of a citation, with the comma inside or outside the quotes', () => {
    expect(titleFromCitation('"Note about a Conversation with Comrade Puzanov," August 30, 1960, ...')).toBe(
      'Note about a Conversation with Comrade Puzanov',
    );
    expect(titleFromCitation('"Information About the Policy", June 20, 1963')).toBe('Information About the Policy');
    expect(titleFromCitation('“Curly Title,” May 1, 1961')).toBe('Curly Title');
  });

  it('finds the translator, with or without the program, with initials', () => {
    expect(translatorFromCitation('IV 2/20/137. Translated for NKIDP by Bernd Schaefer.')).toBe('Bernd Schaefer');
    expect(translatorFromCitation('Obtained by X. Translated by J. R. Smith.')).toBe('J. R. Smith');
    expect(translatorFromCitation('No translator named.')).toBe('');
  });

  it('finds the URL and the archival signature', () => {
    expect(firstUrl('Translated by X. https://example.org/document/110118.')).toBe(
      'https://example.org/document/110118',
    );
    expect(signatureFromLine('SED Central Committee Archival Signature: SAPMO-BA, Berlin, DY 30, IV A 2/20/250')).toBe(
      'SAPMO-BA, Berlin, DY 30, IV A 2/20/250',
    );
  });

  it('reads labelled fields from the header, the value on the same or the next line', () => {
    const { meta } = parseHeaderLines([
      'Original Language:',
      'German',
      'Summary: A short description of the document.',
      'Search in',
    ]);
    expect(meta).toMatchObject({ originalLanguage: 'German', summary: 'A short description of the document.' });
  });
});
