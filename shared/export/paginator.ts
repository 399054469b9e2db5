/**
 * The paginator of printed editions (`notes: 'page'`): the one script the PDF
 * printers run, inline in the print HTML and allowed there by its hash in the
 * page's Content-Security-Policy (`script-src 'sha256-…'`, nothing else).
 *
 * Chromium has no CSS footnotes (`float: footnote`), so the script lays the
 * edition out into pages itself before the page is printed. It runs
 * synchronously at the end of the body, so the load event, which both printers
 * wait for, comes after it; system fonts need no loading.
 *
 * - A page is a `div.pg` of exactly the page box's content area (the CSS sizes it
 *   from the page size and `@page` margins, `html-style.ts` `PAGE_BOXES`): a body
 *   (`.pg-body`) and, at its foot above the bottom margin, the notes and the noted
 *   corrections whose calls fall on that page (`.pg-foot`, under a short rule),
 *   numbered as in the document. The `@page` margin boxes still print the numbers.
 * - Blocks are laid into the page in order: title page and each document start a
 *   page; containers (article, header, sections, lists, the parallel table) are
 *   split between their children, their shells repeated on the next page (a table
 *   with its column widths and column heads); a container that gets nothing on a
 *   page moves on whole; a heading (or a heading row of the text) never ends a
 *   page before what it heads.
 * - A row (or paragraph) that does not fit is split between lines: each cell is
 *   cut at the start of its first line that does not fit, the lines above stay on
 *   the page and the rest continue in a row of the same columns on the next page,
 *   so the columns stay aligned (each page's part of a row starts level). When a
 *   cell's first line does not fit, or would stand alone at the foot of the page,
 *   the whole row goes on: every row begins level on one page.
 * - Notes go to the page of their call. When a page's notes do not fit, the part
 *   of the row holding the call moves to the next page (a note is never continued
 *   on another page). Only where even one line and its notes exceed an empty page
 *   does the page grow onto a second sheet, so nothing is ever cut off.
 * - The HTML without the script is complete: notes and corrections after each
 *   document. If the script fails, the document is put back as it was (with a
 *   line saying so), so a failure gives end notes, never a broken edition.
 *   `<html data-paginated>` says how it went: the number of pages, or `failed`.
 *
 * Plain ES2020, no template literals (this file holds it in one). Test:
 * `paginate.test.ts` (the hash), `export.integration.test.ts` (real printing).
 */
import { cspHash } from './sha256';

export const PAGINATOR_JS = String.raw`(function () {
'use strict';
var root = document.documentElement;
if (root.getAttribute('data-notes') !== 'page') return;
var body = document.body;
var SLACK = 1.5;
var CONTAINERS = { ARTICLE: 1, SECTION: 1, HEADER: 1, NAV: 1, OL: 1, UL: 1, DL: 1, TABLE: 1, TBODY: 1 };
var SPLITTABLE = { TR: 1, P: 1, LI: 1, DD: 1 };
var sources = Array.prototype.filter.call(body.childNodes, function (n) {
  return !(n.nodeType === 1 && n.tagName === 'SCRIPT');
});
var backup = sources.map(function (n) { return n.cloneNode(true); });

function el(tag, cls) { var e = document.createElement(tag); if (cls) e.className = cls; return e; }
function isContainer(n) { return !!CONTAINERS[n.tagName] || (n.tagName === 'DIV' && n.classList.contains('flow')); }
/** Headings keep with what follows: h1-h6, the document kicker, a heading row (role-head) of the text. */
function isHeading(n) {
  if (n.nodeType !== 1) return false;
  if (/^H[1-6]$/.test(n.tagName) || n.classList.contains('doc-kicker')) return true;
  return (n.tagName === 'TR' || n.tagName === 'P') && n.classList.contains('role-head') && !n.classList.contains('cont');
}

var pool = Object.create(null);
var pagesRoot, pageH, page, pgBody, foot, fnList, appList, placedOnPage, lastLeaf;
var chain = [];

function paginate() {
  sources.forEach(function (n) {
    if (n.nodeType !== 1) return;
    n.querySelectorAll('section.notes, section.corrections').forEach(function (sec) {
      var kind = sec.classList.contains('notes') ? 'fn' : 'app';
      sec.querySelectorAll('li[id]').forEach(function (li) { li.setAttribute('data-kind', kind); pool[li.id] = li; });
      sec.remove();
    });
  });
  sources.forEach(function (n) { n.remove(); });
  pagesRoot = el('div', 'pages');
  body.insertBefore(pagesRoot, body.firstChild);
  newPage();
  pageH = page.getBoundingClientRect().height;
  if (!(pageH > 100)) throw new Error('the page box has no height');
  sources.forEach(function (n) {
    if (n.nodeType === 3 && !n.data.trim()) return;
    if (placedOnPage > 0) newPage();
    place(n);
  });
  // Notes and corrections whose call was not found (none should be): printed after the text, never lost.
  [['fn', 'notes', 'Notes', 'footnotes'], ['app', 'corrections', 'Corrections', 'apparatus']].forEach(function (kind) {
    var left = Object.keys(pool).filter(function (id) {
      return !pool[id].isConnected && pool[id].getAttribute('data-kind') === kind[0];
    });
    if (!left.length) return;
    var sec = el('section', kind[1]);
    var h = el('h2'); h.textContent = kind[2]; sec.appendChild(h);
    var ol = el('ol', kind[3]);
    left.forEach(function (id) { ol.appendChild(pool[id]); });
    sec.appendChild(ol);
    place(sec);
  });
  if (!placedOnPage && pagesRoot.children.length > 1) page.remove();
  return pagesRoot.children.length;
}

function top() { return chain.length ? chain[chain.length - 1].shell : pgBody; }

function shell(entry, continued) {
  var src = entry.src;
  var s = src.cloneNode(false);
  if (continued) { s.removeAttribute('id'); s.classList.add('cont'); }
  if (src.tagName === 'TABLE') {
    Array.prototype.forEach.call(src.children, function (c) {
      if (c.tagName === 'COLGROUP' || c.tagName === 'THEAD' || c.tagName === 'CAPTION') s.appendChild(c.cloneNode(true));
    });
  }
  if (src.tagName === 'OL' && entry.items) s.setAttribute('start', String((src.start || 1) + entry.items));
  return s;
}

function newPage() {
  for (var i = 0; i < chain.length; i++) {
    if (chain[i].placed === 0) { chain[i].shell.remove(); break; }
  }
  page = el('div', 'pg');
  pgBody = el('div', 'pg-body');
  page.appendChild(pgBody);
  pagesRoot.appendChild(page);
  foot = fnList = appList = null;
  placedOnPage = 0;
  lastLeaf = null;
  var parent = pgBody;
  chain.forEach(function (entry) {
    entry.shell = shell(entry, entry.started);
    parent.appendChild(entry.shell);
    parent = entry.shell;
    entry.placed = 0;
  });
}

function overflow() {
  var used = pgBody.getBoundingClientRect().height + (foot ? foot.getBoundingClientRect().height : 0);
  return used - (pageH - SLACK);
}

function addNotes(node) {
  var added = [];
  if (node.nodeType !== 1) return added;
  // The calls in node, then those in the notes they bring (a note may hold a correction's call).
  var queue = [node];
  while (queue.length) {
    queue.shift().querySelectorAll('sup.fnref a[href^="#"], sup.app-ref a[href^="#"]').forEach(function (a) {
      var li = pool[a.getAttribute('href').slice(1)];
      if (!li || li.isConnected) return;
      if (!foot) { foot = el('div', 'pg-foot'); page.appendChild(foot); }
      var list;
      if (li.getAttribute('data-kind') === 'fn') {
        if (!fnList) { fnList = el('ol', 'footnotes'); foot.insertBefore(fnList, foot.firstChild); }
        list = fnList;
      } else {
        if (!appList) { appList = el('ol', 'apparatus'); foot.appendChild(appList); }
        list = appList;
      }
      list.appendChild(li);
      added.push(li);
      queue.push(li);
    });
  }
  return added;
}

function removeNotes(added) {
  added.forEach(function (li) { li.remove(); });
  if (fnList && !fnList.firstChild) { fnList.remove(); fnList = null; }
  if (appList && !appList.firstChild) { appList.remove(); appList = null; }
  if (foot && !foot.firstChild) { foot.remove(); foot = null; }
}

function placed(node) {
  placedOnPage++;
  lastLeaf = node;
  chain.forEach(function (entry) {
    entry.placed++;
    entry.started = true;
  });
  var parentEntry = chain[chain.length - 1];
  if (parentEntry && node.nodeType === 1 && node.tagName === 'LI' && !node.classList.contains('cont')) parentEntry.items++;
}

function tryWhole(node) {
  top().appendChild(node);
  var added = addNotes(node);
  if (overflow() <= 0) { placed(node); return true; }
  removeNotes(added);
  node.remove();
  return false;
}

function place(node) {
  if (node.nodeType === 3 && !node.data.trim()) { top().appendChild(node); return; }
  if (node.nodeType !== 1 && node.nodeType !== 3) { top().appendChild(node); return; }
  if (node.nodeType === 1 && node.tagName === 'SCRIPT') return;
  if (tryWhole(node)) return;
  if (node.nodeType === 1 && isContainer(node)) {
    var entry = { src: node, shell: null, placed: 0, started: false, items: 0 };
    entry.shell = shell(entry, false);
    top().appendChild(entry.shell);
    chain.push(entry);
    Array.prototype.slice.call(node.childNodes).forEach(function (child) {
      if (node.tagName === 'TABLE' && child.nodeType === 1 && /^(COLGROUP|THEAD|CAPTION)$/.test(child.tagName)) return;
      place(child);
    });
    chain.pop();
    if (!entry.started) entry.shell.remove();
    return;
  }
  if (node.nodeType === 1 && SPLITTABLE[node.tagName]) {
    var result = splitToFit(node);
    if (result.placed) {
      if (result.rest) { newPage(); place(result.rest); }
      return;
    }
  }
  if (placedOnPage === 0) {
    // Not even one line of it with its notes fits an empty page: the page grows onto another sheet.
    top().appendChild(node);
    addNotes(node);
    placed(node);
    page.classList.add('pg-over');
    return;
  }
  var heading = null;
  if (lastLeaf && isHeading(lastLeaf) && lastLeaf.parentNode === top() && placedOnPage > 1) {
    heading = lastLeaf;
    removeNotes(Array.prototype.slice.call(heading.querySelectorAll('a[href^="#"]')).map(function (a) {
      return pool[a.getAttribute('href').slice(1)];
    }).filter(function (li) { return li && li.isConnected; }));
    heading.remove();
  }
  newPage();
  if (heading) place(heading);
  place(node);
}

/* Splitting blocks between lines. */

function textPositions(container) {
  var nodes = [], starts = [], total = 0;
  var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (var t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!t.data.length) continue;
    nodes.push(t); starts.push(total); total += t.data.length;
  }
  return { nodes: nodes, starts: starts, total: total };
}

function locate(pos, k) {
  var lo = 0, hi = pos.nodes.length - 1;
  while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (pos.starts[mid] <= k) lo = mid; else hi = mid - 1; }
  return { node: pos.nodes[lo], offset: k - pos.starts[lo] };
}

var range = document.createRange();
function charRect(pos, k) {
  var at = locate(pos, k);
  var ch = at.node.data.charCodeAt(at.offset);
  if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 160 || (ch >= 0xdc00 && ch <= 0xdfff)) return null;
  var end = at.offset + ((ch >= 0xd800 && ch <= 0xdbff) ? 2 : 1);
  range.setStart(at.node, at.offset);
  range.setEnd(at.node, Math.min(end, at.node.data.length));
  var rects = range.getClientRects();
  if (!rects.length || !(rects[0].height > 0)) return null;
  return rects[0];
}

function nextRect(pos, k) {
  for (var j = k; j < pos.total; j++) { var r = charRect(pos, j); if (r) return { k: j, rect: r }; }
  return null;
}

function sameLine(a, b) {
  var overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap > 0.5 * Math.min(a.height, b.height);
}

/** Where to cut a block so its lines above limitY stay: a position, 'fits', or null (the first line does not fit). */
function cutPoint(container, limitY) {
  var pos = textPositions(container);
  // A line's box reaches half the line height below its glyphs' middle, not just their bottom.
  var half = parseFloat(getComputedStyle(container).lineHeight) / 2;
  var lineBottom = function (r) { return half > 0 ? Math.max(r.bottom, (r.top + r.bottom) / 2 + half) : r.bottom; };
  if (!pos.total) return 'fits';
  var first = nextRect(pos, 0);
  if (!first) return 'fits';
  var lo = 0, hi = pos.total, found = null;
  while (lo < hi) {
    var mid = (lo + hi) >> 1;
    var r = nextRect(pos, mid);
    if (r && lineBottom(r.rect) > limitY) { found = r; hi = mid; } else if (r) { lo = r.k + 1; } else { hi = mid; }
  }
  if (!found) return 'fits';
  var start = found.k;
  for (var j = found.k - 1; j >= 0; j--) {
    var pr = charRect(pos, j);
    if (!pr) continue;
    if (!sameLine(pr, found.rect)) break;
    start = j;
  }
  if (start <= first.k) return null;
  // No orphan: a cell does not leave its first line alone at the foot of a page.
  for (var b = start - 1; b > first.k; b--) {
    var before = charRect(pos, b);
    if (!before) continue;
    if (sameLine(before, first.rect)) return null;
    break;
  }
  var at = locate(pos, start);
  var node = at.node;
  if (at.offset > 0) return { node: node, offset: at.offset };
  // At the start of a node: cut before the outermost element that starts here, so none is left empty.
  while (!node.previousSibling && node.parentNode !== container) node = node.parentNode;
  return { before: node };
}

function extractFrom(container, cut) {
  var r = document.createRange();
  if (cut.before) r.setStartBefore(cut.before); else r.setStart(cut.node, cut.offset);
  r.setEnd(container, container.childNodes.length);
  return r.extractContents();
}

function bottomExtra(n) {
  var s = getComputedStyle(n);
  return (parseFloat(s.paddingBottom) || 0) + (parseFloat(s.borderBottomWidth) || 0) + (parseFloat(s.marginBottom) || 0);
}

function hasText(n) { return n.textContent.trim() !== ''; }

function cellsOf(node) { return node.tagName === 'TR' ? Array.prototype.slice.call(node.cells) : [node]; }

/** Places the lines of node that fit on this page; returns the rest as a block of the same kind. */
function splitToFit(node) {
  var parent = top();
  var reduce = 0;
  for (var attempt = 0; attempt < 12; attempt++) {
    parent.appendChild(node);
    var footH = foot ? foot.getBoundingClientRect().height : 0;
    var limit = pgBody.getBoundingClientRect().top + pageH - SLACK - footH - reduce;
    var cells = cellsOf(node);
    var over0 = overflow();
    var cuts = cells.map(function (cell) { return cutPoint(cell, limit - bottomExtra(cell)); });
    // A row starts level: if one of its cells cannot begin here, the whole row goes on.
    var blocked = cuts.some(function (c, i) { return c === null && hasText(cells[i]); });
    var kept = !blocked && cuts.some(function (c, i) { return c === 'fits' ? hasText(cells[i]) : !!c; });
    var moved = cuts.some(function (c, i) { return c === null ? hasText(cells[i]) : !!c && c !== 'fits'; });
    if (!kept) {
      // Not one line of it fits here.
      node.remove();
      return { placed: false };
    }
    if (!moved) {
      // Its glyphs fit but its line boxes and padding do not: cut higher.
      node.remove();
      reduce += Math.max(over0, 2);
      continue;
    }
    var rest = node.cloneNode(false);
    rest.removeAttribute('id');
    rest.classList.add('cont');
    var restCells = cells.map(function (cell, i) {
      var target = rest;
      if (node.tagName === 'TR') { target = cell.cloneNode(false); target.removeAttribute('id'); rest.appendChild(target); }
      var c = cuts[i];
      if (c === null) { while (cell.firstChild) target.appendChild(cell.firstChild); }
      else if (c !== 'fits') target.appendChild(extractFrom(cell, c));
      return target;
    });
    var added = addNotes(node);
    node.classList.add('split');
    var over = overflow();
    if (over <= 0) { placed(node); return { placed: true, rest: rest }; }
    // Its notes (or the line box below the glyphs) took more room: put it back together and cut higher.
    removeNotes(added);
    node.classList.remove('split');
    cells.forEach(function (cell, i) { while (restCells[i].firstChild) cell.appendChild(restCells[i].firstChild); });
    node.remove();
    reduce += Math.max(over, 2);
  }
  return { placed: false };
}

try {
  var pages = paginate();
  root.setAttribute('data-paginated', String(pages));
} catch (err) {
  if (pagesRoot) pagesRoot.remove();
  backup.forEach(function (n) { body.insertBefore(n, body.querySelector('script')); });
  var note = el('p', 'pg-failed');
  note.textContent = 'The notes could not be placed at the foot of each page (' + (err && err.message) + '); they follow each document.';
  body.insertBefore(note, body.firstChild);
  root.setAttribute('data-notes', 'end');
  root.setAttribute('data-paginated', 'failed');
}
})();`;

/** The CSP source that lets exactly {@link PAGINATOR_JS} run. */
export const PAGINATOR_CSP = cspHash(PAGINATOR_JS);
