/**
 * Auto-fill: a first restoration proposed from what the witness already proves: dates
 * (`1960D 8 30|` is `1960년 8월 30일`), digits, Latin text, punctuation, and glossary forms
 * whose garble is found at that place and nowhere else in the glossary. Everything else
 * becomes a gap placeholder that {@link check} accepts as a wildcard.
 *
 * Latin letters in a witness are ambiguous: real Latin text (`SAPMO-BA`, `DY`, `IV`) passes
 * through the garble unchanged, but so do the low bytes of Hangul syllables (`XxTmt` is five
 * syllables). Nothing in the witness tells them apart, so a Latin run is proposed only with
 * outside evidence: the aligned English text has it as a token (case-sensitive), as it has
 * the archival signature and abbreviations that a translation keeps in Latin letters.
 */
import { garbleLine } from './garble';
import { nounEndings } from './endings';
import type { GlossaryEntry } from './types';
import { GAP_GLYPH } from '../model/gap';

/** The placeholder between proposals: the archive's own mark for illegible text (its garble vanishes). */
export const AUTOFILL_GAP = GAP_GLYPH;

/** One proposed piece of a restoration line. */
export interface AutofillSegment {
  /** Line index. */
  line: number;
  /** Offsets of the proposal in the proposed line text. */
  start: number;
  end: number;
  /** The proposed text. */
  text: string;
  /** The witness columns it explains. */
  witnessStart: number;
  witnessEnd: number;
  /** Why it is proposed. */
  kind: 'date' | 'digits' | 'latin' | 'punctuation' | 'glossary';
  /** Always true: the UI shows it as proposed until the translator accepts it. */
  proposed: true;
  /** For glossary proposals: the entry id. */
  entryId?: string;
}

/** What auto-fill may know besides the witness. */
export interface AutofillContext {
  /**
   * The aligned English text of the segment (plain text). A Latin letter run of the witness
   * is proposed only when this text has it as a token; without it, none is.
   */
  english?: string;
}

/** The auto-fill of a witness. */
export interface AutofillResult {
  /** One proposed restoration line per witness line ('' when nothing is proven). */
  lines: string[];
  /** The proposals, with their ranges. */
  segments: AutofillSegment[];
  /** The placeholder used for unrestored stretches (pass it to check as `wildcard`). */
  gap: string;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

type Proposal = { from: number; to: number; text: string; kind: AutofillSegment['kind']; entryId?: string };

const DIGITS = /^\d+(?:[.,/:-]\d+)*[.,;:)]?$/;
const LATIN = /^[A-Za-z][A-Za-z.'-]*[A-Za-z.]?[,.;:]?$/;
const PUNCT = /^[.,:;!?]$/;

/** Proposes a prefill for each witness line. */
export function autofill(
  witnessLines: string[],
  glossary: GlossaryEntry[] = [],
  context: AutofillContext = {},
): AutofillResult {
  const forms = glossaryForms(glossary);
  const latin = latinEvidence(context.english ?? '');
  const lines: string[] = [];
  const segments: AutofillSegment[] = [];
  witnessLines.forEach((witness, lineIndex) => {
    const tokens = tokenize(witness);
    const proposals = propose(tokens, forms, latin);
    let text = '';
    let t = 0;
    for (const p of proposals) {
      if (p.from > t) text = join(text, AUTOFILL_GAP);
      const start = text ? text.length + 1 : 0;
      text = join(text, p.text);
      const seg: AutofillSegment = {
        line: lineIndex,
        start,
        end: start + p.text.length,
        text: p.text,
        witnessStart: tokens[p.from]?.start ?? 0,
        witnessEnd: tokens[p.to - 1]?.end ?? 0,
        kind: p.kind,
        proposed: true,
      };
      if (p.entryId) seg.entryId = p.entryId;
      segments.push(seg);
      t = p.to;
    }
    if (proposals.length > 0 && t < tokens.length) text = join(text, AUTOFILL_GAP);
    lines.push(text);
  });
  return { lines, segments, gap: AUTOFILL_GAP };
}

function join(a: string, b: string): string {
  return a ? `${a} ${b}` : b;
}

function tokenize(line: string): Token[] {
  const out: Token[] = [];
  const re = /[^ ]+/g;
  for (let m = re.exec(line); m; m = re.exec(line))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The Latin tokens of the English text, for {@link isEvidentlyLatin}: every maximal run of
 * letters, digits and the marks inside words (`SAPMO-BA`, `U.S.`), with and without a final
 * full stop.
 */
function latinEvidence(english: string): Set<string> {
  const tokens = new Set<string>();
  for (const m of english.matchAll(/[A-Za-z0-9](?:[A-Za-z0-9.'-]*[A-Za-z0-9.])?/g)) {
    tokens.add(m[0]);
    tokens.add(m[0].replace(/\.+$/, ''));
  }
  return tokens;
}

/** A witness token is Latin text when the English has it (without trailing punctuation) as a token. */
function isEvidentlyLatin(tok: string, english: Set<string>): boolean {
  if (!LATIN.test(tok) || !/[A-Za-z].*[A-Za-z]/.test(tok)) return false;
  return english.has(tok) || english.has(tok.replace(/[,.;:]$/, ''));
}

function propose(
  tokens: Token[],
  forms: Map<string, { text: string; entryId: string; bare: boolean }[]>,
  english: Set<string>,
): Proposal[] {
  const out: Proposal[] = [];
  const proven = new Array<boolean>(tokens.length).fill(false);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]?.text ?? '';
    // 1960D 8 30| = 1960년 8월 30일: 년 keeps D, 월 vanishes, 일 keeps |.
    const year = /^(\d{4})D$/.exec(tok);
    if (year) {
      const month = /^(\d{1,2})$/.exec(tokens[i + 1]?.text ?? '');
      const day = /^(\d{1,2})\|$/.exec(tokens[i + 2]?.text ?? '');
      if (month && day) {
        out.push({ from: i, to: i + 3, text: `${year[1]}년 ${month[1]}월 ${day[1]}일`, kind: 'date' });
        i += 2;
      } else out.push({ from: i, to: i + 1, text: `${year[1]}년`, kind: 'date' });
      continue;
    }
    const glossary = i < tokens.length ? glossaryAt(tokens, i, forms) : undefined;
    if (glossary) {
      out.push(glossary);
      i = glossary.to - 1;
      continue;
    }
    const latin = isEvidentlyLatin(tok, english);
    const digits = DIGITS.test(tok) && (tok.replace(/\D/g, '').length >= 2 || /[/:.-]\d/.test(tok));
    if (latin || digits) {
      out.push({ from: i, to: i + 1, text: tok, kind: digits ? 'digits' : 'latin' });
      proven[i] = true;
      continue;
    }
    // A single digit next to a proven token continues a reference (`DY 3, IV 2/20/137`).
    if (/^\d[,.]?$/.test(tok) && proven[i - 1]) {
      out.push({ from: i, to: i + 1, text: tok, kind: 'digits' });
      proven[i] = true;
      continue;
    }
    // Stand-alone sentence punctuation, and brackets that open or close the line.
    if (PUNCT.test(tok) || (tok === '[' && i === 0) || (tok === ']' && i === tokens.length - 1)) {
      out.push({ from: i, to: i + 1, text: tok, kind: 'punctuation' });
    }
  }
  return out;
}

function glossaryAt(
  tokens: Token[],
  i: number,
  forms: Map<string, { text: string; entryId: string; bare: boolean }[]>,
): Proposal | undefined {
  for (let span = Math.min(3, tokens.length - i); span >= 1; span--) {
    const chunk = tokens
      .slice(i, i + span)
      .map((t) => t.text)
      .join(' ');
    if (chunk.replace(/[^!-~]/g, '').length < 2) continue;
    const hits = forms.get(chunk);
    if (!hits) continue;
    const entries = new Set(hits.map((h) => h.entryId));
    const bases = new Set(hits.map((h) => h.text.slice(0, baseLength(h))));
    if (entries.size !== 1 || bases.size !== 1) continue;
    const best = hits.find((h) => h.bare) ?? hits[0];
    if (!best) continue;
    return { from: i, to: i + span, text: best.text, kind: 'glossary', entryId: best.entryId };
  }
  return undefined;
}

function baseLength(h: { text: string; bare: boolean; base?: string }): number {
  return h.base?.length ?? h.text.length;
}

/** Every glossary Korean form, bare and with each particle, keyed by its garble. */
function glossaryForms(
  glossary: GlossaryEntry[],
): Map<string, { text: string; entryId: string; bare: boolean; base: string }[]> {
  const map = new Map<string, { text: string; entryId: string; bare: boolean; base: string }[]>();
  for (const entry of glossary) {
    for (const ko of entry.ko) {
      // A form must prove itself: its own garble (not just its particle's) must show at least
      // two characters, or any name that vanishes would match any particle.
      if (garbleLine(ko).replace(/ /g, '').length < 2) continue;
      for (const e of nounEndings(ko)) {
        const text = ko + e.text;
        const key = garbleLine(text);
        if (!key) continue;
        const list = map.get(key) ?? [];
        if (!list.some((x) => x.text === text)) list.push({ text, entryId: entry.id, bare: e.text === '', base: ko });
        map.set(key, list);
      }
    }
  }
  for (const list of map.values()) list.sort((a, b) => Number(b.bare) - Number(a.bare));
  return map;
}
