/**
 * The TEI vocabulary Interlinea writes and reads back: namespaces, how model ids
 * become `xml:id`s, which element stands for which name type and segment role,
 * and how characters XML cannot carry are kept. Shared by the TEI exporter and
 * the TEI importer so that the two cannot drift apart.
 */
import type { NameType, SegmentRole } from '../model/schema';

/** The TEI namespace. */
export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** Element for each glossary name type. */
export const NAME_ELEMENTS: Record<NameType, string> = {
  person: 'persName',
  organisation: 'orgName',
  place: 'placeName',
  term: 'term',
};

/** Name type for each name element (`name` is read as a term). */
export const NAME_TYPE_OF: Record<string, NameType> = {
  persName: 'person',
  orgName: 'organisation',
  placeName: 'place',
  term: 'term',
  name: 'term',
};

/** Prefixes of the `xml:id`s of one segment in each division. */
export const ID_PREFIX = {
  english: 'en-',
  korean: 'ko-',
  original: 'orig-',
  witness: 'wit-',
  footnote: 'fn-',
  glossary: 'gloss-',
} as const;

/**
 * Makes any model id safe inside an NCName, reversibly: letters, digits and `-`
 * stay; every other character (including `_`) becomes `_<hex>_`.
 */
export function encodeId(id: string): string {
  return id.replace(/[^A-Za-z0-9-]/gu, (ch) => `_${(ch.codePointAt(0) ?? 0).toString(16)}_`);
}

/** Reverses {@link encodeId}. */
export function decodeId(value: string): string {
  return value.replace(/_([0-9a-f]{1,6})_/g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

/**
 * Splits an `xml:id` written by the exporter into its edition prefix (`d2-`),
 * its kind prefix (`en-`) and the model id. Returns null for ids it did not write.
 */
export function parseXmlId(xmlId: string, kind: keyof typeof ID_PREFIX): string | null {
  const match = /^(?:d\d+-)?([a-z]+-)(.*)$/.exec(xmlId);
  if (!match || match[1] !== ID_PREFIX[kind]) return null;
  return decodeId(match[2]);
}

/** The TEI element a segment becomes, given where it stands in its division. */
export type SegmentElement = 'head' | 'p' | 'ab' | 'closer';

/**
 * Chooses elements for a division's segments so that it is valid TEI whatever
 * the order of roles: `<head>` only in the leading run of heads, `<closer>` only
 * in the trailing run of closers and distribution lists, and at least one body
 * element between them; anything else is an `<ab type="role">`.
 */
export function segmentElements(roles: SegmentRole[]): SegmentElement[] {
  let first = 0;
  while (first < roles.length && roles[first] === 'head') first++;
  let last = roles.length - 1;
  while (last >= first && (roles[last] === 'closer' || roles[last] === 'distribution')) last--;
  if (last < first) return roles.map(() => 'ab');
  return roles.map((role, i) => {
    if (i < first) return 'head';
    if (i > last) return 'closer';
    return role === 'p' ? 'p' : 'ab';
  });
}

/** The role a segment element stands for (the inverse of {@link segmentElements}). */
export function roleOf(element: string, type: string | null, rend: string | null = null): SegmentRole {
  if (element === 'closer' && rend === 'distribution') return 'distribution';
  if (type === 'head' || type === 'p' || type === 'closer' || type === 'distribution') return type;
  if (element === 'head') return 'head';
  if (element === 'closer') return 'closer';
  return 'p';
}

/**
 * Characters XML 1.0 cannot carry at all: C0 controls other than tab, line feed
 * and carriage return, U+FFFE/U+FFFF, and lone surrogates. The writer keeps them
 * in text as `<g type="char" n="U+001B"/>` (see `tei-writer.ts`); a carriage
 * return is legal and written as `&#13;`.
 */
export const XML_UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `U+001B` for a code point. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The code point of a `U+001B` label, or null. */
export function parseCodePointLabel(label: string | null): number | null {
  const match = /^U\+([0-9A-Fa-f]{4,6})$/.exec(label ?? '');
  return match ? parseInt(match[1], 16) : null;
}
