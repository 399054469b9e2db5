/**
 * Bytes to text, refusing what is not a text document: empty files, files over
 * the size limit, binary files and invalid UTF-8. Pure: only `TextDecoder`.
 */

/** Largest file the importer accepts: 20 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Decoded text, or the reason the bytes are not an importable text. */
export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; notes: string[] }
  | { ok: false; reason: string };

/** Known binary formats by their first bytes. */
const MAGIC: { name: string; bytes: number[] }[] = [
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a ZIP archive (or a Word/OpenDocument file)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'an xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'an old Word/Excel (OLE) file', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'a TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'a TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'an executable (ELF)', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
];

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/** Names the binary format the bytes start with, if it is a known one. */
export function binaryMagic(bytes: Uint8Array): string | null {
  for (const magic of MAGIC) if (startsWith(bytes, magic.bytes)) return magic.name;
  return null;
}

/** True when the bytes are nothing but ASCII white space (after an optional UTF-8 BOM). */
function onlyAsciiWhitespace(bytes: Uint8Array): boolean {
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c) return false;
  }
  return true;
}

/**
 * Share of control bytes (C0 other than tab, line feed, form feed, carriage
 * return and escape, plus DEL) in the first 64 KiB. Text has almost none.
 */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) return 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) count++;
  }
  return count / n;
}

/**
 * Offset of the first byte that makes the input invalid UTF-8, or -1 when it is
 * valid. Used only to explain a failure, so it favours clarity over speed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function hex(b: number | undefined): string {
  return b === undefined ? 'end of file' : `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Line breaks as `\n` only (CRLF and lone CR are both used by archive exports). */
function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * Checks and decodes the bytes of an imported file, in this order: empty (no bytes,
 * or only white space), larger than {@link MAX_IMPORT_BYTES}, binary (a known
 * magic number, NUL bytes, or many control characters), invalid UTF-8. UTF-16 with a
 * byte order mark is decoded; a UTF-8 byte order mark is dropped. Line breaks come
 * back as `\n`.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty (0 bytes)' };
  if (onlyAsciiWhitespace(bytes)) return { ok: false, reason: 'the file is empty (it holds only white space)' };
  if (bytes.length > MAX_IMPORT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return { ok: false, reason: `the file is too large (${mb} MB; the limit is 20 MB)` };
  }
  const magic = binaryMagic(bytes);
  if (magic) return { ok: false, reason: `this is ${magic}, not a text document` };

  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { ok: false, reason: 'the file is UTF-32 text, which is not supported; save it as UTF-8' };
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : null;
  if (utf16) {
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      return {
        ok: false,
        reason: `the file starts with a ${utf16.toUpperCase()} byte order mark but is not valid ${utf16.toUpperCase()}`,
      };
    }
    if (text.trim() === '') return { ok: false, reason: 'the file is empty (it holds only white space)' };
    return { ok: true, text: normaliseNewlines(text), encoding: utf16, notes: [`decoded from ${utf16.toUpperCase()}`] };
  }

  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: `this is a binary file, not text (NUL byte at offset ${nul})` };
  const share = controlShare(bytes);
  if (share > 0.1) {
    return { ok: false, reason: `this is a binary file, not text (${Math.round(share * 100)}% control characters)` };
  }

  let text: string;
  try {
    // TextDecoder drops a leading UTF-8 BOM by itself (ignoreBOM defaults to false).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where = at >= 0 ? ` (byte ${hex(bytes[at])} at offset ${at})` : '';
    return { ok: false, reason: `the file is not valid UTF-8${where}; save it as UTF-8 and import it again` };
  }
  if (text.trim() === '') return { ok: false, reason: 'the file is empty (it holds only white space)' };
  return { ok: true, text: normaliseNewlines(text), encoding: 'utf-8', notes: [] };
}
