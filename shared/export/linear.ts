/**
 * Inline rendering for the two text formats, Markdown and plain text. They
 * differ only in how text is escaped, how a footnote reference and a line break
 * look, and how a correction's letter is called; the rest (brackets,
 * corrections, gaps, unclear readings) is the same convention (see legend.ts).
 */
import type { ExportOptions } from './options';
import type { LegendEntry } from './legend';
import { OMITTED_KOREAN, sourceReading, unverifiedMark } from './legend';
import type { PreparedCorrection, PreparedSegment } from './edition';
import { readable, type InlineNode } from './walk';
import { GAP_GLYPH } from '../model/gap';

/** What differs between the text formats. */
export interface LinearStyle {
  /** Escapes text so that it reads literally (identity for plain text). */
  escape(text: string): string;
  /** A footnote reference: `[^1]` or `[1]`. */
  footnoteRef(n: number): string;
  /** The call of a noted correction's apparatus entry: `^a` or `<sup>a</sup>`. */
  correctionRef(label: string): string;
  /** A hard line break. */
  lineBreak: string;
  /** Brackets around an insertion, as written (Markdown leaves them unescaped: they are the editor's). */
  open: string;
  close: string;
  /**
   * Called with what follows an unescaped `]` (an insertion's bracket or a
   * footnote reference), to keep `](…)` from reading as a link.
   */
  afterBracket?(next: string): string;
}

/** Renders an inline tree as text. */
export function linearInline(nodes: InlineNode[], options: ExportOptions, style: LinearStyle): string {
  let out = '';
  for (const node of nodes) {
    let piece: string;
    switch (node.type) {
      case 'text':
        piece = style.escape(readable(node.text));
        break;
      case 'break':
        piece = style.lineBreak;
        break;
      case 'gap':
        piece = GAP_GLYPH.repeat(node.quantity);
        break;
      case 'unclear':
        piece = `${style.escape(readable(node.text))}(?)`;
        break;
      case 'footnote':
        piece = node.n ? style.footnoteRef(node.n) : '';
        break;
      case 'mark': {
        const inner = linearInline(node.children, options, style);
        const { mark } = node;
        if (mark.type === 'insertion') {
          piece = options.brackets ? `${style.open}${inner}${style.close}` : inner;
        } else if (mark.type === 'correction') {
          if (options.corrections === 'original') piece = style.escape(readable(mark.original));
          else if (options.corrections === 'silent') piece = inner;
          else piece = mark.label ? `${inner}${style.correctionRef(mark.label)}` : inner;
        } else piece = inner;
        break;
      }
    }
    if (style.afterBracket && endsWithBracket(out)) piece = style.afterBracket(piece);
    out += piece;
  }
  return out;
}

/** True when text ends with a `]` that is not backslash-escaped. */
function endsWithBracket(text: string): boolean {
  if (!text.endsWith(']')) return false;
  let slashes = 0;
  for (let i = text.length - 2; i >= 0 && text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 0;
}

/**
 * A Korean cell as text: `†contradicted: …` before Korean that is not verified,
 * the mark alone when such Korean is left out, else the text. Null when there is
 * nothing to print.
 */
export function linearKorean(seg: PreparedSegment, rendered: string, options: ExportOptions): string | null {
  if (!seg.unverified) return rendered || null;
  const mark = unverifiedMark(seg.unverified);
  return options.unverified === 'omit' ? `${mark} (${OMITTED_KOREAN})` : `${mark}: ${rendered}`;
}

/** One apparatus entry as text: `Kim Il Sung — the source reads: Kim II Sung`. */
export function correctionEntry(corr: PreparedCorrection): string {
  return `${readable(corr.text)} — ${sourceReading(readable(corr.original))}`;
}

/** A legend line as text: `[ ]  Square brackets enclose …`. */
export function legendLine(entry: LegendEntry): string {
  return entry.sign ? `${entry.sign}  ${entry.text}` : entry.text;
}
