/**
 * A tiny hyperscript for HTML output: every string child and attribute value is
 * escaped on the way in, so an exporter cannot forget to. Only {@link Html}
 * values (built by `h` itself) pass through unescaped.
 */

/** Markup that is already safe. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** A child: text (escaped), markup, nothing, or a list of these. */
export type Child = string | Html | null | undefined | false | readonly Child[];

/** Attribute values; `false`, `null` and `undefined` leave the attribute out. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

const VOID = new Set(['br', 'hr', 'meta', 'link', 'img', 'col', 'wbr']);

/** Escapes text for element content and (double-quoted) attribute values. */
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function flatten(child: Child, out: string[]): void {
  if (child === null || child === undefined || child === false) return;
  if (typeof child === 'string') out.push(esc(child));
  else if (child instanceof Html) out.push(child.value);
  else for (const item of child) flatten(item, out);
}

/** Joins children into markup. */
export function frag(...children: Child[]): Html {
  const out: string[] = [];
  flatten(children, out);
  return new Html(out.join(''));
}

/** An element: `h('a', { href: '#fn1' }, 'text')`. */
export function h(tag: string, attrs: Attrs | null, ...children: Child[]): Html {
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    open += value === true ? ` ${name}` : ` ${name}="${esc(String(value))}"`;
  }
  if (VOID.has(tag)) return new Html(`${open}>`);
  return new Html(`${open}>${frag(...children).value}</${tag}>`);
}

/** Trusted markup (a constant such as a style sheet); never pass user text. */
export function raw(value: string): Html {
  return new Html(value);
}
