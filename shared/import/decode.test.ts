import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8, MAX_IMPORT_BYTES } from './decode';
import { importFile } from './import-file';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);

function errorOf(name: string, data: Uint8Array): string {
  const result = importFile({ name, bytes: data });
  if (result.ok) throw new Error(`expected ${name} to be refused`);
  return result.error;
}

describe('refusing files that are not text documents', () => {
  it('refuses an empty file, naming the file and saying it is empty', () => {
    expect(errorOf('empty.txt', new Uint8Array(0))).toBe('empty.txt: the file is empty (0 bytes)');
  });

  it('refuses a file of only white space as empty', () => {
    expect(errorOf('blank.txt', utf8('  \n\t\r\n  \n'))).toMatch(
      /^blank\.txt: the file is empty \(it holds only white space\)/,
    );
  });

  it('refuses white space behind a byte order mark, and Unicode white space, as empty', () => {
    expect(errorOf('bom.txt', bytes(0xef, 0xbb, 0xbf, 0x20, 0x0a))).toMatch(/^bom\.txt: the file is empty/);
    expect(errorOf('ideographic.txt', utf8('\u3000\u00a0\n'))).toMatch(/^ideographic\.txt: the file is empty/);
  });

  it('refuses a file over 20 MB, saying how large it is', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    expect(errorOf('huge.txt', big)).toBe('huge.txt: the file is too large (20.0 MB; the limit is 20 MB)');
  });

  it('accepts a file of exactly 20 MB', () => {
    const limit = new Uint8Array(MAX_IMPORT_BYTES).fill(0x61);
    expect(decodeText(limit).ok).toBe(true);
  });

  it('refuses a PNG image by its signature', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52);
    expect(errorOf('scan.png', png)).toBe('scan.png: this is a PNG image, not a text document');
  });

  it.each([
    ['document.pdf', [...utf8('%PDF-1.7\n%âãÏÓ\n')], 'a PDF document'],
    ['edition.docx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'a ZIP archive (or a Word/OpenDocument file)'],
    ['photo.jpg', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'a JPEG image'],
  ])('refuses %s as %s', (name, data, what) => {
    expect(errorOf(name, new Uint8Array(data))).toBe(`${name}: this is ${what}, not a text document`);
  });

  it('refuses a binary file with NUL bytes, naming the offset', () => {
    expect(errorOf('data.bin', bytes(0x41, 0x42, 0x00, 0x43))).toBe(
      'data.bin: this is a binary file, not text (NUL byte at offset 2)',
    );
  });

  it('refuses a binary file made mostly of control characters', () => {
    const data = new Uint8Array(1000).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(errorOf('noise.dat', data)).toMatch(
      /^noise\.dat: this is a binary file, not text \(\d+% control characters\)$/,
    );
  });

  it('refuses invalid UTF-8, naming the bad byte and its offset', () => {
    // Latin-1 "Müller": 0xFC is not UTF-8.
    expect(errorOf('latin1.txt', bytes(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72))).toBe(
      'latin1.txt: the file is not valid UTF-8 (byte 0xFC at offset 1); save it as UTF-8 and import it again',
    );
  });

  it('finds the first invalid UTF-8 byte after valid multi-byte text', () => {
    const data = new Uint8Array([...utf8('김일성 '), 0xe2, 0x28, 0xa1]);
    expect(firstInvalidUtf8(data)).toBe(10);
    expect(firstInvalidUtf8(utf8('김일성 □ “quoted”'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // an encoded surrogate
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0); // an overlong slash
  });
});

describe('decoding text', () => {
  it('drops a UTF-8 byte order mark', () => {
    const result = decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8('Title\n')));
    expect(result).toMatchObject({ ok: true, text: 'Title\n', encoding: 'utf-8' });
  });

  it('decodes UTF-16 little- and big-endian text with a byte order mark, and notes it', () => {
    const le = bytes(0xff, 0xfe, 0x41, 0x00, 0x00, 0xac, 0x0a, 0x00);
    const be = bytes(0xfe, 0xff, 0x00, 0x41, 0xac, 0x00, 0x00, 0x0a);
    expect(decodeText(le)).toEqual({ ok: true, text: 'A가\n', encoding: 'utf-16le', notes: ['decoded from UTF-16LE'] });
    expect(decodeText(be)).toEqual({ ok: true, text: 'A가\n', encoding: 'utf-16be', notes: ['decoded from UTF-16BE'] });
  });

  it('refuses UTF-16 that breaks off in the middle of a character', () => {
    expect(errorOf('odd.txt', bytes(0xff, 0xfe, 0x41, 0x00, 0x42))).toMatch(/^odd\.txt: .*not valid UTF-16LE/);
  });

  it('turns CRLF and CR line breaks into LF', () => {
    expect(decodeText(utf8('a\r\nb\rc\n'))).toMatchObject({ ok: true, text: 'a\nb\nc\n' });
  });

  it('keeps a few stray control characters in otherwise normal text', () => {
    expect(decodeText(utf8('Page one\fPage two\n')).ok).toBe(true);
  });
});
