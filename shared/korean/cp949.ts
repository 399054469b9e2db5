/**
 * A CP949 (Unified Hangul Code) decoder. KS X 1001 pairs (both bytes 0xA1..0xFE) are decoded
 * with the platform's `TextDecoder('euc-kr')`; the 8,822 syllables CP949 adds (lead bytes
 * 0x81..0xC6 with trail bytes 0x41..0x5A, 0x61..0x7A, 0x81..0xFE) follow the Unicode order of
 * the syllables KS X 1001 lacks, so they are computed, not tabled. Node's ICU decoder
 * lacks that extension, Chromium's has it: this keeps both runtimes the same.
 */

let ksx: Map<number, string> | null | undefined;
let extension: string[] | undefined;

/** The KS X 1001 table from the platform decoder, or null when the platform has no EUC-KR. */
function ksxTable(): Map<number, string> | null {
  if (ksx !== undefined) return ksx;
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder('euc-kr', { fatal: true });
  } catch {
    return (ksx = null);
  }
  const table = new Map<number, string>();
  const pair = new Uint8Array(2);
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      pair[0] = lead;
      pair[1] = trail;
      try {
        const ch = decoder.decode(pair);
        if (ch.length === 1 && ch !== '\ufffd') table.set((lead << 8) | trail, ch);
      } catch {
        // an unassigned pair
      }
    }
  }
  return (ksx = table);
}

/** Hangul syllables that KS X 1001 lacks, in Unicode order: CP949's extension, in code order. */
function extensionSyllables(table: Map<number, string>): string[] {
  if (extension) return extension;
  const inKsx = new Set(table.values());
  const out: string[] = [];
  for (let c = 0xac00; c <= 0xd7a3; c++) {
    const ch = String.fromCharCode(c);
    if (!inKsx.has(ch)) out.push(ch);
  }
  return (extension = out);
}

function trailIndex(trail: number, wide: boolean): number {
  if (trail >= 0x41 && trail <= 0x5a) return trail - 0x41;
  if (trail >= 0x61 && trail <= 0x7a) return 26 + trail - 0x61;
  if (trail >= 0x81 && trail <= (wide ? 0xfe : 0xa0)) return 52 + trail - 0x81;
  return -1;
}

/** Decodes CP949 bytes; undefined when they are not valid CP949 or the platform has no EUC-KR. */
export function decodeCp949(bytes: Uint8Array): string | undefined {
  const table = ksxTable();
  if (!table) return undefined;
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      continue;
    }
    const t = bytes[++i];
    if (t === undefined) return undefined;
    if (b >= 0xa1 && t >= 0xa1 && t <= 0xfe) {
      const ch = table.get((b << 8) | t);
      if (ch === undefined) return undefined;
      out += ch;
      continue;
    }
    if (b < 0x81 || b > 0xc6) return undefined;
    const wide = b <= 0xa0;
    const ti = trailIndex(t, wide);
    if (ti < 0) return undefined;
    const index = wide ? (b - 0x81) * 178 + ti : 32 * 178 + (b - 0xa1) * 84 + ti;
    const ch = extensionSyllables(table)[index];
    if (ch === undefined) return undefined;
    out += ch;
  }
  return out;
}

/** True for a Hangul syllable that KS X 1001 lacks (one of CP949's additions). */
export function isCp949Extension(ch: string): boolean {
  const table = ksxTable();
  if (!table) return false;
  const c = ch.charCodeAt(0);
  if (c < 0xac00 || c > 0xd7a3) return false;
  ksxSyllables ??= new Set(table.values());
  return !ksxSyllables.has(ch);
}

let ksxSyllables: Set<string> | undefined;
