/**
 * TEI P5 import, from Interlinea or from any edition.
 *
 * - Interlinea's own TEI (`shared/export/tei.ts`) comes back as it was exported:
 *   text, marks, footnotes with their ids, gaps, unclear readings, names, row ids
 *   and roles, the witness byte for byte, the metadata (`tei-own.ts`).
 * - Other editions' TEI (letters, diplomatic documents; with or without the TEI
 *   namespace; notes inline or in `standOff`) is read for what it says: header
 *   metadata (`tei-meta.ts`), each block of the text a row, in the column of its
 *   language (`tei-body.ts`), editorial markup as Interlinea's annotations
 *   (`tei-inline.ts`). What has no place in the model is kept as text, noted in the
 *   document's source notes and reported as a warning; nothing is dropped silently.
 * - A `teiCorpus` gives one document per `TEI`.
 *
 * Parsing is linear and nesting is bounded (`tei-xml.ts`); a file that is not
 * well-formed XML, not TEI, or has no text gets an error naming the file.
 */
import { bodyToNode, type ImportedDocument, type PMJson } from '../model/document';
import { body as makeBody, segment } from '../model/build';
import { TEI_NS } from '../export/tei-names';
import { ForeignBody, type Row } from './tei-body';
import { InlineReader, TeiReport } from './tei-inline';
import { readMeta } from './tei-meta';
import { isOwnLayout, readOwnRows, witnessLines } from './tei-own';
import { attr, child, elements, parseXml, path, type XmlElement } from './tei-xml';

/** Result of {@link importTei}: `documents` holds every document of a corpus (`document` is the first). */
export type TeiImportResult =
  | { ok: true; document: ImportedDocument; warnings: string[]; documents?: ImportedDocument[] }
  | { ok: false; error: string };

/** Options of {@link importTei}, as for the other importers. */
export interface TeiImportOptions {
  /** Clock for `source.importedAt` (tests pass a fixed date). */
  now?: Date;
  /** Notes from decoding (a repaired encoding), kept in each document's source notes. */
  notes?: string[];
}

/**
 * Imports a TEI P5 file. `name` is the file name, recorded as the source. Errors
 * read `name: reason`, like the other importers'.
 */
export function importTei(textValue: string, name: string, options: TeiImportOptions = {}): TeiImportResult {
  const fail = (reason: string): TeiImportResult => ({ ok: false, error: `${name}: ${reason}` });
  const parsed = parseXml(textValue.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return fail(parsed.error);
  const root = parsed.root;
  if (root.name === 'TEI.2')
    return fail('this is TEI P4 (<TEI.2>), which Interlinea does not read; convert it to TEI P5 first');
  if (root.name !== 'TEI' && root.name !== 'teiCorpus') {
    return fail(`not a TEI document (its root element is <${root.qname}>, not <TEI> or <teiCorpus>)`);
  }
  const warnings: string[] = [];
  if (root.ns !== TEI_NS) {
    warnings.push(
      root.ns
        ? `${name} is in the namespace ${root.ns}, not TEI's; read it as TEI anyway`
        : `${name} has no TEI namespace; read it as TEI`,
    );
  }

  const teis: { tei: XmlElement; corpus?: XmlElement }[] = [];
  const collect = (corpus: XmlElement) => {
    for (const el of elements(corpus)) {
      if (el.name === 'TEI') teis.push({ tei: el, corpus: child(corpus, 'teiHeader') });
      else if (el.name === 'teiCorpus') collect(el);
    }
  };
  if (root.name === 'teiCorpus') collect(root);
  else teis.push({ tei: root });
  if (!teis.length) return fail('the teiCorpus holds no <TEI> document');

  const documents: ImportedDocument[] = [];
  for (const [i, { tei, corpus }] of teis.entries()) {
    const where = teis.length > 1 ? `document ${i + 1} of ${teis.length}` : '';
    const result = importOne(tei, corpus, name, options);
    if (!result.ok) return fail(where ? `${where}: ${result.error}` : result.error);
    const label = where ? `${where} ("${result.document.meta.title}"): ` : '';
    warnings.push(...result.warnings.map((w) => label + w));
    documents.push(result.document);
  }
  return {
    ok: true,
    document: documents[0],
    warnings,
    ...(documents.length > 1 ? { documents } : {}),
  };
}

function importOne(
  tei: XmlElement,
  corpus: XmlElement | undefined,
  name: string,
  options: TeiImportOptions,
): { ok: true; document: ImportedDocument; warnings: string[] } | { ok: false; error: string } {
  const text = child(tei, 'text');
  const bodyEl = child(text, 'body') ?? child(text, 'group');
  if (!text || !bodyEl) return { ok: false, error: 'the TEI document has no <text><body>' };
  const own = isOwnLayout(tei, child(text, 'body'));
  const report = new TeiReport();
  const { meta, notes, mainLang } = readMeta(tei, own, report, corpus);
  // Own TEI: annotations point (@change) at the dated changes of the revision history.
  const changes = new Map<string, string>();
  if (own) {
    for (const change of elements(path(tei, 'teiHeader', 'revisionDesc'))) {
      const id = attr(change, 'xml:id');
      const when = attr(change, 'when');
      if (id && when) changes.set(id, when);
    }
  }
  const reader = new InlineReader(report, { own, changes });

  let rows: Row[];
  const sourceNotes = [...(options.notes ?? []), ...notes];
  let witness: string[] = [];
  if (own) {
    rows = readOwnRows(bodyEl, reader);
    const witnessAb = child(
      child(path(tei, 'text', 'back'), 'div', (el) => attr(el, 'type') === 'source-witness'),
      'ab',
    );
    witness = witnessAb ? witnessLines(witnessAb) : [];
  } else {
    const foreign = new ForeignBody(reader, mainLang);
    rows = foreign.read(tei, text);
    sourceNotes.push(...foreign.notes);
    if (!meta.originalLanguage) {
      const original = foreign.languages.get('original');
      if (original) meta.originalLanguage = original;
    }
    if (!rows.length) report.warn('the text has no paragraphs or other blocks: imported as one empty row');
    if (report.asText.size) {
      const list = [...report.asText].map(([el, n]) => `<${el}> ×${n}`).join(', ');
      sourceNotes.push(`TEI elements kept as plain text (no Interlinea annotation for them): ${list}`);
    }
  }
  const json = makeBody(
    rows.map((r) => {
      const seg = segment({
        id: r.id,
        role: r.role,
        english: r.english,
        korean: r.korean,
        original: r.original,
        witness: r.witness,
      });
      if (r.review) seg.attrs = { ...seg.attrs, review: r.review };
      return seg;
    }),
  );
  let normalised: PMJson;
  try {
    // The schema joins adjacent text, orders marks and checks the content.
    normalised = bodyToNode(json).toJSON() as PMJson;
  } catch (err) {
    return { ok: false, error: `the text does not fit Interlinea's document model: ${(err as Error).message}` };
  }
  return {
    ok: true,
    document: {
      meta,
      source: {
        file: name,
        format: 'tei',
        importedAt: (options.now ?? new Date()).toISOString(),
        witness,
        notes: sourceNotes,
      },
      body: normalised,
    },
    warnings: report.warnings,
  };
}
