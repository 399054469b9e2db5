/**
 * Provenance of editorial annotations: who made an insertion, a correction or a
 * footnote, and when.
 *
 * The schema (schema.ts) gives `insertion`, `correction` and `footnote` two
 * attributes: `resp` and `when`.
 * - `resp: 'archive'`: the archive's translator (the annotation came with the
 *   imported page; the importers set it);
 * - `resp: <editor id>`: an editor of the project (`settings.editors` in
 *   project.json, {@link ProjectEditor}), stamped when the editor made it;
 * - `resp: ''`: not recorded: a document written before provenance existed. Nothing
 *   in such a file says whether a bracket is the archive's or an editor's, so it is
 *   not guessed.
 * `when` is the ISO date (`YYYY-MM-DD`) the editor made it, or `''` (the archive's
 * annotations carry none: the document's `source.importedAt` says when it arrived).
 *
 * Everything here is pure and works on ProseMirror marks and nodes as well as on
 * their JSON (`PMJson`, where attributes may be missing): the exporters write a
 * legend from {@link provenanceLegend}, the TEI writer points `@resp` at
 * {@link respXmlId}.
 */
import type { PMJson } from './document';
import { shortDate } from './dates';
import type { ProjectEditor } from './project';

/** `resp` of what came with the archive's page: the archive's translator. */
export const ARCHIVE_RESP = 'archive';

/** Who made an annotation, as a kind. */
export type ProvenanceSource = 'archive' | 'editor' | 'unrecorded';

/** The provenance of one annotation. */
export interface Provenance {
  /** `archive`, an editor id, or '' (not recorded). */
  resp: string;
  /** ISO date (YYYY-MM-DD) or ''. */
  when: string;
  source: ProvenanceSource;
}

/** Annotation kinds that carry provenance. */
export type AnnotationKind = 'insertion' | 'correction' | 'footnote';

/** The stamp a new annotation gets: the current editor and the day. */
export interface ProvenanceStamp {
  resp: string;
  when: string;
}

/** Anything with attributes: a ProseMirror mark or node, or their JSON. */
type WithAttrs = { attrs?: Record<string, unknown> | null } | PMJson | NonNullable<PMJson['marks']>[number];

/** The provenance of a mark or node (ProseMirror or JSON); missing attributes read as not recorded. */
export function provenanceOf(item: WithAttrs): Provenance {
  const attrs = (item as { attrs?: Record<string, unknown> | null }).attrs ?? {};
  const resp = typeof attrs.resp === 'string' ? attrs.resp : '';
  const when = typeof attrs.when === 'string' ? attrs.when : '';
  return { resp, when, source: resp === ARCHIVE_RESP ? 'archive' : resp ? 'editor' : 'unrecorded' };
}

/** Today as an ISO date in local time (what a stamp records). */
export function isoToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The editor with id `id`, if the project knows them. */
export function editorById(editors: readonly ProjectEditor[], id: string): ProjectEditor | undefined {
  return editors.find((e) => e.id === id);
}

/**
 * Who, in a few characters: `archive translator`, the editor's initials (`AB`), the
 * bare id of an editor the project does not list, or `not recorded`.
 */
export function respLabel(resp: string, editors: readonly ProjectEditor[]): string {
  if (resp === ARCHIVE_RESP) return 'archive translator';
  if (!resp) return 'not recorded';
  return editorById(editors, resp)?.initials ?? resp;
}

/** Who, in full: `the archive's translator`, `Anna Berg (AB)`, an unknown id, `not recorded`. */
export function respName(resp: string, editors: readonly ProjectEditor[]): string {
  if (resp === ARCHIVE_RESP) return 'the archive’s translator';
  if (!resp) return 'not recorded';
  const editor = editorById(editors, resp);
  return editor ? `${editor.name} (${editor.initials})` : `${resp} (not among the project’s editors)`;
}

const VERBS: Record<AnnotationKind, string> = { insertion: 'inserted', correction: 'corrected', footnote: 'note' };

/**
 * One line saying who made an annotation and when: `inserted by AB, 5 Dec 2026`,
 * `corrected by AB`, `note by AB, 5 Dec 2026`, `archive translator`,
 * `provenance not recorded`.
 */
export function provenanceLabel(kind: AnnotationKind, provenance: Pick<Provenance, 'resp' | 'when'>, editors: readonly ProjectEditor[]): string {
  const { resp, when } = provenance;
  if (resp === ARCHIVE_RESP) return 'archive translator';
  if (!resp) return when ? `${VERBS[kind]} ${shortDate(when)}, by an editor not recorded` : 'provenance not recorded';
  const who = `${VERBS[kind]} by ${respLabel(resp, editors)}`;
  return when ? `${who}, ${shortDate(when)}` : who;
}

/**
 * An XML id for a `resp` value, for TEI's `@resp="#…"` pointing at a `respStmt` or
 * `person` with that `xml:id`: `archive` → `archive-translator`, an editor id → the
 * id itself (editor ids are NCNames: see `newEditorId`), '' → null (no `@resp`).
 */
export function respXmlId(resp: string): string | null {
  if (!resp) return null;
  return resp === ARCHIVE_RESP ? 'archive-translator' : resp;
}

/** Every `resp` value used by the insertions, corrections and footnotes of a body (JSON), in first-use order. */
export function respsUsed(body: PMJson): string[] {
  const seen = new Set<string>();
  const walk = (node: PMJson) => {
    if (node.type === 'footnote') seen.add(provenanceOf(node).resp);
    for (const mark of node.marks ?? []) {
      if (mark.type === 'insertion' || mark.type === 'correction') seen.add(provenanceOf(mark).resp);
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(body);
  return [...seen];
}

/** One line of an edition's provenance legend. */
export interface LegendEntry {
  /** The `resp` value (`archive`, an editor id, '' for not recorded). */
  resp: string;
  source: ProvenanceSource;
  /** Short form used in the text (`AB`, `archive translator`, `not recorded`). */
  label: string;
  /** Long form (`Anna Berg (AB)`, `the archive’s translator`). */
  name: string;
  /** The editor, when `resp` is one the project lists. */
  editor?: ProjectEditor;
}

/**
 * The legend of an edition: one entry per `resp` used in `bodies`, the archive's
 * translator first, then the project's editors in the project's order, then ids the
 * project does not list, then not recorded.
 */
export function provenanceLegend(bodies: readonly PMJson[], editors: readonly ProjectEditor[]): LegendEntry[] {
  return provenanceLegendOf(bodies.flatMap(respsUsed), editors);
}

/** The legend of the given `resp` values (each once), ordered as {@link provenanceLegend} orders them. */
export function provenanceLegendOf(resps: Iterable<string>, editors: readonly ProjectEditor[]): LegendEntry[] {
  const used = new Set(resps);
  const order = (resp: string) => (resp === ARCHIVE_RESP ? -1 : !resp ? 1e9 : editors.findIndex((e) => e.id === resp) >= 0 ? editors.findIndex((e) => e.id === resp) : 1e6);
  return [...used]
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((resp) => {
      const editor = resp && resp !== ARCHIVE_RESP ? editorById(editors, resp) : undefined;
      return {
        resp,
        source: provenanceOf({ attrs: { resp } }).source,
        label: respLabel(resp, editors),
        name: respName(resp, editors),
        ...(editor ? { editor } : {}),
      };
    });
}
