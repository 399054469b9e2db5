/**
 * Builders and readers for document bodies as ProseMirror JSON, used by importers,
 * exporters, the store and tests alike.
 */
import type { PMJson } from './document';
import type { InsertionKind, SegmentRole } from './schema';
import { GAP_GLYPH } from './gap';

/** Parts of one segment, as plain data. */
export interface SegmentParts {
  id?: string;
  role?: SegmentRole;
  english?: PMJson[];
  witness?: string[];
  korean?: PMJson[];
  original?: PMJson[] | null;
}

let counter = 0;
/** A fresh id, unique within a document (random, with a counter for speed). */
export function newId(prefix = 's'): string {
  counter = (counter + 1) % 0x7fffffff;
  const rand = Math.floor(Math.random() * 0x100000000)
    .toString(36)
    .padStart(7, '0');
  return `${prefix}${rand}${counter.toString(36)}`;
}

/** A text node, or nothing for empty text (ProseMirror forbids empty text nodes). */
export function text(value: string, marks?: PMJson['marks']): PMJson[] {
  if (!value) return [];
  return [marks && marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value }];
}

/** Who made an annotation and when (shared/model/provenance.ts); absent: not recorded. */
export interface BuildProvenance {
  resp: string;
  when?: string;
}

/** Text marked as an editor's insertion (with its provenance, when given). */
export function insertion(value: string, kind: InsertionKind = 'clarification', provenance?: BuildProvenance): PMJson[] {
  const attrs = provenance ? { kind, resp: provenance.resp, when: provenance.when ?? '' } : { kind };
  return text(value, [{ type: 'insertion', attrs }]);
}

/** A segment node. */
export function segment(parts: SegmentParts): PMJson {
  const content: PMJson[] = [
    { type: 'english', content: parts.english ?? [] },
    { type: 'witness', attrs: { lines: parts.witness ?? [] } },
    { type: 'korean', content: parts.korean ?? [] },
  ];
  if (parts.original) content.push({ type: 'original', content: parts.original });
  return { type: 'segment', attrs: { id: parts.id ?? newId(), role: parts.role ?? 'p' }, content };
}

/** A document body from its segments (at least one: an empty document has one empty row). */
export function body(segments: PMJson[]): PMJson {
  return { type: 'doc', content: segments.length ? segments : [segment({})] };
}

/**
 * Converts plain text to inline content: `[...]` becomes an `insertion`, runs of
 * `□` become a `gap`, line breaks become `hard_break`. Unbalanced brackets stay
 * literal text, since they are the source's characters and not an editor's.
 * `provenance` is given to every insertion (the importers: the archive's translator).
 */
export function inlineFromPlain(value: string, provenance?: BuildProvenance): PMJson[] {
  const out: PMJson[] = [];
  const lines = value.split('\n');
  lines.forEach((line, index) => {
    if (index > 0) out.push({ type: 'hard_break' });
    const pattern = new RegExp(`\\[([^[\\]]*)\\]|(${GAP_GLYPH}+)`, 'g');
    let last = 0;
    for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
      out.push(...text(line.slice(last, match.index)));
      if (match[2]) out.push({ type: 'gap', attrs: { reason: 'illegible', quantity: match[2].length } });
      else if (match[1] !== undefined && match[1].length > 0) out.push(...insertion(match[1], 'clarification', provenance));
      else out.push(...text(match[0]));
      last = match.index + match[0].length;
    }
    out.push(...text(line.slice(last)));
  });
  return mergeText(out);
}

/** Joins adjacent text nodes that carry the same marks. */
export function mergeText(nodes: PMJson[]): PMJson[] {
  const out: PMJson[] = [];
  for (const node of nodes) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.type === 'text' &&
      node.type === 'text' &&
      JSON.stringify(prev.marks ?? []) === JSON.stringify(node.marks ?? [])
    ) {
      out[out.length - 1] = { ...prev, text: (prev.text ?? '') + (node.text ?? '') };
    } else {
      out.push(node);
    }
  }
  return out;
}

/** The segments of a body. */
export function segmentsOf(doc: PMJson): PMJson[] {
  return (doc.content ?? []).filter((node) => node.type === 'segment');
}

/** The child of a segment holding one column (`english`, `witness`, `korean`, `original`). */
export function columnOf(seg: PMJson, column: string): PMJson | undefined {
  return (seg.content ?? []).find((node) => node.type === column);
}

/** Witness lines of a segment. */
export function witnessOf(seg: PMJson): string[] {
  return (columnOf(seg, 'witness')?.attrs?.lines as string[] | undefined) ?? [];
}

/**
 * Plain text of inline content: text as is, `hard_break` as `\n`, gaps as `□`,
 * footnotes left out (they are not part of the running text).
 */
export function plainText(nodes: PMJson[] | undefined): string {
  let out = '';
  for (const node of nodes ?? []) {
    if (node.type === 'text') out += node.text ?? '';
    else if (node.type === 'hard_break') out += '\n';
    else if (node.type === 'gap') out += GAP_GLYPH.repeat(Number(node.attrs?.quantity ?? 1));
    else if (node.type === 'unclear') out += plainText(node.content);
  }
  return out;
}

/** Counts marks of a type anywhere under `node` (adjacent text nodes of one mark count once). */
export function countMarks(node: PMJson, markType: string): number {
  let count = 0;
  const walk = (nodes: PMJson[] | undefined) => {
    let open = false;
    for (const child of nodes ?? []) {
      const has = child.type === 'text' && (child.marks ?? []).some((m) => m.type === markType);
      if (has && !open) count++;
      open = has;
      if (child.type !== 'text') walk(child.content);
    }
  };
  walk(node.content);
  return count;
}

/** Whether any row of a body has witness lines (a document without them keeps the column narrow). */
export function hasWitness(body: PMJson): boolean {
  return segmentsOf(body).some((seg) => witnessOf(seg).length > 0);
}

/** Whether any row of a body has an original-language column. */
export function hasOriginal(body: PMJson): boolean {
  return segmentsOf(body).some((seg) => columnOf(seg, 'original') !== undefined);
}
