/**
 * Page chrome of the archive's document pages (navigation, buttons, tab labels)
 * and the section markers that split a page into its versions.
 */

/** Lines that are page furniture wherever they appear, compared trimmed and lower-cased. */
const PAGE_CHROME = new Set([
  'search in',
  'search',
  'digital archive international history declassified',
  'wilson center digital archive',
  'history and public policy program digital archive',
  'citation',
  'get citation',
  'share document',
  'share',
  'contents',
  'contents:',
  'download',
  'download pdf',
  'print',
  'email',
  'original scan',
  'related documents',
  'skip to main content',
  'back to top',
  'menu',
]);

/** True for a line of page chrome (`Search in`, `• Citation`, `get citation`, `• share document`, ...). */
export function isChromeLine(line: string): boolean {
  if (line.length > 80) return false;
  const value = line
    .trim()
    .replace(/^[•·▪◦*-]\s*/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  return PAGE_CHROME.has(value);
}

/**
 * The language a section marker introduces, lower-cased: `English HTML` and
 * `Translation - English` give `english`, `Korean HTML` gives `korean`. Null for
 * any other line.
 */
export function sectionMarker(line: string): string | null {
  if (line.length > 60 || line.length < 8 || !/HTML|[-–—:]/.test(line)) return null;
  const value = line.trim().replace(/\s+/g, ' ');
  const m =
    /^(\p{Lu}\p{Ll}+) HTML$/u.exec(value) ??
    /^(?:Translation|Transcript|Transcription|Original)\s*[-–—:]\s*(\p{Lu}\p{Ll}+)$/u.exec(value);
  return m ? m[1].toLowerCase() : null;
}

/** Credits line of the archive (`This document was made possible with support from ...`). */
export function isCreditsLine(line: string): boolean {
  return /^this document was made possible\b/i.test(line.trim());
}
