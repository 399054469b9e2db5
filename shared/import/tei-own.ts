/**
 * Interlinea's own TEI layout (`shared/export/tei.ts`): one division per column
 * (`type="translation"` with `xml:lang`, `type="original"`, `type="witness"`),
 * rows aligned by the `xml:id`s the exporter wrote, the witness byte for byte.
 */
import type { ReviewState, SegmentRole, TextColumn } from '../model/schema';
import { parseXmlId, roleOf } from '../export/tei-names';
import type { Row } from './tei-body';
import { glyph, plainText, type InlineReader } from './tei-inline';
import { attr, child, elements, type XmlElement } from './tei-xml';

const SEGMENT_ELEMENTS = new Set(['p', 'head', 'ab', 'closer']);
const OWN_DIVISIONS = new Set(['translation', 'original', 'witness']);

function columnOfDiv(div: XmlElement): TextColumn | 'witness' | null {
  const type = attr(div, 'type');
  const lang = attr(div, 'xml:lang') ?? '';
  if (type === 'witness') return 'witness';
  if (type === 'original') return 'original';
  if (type === 'translation')
    return lang.startsWith('ko') ? 'korean' : lang.startsWith('en') || !lang ? 'english' : null;
  return null;
}

/**
 * True for TEI in Interlinea's layout: the header names Interlinea as the
 * application, or (exports before it did) every division of the body is one of
 * its columns.
 */
export function isOwnLayout(tei: XmlElement, body: XmlElement | undefined): boolean {
  const apps = elements(child(child(tei, 'teiHeader'), 'encodingDesc')).filter((el) => el.name === 'appInfo');
  if (apps.some((app) => elements(app).some((a) => attr(a, 'ident') === 'interlinea'))) return true;
  const divs = elements(body);
  return divs.length > 0 && divs.every((el) => el.name === 'div' && OWN_DIVISIONS.has(attr(el, 'type') ?? ''));
}

/**
 * Lines of a witness `<ab>`: only `<lb/>` splits lines (a line feed inside a line's
 * text is that line's character), `<g>` is its character, nothing else is interpreted.
 */
export function witnessLines(ab: XmlElement): string[] {
  const lines = [''];
  for (const part of ab.children) {
    if (part.kind === 'text') lines[lines.length - 1] += part.text;
    else if (part.name === 'lb') lines.push('');
    else if (part.name === 'g') lines[lines.length - 1] += glyph(part);
    else lines[lines.length - 1] += plainText(part);
  }
  return lines;
}

/** Rows of a body in Interlinea's layout. */
export function readOwnRows(body: XmlElement, reader: InlineReader): Row[] {
  const rows = new Map<string, Row>();
  const row = (key: string): Row => {
    let found = rows.get(key);
    if (!found) {
      found = { id: key, role: 'p', english: [], korean: [], original: null, witness: [] };
      rows.set(key, found);
    }
    return found;
  };
  for (const div of elements(body).filter((el) => el.name === 'div')) {
    const column = columnOfDiv(div);
    if (!column) {
      reader.report.warn(`<div type="${attr(div, 'type') ?? ''}"> is not a column Interlinea knows: skipped`);
      continue;
    }
    elements(div).forEach((el, i) => {
      if (!SEGMENT_ELEMENTS.has(el.name)) {
        reader.report.warn(`<${el.name}> directly in a column is not a row: skipped`);
        return;
      }
      // Rows align by the ids the exporter wrote, or else by position.
      const id = parseXmlId(attr(el, 'xml:id') ?? '', column) ?? `\u0000${i}`;
      const existed = rows.has(id);
      const target = row(id);
      if (column === 'witness') {
        target.witness = witnessLines(el);
        return;
      }
      // The first column that has the row gives its role (all columns agree when we wrote them).
      if (!existed) target.role = roleOf(el.name, attr(el, 'type'), attr(el, 'rend')) as SegmentRole;
      const review = /(?:^|\s)#(?:d\d+-)?review-(reviewed|approved)(?:\s|$)/.exec(attr(el, 'ana') ?? '')?.[1];
      if (review) target.review = review as ReviewState;
      const content = reader.inline(el);
      if (column === 'original') target.original = content;
      else target[column] = content;
    });
  }
  // Rows that had no id get one not taken by another row.
  const taken = new Set(rows.keys());
  let n = 0;
  return [...rows.values()].map((r) => {
    if (!r.id.startsWith('\u0000')) return r;
    do n++;
    while (taken.has(`s${n}`));
    taken.add(`s${n}`);
    return { ...r, id: `s${n}` };
  });
}
