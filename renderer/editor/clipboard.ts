/**
 * Copy and paste.
 *
 * - Inside the app, copied HTML carries a marker; pasting it keeps insertions,
 *   corrections, footnotes and the rest of our markup. It is still sanitised:
 *   only our schema's elements and attributes survive.
 * - From anywhere else, only plain text is pasted (Unicode NFC, line breaks as
 *   line breaks, no control characters): a web page's styles, links or scripts
 *   never reach a document.
 * - Pasted content is always inline: copied rows are flattened to their text
 *   cells (never their witness lines, which belong to the source), so a paste can
 *   neither duplicate nor drop witness lines.
 * - Copying out gives other programs readable text: insertions in brackets.
 */
import { Fragment, Slice, type Node, type ResolvedPos, type Schema } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import { DOMSerializer } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { newId } from '../../shared/model/build';
import { spansCells, clearAcrossCells } from './commands/cells';
import { GAP_GLYPH } from '../../shared/model/gap';

/** Attribute on the wrapper of HTML that Interlinea put on the clipboard. */
export const CLIPBOARD_MARKER = 'data-interlinea-clipboard';

/** Elements and attributes our schema's parse rules read; everything else is dropped. */
const ALLOWED: Record<string, { classes?: string[]; attrs: string[] }> = {
  div: { classes: ['segment', 'english', 'korean', 'original', 'witness', 'witness-line'], attrs: ['class', 'data-id', 'data-role', 'data-review', 'data-column'] },
  span: {
    classes: ['insertion', 'correction', 'name', 'proposed', 'gap', 'unclear'],
    attrs: ['class', 'data-kind', 'data-original', 'data-type', 'data-ref', 'data-reason', 'data-quantity', 'data-resp', 'data-when'],
  },
  footnote: { attrs: ['data-resp', 'data-when'] },
  br: { attrs: [] },
};

/**
 * Parses HTML without running or loading anything: a template's content is
 * inert (no scripts, no image loads, no event handlers), unlike a DOMParser
 * document, where an `<img onerror>` still fires.
 */
function inert(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** Normalises pasted text: NFC (Hangul composed), `\n` line ends, no control characters. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // Control characters (other than the line break) and zero-width marks never belong in a text.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b\ufeff]/g, '')
    .normalize('NFC');
}

/** Inline nodes for plain text: lines joined by hard breaks. */
export function inlineFromText(schema: Schema, text: string): Node[] {
  const nodes: Node[] = [];
  cleanText(text)
    .split('\n')
    .forEach((line, i) => {
      if (i > 0) nodes.push(schema.nodes.hard_break.create());
      if (line) nodes.push(schema.text(line));
    });
  return nodes;
}

/**
 * Keeps only our own markup in HTML we copied ourselves: unknown elements are
 * unwrapped (their text stays), unknown attributes and classes removed, and
 * ProseMirror's slice information moved past our marker.
 */
export function sanitizeOwnHtml(html: string): string {
  const parsed = inert(html);
  const marker = parsed.querySelector(`[${CLIPBOARD_MARKER}]`);
  if (!marker) return '';
  const slice = marker.getAttribute('data-pm-slice');
  const clean = (el: Element) => {
    for (const child of Array.from(el.children)) clean(child);
    if (el === marker) return;
    const name = el.nodeName.toLowerCase();
    const rule = ALLOWED[name];
    const classes = Array.from(el.classList).filter((c) => rule?.classes?.includes(c));
    if (!rule || (rule.classes && !classes.length)) {
      if (['script', 'style', 'template', 'iframe', 'object', 'embed'].includes(name)) el.remove();
      else el.replaceWith(...Array.from(el.childNodes));
      return;
    }
    for (const attr of Array.from(el.attributes)) if (!rule.attrs.includes(attr.name)) el.removeAttribute(attr.name);
    if (rule.classes) el.setAttribute('class', classes.join(' '));
  };
  clean(marker);
  const out = parsed.ownerDocument.createElement('div');
  out.append(...Array.from(marker.childNodes));
  const first = out.firstElementChild;
  if (slice && first) first.setAttribute('data-pm-slice', slice);
  return out.innerHTML;
}

/** True when clipboard HTML came from Interlinea. */
export function isOwnHtml(html: string | null | undefined): boolean {
  return !!html && html.includes(CLIPBOARD_MARKER);
}

/** Escapes text for HTML. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/** Foreign HTML (e.g. dropped from a web page) reduced to its text. */
function htmlToTextHtml(html: string): string {
  const parsed = inert(html);
  parsed.querySelectorAll('script, style, template').forEach((el) => el.remove());
  parsed.querySelectorAll('br').forEach((el) => el.replaceWith('\n'));
  parsed.querySelectorAll('p, div, li, tr, h1, h2, h3, h4, h5, h6').forEach((el) => el.append('\n'));
  const text = cleanText(parsed.textContent ?? '').replace(/\n+$/, '');
  return text
    .split('\n')
    .map((line) => escapeHtml(line))
    .join('<br>');
}

/**
 * Reduces a pasted slice to inline content: a copied cell gives its content;
 * copied rows give their text cells' content, joined by line breaks, without
 * the witness. Footnotes get new ids (a copy is a new note).
 */
export function inlineSlice(slice: Slice, schema: Schema): Slice {
  const parts: Fragment[] = [];
  let inline = true;
  slice.content.forEach((node) => {
    if (!node.isInline) inline = false;
  });
  if (inline) return new Slice(renumber(slice.content, schema), 0, 0);
  const collect = (node: Node) => {
    if (node.type.name === 'witness') return;
    if (node.isTextblock) {
      if (node.content.size) parts.push(node.content);
      return;
    }
    node.forEach(collect);
  };
  slice.content.forEach(collect);
  let content = Fragment.empty;
  parts.forEach((part, i) => {
    if (i > 0) content = content.addToEnd(schema.nodes.hard_break.create());
    content = content.append(part);
  });
  return new Slice(renumber(content, schema), 0, 0);
}

function renumber(fragment: Fragment, schema: Schema): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    if (node.type === schema.nodes.footnote) nodes.push(node.type.create({ ...node.attrs, id: newId('fn') }, node.content, node.marks));
    else nodes.push(node);
  });
  return Fragment.fromArray(nodes);
}

/** Plain text of a slice for other programs: insertions in brackets, footnotes left out. */
export function sliceToText(slice: Slice): string {
  const blocks: string[] = [];
  let current = '';
  let bracket = false;
  const close = () => {
    if (bracket) current += ']';
    bracket = false;
  };
  const inline = (node: Node) => {
    if (node.type.name === 'footnote') return;
    const inserted = node.marks.some((m) => m.type.name === 'insertion');
    if (inserted && !bracket) current += '[';
    if (!inserted) close();
    bracket = inserted;
    if (node.isText) current += node.text ?? '';
    else if (node.type.name === 'hard_break') current += '\n';
    else if (node.type.name === 'gap') current += GAP_GLYPH.repeat(Number(node.attrs.quantity) || 1);
    else if (node.type.name === 'unclear') current += node.textContent;
  };
  const block = (node: Node) => {
    if (node.type.name === 'witness') return;
    if (node.isTextblock) {
      current = '';
      node.forEach(inline);
      close();
      if (current) blocks.push(current);
      return;
    }
    node.forEach(block);
  };
  let allInline = true;
  slice.content.forEach((node) => {
    if (!node.isInline) allInline = false;
  });
  if (allInline) {
    slice.content.forEach(inline);
    close();
    return current;
  }
  slice.content.forEach(block);
  return blocks.join('\n\n');
}

/** A serializer whose output is wrapped in our marker, so our own paste can recognise it. */
export function buildClipboardSerializer(schema: Schema): DOMSerializer {
  const base = DOMSerializer.fromSchema(schema);
  const serializer = new DOMSerializer(base.nodes, base.marks);
  const serializeFragment = serializer.serializeFragment.bind(serializer);
  serializer.serializeFragment = (fragment, options = {}, target) => {
    const doc = options.document ?? window.document;
    const wrapper = doc.createElement('div');
    wrapper.setAttribute(CLIPBOARD_MARKER, '1');
    serializeFragment(fragment, { ...options, document: doc }, wrapper);
    if (target) {
      target.appendChild(wrapper);
      return target as DocumentFragment;
    }
    const out = doc.createDocumentFragment();
    out.appendChild(wrapper);
    return out;
  };
  return serializer;
}

function clipboardTextParser(schema: Schema) {
  return (text: string, _context: ResolvedPos): Slice => new Slice(Fragment.fromArray(inlineFromText(schema, text)), 0, 0);
}

/** Builds the clipboard plugin for a schema. */
export function buildClipboard(schema: Schema): Plugin {
  return new Plugin({
    props: {
      clipboardSerializer: buildClipboardSerializer(schema),
      clipboardTextSerializer: (slice) => sliceToText(slice),
      clipboardTextParser: clipboardTextParser(schema),
      transformPastedHTML: (html) => (isOwnHtml(html) ? sanitizeOwnHtml(html) : htmlToTextHtml(html)),
      transformPasted: (slice) => inlineSlice(slice, schema),
      handleDOMEvents: {
        paste(view: EditorView, event: ClipboardEvent) {
          const data = event.clipboardData;
          if (!data) return false;
          const html = data.getData('text/html');
          if (isOwnHtml(html)) return false;
          // Anything else is pasted as plain text.
          const text = data.getData('text/plain');
          if (!text) return false;
          event.preventDefault();
          view.pasteText(text, event);
          return true;
        },
      },
      handlePaste(view, _event, slice) {
        // A paste over a selection across cells: clear the cells, then paste at the start.
        if (!spansCells(view.state)) return false;
        const tr = clearAcrossCells(view.state);
        tr.replaceSelection(slice);
        view.dispatch(tr.scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste'));
        return true;
      },
    },
  });
}
