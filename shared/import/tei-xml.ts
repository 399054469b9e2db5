/**
 * The XML layer of the TEI importer: a well-formedness-checking parse (saxes, a
 * streaming, conformant XML 1.0 parser) into a small element tree, and the few
 * readers the importer uses.
 *
 * Bounded on purpose: the tree is built in one pass with an explicit stack (time
 * linear in the input), and elements may nest at most {@link MAX_DEPTH} deep, so a
 * hostile file cannot make the walkers that follow recurse without end. Entities a
 * file declares in its internal DTD subset are read as plain text (never
 * re-parsed, so they cannot expand), and external ones are never fetched.
 */
import { SaxesParser, type SaxesAttributeNS } from 'saxes';

/** How deep elements may nest. Real TEI editions stay far below (letters: about 15). */
export const MAX_DEPTH = 200;

/** An element: its local name, namespace, attributes by qualified name (`xml:id`), children. */
export interface XmlElement {
  kind: 'element';
  name: string;
  ns: string;
  /** Prefixed name as written (`frus:attachment`), for messages. */
  qname: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  line: number;
}

/** Character data (CDATA sections included). Comments and processing instructions are not kept. */
export interface XmlText {
  kind: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

/** Result of {@link parseXml}: the root element, or a message naming the problem and where. */
export type ParsedXml = { ok: true; root: XmlElement } | { ok: false; error: string };

class DepthError extends Error {}

/** Internal general entities declared as `<!ENTITY name "text">` in a DOCTYPE's internal subset. */
function declaredEntities(doctype: string): Record<string, string> {
  const out: Record<string, string> = {};
  const pattern = /<!ENTITY\s+([^\s%"'>]+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
  for (const match of doctype.matchAll(pattern)) {
    const value = match[2] ?? match[3] ?? '';
    // Character references in the value are resolved; other references are kept as written.
    out[match[1]] = value.replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (whole, ref: string) => {
      const code = ref[0] === 'x' ? parseInt(ref.slice(1), 16) : parseInt(ref, 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  return out;
}

/** Parses an XML document into an element tree, or says why it cannot. */
export function parseXml(source: string): ParsedXml {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: string | undefined;

  parser.on('error', (err) => {
    // The first error stops the parse: a file that is not well-formed is not read at all.
    failure ??= err.message.replace(/^undefined:/, 'line ');
    throw err;
  });
  parser.on('doctype', (doctype) => {
    Object.assign(parser.ENTITIES, declaredEntities(doctype));
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_DEPTH) {
      throw new DepthError(
        `elements nest deeper than ${MAX_DEPTH} levels (at <${tag.name}>, line ${parser.line}); ` +
          'no TEI edition needs that many, so the file was not read',
      );
    }
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes) as SaxesAttributeNS[]) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs[attr.prefix === 'xml' ? `xml:${attr.local}` : attr.name] = attr.value;
    }
    const el: XmlElement = {
      kind: 'element',
      name: tag.local,
      ns: tag.uri,
      qname: tag.name,
      attrs,
      children: [],
      line: parser.line,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const onText = (text: string) => {
    const parent = stack[stack.length - 1];
    if (!parent || !text) return;
    const last = parent.children[parent.children.length - 1];
    if (last?.kind === 'text') last.text += text;
    else parent.children.push({ kind: 'text', text });
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    parser.write(source).close();
  } catch (err) {
    if (err instanceof DepthError) return { ok: false, error: err.message };
    return { ok: false, error: `not well-formed XML (${failure ?? (err as Error).message})` };
  }
  if (!root) return { ok: false, error: 'no root element' };
  return { ok: true, root };
}

/** Element children. */
export function elements(node: XmlElement | undefined): XmlElement[] {
  if (!node) return [];
  const out: XmlElement[] = [];
  for (const child of node.children) if (child.kind === 'element') out.push(child);
  return out;
}

/** The first element child named `name` (and passing `where`). */
export function child(
  node: XmlElement | undefined,
  name: string,
  where: (el: XmlElement) => boolean = () => true,
): XmlElement | undefined {
  if (!node) return undefined;
  for (const el of node.children) if (el.kind === 'element' && el.name === name && where(el)) return el;
  return undefined;
}

/** Every element child named `name`. */
export function childrenNamed(node: XmlElement | undefined, name: string): XmlElement[] {
  return elements(node).filter((el) => el.name === name);
}

/** Follows a path of child names. */
export function path(node: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let at = node;
  for (const name of names) at = child(at, name);
  return at;
}

/** An attribute by qualified name (`type`, `xml:id`), or null. */
export function attr(node: XmlElement | undefined, name: string): string | null {
  return node?.attrs[name] ?? null;
}

/** Every descendant element named `name`, in document order (iterative: no recursion depth). */
export function descendants(node: XmlElement | undefined, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  if (!node) return out;
  const stack: XmlElement[] = [...elements(node)].reverse();
  while (stack.length) {
    const el = stack.pop()!;
    if (el.name === name) out.push(el);
    const kids = elements(el);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/** All text of an element, markup removed (comments and PIs were never kept). */
export function textContent(node: XmlElement | undefined): string {
  if (!node) return '';
  const parts: string[] = [];
  const stack: XmlNode[] = [...node.children].reverse();
  while (stack.length) {
    const at = stack.pop()!;
    if (at.kind === 'text') parts.push(at.text);
    else for (let i = at.children.length - 1; i >= 0; i--) stack.push(at.children[i]);
  }
  return parts.join('');
}

/** Text with XML white space collapsed and trimmed, as a reader sees it. */
export function squash(value: string): string {
  return value.replace(/[ \t\r\n]+/g, ' ').trim();
}
