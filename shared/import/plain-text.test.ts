import { describe, expect, it } from 'vitest';
import { importFile } from './import-file';
import { insertionsIn, rowsOf, validate } from './fixtures';
import type { ImportedDocument } from '../model/document';

function plain(name: string, text: string): { document: ImportedDocument; warnings: string[] } {
  const result = importFile({ name, bytes: new TextEncoder().encode(text) });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('generic plain UTF-8 text', () => {
  it('makes one row per paragraph, joining hard-wrapped lines, with a short first line as title', () => {
    const { document } = plain(
      'notes.txt',
      'Conversation with the Ambassador\n\nThe ambassador said that the\ndelegation [from Berlin] would arrive\nsoon.\n\nHe then left.\n',
    );
    expect(document.meta.title).toBe('Conversation with the Ambassador');
    expect(document.source.format).toBe('plain');
    expect(rowsOf(document).map((r) => [r.role, r.english])).toEqual([
      ['head', 'Conversation with the Ambassador'],
      ['p', 'The ambassador said that the delegation from Berlin would arrive soon.'],
      ['p', 'He then left.'],
    ]);
    expect(insertionsIn(document)).toBe(1);
    expect(validate(document)).toMatchObject({ ok: true });
  });

  it('takes the title from the file name when the text starts with a sentence, and the date from its ISO prefix', () => {
    const { document, warnings } = plain('1961-05-03-telegram_from_pyongyang.txt', 'The talks went well.\n');
    expect(document.meta).toMatchObject({ title: 'Telegram from pyongyang', date: '1961-05-03' });
    expect(warnings).toEqual([]);
  });

  it('reads a date line near the top, and warns when there is no date at all', () => {
    expect(plain('a.txt', 'Report\n\nMay 3, 1961\n\nText.').document.meta.date).toBe('1961-05-03');
    expect(plain('b.txt', 'Report\n\nText.').warnings).toEqual(['no date found']);
  });

  it('keeps Korean text and the OCR box as they are, the box as a gap', () => {
    const { document } = plain('k.txt', '김일성 동지 □□ 만세');
    expect(rowsOf(document)[0].english).toBe('김일성 동지 □□ 만세');
    expect(JSON.stringify(document.body)).toContain('"type":"gap"');
  });
});
