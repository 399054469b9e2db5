/**
 * Windows-1252 as browsers decode it (WHATWG): bytes 0x80..0x9F map to the characters below,
 * and the five bytes Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1
 * control of the same number. Latin-1 is the identity on 0x00..0xFF.
 */

// Code points of bytes 0x80..0x9F; 0 marks the undefined ones (decoded as U+0080 + n).
const HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

const TO_BYTE = new Map<number, number>();
HIGH.forEach((cp, i) => TO_BYTE.set(cp || 0x80 + i, 0x80 + i));

/** Encodes text as Latin-1 bytes, or returns undefined if a character is above U+00FF. */
export function encodeLatin1(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return undefined;
    out[i] = c;
  }
  return out;
}

/** Encodes text as Windows-1252 bytes (WHATWG mapping), or undefined if a character has no byte. */
export function encodeCp1252(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : TO_BYTE.get(c);
    if (b === undefined) return undefined;
    out[i] = b;
  }
  return out;
}

/** Decodes Windows-1252 bytes (WHATWG mapping). */
export function decodeCp1252(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] || b : b);
  return s;
}

/** True when the character can be a byte read as Latin-1 or Windows-1252. */
export function isByteChar(c: number): boolean {
  return c <= 0xff || TO_BYTE.has(c);
}
