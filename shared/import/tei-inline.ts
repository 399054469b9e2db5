/**
 * TEI phrase-level content to the document model's inline JSON: `supplied` as an
 * insertion, `choice` (`sic`/`corr`, `orig`/`reg`, `abbr`/`expan`) as a correction
 * or expansion, `note` as a footnote, `gap`, `unclear`, `lb`/`pb` as line breaks,
 * names as name marks. Elements that only style or tag text (`hi`, `rs`, `date`,
 * `seg`, …) keep their text; anything else keeps its text too and is counted, so
 * that the importer can report it and note it in the document's source notes.
 *
 * Interlinea's own TEI (`own`) is read exactly: white space as written, glossary
 * references and ids back. Other TEI is read as XML means it: runs of white space
 * are one space, and line starts and ends are trimmed (unless `xml:space="preserve"`).
 */
import type { PMJson } from '../model/document';
import { INSERTION_KINDS } from '../model/schema';
import { NAME_TYPE_OF, decodeId, parseCodePointLabel, parseXmlId } from '../export/tei-names';
import { ARCHIVE_RESP } from '../model/provenance';
import { trimEndOf } from '../model/trim';
import { attr, child, elements, textContent, type XmlElement } from './tei-xml';

type Mark = NonNullable<PMJson['marks']>[number];

/** Elements whose text is read as it stands, with nothing to report. */
const TRANSPARENT = new Set([
  'hi',
  'emph',
  'foreign',
  'date',
  'time',
  'num',
  'measure',
  'title',
  'q',
  'quote',
  'said',
  'mentioned',
  'soCalled',
  'c',
  'w',
  'pc',
  's',
  'phr',
  'cl',
  'seg',
  'rs',
  'ref',
  'distinct',
  'gloss',
  'orig',
  'reg',
  'abbr',
  'expan',
  'am',
  'ex',
  'corr',
  'sic',
  'signed',
  'salute',
  'address',
  'addrLine',
  'street',
  'settlement',
  'country',
  'region',
  'district',
  'bloc',
  'geogName',
  'roleName',
  'forename',
  'surname',
  'addName',
  'genName',
  'nameLink',
  'idno',
  'bibl',
  'label',
  'mod',
  'secl',
  'damage',
  'restore',
  'subst',
  'handShift',
  'metamark',
  'span',
  'docDate',
  'docAuthor',
  'byline',
  'dateline',
  'placeName',
  'persName',
  'orgName',
  'name',
  'term',
  'objectName',
  'eventName',
  'affiliation',
  'occupation',
  'head',
  'docTitle',
  'titlePart',
  'docImprint',
  'publisher',
  'pubPlace',
  'author',
  'editor',
  'respStmt',
  'resp',
]);

/** Empty or structural elements that carry no text and need no report. */
const SILENT = new Set(['anchor', 'cb', 'milestone', 'index', 'fw', 'interp', 'interpGrp', 'link', 'linkGrp']);

/** Elements whose content is a block inside a phrase (a quotation of paragraphs, a list). */
const INNER_BLOCKS = new Set([
  'p',
  'ab',
  'l',
  'item',
  'row',
  'lg',
  'list',
  'table',
  'cell',
  'opener',
  'closer',
  'dateline',
  'salute',
  'signed',
  'address',
  'postscript',
]);

export interface InlineOptions {
  /** Interlinea's own TEI: exact white space, glossary refs, footnote ids, provenance. */
  own: boolean;
  /** Own TEI: the `when` of each `<change>` by its `xml:id` (annotations point at them with `@change`). */
  changes?: Map<string, string>;
}

/** What the reader could not map, counted for the report. */
export class TeiReport {
  readonly warnings: string[] = [];
  private readonly seen = new Set<string>();
  /** Elements kept as plain text, by name, with counts. */
  readonly asText = new Map<string, number>();

  warn(message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.warnings.push(message);
  }

  keptAsText(name: string): void {
    this.asText.set(name, (this.asText.get(name) ?? 0) + 1);
  }
}

/** Marks of one type exclude each other, as in the schema: the inner one wins. */
export function addMark(marks: Mark[], mark: Mark): Mark[] {
  return [...marks.filter((m) => m.type !== mark.type), mark];
}

/** The character a `<g>` stands for (`n="U+001B"`), or its content. */
export function glyph(g: XmlElement): string {
  const codePoint = parseCodePointLabel(attr(g, 'n'));
  return codePoint === null ? textContent(g) : String.fromCharCode(codePoint);
}

/** Plain text of an element for Interlinea's readings: `<g>` as its character, `<lb/>` as a line feed. */
export function plainText(node: XmlElement | undefined): string {
  if (!node) return '';
  let out = '';
  for (const part of node.children) {
    if (part.kind === 'text') out += part.text;
    else if (part.name === 'lb') out += '\n';
    else if (part.name === 'g') out += glyph(part);
    else out += plainText(part);
  }
  return out;
}

/**
 * Notes placed by `@target` (in `<back>`, `<standOff>` or a notes division),
 * keyed by the element they point at; the reader emits them after it.
 */
export type PlacedNotes = Map<XmlElement, XmlElement[]>;

/** Converts phrase-level TEI to inline JSON. One per document. */
export class InlineReader {
  constructor(
    readonly report: TeiReport,
    readonly options: InlineOptions,
    readonly placed: PlacedNotes = new Map(),
  ) {}

  /** Inline content of an element, with the marks of the elements around it. */
  inline(node: XmlElement, marks: Mark[] = [], inNote = false): PMJson[] {
    const out: PMJson[] = [];
    this.walk(node, marks, inNote, out);
    return out;
  }

  private walk(node: XmlElement, marks: Mark[], inNote: boolean, out: PMJson[]): void {
    const withMarks = (json: PMJson): PMJson => (marks.length ? { ...json, marks } : json);
    const pushText = (value: string) => {
      if (value) out.push(withMarks({ type: 'text', text: value }));
    };
    for (const part of node.children) {
      if (part.kind === 'text') {
        pushText(part.text);
        continue;
      }
      this.element(part, marks, inNote, out, pushText, withMarks);
      this.emitPlaced(part, inNote, out);
    }
  }

  /** Notes pointed at this element by `@target` follow it. */
  private emitPlaced(el: XmlElement, inNote: boolean, out: PMJson[]): void {
    const notes = this.placed.get(el);
    if (!notes) return;
    this.placed.delete(el);
    for (const note of notes) out.push(...this.footnote(note, inNote));
  }

  /**
   * Who made an annotation and when, from Interlinea's own `@resp` (`#resp-translator`:
   * the archive, `#resp-editor-ID`: that editor, `#resp-project`: not recorded) and
   * `@change` (the dated change in the revision history). Other TEI's are not read.
   */
  private provenance(el: XmlElement): { resp?: string; when?: string } {
    if (!this.options.own) return {};
    const out: { resp?: string; when?: string } = {};
    const id = (attr(el, 'resp') ?? '')
      .trim()
      .split(/\s+/)[0]
      .replace(/^#(?:d\d+-)?/, '');
    if (id === 'resp-translator') out.resp = ARCHIVE_RESP;
    else if (id.startsWith('resp-editor-')) out.resp = decodeId(id.slice('resp-editor-'.length));
    const when = this.options.changes?.get((attr(el, 'change') ?? '').trim().replace(/^#/, ''));
    if (when) out.when = when;
    return out;
  }

  /** A footnote node for a `<note>` (its text only, when already inside a note). */
  footnote(note: XmlElement, inNote: boolean): PMJson[] {
    if (inNote) {
      this.report.warn('a note inside a note: its text was kept in the outer note');
      return this.inline(note, [], true);
    }
    const id = this.options.own ? (parseXmlId(attr(note, 'xml:id') ?? '', 'footnote') ?? '') : '';
    return [{ type: 'footnote', attrs: { id, ...this.provenance(note) }, content: this.inline(note, [], true) }];
  }

  private element(
    part: XmlElement,
    marks: Mark[],
    inNote: boolean,
    out: PMJson[],
    pushText: (value: string) => void,
    withMarks: (json: PMJson) => PMJson,
  ): void {
    const name = part.name;
    if (part.ns && part.ns !== 'http://www.tei-c.org/ns/1.0') {
      this.report.warn(`<${part.qname}> is not TEI: kept its text`);
      this.report.keptAsText(part.qname);
      this.walk(part, marks, inNote, out);
      return;
    }
    switch (name) {
      case 'lb':
        out.push(withMarks({ type: 'hard_break' }));
        return;
      case 'pb':
        // A page break inside a paragraph ends its line; between paragraphs it is noted by the body reader.
        if (!this.options.own) out.push(withMarks({ type: 'hard_break' }));
        return;
      case 'g':
        pushText(glyph(part));
        return;
      case 'space':
        pushText(' ');
        return;
      case 'supplied': {
        const reason = attr(part, 'reason') ?? 'clarification';
        const kind = (INSERTION_KINDS as readonly string[]).includes(reason) ? reason : 'clarification';
        if (kind !== reason) this.report.warn(`<supplied reason="${reason}"> read as a clarification`);
        this.walk(part, addMark(marks, { type: 'insertion', attrs: { kind, ...this.provenance(part) } }), inNote, out);
        return;
      }
      case 'choice':
        this.choice(part, marks, inNote, out);
        return;
      case 'note':
        if (attr(part, 'place') === 'inline' && !this.options.own) {
          // An inline note is text of the source printed in the line: kept in place.
          this.walk(part, marks, inNote, out);
          return;
        }
        out.push(...this.footnote(part, inNote).map(withMarks));
        return;
      case 'gap': {
        const quantity = Number.parseInt(attr(part, 'quantity') ?? attr(part, 'extent') ?? '1', 10);
        out.push(
          withMarks({
            type: 'gap',
            attrs: { reason: attr(part, 'reason') ?? '', quantity: quantity > 0 && quantity < 10_000 ? quantity : 1 },
          }),
        );
        return;
      }
      case 'unclear': {
        const value = plainText(part);
        const content = value ? [{ type: 'text', text: value }] : [];
        out.push(withMarks({ type: 'unclear', attrs: { reason: attr(part, 'reason') ?? '' }, content }));
        return;
      }
      case 'del': {
        // Text the source struck out: kept, visibly not part of the reading.
        const value = plainText(part);
        if (value)
          out.push(
            withMarks({
              type: 'unclear',
              attrs: { reason: 'deleted in the source' },
              content: [{ type: 'text', text: value }],
            }),
          );
        this.report.warn('<del> (text struck out in the source) kept as an unclear reading "deleted in the source"');
        return;
      }
      case 'add':
        this.report.warn('<add> (an addition in the source) kept as plain text');
        this.report.keptAsText('add');
        this.walk(part, marks, inNote, out);
        return;
      case 'seg':
        if (attr(part, 'type') === 'proposed') this.walk(part, addMark(marks, { type: 'proposed' }), inNote, out);
        else this.walk(part, marks, inNote, out);
        return;
      default:
        break;
    }
    // Names: Interlinea's own refer to its glossary; another edition's persName, placeName
    // and orgName become names without a glossary entry (their @ref points elsewhere).
    const nameType = NAME_TYPE_OF[name];
    if (nameType && (this.options.own || (name !== 'term' && name !== 'name'))) {
      this.walk(
        part,
        addMark(marks, { type: 'name', attrs: { type: nameType, ref: this.nameRef(part) } }),
        inNote,
        out,
      );
      return;
    }
    if (name === 'rs' && !this.options.own) {
      const type = { person: 'person', place: 'place', org: 'organisation', organisation: 'organisation' }[
        attr(part, 'type') ?? ''
      ];
      if (type) {
        this.walk(part, addMark(marks, { type: 'name', attrs: { type, ref: '' } }), inNote, out);
        return;
      }
    }
    if (INNER_BLOCKS.has(name)) {
      // A block inside a phrase (a quoted letter's paragraphs, a list): its own line(s).
      this.innerBlock(part, marks, inNote, out, withMarks);
      return;
    }
    if (!TRANSPARENT.has(name) && !SILENT.has(name)) {
      this.report.warn(`<${name}> is not an Interlinea annotation: kept its text`);
      this.report.keptAsText(name);
    }
    this.walk(part, marks, inNote, out);
  }

  private innerBlock(
    part: XmlElement,
    marks: Mark[],
    inNote: boolean,
    out: PMJson[],
    withMarks: (json: PMJson) => PMJson,
  ): void {
    const lineBreak = () => {
      const last = out[out.length - 1];
      if (out.length && last.type !== 'hard_break') out.push(withMarks({ type: 'hard_break' }));
    };
    if (part.name === 'row') {
      // A table row on one line, its cells between bars.
      elements(part).forEach((cell, i) => {
        if (i > 0) out.push(withMarks({ type: 'text', text: ' | ' }));
        this.walk(cell, marks, inNote, out);
      });
      return;
    }
    if (part.name === 'list' || part.name === 'table' || part.name === 'lg') {
      const pushText = (v: string) => {
        if (v) out.push(withMarks({ type: 'text', text: v }));
      };
      for (const el of elements(part)) {
        lineBreak();
        this.element(el, marks, inNote, out, pushText, withMarks);
      }
      return;
    }
    lineBreak();
    this.walk(part, marks, inNote, out);
  }

  private nameRef(part: XmlElement): string {
    if (!this.options.own) return '';
    const ref = attr(part, 'ref') ?? '';
    const local = ref.startsWith('#') ? ref.slice(1) : ref;
    return ref.startsWith('#') ? (parseXmlId(local, 'glossary') ?? decodeId(local)) : ref;
  }

  private choice(part: XmlElement, marks: Mark[], inNote: boolean, out: PMJson[]): void {
    const pairs: [string, string, 'correction' | 'expansion'][] = [
      ['sic', 'corr', 'correction'],
      ['orig', 'reg', 'correction'],
      ['abbr', 'expan', 'expansion'],
    ];
    for (const [sourceName, readingName, kind] of pairs) {
      const source = child(part, sourceName);
      const reading = child(part, readingName);
      if (!source || !reading) continue;
      if (kind === 'correction') {
        this.walk(
          reading,
          addMark(marks, { type: 'correction', attrs: { original: plainText(source), ...this.provenance(reading) } }),
          inNote,
          out,
        );
      } else {
        // The abbreviation as written, then its expansion as an editor's bracketed expansion.
        this.walk(source, marks, inNote, out);
        this.walk(reading, addMark(marks, { type: 'insertion', attrs: { kind: 'expansion' } }), inNote, out);
      }
      return;
    }
    this.report.warn('a <choice> without sic/corr, orig/reg or abbr/expan: kept its first reading');
    const first = elements(part)[0];
    if (first) this.walk(first, marks, inNote, out);
  }
}

/**
 * Collapses XML white space in other editions' TEI: runs of space, tab and line
 * end become one space, and a line (block start, after a line break, before a
 * line break, block end) neither starts nor ends with one. Footnote content is
 * treated as its own block.
 */
export function normaliseSpace(nodes: PMJson[]): PMJson[] {
  const out: PMJson[] = [];
  let atLineStart = true;
  for (const node of nodes) {
    if (node.type === 'text') {
      let value = (node.text ?? '').replace(/[ \t\r\n]+/g, ' ');
      if (atLineStart) value = value.replace(/^ /, '');
      if (!value) continue;
      const prev = out[out.length - 1];
      if (prev?.type === 'text' && prev.text?.endsWith(' ') && value.startsWith(' ')) value = value.slice(1);
      if (!value) continue;
      out.push({ ...node, text: value });
      atLineStart = false;
      continue;
    }
    if (node.type === 'hard_break') {
      // A line break before anything is written (an `<lb/>` opening a paragraph) shows nothing.
      if (!out.some((n) => n.type !== 'footnote')) continue;
      trimEnd(out);
      out.push(node);
      atLineStart = true;
      continue;
    }
    if (node.type === 'footnote') {
      out.push({ ...node, content: normaliseSpace(node.content ?? []) });
      continue;
    }
    if (node.type === 'unclear') {
      const value = (node.content ?? [])
        .map((c) => c.text ?? '')
        .join('')
        .replace(/[ \t\r\n]+/g, ' ');
      out.push({ ...node, content: value ? [{ type: 'text', text: value }] : [] });
      atLineStart = false;
      continue;
    }
    out.push(node);
    atLineStart = false;
  }
  trimEnd(out);
  return out;
}

/** Drops trailing white space before a line end (across empty and footnote nodes). */
function trimEnd(out: PMJson[]): void {
  for (let i = out.length - 1; i >= 0; i--) {
    const node = out[i];
    if (node.type === 'footnote') continue;
    if (node.type !== 'text') return;
    const value = trimEndOf(node.text ?? '', ' ');
    if (value) {
      out[i] = { ...node, text: value };
      return;
    }
    out.splice(i, 1);
  }
}
