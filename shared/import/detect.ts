/**
 * Which importer reads a text: an HTML page, a TEI document, the archive's
 * markdown-like or plain-text page, or generic plain text.
 */

/** Formats the importer tells apart. */
export type SourceFormat = 'html' | 'tei' | 'markdown' | 'text' | 'plain';

/** XML declaration, comments, processing instructions and a DOCTYPE before the root element. */
const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i;

const HTML_TAGS =
  /^<(?:!doctype\s+html|html|head|body|meta|title|link|p|div|section|article|main|header|h[1-6]|table|ul|ol|span|br|style|script)[\s>/]/i;

/** Lines that only the archive's plain-text page has. */
const ARCHIVE_TEXT =
  /^[ \t]*(?:English HTML|Korean HTML|get citation|• ?Citation|• ?share document|Digital Archive International History Declassified)[ \t]*$/m;

/** The labelled headings of the archive's markdown-like page. */
const ARCHIVE_MARKDOWN = /^ {0,3}#{1,6}[ \t]+(?:\*\*|__)?(?:Citation|Summary|Credits|Original Language|Contents)\b/m;

/**
 * Detects the format of a decoded text. `name` helps only where the content is
 * ambiguous (a `.md` or `.html` file). Folders are the Node layer's business.
 */
export function detectFormat(text: string, name = ''): SourceFormat {
  const head = text.slice(0, 8192).replace(/^\uFEFF/, '');
  const afterProlog = head.replace(PROLOG, '');
  if (/^<(?:[A-Za-z_][\w.-]*:)?(?:TEI|teiCorpus)[\s>/]/.test(afterProlog)) return 'tei';
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (HTML_TAGS.test(afterProlog) || (/^(?:html?|xhtml)$/.test(ext) && afterProlog.startsWith('<'))) return 'html';
  if (ARCHIVE_MARKDOWN.test(head)) return 'markdown';
  if (ARCHIVE_TEXT.test(head)) return 'text';
  if ((ext === 'md' || ext === 'markdown') && /^ {0,3}#{1,6}[ \t]/m.test(head)) return 'markdown';
  return 'plain';
}
