/**
 * An HTML page to plain text blocks, parsed with parse5 and sanitised by
 * construction: only the text of visible content elements is read. Scripts,
 * styles, frames, embedded objects, forms, media, navigation, hidden elements
 * and every attribute (event handlers, `src`/`href`, inline `style` with `url(...)`)
 * are left behind; only the page's canonical http(s) URL is kept, as text.
 */
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes as T, type TreeAdapter } from 'parse5';
import { sectionMarker } from './chrome';
import { trimOf } from '../model/trim';
import { prepassHtml } from './html-prepass';
import { FOOTNOTE_CALL, footnoteCall } from './footnote-calls';

/**
 * Most elements a page may have. parse5 keeps every element as an object (a few
 * hundred bytes each) and some shapes cost it far more time per element (deeply
 * nested formatting elements); past this the page is refused with a clear error
 * before the parse runs away with memory. Real archive pages have a few thousand;
 * a 19 MB page of short paragraphs has about 250,000 (and parses in about 10 s
 * within 512 MB).
 */
export const MAX_HTML_ELEMENTS = 500_000;

/** Thrown (and turned into an import error) when a page goes over {@link MAX_HTML_ELEMENTS}. */
export class HtmlTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(
      `the page has more than ${limit.toLocaleString('en')} HTML elements, the most Interlinea reads in one page; save it as plain text or split it`,
    );
  }
}

/** parse5's own tree, counting elements as they are made. */
function budgetedAdapter(limit: number): TreeAdapter<DefaultTreeAdapterMap> {
  let elements = 0;
  return {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      if (++elements > limit) throw new HtmlTooLargeError(limit);
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
  };
}

/** A block of visible text and the version of the page it belongs to. */
export interface HtmlBlock {
  /** Text with white space collapsed; `\n` where the page has `<br>` (or a `<pre>` line break). */
  text: string;
  /** `null` above the first version, then `english`, `korean`, ... and `after` once a version's container ends. */
  section: string | null;
  heading: boolean;
}

/** What was read from the page, and what was left out. */
export interface HtmlExtract {
  blocks: HtmlBlock[];
  /** Text of the first `<h1>`, else the `<title>` without a site suffix. */
  title: string;
  /** `<link rel="canonical">` or `og:url`, when it is an http(s) URL. */
  canonicalUrl: string;
  /** Counts of left-out active or remote content, for the import notes. */
  removed: Record<string, number>;
  /** The page's footnotes, note n at index n - 1; block text calls them as `footnoteCall(n)`. */
  footnotes: string[];
}

const DROP = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'img',
  'picture',
  'source',
  'track',
  'map',
  'area',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'select',
  'textarea',
  'button',
  'option',
  'datalist',
  // Raw-text elements whose content is markup shown as text.
  'xmp',
  'plaintext',
  'listing',
  'noembed',
  'noframes',
  'dialog',
  'nav',
  'aside',
]);

const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

type Element = T.Element;
type Node = T.Node;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function children(node: Node): T.ChildNode[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/** Visible text of a node, or null as soon as it is longer than `limit` (markers are short). */
function shortText(node: Node, limit = 80): string | null {
  let out = '';
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') {
      out += (n as T.TextNode).value;
      if (out.length > limit * 4 && out.trim().length > limit) return null;
      continue;
    }
    if (isElement(n) && DROP.has(n.tagName)) continue;
    const kids = children(n);
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  return out.length > limit && out.trim().length > limit ? null : out;
}

function isHidden(el: Element): boolean {
  if (el.attrs.some((a) => a.name === 'hidden')) return true;
  if (attr(el, 'aria-hidden') === 'true') return true;
  return /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attr(el, 'style') ?? '');
}

/** Page-level header and footer (site chrome), as opposed to a document's own `<header>`. */
function isPageChrome(el: Element): boolean {
  if (el.tagName !== 'header' && el.tagName !== 'footer') return false;
  for (let p = el.parentNode; p && isElement(p); p = p.parentNode) {
    if (p.tagName === 'article' || p.tagName === 'main') return false;
  }
  return true;
}

const REMOTE = /^\s*(?:https?:|\/\/|javascript:|data:|vbscript:)/i;

function tally(removed: Record<string, number>, key: string): void {
  removed[key] = (removed[key] ?? 0) + 1;
}

/** Longest label text (trimmed, white space collapsed) read as a possible version marker. */
const LABEL_LIMIT = 80;

/** A label's text so far: null once it is longer than a marker can be. */
function appendLabel(acc: string | null, more: string | null): string | null {
  if (acc === null || more === null) return null;
  const joined = acc.endsWith(' ') && more.startsWith(' ') ? acc + more.slice(1) : acc + more;
  return joined.length > LABEL_LIMIT + 2 && joined.trim().length > LABEL_LIMIT ? null : joined;
}

/** A text node's contribution to a label: white space collapsed, null when too long. */
function labelPiece(value: string): string | null {
  if (value.length > 4 * LABEL_LIMIT && value.trim().length > 4 * LABEL_LIMIT) return null;
  return appendLabel('', value.replace(/[ \t\n\f\r]+/g, ' '));
}

/**
 * Walks every element once: what is active or remote, where versions are labelled,
 * the title and URL. Each element's label text is gathered on the way out from its
 * children's, cut off past {@link LABEL_LIMIT}, so a page of nested labelled
 * elements costs one pass (reading each element's text afresh took minutes on
 * 10,000 nested `<div id>`).
 */
function survey(doc: Node) {
  const removed: Record<string, number> = {};
  const targets = new Map<string, string>();
  const labelIds = new Map<string, string>();
  let canonical = '';
  let docTitle = '';
  /** Elements by `id`, and `<a name>`: what in-page links point at. */
  const anchors = new Map<string, Element>();
  /** `<a href="#...">` in document order. */
  const links: Element[] = [];
  /** Document order of anchors and links (a note comes after its call, a link back before it). */
  const order = new Map<Element, number>();
  let seen = 0;
  // Entries: a node to enter, or (with its label so far) an element to leave.
  const stack: { node: Node; label: string | null; leaving: boolean }[] = [{ node: doc, label: '', leaving: false }];
  const open: { label: string | null }[] = [];
  while (stack.length) {
    const entry = stack.pop()!;
    const node = entry.node;
    if (entry.leaving) {
      const frame = open.pop()!;
      const el = node as Element;
      const controls = attr(el, 'aria-controls') ?? (el.tagName === 'a' ? (attr(el, 'href') ?? '').replace(/^#/, '') : '');
      const id = attr(el, 'id');
      // A dropped element (script, nav, ...) shows no text, and gives none to its parent.
      const own = DROP.has(el.tagName) ? '' : frame.label;
      const label = (controls || id) && own !== null ? sectionMarker(own) : null;
      if (label) {
        if (controls && (attr(el, 'aria-controls') || (attr(el, 'href') ?? '').startsWith('#'))) targets.set(controls, label);
        if (id) labelIds.set(id, label);
      }
      const parent = open[open.length - 1];
      if (parent && !DROP.has(el.tagName)) parent.label = appendLabel(parent.label, own);
      continue;
    }
    if (node.nodeName === '#text') {
      const parent = open[open.length - 1];
      if (parent && parent.label !== null) parent.label = appendLabel(parent.label, labelPiece((node as T.TextNode).value));
      continue;
    }
    if (isElement(node)) {
      const tag = node.tagName;
      if (
        tag === 'script' ||
        tag === 'style' ||
        tag === 'iframe' ||
        tag === 'frame' ||
        tag === 'object' ||
        tag === 'embed' ||
        tag === 'applet'
      ) {
        tally(removed, tag);
      }
      for (const a of node.attrs) {
        if (/^on/i.test(a.name)) tally(removed, 'event handler');
        else if (
          /url\s*\(/i.test(a.value) ||
          (REMOTE.test(a.value) &&
            /^(?:src|href|action|data|poster|srcset|formaction|background|xlink:href|content)$/i.test(a.name))
        ) {
          tally(removed, 'remote reference');
        }
      }
      if (tag === 'title' && !docTitle) docTitle = (shortText(node, 400) ?? '').trim();
      const id = attr(node, 'id');
      if (id && !anchors.has(id)) anchors.set(id, node);
      const anchorName = tag === 'a' ? attr(node, 'name') : undefined;
      if (anchorName && !anchors.has(anchorName)) anchors.set(anchorName, node);
      if (tag === 'a' && (attr(node, 'href') ?? '').startsWith('#')) links.push(node);
      if (id || anchorName || tag === 'a') order.set(node, seen++);
      const rel = (attr(node, 'rel') ?? '').toLowerCase().split(/\s+/);
      if (tag === 'link' && rel.includes('canonical') && !canonical) canonical = attr(node, 'href') ?? '';
      if (tag === 'meta' && attr(node, 'property') === 'og:url' && !canonical) canonical = attr(node, 'content') ?? '';
      stack.push({ node, label: null, leaving: true });
      open.push({ label: '' });
      if (tag === 'template') continue;
    }
    const kids = children(node);
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ node: kids[k], label: null, leaving: false });
  }
  canonical = /^https?:\/\/[^\s"'<>]+$/i.test(canonical.trim()) ? canonical.trim() : '';
  return { removed, targets, labelIds, canonical, docTitle, anchors, links, order };
}

type Survey = ReturnType<typeof survey>;

/** The in-page id a link points at (`#fn1` → `fn1`), or ''. */
function linkTarget(el: Element): string {
  const href = attr(el, 'href') ?? '';
  return href.startsWith('#') ? decodeURIComponentSafe(href.slice(1)) : '';
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function contains(outer: Node, inner: Node): boolean {
  for (let n: Node | null = inner; n; n = (n as Element).parentNode ?? null) if (n === outer) return true;
  return false;
}

/** A footnote call's label: `1`, `[1]`, `(12)`, `*`, `†`, `a`, `iv`. */
const CALL_LABEL = /^[[(]?\s*(?:\d{1,3}|[*†‡§]{1,3}|[ivx]{1,4}|[a-z])\s*[\])]?$/i;

/** Ids that name footnotes in the archive's and Word's markup (`fn1`, `_ftn1`, `footnote-1`, `edn2`, `note3`). */
const NOTE_ID = /^_?(?:ftn|fn|edn|en|footnote|endnote|note)[-_:]?\d+$/i;

/** The block of a page that holds a note: the target itself if it is a block, else its nearest block ancestor. */
function noteBlockOf(target: Element): Element | null {
  for (let n: Element | null = target; n && isElement(n); n = n.parentNode && isElement(n.parentNode) ? n.parentNode : null) {
    if (n.tagName === 'body' || n.tagName === 'html' || n.tagName === 'main' || n.tagName === 'article') return null;
    if (BLOCK.has(n.tagName)) return n;
  }
  return null;
}

/** Footnote calls (link → note number) and the blocks that hold the notes (block → note number), with the notes' text. */
interface Footnotes {
  calls: Map<Element, number>;
  blocks: Map<Element, number>;
  texts: string[];
}

/**
 * Finds the page's footnotes: a link to an in-page target that reads as a call
 * (a short label such as `1` or `[1]`, raised by `<sup>`, bracketed, or pointing
 * at a note id such as `#fn1` or Word's `#_ftn1`) whose target lies outside it.
 * The note is the block holding the target; its text leaves out the link back to
 * the call (`↩`, Word's `[1]`) and a leading number.
 */
function findFootnotes(info: Survey): Footnotes {
  const calls = new Map<Element, number>();
  const blocks = new Map<Element, number>();
  const backTargets = new Set<string>();
  const found: { call: Element; block: Element }[] = [];
  for (const link of info.links) {
    const id = linkTarget(link);
    if (!id || info.targets.has(id)) continue;
    const target = info.anchors.get(id);
    if (!target || contains(target, link) || contains(link, target)) continue;
    // A note follows its call; a link to something before it is the note's link back.
    if ((info.order.get(target) ?? -1) < (info.order.get(link) ?? 0)) continue;
    const label = (shortText(link, 12) ?? '').trim();
    if (!CALL_LABEL.test(label)) continue;
    const raised =
      (link.parentNode && isElement(link.parentNode) && link.parentNode.tagName === 'sup') ||
      link.childNodes.some((c) => isElement(c) && c.tagName === 'sup');
    if (!raised && !/^[[(]/.test(label) && !NOTE_ID.test(id)) continue;
    const block = noteBlockOf(target);
    if (!block || contains(block, link)) continue;
    found.push({ call: link, block });
  }
  for (const { call, block } of found) {
    if (!blocks.has(block)) blocks.set(block, blocks.size + 1);
    calls.set(call, blocks.get(block)!);
    for (const key of [attr(call, 'id'), attr(call, 'name')]) if (key) backTargets.add(key);
    const parent = call.parentNode;
    if (parent && isElement(parent) && parent.tagName === 'sup') {
      const supId = attr(parent, 'id');
      if (supId) backTargets.add(supId);
    }
  }
  const texts: string[] = [];
  for (const [block] of blocks) texts.push(noteText(block, backTargets));
  return { calls, blocks, texts };
}

/** A note's text: white space collapsed, without the links back to its call or a leading number. */
function noteText(block: Element, backTargets: Set<string>): string {
  let out = '';
  const stack: Node[] = [block];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') {
      out += (n as T.TextNode).value;
      continue;
    }
    if (isElement(n)) {
      if (DROP.has(n.tagName) || isHidden(n)) continue;
      if (n.tagName === 'a' && backTargets.has(linkTarget(n))) continue;
      if (n.tagName === 'br' || (n !== block && BLOCK.has(n.tagName))) out += ' ';
    }
    const kids = children(n);
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  return out
    .replace(/\uFFFC/g, '')
    .replace(/[ \t\n\f\r]+/g, ' ')
    .trim()
    .replace(/^[[(]?\d{1,3}[\])]?[.:)]?\s+/, '')
    .replace(/\s*[↩⤴↑]\uFE0E?$/u, '')
    .trim();
}

/** The element a version's content lives in: the marker's parent, widened past wrappers that hold only the marker. */
function sectionOwner(marker: Element): Element | null {
  let owner = marker.parentNode;
  while (owner && isElement(owner) && owner.tagName !== 'body' && owner.parentNode && isElement(owner.parentNode)) {
    const elements = owner.childNodes.filter(isElement);
    if (elements.length > 1) break;
    owner = owner.parentNode;
  }
  return owner && isElement(owner) ? owner : null;
}

/**
 * Reads an HTML page as blocks of visible text, marking which version of the
 * document (`English HTML`, `Korean HTML`) each block belongs to. Versions are
 * found by a heading or label carrying the marker text, followed by its content,
 * or by tabs (`aria-controls`, `href="#id"`, `aria-labelledby`) and `lang="ko"`.
 */
export function extractHtml(html: string, options: { maxElements?: number } = {}): HtmlExtract {
  const doc = parse(prepassHtml(html).html, { treeAdapter: budgetedAdapter(options.maxElements ?? MAX_HTML_ELEMENTS) });
  const info = survey(doc);
  const notes = findFootnotes(info);
  const blocks: HtmlBlock[] = [];
  let title = '';
  let buffer = '';
  let pre = 0;
  let headingDepth = 0;
  let section: string | null = null;
  let owner: Element | null = null;

  const emit = (text: string, heading: boolean) => blocks.push({ text, section, heading });
  const flush = (boundary: Element | null) => {
    const text = trimOf(
      buffer
        .split('\n')
        .map((line) => line.replace(/ {2,}/g, ' ').trim())
        .join('\n'),
      '\n',
    );
    buffer = '';
    if (!text) return;
    const marker = text.includes('\n') ? null : sectionMarker(text);
    // A marker in a list item names a version in a list of contents or of tabs; the
    // version itself starts where its own label or target is.
    if (marker && boundary && boundary.tagName !== 'li' && boundary.tagName !== 'ul' && boundary.tagName !== 'ol') {
      section = marker;
      owner = sectionOwner(boundary);
      return;
    }
    if (headingDepth > 0 && !title && boundary?.tagName === 'h1') title = text;
    emit(text, headingDepth > 0);
  };

  // An explicit stack (deeply nested pages must not overflow the call stack): each
  // entry is a node and, for an element being left, the block count when it was entered.
  const nodes: Node[] = [doc];
  const marks: number[] = [-1];
  while (nodes.length) {
    const node = nodes.pop()!;
    const entered = marks.pop()!;
    const exit = entered >= 0;
    if (node.nodeName === '#text') {
      const raw = (node as T.TextNode).value;
      // U+FFFC marks footnote calls in row text (footnote-calls.ts): a page's own is dropped.
      const value = raw.includes(FOOTNOTE_CALL) ? raw.replaceAll(FOOTNOTE_CALL, '') : raw;
      if (pre) buffer += value;
      else if (!/[^ \t\n\f\r]/.test(value)) {
        // White space between tags: at most one space.
        if (buffer && !buffer.endsWith(' ')) buffer += ' ';
      } else buffer += value.replace(/[ \t\n\f\r]+/g, ' ');
      continue;
    }
    if (!isElement(node)) {
      if (node.nodeName === '#document') {
        for (let k = children(node).length - 1; k >= 0; k--) {
          nodes.push(children(node)[k]);
          marks.push(-1);
        }
      }
      continue;
    }
    const tag = node.tagName;
    if (exit) {
      if (tag === 'pre') {
        pre--;
        const lines = buffer.split('\n');
        buffer = '';
        for (const line of lines) emit(line.trimEnd(), false);
        continue;
      }
      if (BLOCK.has(tag)) flush(node);
      if (HEADINGS.has(tag)) headingDepth--;
      // An empty paragraph is a blank line (it matters in the witness).
      if (tag === 'p' && blocks.length === entered) emit('', false);
      if (node === owner) {
        section = 'after';
        owner = null;
      }
      continue;
    }
    if (DROP.has(tag) || isHidden(node) || isPageChrome(node)) continue;
    if (notes.blocks.has(node)) {
      // A note is read apart (findFootnotes); the row keeps only its call.
      flush(node.parentNode && isElement(node.parentNode) ? node.parentNode : null);
      continue;
    }
    if (tag === 'a') {
      const call = notes.calls.get(node);
      if (call) {
        buffer += footnoteCall(call);
        continue;
      }
      // A link to a version (a tab, an entry of the contents) is navigation, not text.
      const target = linkTarget(node);
      if (target && info.targets.has(target)) continue;
    }
    if (tag === 'br') {
      buffer += '\n';
      continue;
    }
    const id = attr(node, 'id');
    const lang = (attr(node, 'lang') ?? '').toLowerCase();
    const labelled = attr(node, 'aria-labelledby');
    const label =
      (id && info.targets.get(id)) ||
      (labelled && info.labelIds.get(labelled)) ||
      (tag !== 'html' && tag !== 'body' && lang.startsWith('ko') ? 'korean' : null);
    if (BLOCK.has(tag) || label) flush(node.parentNode && isElement(node.parentNode) ? node.parentNode : null);
    if (label && !(id && info.labelIds.has(id))) {
      section = label;
      owner = node;
    }
    if (HEADINGS.has(tag)) headingDepth++;
    if (tag === 'pre') pre++;
    nodes.push(node);
    marks.push(blocks.length);
    const kids = node.childNodes;
    for (let k = kids.length - 1; k >= 0; k--) {
      nodes.push(kids[k]);
      marks.push(-1);
    }
  }
  flush(null);

  if (!title) title = info.docTitle.replace(/\s*[|–—-]\s*(?:Wilson Center|Digital Archive).*$/i, '').trim();
  return { blocks, title, canonicalUrl: info.canonical, removed: info.removed, footnotes: notes.texts };
}
