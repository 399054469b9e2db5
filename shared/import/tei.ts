/**
 * TEI P5 import: reads what the TEI exporter (`shared/export/tei.ts`) writes, and
 * makes a fair attempt at other TEI (paragraphs of the first translation become
 * rows, unknown elements keep their text and are reported as warnings).
 *
 * Round trip: export to TEI, import, and the document is the same: text, marks,
 * footnotes (with their ids), gaps, unclear readings, names, segment ids and
 * roles, the witness lines byte for byte, and the metadata.
 */
import { create } from 'xmlbuilder2';
import { bodyToNode, isoDate, type DocumentMeta, type ImportedDocument, type PMJson } from '../model/document';
import { INSERTION_KINDS, type SegmentRole, type TextColumn } from '../model/schema';
import { body as makeBody, segment, text } from '../model/build';
import { NAME_TYPE_OF, TEI_NS, decodeId, parseCodePointLabel, parseXmlId, roleOf } from '../export/tei-names';

/** Result of {@link importTei}. */
export type TeiImportResult =
  { ok: true; document: ImportedDocument; warnings: string[] } | { ok: false; error: string };

/** The part of xmlbuilder2's DOM this module reads. */
interface XNode {
  nodeType: number;
  localName?: string;
  namespaceURI?: string | null;
  data?: string;
  childNodes: ArrayLike<XNode>;
  getAttribute?(name: string): string | null;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

function children(node: XNode): XNode[] {
  return Array.from(node.childNodes).filter((child) => child.nodeType === ELEMENT);
}

function child(node: XNode | undefined, name: string, where: (el: XNode) => boolean = () => true): XNode | undefined {
  return node ? children(node).find((el) => el.localName === name && where(el)) : undefined;
}

function path(node: XNode | undefined, ...names: string[]): XNode | undefined {
  return names.reduce<XNode | undefined>((at, name) => child(at, name), node);
}

function attr(node: XNode | undefined, name: string): string | null {
  return node?.getAttribute?.(name) ?? null;
}

function hasType(type: string) {
  return (el: XNode) => attr(el, 'type') === type;
}

/** Text of an element: `<g n="U+XXXX"/>` as its character, `<lb/>` as a line break. */
function plain(node: XNode | undefined): string {
  if (!node) return '';
  let out = '';
  for (const part of Array.from(node.childNodes)) {
    if (part.nodeType === TEXT || part.nodeType === CDATA) out += part.data ?? '';
    else if (part.nodeType === ELEMENT) {
      if (part.localName === 'lb') out += '\n';
      else if (part.localName === 'g') out += glyph(part);
      else out += plain(part);
    }
  }
  return out;
}

function glyph(g: XNode): string {
  const codePoint = parseCodePointLabel(attr(g, 'n'));
  return codePoint === null ? plain(g) : String.fromCharCode(codePoint);
}

/** Lines of a witness `<ab>`: `<lb/>` splits lines, nothing else is interpreted. */
function linesOf(ab: XNode): string[] {
  return plain(ab).split('\n');
}

type Mark = NonNullable<PMJson['marks']>[number];

class Reader {
  readonly warnings: string[] = [];
  private readonly warned = new Set<string>();

  warn(message: string): void {
    if (!this.warned.has(message)) {
      this.warned.add(message);
      this.warnings.push(message);
    }
  }

  /** Inline content of an element, with the marks of the elements around it. */
  inline(node: XNode, marks: Mark[], inNote = false): PMJson[] {
    const out: PMJson[] = [];
    const withMarks = (json: PMJson): PMJson => (marks.length ? { ...json, marks } : json);
    for (const part of Array.from(node.childNodes)) {
      if (part.nodeType === TEXT || part.nodeType === CDATA) {
        if (part.data) out.push(withMarks({ type: 'text', text: part.data }));
        continue;
      }
      if (part.nodeType !== ELEMENT) continue;
      const name = part.localName ?? '';
      switch (name) {
        case 'lb':
          out.push(withMarks({ type: 'hard_break' }));
          break;
        case 'g':
          out.push(...text(glyph(part), marks.length ? marks : undefined));
          break;
        case 'supplied': {
          const reason = attr(part, 'reason') ?? 'clarification';
          const kind = (INSERTION_KINDS as readonly string[]).includes(reason) ? reason : 'clarification';
          if (kind !== reason) this.warn(`<supplied reason="${reason}"> read as a clarification`);
          out.push(...this.inline(part, addMark(marks, { type: 'insertion', attrs: { kind } }), inNote));
          break;
        }
        case 'choice': {
          const sic = child(part, 'sic');
          const corr = child(part, 'corr');
          if (sic && corr) {
            out.push(
              ...this.inline(corr, addMark(marks, { type: 'correction', attrs: { original: plain(sic) } }), inNote),
            );
          } else {
            this.warn('a <choice> without <sic> and <corr>: kept its first reading');
            const first = children(part)[0];
            if (first) out.push(...this.inline(first, marks, inNote));
          }
          break;
        }
        case 'note': {
          if (inNote) {
            this.warn('a note inside a note: kept its text in the outer note');
            out.push(...this.inline(part, marks, true));
            break;
          }
          const id = parseXmlId(attr(part, 'xml:id') ?? '', 'footnote') ?? '';
          out.push(withMarks({ type: 'footnote', attrs: { id }, content: this.inline(part, [], true) }));
          break;
        }
        case 'gap': {
          const quantity = Number.parseInt(attr(part, 'quantity') ?? '1', 10);
          out.push(
            withMarks({
              type: 'gap',
              attrs: { reason: attr(part, 'reason') ?? '', quantity: quantity > 0 ? quantity : 1 },
            }),
          );
          break;
        }
        case 'unclear':
          out.push(
            withMarks({ type: 'unclear', attrs: { reason: attr(part, 'reason') ?? '' }, content: text(plain(part)) }),
          );
          break;
        case 'seg':
          if (attr(part, 'type') === 'proposed')
            out.push(...this.inline(part, addMark(marks, { type: 'proposed' }), inNote));
          else out.push(...this.inline(part, marks, inNote));
          break;
        default:
          if (NAME_TYPE_OF[name]) {
            const ref = attr(part, 'ref') ?? '';
            const local = ref.startsWith('#') ? ref.slice(1) : ref;
            const id = ref.startsWith('#') ? (parseXmlId(local, 'glossary') ?? decodeId(local)) : ref;
            out.push(
              ...this.inline(
                part,
                addMark(marks, { type: 'name', attrs: { type: NAME_TYPE_OF[name], ref: id } }),
                inNote,
              ),
            );
          } else {
            this.warn(`<${name}> is not an Interlinea annotation: kept its text`);
            out.push(...this.inline(part, marks, inNote));
          }
      }
    }
    return out;
  }
}

/** Marks of one type exclude each other, as in the schema: the inner one wins. */
function addMark(marks: Mark[], mark: Mark): Mark[] {
  return [...marks.filter((m) => m.type !== mark.type), mark];
}

interface Row {
  id: string;
  role: SegmentRole;
  english: PMJson[];
  korean: PMJson[];
  original: PMJson[] | null;
  witness: string[];
}

const SEGMENT_ELEMENTS = new Set(['p', 'head', 'ab', 'closer']);

function columnOfDiv(div: XNode): TextColumn | 'witness' | null {
  const type = attr(div, 'type');
  const lang = attr(div, 'xml:lang') ?? '';
  if (type === 'witness') return 'witness';
  if (type === 'original') return 'original';
  if (type === 'translation')
    return lang.startsWith('ko') ? 'korean' : lang.startsWith('en') || !lang ? 'english' : null;
  return null;
}

function readMeta(tei: XNode, reader: Reader): { meta: DocumentMeta; notes: string[] } {
  const fileDesc = path(tei, 'teiHeader', 'fileDesc');
  const titleStmt = child(fileDesc, 'titleStmt');
  const bibl = path(fileDesc, 'sourceDesc', 'bibl');
  const notesStmt = child(fileDesc, 'notesStmt');
  const translatorStmt = titleStmt
    ? children(titleStmt).find((el) => el.localName === 'respStmt' && /transl/i.test(plain(child(el, 'resp'))))
    : undefined;
  const dateEl = child(bibl, 'date');
  let date = attr(dateEl, 'when') ?? '';
  if (!isoDate.safeParse(date).success) {
    reader.warn(`the source date "${date}" is not an ISO date: left empty`);
    date = '';
  }
  const note = (type: string) => plain(child(notesStmt, 'note', hasType(type)));
  const ref = child(bibl, 'ref') ?? child(bibl, 'ptr');
  const abstract = path(tei, 'teiHeader', 'profileDesc', 'abstract');
  return {
    meta: {
      title: plain(child(titleStmt, 'title')),
      date,
      citation: plain(child(bibl, 'note', hasType('citation'))),
      signature: plain(child(bibl, 'idno', hasType('signature')) ?? child(bibl, 'idno')),
      summary: abstract ? children(abstract).map(plain).join('\n') : '',
      credits: note('credits'),
      originalLanguage: plain(child(bibl, 'textLang')),
      sourceUrl: ref ? plain(ref) || (attr(ref, 'target') ?? '') : '',
      translator: plain(child(translatorStmt, 'name') ?? child(translatorStmt, 'persName')),
      translatorNotes: note('translator-notes'),
    },
    notes: notesStmt ? children(notesStmt).filter(hasType('import')).map(plain) : [],
  };
}

function readRows(bodyEl: XNode, reader: Reader): Row[] {
  const rows = new Map<string, Row>();
  const row = (key: string): Row => {
    let found = rows.get(key);
    if (!found) {
      found = { id: key, role: 'p', english: [], korean: [], original: null, witness: [] };
      rows.set(key, found);
    }
    return found;
  };
  for (const div of children(bodyEl).filter((el) => el.localName === 'div')) {
    const column = columnOfDiv(div);
    if (!column) {
      reader.warn(`<div type="${attr(div, 'type') ?? ''}"> is not a column Interlinea knows: skipped`);
      continue;
    }
    children(div).forEach((el, i) => {
      const name = el.localName ?? '';
      if (!SEGMENT_ELEMENTS.has(name)) {
        reader.warn(`<${name}> directly in a column is not a row: skipped`);
        return;
      }
      // Rows align by the ids the exporter wrote, or else by position.
      const id = parseXmlId(attr(el, 'xml:id') ?? '', column) ?? `\u0000${i}`;
      const existed = rows.has(id);
      const target = row(id);
      if (column === 'witness') {
        target.witness = linesOf(el);
        return;
      }
      // The first column that has the row gives its role (all columns agree when we wrote them).
      if (!existed) target.role = roleOf(name, attr(el, 'type'), attr(el, 'rend'));
      const content = reader.inline(el, []);
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

/** Options of {@link importTei}, as for the other importers. */
export interface TeiImportOptions {
  /** Clock for `source.importedAt` (tests pass a fixed date). */
  now?: Date;
}

/**
 * Imports a TEI P5 file as a document. `name` is the file name, recorded as the
 * source. A `<teiCorpus>` yields its first document, with a warning. Errors read
 * `name: reason`, like the other importers'.
 */
export function importTei(textValue: string, name: string, options: TeiImportOptions = {}): TeiImportResult {
  let root: XNode;
  try {
    root = create({ skipWhitespaceOnlyText: false }, textValue).root().node as unknown as XNode;
  } catch (err) {
    return { ok: false, error: `${name}: not well-formed XML (${(err as Error).message})` };
  }
  const reader = new Reader();
  let tei: XNode | undefined = root;
  if (root.localName === 'teiCorpus') {
    const all = children(root).filter((el) => el.localName === 'TEI');
    tei = all[0];
    if (all.length > 1) reader.warn(`${name} is a corpus of ${all.length} documents: imported the first`);
  }
  if (!tei || tei.localName !== 'TEI') {
    return { ok: false, error: `${name}: not a TEI document (its root element is <${root.localName ?? '?'}>)` };
  }
  if (tei.namespaceURI !== TEI_NS) reader.warn(`${name} is not in the TEI namespace; read it as TEI anyway`);
  const bodyEl = path(tei, 'text', 'body');
  if (!bodyEl) return { ok: false, error: `${name}: the TEI document has no <text><body>` };

  const { meta, notes } = readMeta(tei, reader);
  const rows = readRows(bodyEl, reader);
  const sourceWitness = child(path(tei, 'text', 'back'), 'div', hasType('source-witness'));
  const witnessAb = child(sourceWitness, 'ab');
  const json = makeBody(
    rows.map((r) =>
      segment({
        id: r.id,
        role: r.role,
        english: r.english,
        korean: r.korean,
        original: r.original,
        witness: r.witness,
      }),
    ),
  );
  let normalised: PMJson;
  try {
    // The schema joins adjacent text, orders marks and checks the content.
    normalised = bodyToNode(json).toJSON() as PMJson;
  } catch (err) {
    return {
      ok: false,
      error: `${name}: the text does not fit Interlinea's document model: ${(err as Error).message}`,
    };
  }
  return {
    ok: true,
    document: {
      meta,
      source: {
        file: name,
        format: 'tei',
        importedAt: (options.now ?? new Date()).toISOString(),
        witness: witnessAb ? linesOf(witnessAb) : [],
        notes,
      },
      body: normalised,
    },
    warnings: reader.warnings,
  };
}
