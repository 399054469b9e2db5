/**
 * The text of another edition's TEI as rows: every block (`p`, `ab`, `head`,
 * `opener`, `closer`, `dateline`, each `item` of a `list`, each `row` of a
 * `table`, …) in `front`, `body` and `back`, through divisions and groups, is one
 * row; its language (`xml:lang`, inherited) chooses the column: English, Korean,
 * or the original. Sibling divisions in different languages are parallel
 * translations, aligned row by row.
 *
 * Notes written inline stay where they are; notes elsewhere (`back`, `standOff`,
 * a notes division) pointing at the text with `@target` are placed after what they
 * point at. Index data (`listPerson`, `listPlace`, …) and page breaks between
 * blocks, which a row cannot hold, are kept as text in the source notes.
 */
import type { PMJson } from '../model/document';
import { TEI_NS } from '../export/tei-names';
import type { ReviewState, SegmentRole } from '../model/schema';
import { InlineReader, normaliseSpace } from './tei-inline';
import { attr, child, elements, squash, textContent, type XmlElement, type XmlNode } from './tei-xml';

/** One row as the importer builds it. */
export interface Row {
  id: string;
  role: SegmentRole;
  english: PMJson[];
  korean: PMJson[];
  original: PMJson[] | null;
  witness: string[];
  /** The row's review state, when Interlinea's own TEI gives one other than draft. */
  review?: ReviewState;
}

type Column = 'english' | 'korean' | 'original';

const CONTAINERS = new Set([
  'text',
  'front',
  'body',
  'back',
  'group',
  'div',
  'div1',
  'div2',
  'div3',
  'div4',
  'div5',
  'div6',
  'div7',
  'floatingText',
  'postscript',
  'argument',
  'epigraph',
  'sp',
  'figure',
  'noteGrp',
  'titlePage',
]);

const ROLE_OF: Record<string, SegmentRole> = {
  head: 'head',
  opener: 'head',
  dateline: 'head',
  byline: 'head',
  docTitle: 'head',
  titlePart: 'head',
  docImprint: 'head',
  docDate: 'head',
  docAuthor: 'head',
  closer: 'closer',
  signed: 'closer',
  trailer: 'closer',
};

const BLOCKS = new Set([
  'p',
  'ab',
  'head',
  'opener',
  'closer',
  'dateline',
  'salute',
  'signed',
  'byline',
  'docTitle',
  'titlePart',
  'docImprint',
  'docDate',
  'docAuthor',
  'trailer',
  'l',
  'lg',
  'label',
  'quote',
  'q',
  'speaker',
  'stage',
  'bibl',
  'figDesc',
  'address',
  'cit',
  'item',
]);

/** Index data in `back` or `standOff`: not text of the document, kept in the source notes. */
const INDEXES = new Set([
  'listPerson',
  'listPlace',
  'listOrg',
  'listBibl',
  'listEvent',
  'listRelation',
  'listObject',
  'listNym',
  'listWit',
  'listApp',
  'taxonomy',
  'listAnnotation',
]);

/** The column a language tag belongs in (`''`: the main language when none is said). */
export function columnOf(lang: string): Column {
  const primary = lang.toLowerCase().split('-')[0];
  if (!primary || primary === 'en' || primary === 'eng') return 'english';
  if (primary === 'ko' || primary === 'kor') return 'korean';
  return 'original';
}

interface Block {
  /** The element, or a synthetic `ab` around loose text. */
  el: XmlElement;
  role: SegmentRole;
  column: Column;
  /** A note standing between blocks: a footnote of the row before. */
  note?: true;
}

/** Reads the rows of another edition's TEI. */
export class ForeignBody {
  readonly notes: string[] = [];
  /** Languages of the columns the rows were put in (for the metadata). */
  readonly languages = new Map<Column, string>();
  private readonly pageBreaks: string[] = [];
  private readonly byId = new Map<string, XmlElement>();

  constructor(
    private readonly reader: InlineReader,
    /** The document's main language (`langUsage`, `TEI/@xml:lang`), '' when unknown. */
    private readonly mainLang: string,
  ) {}

  read(tei: XmlElement, text: XmlElement): Row[] {
    this.indexIds(text);
    const standOff = child(tei, 'standOff');
    if (standOff) this.indexIds(standOff);
    const orphans = this.placeNotes(text, standOff);
    const blocks: Block[][] = [[]];
    this.container(text, attr(text, 'xml:lang') ?? attr(tei, 'xml:lang') ?? this.mainLang, blocks);
    if (standOff) this.keepIndexes(standOff, 'standOff');
    for (const other of elements(tei)) {
      if (!['teiHeader', 'text', 'standOff'].includes(other.name)) {
        this.reader.report.warn(`<${other.qname}> beside the text is not text of the document: not imported`);
        this.notes.push(`TEI <${other.qname}> not imported (${elements(other).length} elements)`);
      }
    }
    const rows = this.toRows(blocks);
    // Notes whose target is outside what became rows (the header, skipped index data).
    for (const notes of this.reader.placed.values()) orphans.push(...notes);
    this.reader.placed.clear();
    if (orphans.length) {
      this.reader.report.warn(
        `${orphans.length} note(s) point at nothing in the text: kept at the end of the last row`,
      );
      if (!rows.length) rows.push(emptyRow('s1'));
      const last = rows[rows.length - 1];
      const column: Column = last.english.length || !last.original ? 'english' : 'original';
      const footnotes = orphans.flatMap((note) => this.reader.footnote(note, false));
      if (column === 'english') last.english.push(...footnotes);
      else last.original = [...(last.original ?? []), ...footnotes];
    }
    if (this.pageBreaks.length) this.notes.push(`Page breaks (TEI <pb>) between rows: ${this.pageBreaks.join('; ')}`);
    return rows;
  }

  private indexIds(root: XmlElement): void {
    const stack = [root];
    while (stack.length) {
      const el = stack.pop()!;
      const id = attr(el, 'xml:id');
      if (id && !this.byId.has(id)) this.byId.set(id, el);
      for (const kid of elements(el)) stack.push(kid);
    }
  }

  /**
   * Finds notes that stand outside the running text and point at it (`@target`),
   * and hands them to the inline reader to place. Returns those whose target is missing.
   */
  private placeNotes(text: XmlElement, standOff: XmlElement | undefined): XmlElement[] {
    const candidates: XmlElement[] = [];
    const collect = (el: XmlElement, inBlock: boolean) => {
      for (const kid of elements(el)) {
        const isNote = kid.name === 'note' || kid.name === 'annotation';
        if (isNote && !inBlock && attr(kid, 'target')) candidates.push(kid);
        else collect(kid, inBlock || BLOCKS.has(kid.name));
      }
    };
    collect(text, false);
    if (standOff) collect(standOff, false);
    const orphans: XmlElement[] = [];
    for (const note of candidates) {
      // A range (`#a #b`) is noted after its end.
      const targets = (attr(note, 'target') ?? '').trim().split(/\s+/);
      const last = targets[targets.length - 1] ?? '';
      const target = last.startsWith('#') ? this.byId.get(last.slice(1)) : undefined;
      if (!target) {
        orphans.push(note);
        continue;
      }
      const list = this.reader.placed.get(target) ?? [];
      list.push(note);
      this.reader.placed.set(target, list);
      placedNotes.add(note);
    }
    return orphans;
  }

  private container(node: XmlElement, lang: string, out: Block[][]): void {
    const kids = elements(node);
    // Sibling divisions in two or more languages: parallel translations.
    const langDivs = kids.filter((el) => el.name.startsWith('div') && attr(el, 'xml:lang'));
    const parallel = new Set(langDivs.map((el) => columnOf(attr(el, 'xml:lang') ?? ''))).size >= 2;
    let loose: XmlNode[] = [];
    const flush = () => {
      if (loose.some((n) => n.kind === 'element' || squash(n.text))) {
        const el: XmlElement = {
          kind: 'element',
          name: 'ab',
          ns: node.ns,
          qname: 'ab',
          attrs: {},
          children: loose,
          line: node.line,
        };
        this.push(out, { el, role: 'p', column: columnOf(lang) });
      }
      loose = [];
    };
    for (const part of node.children) {
      if (part.kind === 'text') {
        loose.push(part);
        continue;
      }
      const name = part.name;
      const partLang = attr(part, 'xml:lang') ?? lang;
      if (placedNotes.has(part)) continue;
      const foreign = part.ns !== '' && part.ns !== TEI_NS;
      if (CONTAINERS.has(name) || (foreign && elements(part).some((k) => BLOCKS.has(k.name)))) {
        flush();
        if (foreign) this.reader.report.warn(`<${part.qname}> is not TEI: read as a division`);
        if (parallel && langDivs.includes(part)) {
          // Each language's rows are aligned by position with the other languages' rows.
          if (out[out.length - 1].length) out.push([]);
          this.languages.set(columnOf(partLang), partLang);
          this.container(part, partLang, out);
          this.notesOnContainer(part, partLang, out);
          out.push([]);
          continue;
        }
        this.container(part, partLang, out);
        this.notesOnContainer(part, partLang, out);
        continue;
      }
      if (INDEXES.has(name)) {
        flush();
        this.keepIndex(part, node.name);
        continue;
      }
      if (name === 'list' || name === 'table' || name === 'listBibl') {
        flush();
        for (const item of elements(part)) {
          if (item.name === 'head') this.push(out, { el: item, role: 'head', column: columnOf(partLang) });
          else if (item.name === 'item' || item.name === 'bibl')
            this.push(out, { el: item, role: 'p', column: columnOf(attr(item, 'xml:lang') ?? partLang) });
          else if (item.name === 'row') this.push(out, { el: wrap(item), role: 'p', column: columnOf(partLang) });
          else if (item.name !== 'label') this.push(out, { el: item, role: 'p', column: columnOf(partLang) });
        }
        continue;
      }
      if (BLOCKS.has(name)) {
        flush();
        this.push(out, { el: part, role: ROLE_OF[name] ?? 'p', column: columnOf(partLang) });
        continue;
      }
      if (name === 'pb') {
        flush();
        if (this.count(out) > 0)
          this.pageBreaks.push(
            `before row ${this.count(out) + 1}${attr(part, 'n') ? ` (page ${attr(part, 'n')})` : ''}`,
          );
        continue;
      }
      if (name === 'note') {
        // A note standing between blocks belongs to the block before it.
        flush();
        this.push(out, { el: part, role: 'p', column: columnOf(partLang) }, true);
        continue;
      }
      // Anything else between blocks (lb, anchor, a name, a seg) is loose text of an implicit paragraph.
      loose.push(part);
    }
    flush();
  }

  /** Notes pointing at a whole division follow its last row. */
  private notesOnContainer(part: XmlElement, lang: string, out: Block[][]): void {
    const notes = this.reader.placed.get(part);
    if (!notes) return;
    this.reader.placed.delete(part);
    for (const note of notes) this.push(out, { el: note, role: 'p', column: columnOf(lang) }, true);
  }

  /** Blocks so far (the row a page break comes before, counted across languages). */
  private count(out: Block[][]): number {
    return out.reduce((n, list) => n + list.filter((b) => !b.note).length, 0);
  }

  private push(out: Block[][], block: Block, note = false): void {
    out[out.length - 1].push(note ? { ...block, note: true } : block);
    if (!this.languages.has(block.column)) this.languages.set(block.column, '');
  }

  private keepIndex(el: XmlElement, where: string): void {
    const entries = elements(el).length;
    this.reader.report.warn(`<${el.name}> in <${where}> is index data, not text: kept in the source notes`);
    this.notes.push(`TEI <${where}>/<${el.name}> (${entries} entries): ${squash(textContent(el))}`);
  }

  private keepIndexes(standOff: XmlElement, where: string): void {
    for (const el of elements(standOff)) {
      if (el.name === 'note' || el.name === 'annotation' || el.name === 'noteGrp') continue;
      if (el.name === 'listAnnotation') {
        const rest = elements(el).filter((a) => !placedNotes.has(a));
        if (!rest.length) continue;
      }
      this.keepIndex(el, where);
    }
  }

  /** Blocks to rows: one list per parallel language group, aligned by position. */
  private toRows(groups: Block[][]): Row[] {
    const rows: Row[] = [];
    let pendingNotes: PMJson[] = [];
    const content = (block: Block): PMJson[] => {
      const inline = this.reader.inline(block.el);
      const placed = this.reader.placed.get(block.el);
      if (placed) {
        this.reader.placed.delete(block.el);
        for (const note of placed) inline.push(...this.reader.footnote(note, false));
      }
      return normaliseSpace(inline);
    };
    // Groups that follow each other in different columns are one parallel run.
    let run: Block[][] = [];
    const flushRun = () => {
      if (!run.length) return;
      const byColumn = new Map<Column, Block[]>();
      for (const list of run) {
        for (const block of list) {
          const col = byColumn.get(block.column) ?? [];
          col.push(block);
          byColumn.set(block.column, col);
        }
      }
      const startRow = rows.length;
      for (const [column, list] of byColumn) {
        let index = startRow;
        for (const block of list) {
          if (block.note) {
            const notes = this.reader.footnote(block.el, false);
            const target = rows[index - 1];
            if (target && index > startRow) appendTo(target, column, notes);
            else pendingNotes.push(...notes);
            continue;
          }
          const inline = content(block);
          if (!inline.length) continue;
          while (rows.length <= index) rows.push(emptyRow(`s${rows.length + 1}`));
          const row = rows[index];
          if (index === rows.length - 1 && !hasContent(row)) row.role = block.role;
          if (pendingNotes.length) {
            inline.unshift(...pendingNotes);
            pendingNotes = [];
          }
          appendTo(row, column, inline);
          index++;
        }
      }
      run = [];
    };
    for (const list of groups) {
      if (!list.length) continue;
      const columns = new Set(list.map((b) => b.column));
      const runColumns = new Set(run.flatMap((l) => l.map((b) => b.column)));
      const parallelToRun = run.length && [...columns].every((c) => !runColumns.has(c));
      if (!parallelToRun) flushRun();
      run.push(list);
    }
    flushRun();
    if (pendingNotes.length) {
      if (!rows.length) rows.push(emptyRow('s1'));
      rows[rows.length - 1].english.push(...pendingNotes);
    }
    return rows;
  }
}

/** Notes the body reader placed by `@target` (skipped where they are written). */
const placedNotes = new WeakSet<XmlElement>();

function emptyRow(id: string): Row {
  return { id, role: 'p', english: [], korean: [], original: null, witness: [] };
}

function hasContent(row: Row): boolean {
  return row.english.length > 0 || row.korean.length > 0 || (row.original?.length ?? 0) > 0;
}

function appendTo(row: Row, column: Column, nodes: PMJson[]): void {
  if (column === 'original') row.original = [...(row.original ?? []), ...nodes];
  else row[column].push(...nodes);
}

/** An element inside a synthetic `ab`, so that the inline reader reads it as a nested block. */
function wrap(el: XmlElement): XmlElement {
  return { kind: 'element', name: 'ab', ns: el.ns, qname: 'ab', attrs: {}, children: [el], line: el.line };
}
