/**
 * What every exporter needs before it writes a byte: the documents in date
 * order, the columns to show, each column's inline tree, footnotes numbered in
 * document order, anchors, and the title-page and table-of-contents data.
 * Exporters render a {@link PreparedEdition}; none re-walks the model itself.
 */
import type { DocumentFile, DocumentMeta } from '../model/document';
import type { GlossaryEntry, ProjectEditor } from '../model/project';
import { provenanceLegendOf, type LegendEntry as ProvenanceEntry } from '../model/provenance';
import type { SegmentRole, TextColumn } from '../model/schema';
import { SEGMENT_ROLES, TEXT_COLUMNS } from '../model/schema';
import { columnOf, segmentsOf } from '../model/build';
import { importedWitnessByRow } from '../model/witness-pieces';
import { UserError } from '../errors';
import type { ExportOptions } from './options';
import { buildInline, footnotesIn, isEmptyInline, textOf, type InlineNode } from './walk';
import { segmentState, type RowState } from '../model/stats';
import {
  collectConventions,
  correctionLabel,
  legendEntries,
  noConventions,
  unverifiedState,
  type ConventionsUsed,
  type LegendEntry,
  type UnverifiedState,
} from './legend';
import { formatDate } from '../model/dates';
import { richJsonOf, type RichMetaField } from '../model/meta-text';
import { languageTag } from '../model/language';

// The exporters' date and language helpers live in shared/model (one of each), re-exported here for them.
export { formatDate, languageTag };

/** One document or a whole project, exported as one edition. */
export interface Edition {
  documents: DocumentFile[];
  glossary: GlossaryEntry[];
  /** Title of a whole-project edition (the project name); `options.editionTitle` wins. */
  title?: string;
  /** The project the edition comes from: its name and how it is published (the TEI header). */
  project?: EditionProject;
}

/** What an edition knows of its project (`project.json`'s name and settings). */
export interface EditionProject {
  name: string;
  publication?: { publisher: string; pubPlace: string; date: string; licence: string; licenceUrl: string };
  /** The project's editors, when the project lists them (`@resp` points at them). */
  editors?: { id: string; name: string; initials?: string }[];
}

/** A numbered footnote with its anchors (`fn1`/`fnref1`, or `d2-fn1`/`d2-fnref1` in an edition). */
export interface PreparedFootnote {
  n: number;
  id: string;
  column: TextColumn;
  /** Id of the note in the notes list. */
  anchor: string;
  /** Id of the reference in the text. */
  refAnchor: string;
  content: InlineNode[];
  /** Index of the segment that calls it. */
  row: number;
  /** Who made it and when (shared/model/provenance.ts), present only when recorded. */
  resp?: string;
  when?: string;
}

/** A noted correction: its letter, anchors, the corrected text and the source's reading. */
export interface PreparedCorrection {
  label: string;
  column: TextColumn;
  anchor: string;
  refAnchor: string;
  /** The corrected text as printed. */
  text: string;
  original: string;
  /** Index of the segment that holds it; {@link META_ROW} for a correction in the metadata. */
  row: number;
  /** Who made it and when (shared/model/provenance.ts), present only when recorded. */
  resp?: string;
  when?: string;
}

/** The `row` of a correction in the document's metadata (printed above the rows). */
export const META_ROW = -1;

/**
 * Inline trees of the metadata fields that carry marks (corrections, insertions;
 * see shared/model/meta-text.ts). A field not listed prints its plain string.
 */
export type PreparedMeta = Partial<Record<RichMetaField, InlineNode[]>>;

/** A segment as exporters see it: `null` for a column that is not exported. */
export interface PreparedSegment {
  id: string;
  role: SegmentRole;
  english: InlineNode[] | null;
  korean: InlineNode[] | null;
  original: InlineNode[] | null;
  /** Whether the segment has an original-language column at all (it is optional). */
  hasOriginal: boolean;
  witness: string[];
  /** The row's restoration state (null without a witness). */
  state: RowState | null;
  /**
   * Set when the Korean is exported, not empty, and not verified against the witness.
   * With `unverified: 'omit'` the Korean tree is then empty: renderers print the mark alone.
   */
  unverified: UnverifiedState | null;
}

/** A document ready to render. */
export interface PreparedDocument {
  file: DocumentFile;
  /** 1-based position in the edition. */
  index: number;
  /** Anchor of the document (`d1`, …) and prefix of its footnote anchors ('' when alone). */
  anchor: string;
  prefix: string;
  /** Text columns exported for this document, in order. */
  columns: TextColumn[];
  /** Whether the witness is shown (asked for, and the document has witness lines). */
  witness: boolean;
  segments: PreparedSegment[];
  footnotes: PreparedFootnote[];
  /** Noted corrections in document order, the metadata's first (empty unless `corrections: 'noted'`). */
  corrections: PreparedCorrection[];
  /** The metadata fields with corrections or insertions, as inline trees. */
  meta: PreparedMeta;
  /** Share of the table's width for each cell (columns, then the witness), summing to 1. */
  widths: number[];
}

/** An edition ready to render. */
export interface PreparedEdition {
  title: string;
  /** True for a one-document export: no title page, no table of contents. */
  single: boolean;
  documents: PreparedDocument[];
  glossary: Map<string, GlossaryEntry>;
  project?: EditionProject;
  options: ExportOptions;
  /** File name without extension. */
  fileBase: string;
  /** The conventions the edition uses, explained (empty when it uses none). */
  legend: LegendEntry[];
  /** The project's editors (for the initials and names of annotations' provenance). */
  editors: ProjectEditor[];
  /** Who made the edition's annotations, one entry per `resp` (empty when none is recorded). */
  provenance: ProvenanceEntry[];
}

/** How {@link prepareEdition} chooses columns. */
export interface PrepareMode {
  /**
   * Drop a chosen column that is empty in every segment of a document (reading
   * formats). TEI keeps every chosen column so that rows stay aligned.
   */
  dropEmptyColumns: boolean;
}

/** Sorts documents by ISO date (undated last), keeping the given order for ties. */
export function inDateOrder(documents: DocumentFile[]): DocumentFile[] {
  return documents
    .map((doc, i) => ({ doc, i }))
    .sort((a, b) => {
      const da = a.doc.meta.date || '\uffff';
      const db = b.doc.meta.date || '\uffff';
      return da < db ? -1 : da > db ? 1 : a.i - b.i;
    })
    .map(({ doc }) => doc);
}

/** Lowercase ASCII file name part: `Note about a Conversation` → `note-about-a-conversation`. */
export function slug(value: string, fallback = 'edition'): string {
  const out = value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return out || fallback;
}

/**
 * Prepares an edition for rendering. Throws a {@link UserError} when there is
 * nothing to export (no documents, or no column chosen).
 */
export function prepareEdition(edition: Edition, options: ExportOptions, mode: PrepareMode): PreparedEdition {
  if (!edition.documents.length)
    throw new UserError('Nothing to export: choose at least one document.', 'export-empty');
  const chosen = TEXT_COLUMNS.filter((column) => options.columns[column]);
  if (!chosen.length) {
    throw new UserError(
      'Nothing to export: choose at least one column (English, Korean or original).',
      'export-no-columns',
    );
  }
  const ordered = inDateOrder(edition.documents);
  const single = ordered.length === 1;
  const used = noConventions();
  const documents = ordered.map((file, i) => prepareDocument(file, i + 1, single, chosen, options, mode, used));
  // One document is titled by itself, never by the project or the folder it sits in.
  const title =
    options.editionTitle.trim() ||
    (single ? ordered[0].meta.title.trim() || edition.title?.trim() : edition.title?.trim()) ||
    'Edition';
  const editors = (edition.project?.editors ?? []).map((e) => ({ id: e.id, name: e.name, initials: e.initials || e.id }));
  const provenance = provenanceLegendOf(used.resps, editors);
  return {
    title,
    single,
    documents,
    glossary: new Map(edition.glossary.map((entry) => [entry.id, entry])),
    project: edition.project,
    options,
    fileBase: single && !options.editionTitle ? slug(ordered[0].id, 'document') : slug(title),
    legend: legendEntries(used, options, editors),
    editors,
    provenance: provenance.some((entry) => entry.source !== 'unrecorded') ? provenance : [],
  };
}

function prepareDocument(
  file: DocumentFile,
  index: number,
  single: boolean,
  chosen: TextColumn[],
  options: ExportOptions,
  mode: PrepareMode,
  used: ConventionsUsed,
): PreparedDocument {
  const segs = segmentsOf(file.body);
  let columns = chosen;
  if (mode.dropEmptyColumns) {
    const nonEmpty = chosen.filter((column) =>
      segs.some((seg) => !isEmptyInline(buildInline(columnOf(seg, column)?.content))),
    );
    columns = nonEmpty.length ? nonEmpty : chosen.slice(0, 1);
  } else if (!segs.some((seg) => columnOf(seg, 'original'))) {
    // The original column is optional per segment: none at all means there is nothing to write.
    columns = chosen.filter((column) => column !== 'original');
    if (!columns.length) columns = ['english'];
  }
  const prefix = single ? '' : `d${index}-`;
  const footnotes: PreparedFootnote[] = [];
  const corrections: PreparedCorrection[] = [];
  const seenIds = new Set<string>();
  let numbered = 0;
  // Noted corrections get their letters in reading order: the metadata above the rows comes first.
  const noteCorrections = (tree: InlineNode[], column: TextColumn, row: number) => {
    if (options.corrections !== 'noted') return;
    labelCorrections(tree, (mark, children) => {
      const label = correctionLabel(corrections.length + 1);
      mark.label = label;
      corrections.push({
        label,
        column,
        anchor: `${prefix}corr-${label}`,
        refAnchor: `${prefix}corrref-${label}`,
        text: textOf(children),
        original: mark.original,
        row,
        ...(mark.resp ? { resp: mark.resp } : {}),
        ...(mark.when ? { when: mark.when } : {}),
      });
    });
  };
  const meta: PreparedMeta = {};
  for (const field of META_ORDER) {
    const json = richJsonOf(file.meta, field);
    if (!json) continue;
    const tree = buildInline(json.content);
    collectConventions(tree, used);
    noteCorrections(tree, 'english', META_ROW);
    meta[field] = tree;
  }
  // The witness as imported: a line the translator split into pieces is written whole.
  const witnessByRow = importedWitnessByRow(segs);
  const segments = segs.map((seg, i): PreparedSegment => {
    let id = String(seg.attrs?.id ?? '');
    // Ids anchor rows and TEI xml:ids: an empty or repeated one gets a positional stand-in.
    if (!id || seenIds.has(id)) id = `seg${i + 1}`;
    seenIds.add(id);
    const role = String(seg.attrs?.role ?? 'p');
    const state = segmentState(seg);
    let unverified: UnverifiedState | null = null;
    const column = (name: TextColumn): InlineNode[] | null => {
      if (!columns.includes(name)) return null;
      if (name === 'korean' && state !== null && !isEmptyInline(buildInline(columnOf(seg, name)?.content))) {
        used.checkedKorean ||= unverifiedState(state) === null;
        unverified = unverifiedState(state);
        if (unverified) used.unverified.add(unverified);
        // Left out: nothing of it is written, its footnotes and corrections included.
        if (unverified && options.unverified === 'omit') return [];
      }
      const tree = buildInline(columnOf(seg, name)?.content, () => ++numbered);
      collectConventions(tree, used);
      noteCorrections(tree, name, i);
      // The numberer ran in document order; collecting the same tree in the same order pairs them.
      for (const note of footnotesIn(tree)) {
        footnotes.push({
          n: note.n,
          id: note.id,
          column: name,
          anchor: `${prefix}fn${note.n}`,
          refAnchor: `${prefix}fnref${note.n}`,
          content: note.content,
          row: i,
          ...(note.resp ? { resp: note.resp } : {}),
          ...(note.when ? { when: note.when } : {}),
        });
      }
      return tree;
    };
    const english = column('english');
    const korean = column('korean');
    const original = column('original');
    return {
      id,
      role: (SEGMENT_ROLES as readonly string[]).includes(role) ? (role as SegmentRole) : 'p',
      english,
      korean,
      original,
      hasOriginal: columnOf(seg, 'original') !== undefined,
      witness: witnessByRow[i],
      state,
      unverified,
    };
  });
  const witness = options.witness && segments.some((seg) => seg.witness.length > 0);
  return {
    file,
    index,
    anchor: single ? 'document' : `d${index}`,
    prefix,
    columns,
    witness,
    segments,
    footnotes,
    corrections,
    meta,
    widths: columnWidths(segments, [...columns, ...(witness ? (['witness'] as const) : [])]),
  };
}

/** Calls `visit` for each correction mark of a tree in reading order (footnote content included). */
function labelCorrections(
  nodes: InlineNode[],
  visit: (mark: { type: 'correction'; original: string; label?: string; resp?: string; when?: string }, children: InlineNode[]) => void,
): void {
  for (const node of nodes) {
    if (node.type === 'footnote') labelCorrections(node.content, visit);
    else if (node.type === 'mark') {
      if (node.mark.type === 'correction') visit(node.mark, node.children);
      labelCorrections(node.children, visit);
    }
  }
}

/** Width a text asks for: Hangul and other wide characters count about twice a Latin letter. */
function demandOf(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u11FF\u2E80-\uA4CF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1.8 : 1;
  return n;
}

/** Smallest share of the width any cell gets, so a nearly empty column still reads. */
export const MIN_SHARE = 0.2;

/**
 * Shares of the table's width for the cells, following their content: each
 * cell's share of all the text in the table, at least {@link MIN_SHARE}. A
 * nearly empty restoration no longer takes a third of the page from the English.
 */
export function columnWidths(segments: PreparedSegment[], cells: (TextColumn | 'witness')[]): number[] {
  if (cells.length <= 1) return cells.map(() => 1);
  const demand = cells.map((cell) =>
    segments.reduce(
      (sum, seg) =>
        sum + (cell === 'witness' ? demandOf(seg.witness.join('')) * 1.15 : demandOf(textOf(seg[cell] ?? []))),
      0,
    ),
  );
  const total = demand.reduce((a, b) => a + b, 0);
  let shares = demand.map((d) => (total ? d / total : 1 / cells.length));
  // Raise small shares to the minimum and take it from the others in proportion.
  const pinned = new Set<number>();
  for (;;) {
    const low = shares.map((_, i) => i).filter((i) => !pinned.has(i) && shares[i] < MIN_SHARE);
    if (!low.length) break;
    for (const i of low) pinned.add(i);
    const free = shares.map((_, i) => i).filter((i) => !pinned.has(i));
    if (!free.length) return cells.map(() => 1 / cells.length);
    const budget = 1 - pinned.size * MIN_SHARE;
    const rest = free.reduce((sum, i) => sum + shares[i], 0);
    shares = shares.map((s, i) => (pinned.has(i) ? MIN_SHARE : rest ? (s / rest) * budget : budget / free.length));
  }
  return shares;
}

/** A labelled metadata line for the top of a document. */
export interface MetaRow {
  label: string;
  value: string;
  /** `url` values are links when they are http(s). */
  kind?: 'url';
  /** The value with its corrections and insertions, to render as the body's text (else print `value`). */
  rich?: InlineNode[];
}

/** The order the rich metadata fields are read in: the title, then as {@link metaRows} lists them. */
const META_ORDER: readonly RichMetaField[] = ['title', 'citation', 'summary', 'credits', 'translatorNotes'];

/**
 * The metadata shown above a document in reading formats, in reading order.
 * `rich` (a prepared document's `meta`) gives the fields that carry marks.
 */
export function metaRows(meta: DocumentMeta, rich: PreparedMeta = {}): MetaRow[] {
  const rows: MetaRow[] = [
    { label: 'Date', value: meta.date ? formatDate(meta.date) : '' },
    { label: 'Archival signature', value: meta.signature },
    { label: 'Original language', value: meta.originalLanguage },
    { label: 'Translator', value: meta.translator },
    { label: 'Source', value: meta.sourceUrl, kind: 'url' },
    { label: 'Citation', value: meta.citation, rich: rich.citation },
    { label: 'Summary', value: meta.summary, rich: rich.summary },
    { label: 'Credits', value: meta.credits, rich: rich.credits },
    { label: "Translator's notes", value: meta.translatorNotes, rich: rich.translatorNotes },
  ];
  for (const row of rows) if (!row.rich) delete row.rich;
  return rows.filter((row) => row.value.trim() !== '');
}

/** True for a URL that may become a link (http or https only). */
export function isWebUrl(value: string): boolean {
  return /^https?:\/\/[^\s<>"]+$/i.test(value.trim());
}

/** Heading of a column in parallel layouts. */
export function columnLabel(column: TextColumn | 'witness', meta: DocumentMeta): string {
  switch (column) {
    case 'english':
      return 'English';
    case 'korean':
      return 'Korean (restored)';
    case 'original':
      return meta.originalLanguage ? `Original (${meta.originalLanguage})` : 'Original';
    case 'witness':
      return 'Korean witness (as received)';
  }
}

/** BCP 47 tag of a column's language. */
export function columnLang(column: TextColumn | 'witness', meta: DocumentMeta): string {
  if (column === 'english') return 'en';
  if (column === 'original') return languageTag(meta.originalLanguage);
  return 'ko';
}
