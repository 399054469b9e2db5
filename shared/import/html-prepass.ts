/**
 * A linear pass over an HTML page before parse5 reads it: comments go, and the
 * contents of elements that are never shown (script, style, and the raw-text
 * elements the importer drops) are emptied. Big real pages are mostly scripts,
 * styles and inline data; parse5 would tokenize every character of them (about
 * 5 s for 19 MB of script) only for the importer to throw them away.
 *
 * This is an optimisation, never the sanitiser: parse5 still parses what is left
 * and the importer still keeps only visible text, so a page this pass misreads
 * (a hostile one) can lose text but never let anything in. Tags are read with
 * their quoted attribute values, so `<p title="<script>">` is not a script.
 */

/** Elements whose contents are emptied; the opening tag stays, so what was removed is still counted. */
const EMPTIED = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea']);

/** Raw-text elements whose contents are kept but must be skipped, not read as tags. */
const SKIPPED = new Set(['title']);

/** What the pass did, for tests and benchmarks. */
export interface Prepass {
  html: string;
  /** Characters removed. */
  removed: number;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/**
 * Where the tag starting at `lt` (`<name ...>`) ends, just past its `>`, or -1 when
 * it never closes. Quoted attribute values may hold `>`.
 */
function tagEnd(html: string, lt: number): number {
  let i = lt + 1;
  let afterEquals = false;
  while (i < html.length) {
    const ch = html.charCodeAt(i);
    if (ch === 62 /* > */) return i + 1;
    if ((ch === 34 /* " */ || ch === 39) /* ' */ && afterEquals) {
      const close = html.indexOf(html[i], i + 1);
      if (close < 0) return -1;
      i = close + 1;
      afterEquals = false;
      continue;
    }
    if (ch === 61 /* = */) afterEquals = true;
    else if (!isSpace(ch)) afterEquals = false;
    i++;
  }
  return -1;
}

/** Start of the end tag `</name` (followed by white space, `/` or `>`) at or after `from`, or -1. */
function endTagStart(html: string, name: string, from: number, cache: Map<string, number>): number {
  const known = cache.get(name);
  if (known !== undefined && (known < 0 || known >= from)) return known;
  const pattern = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
  pattern.lastIndex = from;
  const m = pattern.exec(html);
  const at = m ? m.index : -1;
  cache.set(name, at);
  return at;
}

/** Where a comment starting at `lt` (`<!--`) ends, as the HTML tokenizer reads it. */
function commentEnd(html: string, lt: number): number {
  const body = lt + 4;
  if (html.startsWith('>', body)) return body + 1; // <!-->
  if (html.startsWith('->', body)) return body + 2; // <!--->
  const a = html.indexOf('-->', body);
  const b = html.indexOf('--!>', body);
  if (a < 0 && b < 0) return html.length;
  if (b < 0 || (a >= 0 && a < b)) return a + 3;
  return b + 4;
}

/** Empties comments, scripts, styles and the other never-shown raw-text elements of a page. */
export function prepassHtml(html: string): Prepass {
  const parts: string[] = [];
  let kept = 0; // start of the stretch not yet copied
  let removed = 0;
  let i = 0;
  const ends = new Map<string, number>();
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = commentEnd(html, lt);
      parts.push(html.slice(kept, lt));
      removed += end - lt;
      kept = i = end;
      continue;
    }
    if (!isAsciiLetter(html.charCodeAt(lt + 1))) {
      i = lt + 1;
      continue;
    }
    let nameEnd = lt + 1;
    while (nameEnd < html.length && !isSpace(html.charCodeAt(nameEnd)) && html[nameEnd] !== '/' && html[nameEnd] !== '>') nameEnd++;
    const name = html.slice(lt + 1, nameEnd).toLowerCase();
    const end = tagEnd(html, lt);
    if (end < 0) break; // an unclosed tag: parse5 drops the rest as well
    if (!EMPTIED.has(name) && !SKIPPED.has(name)) {
      i = end;
      continue;
    }
    if (html[end - 2] === '/' && !EMPTIED.has(name)) {
      i = end;
      continue;
    }
    if (name === 'plaintext') {
      // Everything after <plaintext> is text the importer drops.
      parts.push(html.slice(kept, end));
      removed += html.length - end;
      kept = html.length;
      break;
    }
    const close = endTagStart(html, name, end, ends);
    if (SKIPPED.has(name)) {
      i = close < 0 ? html.length : close;
      continue;
    }
    // Keep the opening tag (its attributes are counted as removed content later).
    parts.push(html.slice(kept, end));
    const stop = close < 0 ? html.length : close;
    removed += stop - end;
    kept = i = stop;
  }
  if (!removed) return { html, removed: 0 };
  parts.push(html.slice(kept));
  return { html: parts.join(''), removed };
}
