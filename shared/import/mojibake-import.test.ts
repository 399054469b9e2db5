import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { importFile } from './import-file';
import { plainText, segmentsOf, columnOf, witnessOf } from '../model/build';

const encoder = new TextEncoder();

/** Bytes of `text` in `encoding`, mis-read as Latin-1, then saved again as UTF-8. */
function misread(text: string, encoding: 'utf-8' | 'euc-kr'): string {
  return iconv.decode(iconv.encode(text, encoding), 'latin1');
}

function page(english: string, witness: string): Uint8Array {
  return encoder.encode(
    ['Search in', '', 'August 30, 1960', '', 'English HTML', '', 'A note', '', english, '', 'Korean HTML', '', witness, ''].join('\n'),
  );
}

describe('importing text with reversible mojibake', () => {
  it('repairs EUC-KR read as Latin-1 and records the repair in the source notes', () => {
    const result = importFile({ name: 'note.txt', bytes: page(`Comrade ${misread('김일성', 'euc-kr')} said so.`, '1960D 8 30|') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const english = segmentsOf(result.document.body).map((s) => plainText(columnOf(s, 'english')?.content)).join('\n');
    expect(english).toContain('Comrade 김일성 said so.');
    expect(result.document.source.notes.join('\n')).toMatch(/repaired encoding: .*euckr-as-latin1/);
  });

  it('repairs UTF-8 read as Latin-1', () => {
    const result = importFile({ name: 'note.txt', bytes: page(`The ${misread('조선로동당', 'utf-8')} plenum.`, '1960D 8 30|') });
    expect(result.ok && JSON.stringify(result.document.body)).toContain('조선로동당');
  });

  it('never touches the lossy witness or clean text, and notes nothing then', () => {
    const witness = '8 : SAPMO-BA, DY 30, IV 2/20/137 ( xx @X T] ±';
    const result = importFile({ name: 'note.txt', bytes: page('Grüße aus Berlin, naïve café, 50 €.', witness) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(segmentsOf(result.document.body).flatMap(witnessOf)).toEqual([witness]);
    expect(JSON.stringify(result.document.body)).toContain('Grüße aus Berlin, naïve café, 50 €.');
    expect(result.document.source.notes).toEqual([]);
  });
});
