/**
 * TEI P5 export, written through `tei-writer.ts` (xmlbuilder2's document tree,
 * serialised once; never string concatenation) and valid against `tei_all.rng`.
 * One document is a `<TEI>`; a whole project is a `<teiCorpus>` of them in date
 * order.
 *
 * Layout of a document's `<text>`:
 * - `<body>` holds one `<div>` per exported column: `type="translation"
 *   xml:lang="en"`, `type="translation" xml:lang="ko"` (the restoration),
 *   `type="original"` (when chosen), then `type="witness" xml:lang="ko"`, one
 *   `<ab xml:space="preserve">` per segment with its lines split by `<lb/>`,
 *   exactly as received. Rows align through `xml:id` and `corresp`
 *   (`<p xml:id="en-s1" corresp="#ko-s1 #wit-s1">`).
 * - `<back>` keeps the witness section as imported and the glossary entries the
 *   document's names point to.
 *
 * TEI is the complete record: it always carries the witness, and the reading
 * options (brackets, how corrections show) do not apply; `columns` does.
 * Text inside paragraphs is never re-indented, so whitespace survives a round trip.
 */
import type { TextColumn } from '../model/schema';
import { segmentsOf } from '../model/build';
import { segmentState, type RowState } from '../model/stats';
import type { ReviewState } from '../model/schema';
import { languageTag, type PreparedDocument, type PreparedEdition, type PreparedSegment } from './edition';
import { certOf, headerIds, partyOf, respRef, writeHeader, writePublication, type HeaderUse } from './tei-header';
import type { InlineNode } from './walk';
import { ID_PREFIX, NAME_ELEMENTS, TEI_NS, encodeId, segmentElements } from './tei-names';
import { XmlWriter, type XmlAttrs } from './tei-writer';
import { ARCHIVE_RESP } from '../model/provenance';

/** Serialises a prepared edition as a TEI document (a `<teiCorpus>` for several documents). */
export function teiString(edition: PreparedEdition): string {
  return teiExport(edition).xml;
}

/**
 * Like {@link teiString}, with warnings for the person exporting (characters XML
 * cannot carry, and what was done with them).
 */
export function teiExport(edition: PreparedEdition): { xml: string; warnings: string[] } {
  const w = new XmlWriter();
  if (edition.single) {
    writeTei(w, edition.documents[0], edition, 0, true);
  } else {
    w.open('teiCorpus', { 'xml:lang': 'en' }, TEI_NS);
    w.section(1, 'teiHeader', {}, () =>
      w.section(2, 'fileDesc', {}, () => {
        w.section(3, 'titleStmt', {}, () => w.block(4, 'title', {}, edition.title, 'replace'));
        writePublication(
          w,
          3,
          edition.project,
          edition.documents.map((d) => d.file),
        );
        w.section(3, 'sourceDesc', {}, () =>
          w.block(4, 'p', {}, `An edition of ${edition.documents.length} documents, in date order.`),
        );
      }),
    );
    for (const prepared of edition.documents) writeTei(w, prepared, edition, 1, false);
    w.nl(0).close();
  }
  return { xml: w.end(), warnings: w.warnings() };
}

function writeTei(
  w: XmlWriter,
  prepared: PreparedDocument,
  edition: PreparedEdition,
  depth: number,
  root: boolean,
): void {
  if (!root) w.nl(depth);
  const xmlId = `${prepared.prefix}doc-${encodeId(prepared.file.id)}`;
  w.open('TEI', root ? { 'xml:lang': 'en', 'xml:id': xmlId } : { 'xml:id': xmlId }, root ? TEI_NS : undefined);
  // The restoration's state and the review state per row, as the editor shows them.
  const states: RowFacts = new Map();
  const segs = segmentsOf(prepared.file.body);
  prepared.segments.forEach((seg, i) => {
    const review = String(segs[i]?.attrs?.review ?? 'draft') as ReviewState;
    states.set(seg, { state: segs[i] ? segmentState(segs[i]) : null, review });
  });
  const use = headerUse(prepared, states);
  // Metadata with corrections is written as the body is (metadata holds no footnotes).
  use.meta = (field) => {
    const tree = prepared.meta[field];
    return tree ? () => inline(w, tree, prepared, new Set()) : undefined;
  };
  writeHeader(w, prepared.file, depth + 1, prepared.prefix, edition.project, use);
  w.section(depth + 1, 'text', {}, () => {
    w.section(depth + 2, 'body', {}, () => {
      for (const column of prepared.columns) writeColumn(w, prepared, column, depth + 3, states);
      if (prepared.segments.some((seg) => seg.witness.length)) writeWitness(w, prepared, depth + 3);
    });
    writeBack(w, prepared, edition, depth + 2);
  });
  w.nl(depth).close();
}

/** What the editor shows of each row: the restoration's state (null: no witness) and the review state. */
type RowFacts = Map<PreparedSegment, { state: RowState | null; review: ReviewState }>;

function anaOf(
  ids: ReturnType<typeof headerIds>,
  column: TextColumn,
  facts: { state: RowState | null; review: ReviewState } | undefined,
): string | undefined {
  const tokens: string[] = [];
  if (column === 'korean' && facts?.state) tokens.push(`#${ids.state(facts.state)}`);
  if (facts && facts.review !== 'draft') tokens.push(`#${ids.review(facts.review)}`);
  return tokens.join(' ') || undefined;
}

/** The states, editors and dated annotations a document's header must declare. */
function headerUse(prepared: PreparedDocument, rows: RowFacts): HeaderUse {
  const ids = headerIds(prepared.prefix);
  const use: HeaderUse = { states: new Set(), reviews: new Set(), editors: new Set(), changes: new Map() };
  for (const { state, review } of rows.values()) {
    if (state) use.states.add(state);
    if (review !== 'draft') use.reviews.add(review);
  }
  const note = (resp = '', when = '') => {
    if (resp && resp !== ARCHIVE_RESP) use.editors.add(resp);
    if (when) use.changes.set(ids.change(resp, when), { resp, when });
  };
  const visit = (nodes: InlineNode[]) => {
    for (const node of nodes) {
      if (node.type === 'footnote') {
        note(node.resp, node.when);
        visit(node.content);
      } else if (node.type === 'mark') {
        if (node.mark.type === 'insertion' || node.mark.type === 'correction') note(node.mark.resp, node.mark.when);
        visit(node.children);
      }
    }
  };
  for (const seg of prepared.segments) for (const column of prepared.columns) visit(seg[column] ?? []);
  for (const tree of Object.values(prepared.meta)) visit(tree ?? []);
  return use;
}

/** `@resp` and `@change` of an annotation with its recorded provenance. */
function provenanceAttrs(prepared: PreparedDocument, resp?: string, when?: string): XmlAttrs {
  return {
    resp: respRef(prepared.prefix, partyOf(resp)),
    change: when ? `#${headerIds(prepared.prefix).change(resp ?? '', when)}` : undefined,
  };
}

type Division = TextColumn | 'witness';

const OTHER_COLUMNS: Record<Division, Division[]> = {
  english: ['korean', 'original', 'witness'],
  korean: ['english', 'original', 'witness'],
  original: ['english', 'korean', 'witness'],
  witness: ['english', 'korean', 'original'],
};

/** Ids of one document: every `xml:id` carries the document's prefix in an edition. */
function idOf(prepared: PreparedDocument, kind: keyof typeof ID_PREFIX, id: string): string {
  return `${prepared.prefix}${ID_PREFIX[kind]}${encodeId(id)}`;
}

/** Whether a segment has a row in a division (the original is optional per segment). */
function hasRow(prepared: PreparedDocument, seg: PreparedSegment, division: Division): boolean {
  if (division === 'witness') return seg.witness.length > 0;
  if (!prepared.columns.includes(division)) return false;
  return division === 'original' ? seg.hasOriginal : true;
}

function corresp(prepared: PreparedDocument, division: Division, seg: PreparedSegment): string {
  return OTHER_COLUMNS[division]
    .filter((other) => hasRow(prepared, seg, other))
    .map((other) => `#${idOf(prepared, other, seg.id)}`)
    .join(' ');
}

function writeColumn(
  w: XmlWriter,
  prepared: PreparedDocument,
  column: TextColumn,
  depth: number,
  states: RowFacts,
): void {
  const ids = headerIds(prepared.prefix);
  const lang =
    column === 'original' ? languageTag(prepared.file.meta.originalLanguage) : column === 'korean' ? 'ko' : 'en';
  const rows = prepared.segments.filter((seg) => hasRow(prepared, seg, column));
  const elements = segmentElements(rows.map((seg) => seg.role));
  const footnoteIds = new Set<string>();
  const type = column === 'original' ? 'original' : 'translation';
  w.section(depth, 'div', { type, 'xml:lang': lang }, () => {
    rows.forEach((seg, i) => {
      const element = elements[i];
      w.block(
        depth + 1,
        element,
        {
          'xml:id': idOf(prepared, column, seg.id),
          corresp: corresp(prepared, column, seg),
          type: element === 'ab' ? seg.role : undefined,
          // <closer> has no @type: a distribution list in the closing run is told apart by @rend.
          rend: element === 'closer' && seg.role !== 'closer' ? seg.role : undefined,
          // The Korean row's restoration state and every row's review state (the header's taxonomies).
          ana: anaOf(ids, column, states.get(seg)),
          cert: column === 'korean' ? certOf(states.get(seg)?.state ?? null) : undefined,
        },
        () => inline(w, seg[column] ?? [], prepared, footnoteIds),
      );
    });
  });
}

function writeWitness(w: XmlWriter, prepared: PreparedDocument, depth: number): void {
  w.section(depth, 'div', { type: 'witness', 'xml:lang': 'ko' }, () => {
    for (const seg of prepared.segments) {
      if (!seg.witness.length) continue;
      const attrs = {
        'xml:id': idOf(prepared, 'witness', seg.id),
        corresp: corresp(prepared, 'witness', seg),
        'xml:space': 'preserve',
      };
      w.block(depth + 1, 'ab', attrs, () => lines(w, seg.witness));
    }
  });
}

function lines(w: XmlWriter, values: string[]): void {
  values.forEach((line, i) => {
    if (i > 0) w.open('lb').close();
    w.text(line);
  });
}

function writeBack(w: XmlWriter, prepared: PreparedDocument, edition: PreparedEdition, depth: number): void {
  const witness = prepared.file.source.witness;
  const refs = new Set<string>();
  const visit = (nodes: InlineNode[]) => {
    for (const node of nodes) {
      if (node.type === 'mark' && node.mark.type === 'name' && node.mark.ref) refs.add(node.mark.ref);
      if (node.type === 'mark') visit(node.children);
      if (node.type === 'footnote') visit(node.content);
    }
  };
  for (const seg of prepared.segments) for (const column of prepared.columns) visit(seg[column] ?? []);
  const entries = [...refs].map((ref) => edition.glossary.get(ref)).filter((entry) => entry !== undefined);
  if (!witness.length && !entries.length) return;

  w.section(depth, 'back', {}, () => {
    if (witness.length) {
      w.section(depth + 1, 'div', { type: 'source-witness', 'xml:lang': 'ko' }, () =>
        w.block(depth + 2, 'ab', { 'xml:space': 'preserve' }, () => lines(w, witness)),
      );
    }
    if (!entries.length) return;
    w.section(depth + 1, 'div', { type: 'glossary' }, () =>
      w.section(depth + 2, 'list', { type: 'gloss' }, () => {
        for (const entry of entries) {
          w.block(depth + 3, 'item', { 'xml:id': idOf(prepared, 'glossary', entry.id), n: entry.type }, () => {
            w.open(NAME_ELEMENTS[entry.type]).text(entry.en).close();
            for (const variant of entry.variants) w.text(' ').open('term', { type: 'variant' }).text(variant).close();
            for (const ko of entry.ko) w.text(' ').open('term', { 'xml:lang': 'ko' }).text(ko).close();
            if (entry.note) w.text(' ').open('note').text(entry.note).close();
          });
        }
      }),
    );
  });
}

/** Writes an inline tree. */
function inline(w: XmlWriter, nodes: InlineNode[], prepared: PreparedDocument, footnoteIds: Set<string>): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        w.text(node.text);
        break;
      case 'break':
        w.open('lb').close();
        break;
      case 'gap':
        w.open('gap', {
          reason: node.reason.trim() ? node.reason : undefined,
          quantity: String(node.quantity),
          unit: 'chars',
        });
        w.close();
        break;
      case 'unclear':
        // A proposal stays one, marked as low certainty (the importer reads it back as proposed).
        if (node.proposed) w.open('seg', { type: 'proposed', cert: 'low' }).text(node.text).close();
        else
          w.open('unclear', { reason: node.reason.trim() ? node.reason : undefined })
            .text(node.text)
            .close();
        break;
      case 'footnote': {
        // A repeated footnote id would be a repeated xml:id: only the first keeps it.
        const fresh = node.id !== '' && !footnoteIds.has(node.id);
        if (fresh) footnoteIds.add(node.id);
        w.open('note', {
          place: 'foot',
          n: node.n ? String(node.n) : undefined,
          'xml:id': fresh ? idOf(prepared, 'footnote', node.id) : undefined,
          ...provenanceAttrs(prepared, node.resp, node.when),
        });
        inline(w, node.content, prepared, footnoteIds);
        w.close();
        break;
      }
      case 'mark': {
        const { mark } = node;
        if (mark.type === 'insertion') {
          w.open('supplied', { reason: mark.kind, ...provenanceAttrs(prepared, mark.resp, mark.when) });
        } else if (mark.type === 'correction') {
          w.open('choice').open('sic').text(mark.original).close();
          w.open('corr', provenanceAttrs(prepared, mark.resp, mark.when));
        } else if (mark.type === 'name') {
          w.open(NAME_ELEMENTS[mark.nameType], {
            ref: mark.ref ? `#${idOf(prepared, 'glossary', mark.ref)}` : undefined,
          });
        } else w.open('seg', { type: 'proposed' });
        inline(w, node.children, prepared, footnoteIds);
        w.close();
        if (mark.type === 'correction') w.close(); // </corr></choice>
        break;
      }
    }
  }
}
