/**
 * An XML writer for the TEI exporter, with a cursor so the exporter reads top to
 * bottom: open an element with its attributes, write its content, close it.
 *
 * It escapes every character itself and writes straight into a list of string
 * pieces, joined once at the end (linear in the output). It replaced xmlbuilder2's
 * document tree, which leaves anything that looks like an entity reference
 * unescaped by design (`R&D;`, `&lt;` written as typed: an ill-formed file, or a
 * literal `&lt;` read back as `<`; issue 11) and was the slowest exporter.
 *
 * Escaping, the whole of it:
 * - text: `&` `<` `>` always; a carriage return as `&#13;` (a parser would turn
 *   a raw one into a line feed);
 * - attributes: also `"`, and tab, line feed and carriage return as character
 *   references (attribute-value normalisation would turn them into spaces);
 * - characters XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, U+FFFE,
 *   U+FFFF, lone surrogates): in text where TEI allows it, a `<g type="char"
 *   n="U+001B"/>` that the importer reads back as the character (witness lines
 *   survive byte for byte); in attributes and in the header's plain fields, which
 *   cannot hold an element, U+FFFD. Both are counted and reported ({@link report}).
 */
import { XML_UNSAFE, codePointLabel } from './tei-names';

/** Attribute values; `undefined` and `''` leave the attribute out. */
export type XmlAttrs = Record<string, string | undefined>;

/** How {@link XmlWriter.text} keeps characters XML cannot carry. */
export type UnsafePolicy = 'glyph' | 'replace';

/** Characters XML cannot carry, and what the writer did with them. */
export interface UnsafeReport {
  /** Written as `<g type="char" n="U+XXXX"/>` (lossless), by code point label. */
  glyphs: Map<string, number>;
  /** Replaced by U+FFFD (attributes, header fields), by code point label. */
  replaced: Map<string, number>;
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
};
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<>"\t\n\r]/g;
const HAS_UNSAFE = new RegExp(XML_UNSAFE.source);

/** Writes one XML document, start to end. */
export class XmlWriter {
  private readonly out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  /** Names of the open elements; `pending` is true while the last start tag lacks its `>`. */
  private readonly stack: string[] = [];
  private pending = false;
  readonly report: UnsafeReport = { glyphs: new Map(), replaced: new Map() };

  /** Opens an element (with an `xmlns` declaration when `namespace` is given). */
  open(name: string, attrs: XmlAttrs = {}, namespace?: string): this {
    this.finishTag();
    let tag = `<${name}`;
    if (namespace) tag += ` xmlns="${this.attrValue(namespace)}"`;
    for (const [key, value] of Object.entries(attrs)) if (value) tag += ` ${key}="${this.attrValue(value)}"`;
    this.out.push(tag);
    this.stack.push(name);
    this.pending = true;
    return this;
  }

  close(): this {
    const name = this.stack.pop();
    if (name === undefined) return this;
    if (this.pending) {
      this.out.push('/>');
      this.pending = false;
    } else this.out.push(`</${name}>`);
    return this;
  }

  /**
   * Text content. Characters XML cannot carry become `<g type="char"
   * n="U+XXXX"/>` (`glyph`, where the element allows `<g>`) or U+FFFD (`replace`).
   */
  text(value: string, unsafe: UnsafePolicy = 'glyph'): this {
    if (!value) return this;
    this.finishTag();
    if (!HAS_UNSAFE.test(value)) {
      this.out.push(escapeText(value));
      return this;
    }
    let last = 0;
    for (const match of value.matchAll(XML_UNSAFE)) {
      const at = match.index ?? 0;
      if (at > last) this.out.push(escapeText(value.slice(last, at)));
      const label = codePointLabel(match[0].charCodeAt(0));
      if (unsafe === 'glyph') {
        count(this.report.glyphs, label);
        this.out.push(`<g type="char" n="${label}"/>`);
      } else {
        count(this.report.replaced, label);
        this.out.push('\uFFFD');
      }
      last = at + match[0].length;
    }
    if (last < value.length) this.out.push(escapeText(value.slice(last)));
    return this;
  }

  /** A line break and indentation: only between block elements, never inside text. */
  nl(depth: number): this {
    this.finishTag();
    this.out.push('\n' + '  '.repeat(depth));
    return this;
  }

  /** An element on its own line at `depth`, with text content or content written by `body`. */
  block(depth: number, name: string, attrs: XmlAttrs = {}, body?: string | (() => void), unsafe?: UnsafePolicy): this {
    this.nl(depth).open(name, attrs);
    if (typeof body === 'string') this.text(body, unsafe);
    else body?.();
    return this.close();
  }

  /** Like {@link block}, for an element whose children are blocks: closes on its own line. */
  section(depth: number, name: string, attrs: XmlAttrs, body: () => void): this {
    return this.block(depth, name, attrs, () => {
      body();
      this.nl(depth);
    });
  }

  /** Finishes the document (closing what is still open) and returns it. */
  end(): string {
    while (this.stack.length) this.close();
    return this.out.join('') + '\n';
  }

  /** Readable lines saying what was done with characters XML cannot carry (empty when none). */
  warnings(): string[] {
    const list = (map: Map<string, number>) => [...map].map(([label, n]) => `${label} ×${n}`).join(', ');
    const out: string[] = [];
    if (this.report.glyphs.size) {
      out.push(
        `TEI: characters XML cannot carry are kept as <g type="char" n="U+…"/> in the text (${list(this.report.glyphs)})`,
      );
    }
    if (this.report.replaced.size) {
      out.push(
        `TEI: characters XML cannot carry were replaced by U+FFFD in attributes and header fields (${list(this.report.replaced)})`,
      );
    }
    return out;
  }

  private finishTag(): void {
    if (this.pending) {
      this.out.push('>');
      this.pending = false;
    }
  }

  private attrValue(value: string): string {
    const safe = HAS_UNSAFE.test(value)
      ? value.replace(XML_UNSAFE, (ch) => {
          count(this.report.replaced, codePointLabel(ch.charCodeAt(0)));
          return '\uFFFD';
        })
      : value;
    return safe.replace(ATTR_SPECIAL, (ch) => ATTR_ESCAPES[ch]);
  }
}

function escapeText(value: string): string {
  return value.replace(TEXT_SPECIAL, (ch) => TEXT_ESCAPES[ch]);
}

function count(map: Map<string, number>, label: string): void {
  map.set(label, (map.get(label) ?? 0) + 1);
}
