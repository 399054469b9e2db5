/**
 * Characters XML 1.0 does not allow (its `Char` production): C0 controls other
 * than tab, line feed and carriage return, lone surrogates, and the
 * noncharacters U+FFFE and U+FFFF. They are valid UTF-8 (U+FFFE/U+FFFF), so an
 * import can bring them in, but a file that holds one is not XML: Word and
 * LibreOffice refuse such a DOCX. Every XML export (HTML, DOCX, TEI) cleans its
 * text with these helpers and says what it replaced.
 *
 * Pure, with no dependencies, so every exporter can share it.
 */

/** Matches one XML-illegal character (global: use with `replace`/`match`, or via the helpers). */
export const XML_ILLEGAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when text holds a character XML does not allow. */
export function hasXmlIllegal(text: string): boolean {
  XML_ILLEGAL.lastIndex = 0;
  const found = XML_ILLEGAL.test(text);
  XML_ILLEGAL.lastIndex = 0;
  return found;
}

/**
 * The visible stand-in for an XML-illegal character: a C0 control becomes its
 * Unicode control picture (U+0007 → `␇`), anything else the replacement
 * character `�` (U+FFFD).
 */
export function visibleStandIn(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x20 ? String.fromCharCode(0x2400 + code) : '\uFFFD';
}

/** `U+FFFE`: how a warning names a character. */
export function codePointLabel(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What a clean-up replaced: how many characters, and which (in first-seen order). */
export interface XmlCharTally {
  count: number;
  codes: Set<string>;
}

/** A tally with nothing in it. */
export function emptyTally(): XmlCharTally {
  return { count: 0, codes: new Set() };
}

/** Replaces every XML-illegal character of `text` with its visible stand-in, counting them in `tally`. */
export function cleanXmlChars(text: string, tally: XmlCharTally = emptyTally()): XmlCharTally & { text: string } {
  if (!hasXmlIllegal(text)) return { ...tally, text };
  const cleaned = text.replace(XML_ILLEGAL, (ch) => {
    tally.count++;
    tally.codes.add(codePointLabel(ch));
    return visibleStandIn(ch);
  });
  return { ...tally, text: cleaned };
}

/**
 * Cleans every string in a JSON-like value (objects, arrays, strings; other
 * values pass through). Returns the same object where nothing changed, a copy
 * where something did; the input is never modified.
 */
export function cleanXmlDeep<T>(value: T, tally: XmlCharTally): T {
  if (typeof value === 'string') {
    if (!hasXmlIllegal(value)) return value;
    return cleanXmlChars(value, tally).text as T;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item: unknown, i) => {
      const cleaned = cleanXmlDeep(item, tally);
      if (cleaned !== item) (copy ??= [...(value as unknown[])])[i] = cleaned;
    });
    return (copy ?? value) as T;
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let copy: Record<string, unknown> | null = null;
    for (const [key, item] of Object.entries(value)) {
      const cleaned = cleanXmlDeep(item, tally);
      if (cleaned !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = cleaned;
    }
    return (copy ?? value) as T;
  }
  return value;
}

/** The warning an export gives when it replaced characters, or null when it replaced none. */
export function xmlCharsWarning(tally: XmlCharTally): string | null {
  if (!tally.count) return null;
  const which = [...tally.codes].slice(0, 8).join(', ') + (tally.codes.size > 8 ? ', …' : '');
  return (
    `Replaced ${tally.count} character${tally.count === 1 ? '' : 's'} that XML does not allow (${which}): ` +
    'control characters by their visible pictures (␇), the others by U+FFFD (�). The project keeps them as they are.'
  );
}
