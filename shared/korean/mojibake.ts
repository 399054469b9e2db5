/**
 * Repairs reversible corruptions: UTF-8 bytes read as Latin-1 or Windows-1252 (also twice),
 * and EUC-KR / CP949 bytes read as Latin-1 or Windows-1252 (`±èÀÏ¼º` → `김일성`). It works
 * run by run, so corrupted stretches inside good text are repaired and the rest is kept.
 * A run is replaced only when the decode is valid and clearly better (Korean from EUC-KR
 * must be mostly Hangul; UTF-8 must remove mojibake marks); otherwise it is left, with a reason.
 */
import { encodeCp1252, encodeLatin1, isByteChar } from './cp1252';
import { decodeCp949, isCp949Extension } from './cp949';

/** The kind of a repaired corruption. */
export type MojibakeKind = 'utf8-as-latin1' | 'utf8-as-cp1252' | 'double-utf8' | 'euckr-as-latin1' | 'euckr-as-cp1252';

/** One repaired stretch. */
export interface RepairedRun {
  /** Offsets in the input. */
  start: number;
  end: number;
  original: string;
  repaired: string;
  kind: MojibakeKind;
}

/** The result of {@link repair}. */
export interface RepairResult {
  /** The repaired text (the input itself when nothing was repaired). */
  text: string;
  changed: boolean;
  /** The kind of the first (usually only) repair. */
  kind?: MojibakeKind;
  /** What was done, or why nothing was. */
  reason: string;
  /** Every repaired stretch. */
  runs: RepairedRun[];
}

let utf8: InstanceType<typeof TextDecoder> | undefined;

function decodeUtf8(bytes: Uint8Array): string | undefined {
  utf8 ??= new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

const HANGUL = /[\uac00-\ud7a3]/g;
// Typical marks of UTF-8 read as a single-byte code page: a lead byte (Â..ô) followed by a
// continuation byte (0x80..0xBF as C1 controls, cp1252 punctuation or Latin-1 symbols).
const UTF8_MARKS =
  /[\u00c2-\u00f4][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2122]/g;
const C1_OR_REPLACEMENT = /[\u0080-\u009f\ufffd]/g;

function count(re: RegExp, s: string): number {
  return s.match(re)?.length ?? 0;
}

/** Mojibake marks in a string: UTF-8 lead/continuation pairs, C1 controls, replacement characters. */
export function mojibakeScore(s: string): number {
  return count(UTF8_MARKS, s) + count(C1_OR_REPLACEMENT, s);
}

type Attempt = { text: string; kind: MojibakeKind };

/** Tries to repair one run of byte-like characters (no ASCII letters inside). */
function repairRun(run: string): Attempt | undefined {
  const latin1 = encodeLatin1(run);
  const cp1252 = encodeCp1252(run);
  const attempts: Attempt[] = [];
  for (const [bytes, via] of [
    [latin1, 'latin1'],
    [cp1252, 'cp1252'],
  ] as const) {
    if (!bytes) continue;
    const u = decodeUtf8(bytes);
    if (u !== undefined && u !== run) {
      const again = secondUtf8(u);
      attempts.push(
        again
          ? { text: again, kind: 'double-utf8' }
          : { text: u, kind: via === 'latin1' ? 'utf8-as-latin1' : 'utf8-as-cp1252' },
      );
    }
    const k = decodeCp949(bytes);
    if (k !== undefined && k !== run)
      attempts.push({ text: k, kind: via === 'latin1' ? 'euckr-as-latin1' : 'euckr-as-cp1252' });
  }
  // A valid UTF-8 decode that removes mojibake marks is strong evidence (random bytes are
  // rarely valid UTF-8); EUC-KR, which accepts most byte pairs, is only tried without one.
  const good = attempts.filter((a) => isBetter(run, a));
  const pool = good.some((a) => !a.kind.startsWith('euckr')) ? good.filter((a) => !a.kind.startsWith('euckr')) : good;
  let best: Attempt | undefined;
  for (const a of pool) if (!best || quality(a.text) > quality(best.text)) best = a;
  return best;
}

/** The text once more decoded, when the first decode is itself UTF-8 mojibake. */
function secondUtf8(s: string): string | undefined {
  if (mojibakeScore(s) === 0) return undefined;
  for (const bytes of [encodeLatin1(s), encodeCp1252(s)]) {
    if (!bytes) continue;
    const u = decodeUtf8(bytes);
    if (u !== undefined && u !== s && mojibakeScore(u) < mojibakeScore(s)) return u;
  }
  return undefined;
}

function quality(s: string): number {
  return count(HANGUL, s) * 2 + count(/[\p{L}]/gu, s) - 3 * mojibakeScore(s);
}

function isBetter(run: string, a: Attempt): boolean {
  if (a.text.includes('\ufffd')) return false;
  if (a.kind.startsWith('euckr')) {
    // EUC-KR decodes many Latin-1 letter pairs into Hanja or symbols: only accept Korean.
    // A lone syllable made with an ASCII trail byte (CP949's extension: `Är` is one) is
    // too weak a sign; real Korean mojibake shows several syllables.
    const nonAscii = [...a.text].filter((c) => c.charCodeAt(0) >= 0x80).length;
    const hangul = count(HANGUL, a.text);
    const asciiLettersUsed = count(/[A-Za-z]/g, run) - count(/[A-Za-z]/g, a.text);
    // Real text rarely uses the 8,822 syllables CP949 added to EUC-KR; garbage decodes to them often.
    const rare = [...a.text].filter((c) => isCp949Extension(c)).length;
    return (
      nonAscii > 0 &&
      hangul / nonAscii >= 0.8 &&
      (hangul >= 2 || asciiLettersUsed === 0) &&
      asciiLettersUsed * 2 <= hangul &&
      rare <= Math.floor(hangul / 4)
    );
  }
  return mojibakeScore(a.text) < mojibakeScore(run);
}

/**
 * Finds runs that could be bytes shown as Latin-1/cp1252 text: maximal stretches of
 * non-ASCII byte-like characters, joined across single spaces and ASCII punctuation or
 * digits (EUC-KR keeps those as themselves), but never across ASCII letters.
 */
function runs(text: string): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || !isByteChar(c)) {
      i++;
      continue;
    }
    let end = i + 1;
    let j = end;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d >= 0x80 && isByteChar(d)) end = ++j;
      // CP949 extends EUC-KR with trail bytes that are ASCII letters: one may follow a lead byte.
      else if (/[A-Za-z]/.test(text[j] ?? '') && j === end && text.charCodeAt(j - 1) >= 0x81) end = ++j;
      else if (d < 0x80 && !/[A-Za-z\n\r]/.test(text[j] ?? '')) j++;
      else break;
    }
    out.push([i, end]);
    i = end;
  }
  return out;
}

/** Detects and repairs reversible mojibake; returns the text unchanged (with the reason) otherwise. */
export function repair(text: string): RepairResult {
  const repaired: RepairedRun[] = [];
  for (const [start, end] of runs(text)) {
    const original = text.slice(start, end);
    const fix = repairRun(original);
    // A run joined across spaces may mix good and bad words: fall back to word by word.
    if (!fix && /[ \d]/.test(original)) {
      for (const m of original.matchAll(/[^ ]+/g)) {
        const word = m[0];
        const w = repairRun(word);
        if (w)
          repaired.push({
            start: start + (m.index ?? 0),
            end: start + (m.index ?? 0) + word.length,
            original: word,
            repaired: w.text,
            kind: w.kind,
          });
      }
      continue;
    }
    if (fix) repaired.push({ start, end, original, repaired: fix.text, kind: fix.kind });
  }
  if (repaired.length === 0) {
    const marks = mojibakeScore(text);
    return {
      text,
      changed: false,
      reason:
        marks > 0
          ? `left unchanged: ${marks} mojibake mark(s) found, but no encoding decodes them cleanly (bytes may have been lost)`
          : 'no reversible mojibake found',
      runs: [],
    };
  }
  let out = '';
  let at = 0;
  for (const r of repaired) {
    out += text.slice(at, r.start) + r.repaired;
    at = r.end;
  }
  out += text.slice(at);
  const kinds = [...new Set(repaired.map((r) => r.kind))];
  const first = repaired[0] as RepairedRun;
  return {
    text: out,
    changed: true,
    kind: first.kind,
    reason: `repaired ${repaired.length} stretch(es): ${kinds.join(', ')}`,
    runs: repaired,
  };
}
