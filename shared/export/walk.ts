/**
 * The one traversal every exporter shares: ProseMirror inline JSON (flat text
 * nodes that each carry a set of marks) becomes a tree in which each mark range
 * is one node with children. Exporters then render the tree recursively, so
 * `<supplied>…</supplied>`, `[…]` and a bracketed Word run are all "one node",
 * whatever the formats do with it.
 *
 * Proposals (text auto-fill or the draft proposed and the translator has not
 * accepted) never reach an export as final text: the walker turns each proposed
 * text into an unclear reading flagged `proposed` (reason {@link PROPOSED_REASON}),
 * so every format shows it as unverified with its own convention for uncertain
 * readings: `text(?)` in plain text and Markdown, a dotted underline and `(?)` in
 * HTML, PDF and DOCX, `<seg type="proposed" cert="low">` in TEI (which reads back
 * as a proposal). Accepted text is ordinary text.
 */
import type { PMJson } from '../model/document';
import { INSERTION_KINDS, NAME_TYPES, type InsertionKind, type NameType } from '../model/schema';
import { GAP_GLYPH } from '../model/gap';

/** A mark range, with the attributes an exporter needs. */
export type InlineMark =
  | ({ type: 'insertion'; kind: InsertionKind } & Provenance)
  /** `label`: the correction's letter in the apparatus (`a`, `b`, …), set when corrections are noted. */
  | ({ type: 'correction'; original: string; label?: string } & Provenance)
  | { type: 'name'; nameType: NameType; ref: string }
  /**
   * Proposed non-text content (a placeholder, a line break, an unclear reading):
   * TEI keeps it as a proposal, the reading formats write the content as it is,
   * since none of it reads as final text.
   */
  | { type: 'proposed' };

/** A node of the inline tree. */
export type InlineNode =
  | { type: 'text'; text: string }
  | { type: 'break' }
  | { type: 'gap'; reason: string; quantity: number }
  /** `proposed`: text proposed and not accepted, exported as an unverified reading. */
  | { type: 'unclear'; reason: string; text: string; proposed?: true }
  /** `n` is the footnote's number in its document (1-based), 0 inside a footnote. */
  | ({ type: 'footnote'; id: string; n: number; content: InlineNode[] } & Provenance)
  | { type: 'mark'; mark: InlineMark; children: InlineNode[] };

/**
 * Nesting order of marks, outermost first. It is the schema's mark order, so a
 * name inside an insertion nests as `<supplied><persName>` and never the other way.
 */
const MARK_ORDER = ['insertion', 'correction', 'name', 'proposed'] as const;

/** The reason an export gives for a proposed, unaccepted reading. */
export const PROPOSED_REASON = 'proposed, not accepted';

/**
 * Who made an annotation and when (shared/model/provenance.ts), present only when
 * recorded, so that annotations without provenance are exactly as before.
 */
interface Provenance {
  resp?: string;
  when?: string;
}

function provenance(attrs: Record<string, unknown>): Provenance {
  const out: Provenance = {};
  if (typeof attrs.resp === 'string' && attrs.resp) out.resp = attrs.resp;
  if (typeof attrs.when === 'string' && attrs.when) out.when = attrs.when;
  return out;
}

function toMark(mark: { type: string; attrs?: Record<string, unknown> }): InlineMark | null {
  const attrs = mark.attrs ?? {};
  switch (mark.type) {
    case 'insertion': {
      const kind = String(attrs.kind ?? 'clarification');
      return {
        type: 'insertion',
        kind: (INSERTION_KINDS as readonly string[]).includes(kind) ? (kind as InsertionKind) : 'clarification',
        ...provenance(attrs),
      };
    }
    case 'correction':
      return { type: 'correction', original: String(attrs.original ?? ''), ...provenance(attrs) };
    case 'name': {
      const nameType = String(attrs.type ?? 'person');
      return {
        type: 'name',
        nameType: (NAME_TYPES as readonly string[]).includes(nameType) ? (nameType as NameType) : 'term',
        ref: String(attrs.ref ?? ''),
      };
    }
    case 'proposed':
      return { type: 'proposed' };
    default:
      return null; // a mark this exporter does not know is dropped, its text kept
  }
}

function marksOf(node: PMJson, proposedText: boolean): InlineMark[] {
  // Proposed text is an unverified reading itself (see toLeaf's caller), not a proposed range.
  const marks = (node.marks ?? [])
    .map(toMark)
    .filter((m): m is InlineMark => m !== null && !(proposedText && m.type === 'proposed'));
  return marks.sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
}

/** Identity of a mark: two text nodes in a row with equal keys belong to one range. */
function keyOf(mark: InlineMark): string {
  return JSON.stringify(mark);
}

/** Calls `number` for each footnote in document order; returns the footnote's number. */
export type FootnoteNumberer = (id: string) => number;

/**
 * Builds the inline tree of a column's content. `number` is called once per
 * footnote, in document order, and returns its number; footnote content is built
 * without numbering (footnotes do not nest).
 */
export function buildInline(nodes: PMJson[] | undefined, number: FootnoteNumberer = () => 0): InlineNode[] {
  const root: InlineNode[] = [];
  const stack: { key: string; children: InlineNode[] }[] = [];
  for (const node of nodes ?? []) {
    let leaf = toLeaf(node, number);
    if (!leaf) continue;
    const proposedText = leaf.type === 'text' && !!node.marks?.some((m) => m.type === 'proposed');
    if (proposedText && leaf.type === 'text')
      leaf = { type: 'unclear', reason: PROPOSED_REASON, text: leaf.text, proposed: true };
    const marks = marksOf(node, proposedText);
    let keep = 0;
    while (keep < stack.length && keep < marks.length && stack[keep].key === keyOf(marks[keep])) keep++;
    stack.length = keep;
    for (let i = keep; i < marks.length; i++) {
      const el: InlineNode = { type: 'mark', mark: marks[i], children: [] };
      (i === 0 ? root : stack[i - 1].children).push(el);
      stack.push({ key: keyOf(marks[i]), children: el.children });
    }
    const target = stack.length ? stack[stack.length - 1].children : root;
    const prev = target[target.length - 1];
    if (leaf.type === 'text' && prev?.type === 'text') prev.text += leaf.text;
    else target.push(leaf);
  }
  return root;
}

function toLeaf(node: PMJson, number: FootnoteNumberer): InlineNode | null {
  switch (node.type) {
    case 'text':
      return node.text ? { type: 'text', text: node.text } : null;
    case 'hard_break':
      return { type: 'break' };
    case 'gap': {
      const quantity = Number(node.attrs?.quantity ?? 1);
      return {
        type: 'gap',
        reason: String(node.attrs?.reason ?? 'illegible'),
        quantity: Number.isInteger(quantity) && quantity > 0 ? quantity : 1,
      };
    }
    case 'unclear':
      return {
        type: 'unclear',
        reason: String(node.attrs?.reason ?? ''),
        text: (node.content ?? []).map((child) => child.text ?? '').join(''),
      };
    case 'footnote': {
      const id = String(node.attrs?.id ?? '');
      return {
        type: 'footnote',
        id,
        n: number(id),
        content: buildInline(node.content),
        ...provenance(node.attrs ?? {}),
      };
    }
    default:
      return null;
  }
}

/** Footnotes of a tree, in document order. */
export function footnotesIn(nodes: InlineNode[]): Extract<InlineNode, { type: 'footnote' }>[] {
  const out: Extract<InlineNode, { type: 'footnote' }>[] = [];
  const visit = (list: InlineNode[]) => {
    for (const node of list) {
      if (node.type === 'footnote') out.push(node);
      else if (node.type === 'mark') visit(node.children);
    }
  };
  visit(nodes);
  return out;
}

/** True when a tree has no visible content (no text, gap, unclear, break or footnote). */
export function isEmptyInline(nodes: InlineNode[] | null | undefined): boolean {
  return !nodes || nodes.every((node) => node.type === 'mark' && isEmptyInline(node.children));
}

/** Text of a tree without any markup (footnotes left out, gaps as `□`). */
export function textOf(nodes: InlineNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'break') out += '\n';
    else if (node.type === 'gap') out += GAP_GLYPH.repeat(node.quantity);
    else if (node.type === 'unclear') out += node.text;
    else if (node.type === 'mark') out += textOf(node.children);
  }
  return out;
}

/**
 * Text for reading formats: control characters (which HTML, Markdown and Word
 * cannot show, and which would make a DOCX unreadable) become their visible
 * Unicode pictures (`␛`, `␍`); lone surrogates become `�`. TEI keeps the real
 * characters instead (see `tei-names.ts`).
 */
export function readable(value: string): string {
  return value.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0008\u000B-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (ch) => {
      const code = ch.charCodeAt(0);
      if (code === 0x7f) return '\u2421';
      if (code < 0x20) return String.fromCharCode(0x2400 + code);
      return '\uFFFD';
    },
  );
}
