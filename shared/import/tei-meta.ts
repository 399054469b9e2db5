/**
 * A TEI header to document metadata: the title, the date (`correspAction`'s
 * `date/@when`, the source description's dates, `creation`), the archival
 * signature (`msIdentifier/idno`, or Interlinea's own `idno type="signature"`),
 * the translator and the other responsibilities (`respStmt`, `editor`), the
 * languages (`langUsage`, `textLang`), the licence (`availability`), the
 * publication as a citation, the abstract. Parts of the header with no place in
 * the metadata but text worth keeping (correspondence, physical description,
 * editorial principles, revision history) are kept in the source notes.
 */
import { isoDate, type DocumentMeta } from '../model/document';
import { languageName } from './tei-languages';
import { plainText, type TeiReport } from './tei-inline';
import {
  attr,
  child,
  childrenNamed,
  descendants,
  elements,
  path,
  squash,
  textContent,
  type XmlElement,
} from './tei-xml';

/** The metadata of one TEI document, what else the header said, and its main language. */
export interface TeiMeta {
  meta: DocumentMeta;
  notes: string[];
  /** BCP 47 tag of the text's main language, '' when the header does not say. */
  mainLang: string;
}

const hasType = (type: string) => (el: XmlElement) => attr(el, 'type') === type;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` from a TEI date attribute (`1894-01-25T00:00:00-05:00` too). */
export function isoPrefix(value: string | null): string {
  const match = /^(\d{4})(-\d{2})?(-\d{2})?/.exec(value?.trim() ?? '');
  if (!match) return '';
  const out = match[0];
  return isoDate.safeParse(out).success ? out : '';
}

function dateOf(el: XmlElement | undefined): string {
  if (!el) return '';
  return isoPrefix(attr(el, 'when') ?? attr(el, 'when-iso') ?? attr(el, 'notBefore') ?? attr(el, 'from'));
}

/** Text of an element as a reader sees it (white space collapsed). */
const said = (el: XmlElement | undefined) => squash(plainText(el));

/** The title: the main or analytic title before the series title; Interlinea's own first. */
function titleOf(titleStmt: XmlElement | undefined, own = false): string {
  const titles = childrenNamed(titleStmt, 'title').filter((t) => (own ? plainText(t) : said(t)));
  const pick =
    titles.find((t) => attr(t, 'type') === 'main') ??
    titles.find((t) => attr(t, 'level') === 'a') ??
    titles.find((t) => attr(t, 'type') === 'complete') ??
    titles.find((t) => !attr(t, 'type') && !['s', 'j', 'u'].includes(attr(t, 'level') ?? '')) ??
    titles[0];
  return pick ? plainText(pick) : '';
}

function names(el: XmlElement | undefined): string {
  if (!el) return '';
  const parts = elements(el)
    .filter((k) => ['name', 'persName', 'orgName'].includes(k.name))
    .map(said);
  return parts.length ? parts.join('; ') : said(el);
}

/**
 * Reads a TEI header. `own` is true for Interlinea's own TEI, whose fields are read
 * exactly as written (no white-space collapsing). `corpus` is the header of an
 * enclosing `teiCorpus`, whose publication and licence apply when a TEI has none.
 */
export function readMeta(tei: XmlElement, own: boolean, report: TeiReport, corpus?: XmlElement): TeiMeta {
  const header = child(tei, 'teiHeader');
  const fileDesc = child(header, 'fileDesc');
  const titleStmt = child(fileDesc, 'titleStmt');
  const sourceDesc = child(fileDesc, 'sourceDesc');
  const bibl = child(sourceDesc, 'bibl');
  const notesStmt = child(fileDesc, 'notesStmt');
  const profileDesc = child(header, 'profileDesc');
  const text = own ? plainText : said;
  const notes: string[] = [];

  // Date: when the letter was sent, else the source's date, else the text's creation.
  const sent = descendants(profileDesc, 'correspAction').find((a) => attr(a, 'type') === 'sent');
  const candidates = [
    child(bibl, 'date'),
    child(sent, 'date'),
    ...descendants(sourceDesc, 'origDate'),
    ...descendants(sourceDesc, 'docDate'),
    ...descendants(sourceDesc, 'date'),
    ...descendants(child(profileDesc, 'creation'), 'date'),
    // Else the date the text gives itself, in its first dateline.
    ...descendants(descendants(child(tei, 'text'), 'dateline')[0], 'date'),
  ].filter((el): el is XmlElement => el !== undefined);
  let date = '';
  for (const el of candidates) {
    date = dateOf(el);
    if (date) break;
  }
  if (!date && candidates.length) {
    const said0 = attr(candidates[0], 'when') ?? said(candidates[0]);
    report.warn(`the date "${said0}" is not an ISO date: left empty`);
  }

  // Signature: Interlinea's own idno, else the manuscript's repository and shelfmark.
  let signature = text(child(bibl, 'idno', hasType('signature')) ?? child(bibl, 'idno'));
  if (!signature) {
    const ms = descendants(sourceDesc, 'msIdentifier')[0];
    const idno = said(child(ms, 'idno') ?? descendants(ms, 'idno')[0]);
    const repository = said(child(ms, 'repository') ?? child(ms, 'institution'));
    signature = idno && repository ? `${repository}, ${idno}` : idno;
  }

  // Responsibilities: the translator has a field; editors and others are credits.
  const resps = [...childrenNamed(titleStmt, 'respStmt'), ...descendants(child(fileDesc, 'editionStmt'), 'respStmt')];
  const translatorStmt = resps.find((r) => /transl|übers|tradu/i.test(said(child(r, 'resp'))));
  // Interlinea writes an unnamed translator as a name of type "unnamed": no name.
  const translatorName = child(translatorStmt, 'name') ?? child(translatorStmt, 'persName');
  const translator = translatorName && attr(translatorName, 'type') !== 'unnamed' ? text(translatorName) : '';
  const credits: string[] = [];
  const ownCredits = plainText(child(notesStmt, 'note', hasType('credits')));
  if (ownCredits) credits.push(ownCredits);
  if (!own) {
    for (const r of resps) if (r !== translatorStmt) credits.push(`${said(child(r, 'resp'))}: ${names(r)}`);
    for (const e of childrenNamed(titleStmt, 'editor')) if (said(e)) credits.push(`Editor: ${names(e)}`);
    for (const a of childrenNamed(titleStmt, 'author')) if (said(a)) credits.push(`Author: ${said(a)}`);
    const pub = child(fileDesc, 'publicationStmt') ?? path(corpus, 'fileDesc', 'publicationStmt');
    const licence = descendants(pub, 'licence')[0];
    const availability = descendants(pub, 'availability')[0];
    if (licence || availability) {
      const target = attr(licence, 'target');
      const words = said(licence ?? availability);
      credits.push(`Licence: ${[words, target].filter(Boolean).join(' ')}`);
    }
  }

  // Languages: Interlinea's textLang, else langUsage's first language.
  const languages = descendants(profileDesc, 'language');
  const textLang = child(bibl, 'textLang');
  const mainLang = attr(textLang, 'mainLang') ?? attr(languages[0], 'ident') ?? attr(tei, 'xml:lang') ?? '';
  let originalLanguage = text(textLang);
  if (!originalLanguage && !own && languages.length) {
    const ident = attr(languages[0], 'ident') ?? '';
    const named = languageName(ident);
    originalLanguage = named !== ident.trim() ? named : said(languages[0]) || ident;
  }

  // The source URL: Interlinea's ref, else an idno of the publication that is a URL.
  const ref = child(bibl, 'ref') ?? child(bibl, 'ptr');
  let sourceUrl = ref ? plainText(ref) || (attr(ref, 'target') ?? '') : '';
  const pubStmt = child(fileDesc, 'publicationStmt');
  if (!sourceUrl && !own) {
    const idnos = descendants(pubStmt, 'idno')
      .map(said)
      .filter((v) => /^(https?:\/\/|doi:|hdl:)/i.test(v));
    sourceUrl = idnos[0] ?? '';
  }

  // A citation of the edition the file comes from.
  let citation = plainText(child(bibl, 'note', hasType('citation')));
  if (!citation && !own && pubStmt) {
    const parts = [
      said(child(child(pubStmt, 'publisher'), 'name') ?? child(pubStmt, 'publisher')),
      said(child(pubStmt, 'pubPlace')),
      said(child(pubStmt, 'date')),
    ].filter(Boolean);
    const series = said(path(fileDesc, 'seriesStmt', 'title')) || said(path(fileDesc, 'editionStmt', 'edition'));
    const main = titleOf(titleStmt);
    citation = [main && squash(main), series, parts.join(', ')].filter(Boolean).join('. ');
  }

  const abstract = child(profileDesc, 'abstract');
  const summary = abstract ? elements(abstract).map(text).join('\n') || text(abstract) : '';

  if (!own && header) keepHeaderText(header, notes, report);
  if (own) notes.push(...(notesStmt ? childrenNamed(notesStmt, 'note').filter(hasType('import')).map(plainText) : []));

  return {
    meta: {
      title: own ? titleOf(titleStmt, true) : squash(titleOf(titleStmt)),
      date,
      citation,
      signature,
      summary,
      credits: credits.join('\n'),
      originalLanguage,
      sourceUrl,
      translator,
      translatorNotes: plainText(child(notesStmt, 'note', hasType('translator-notes'))),
    },
    notes,
    mainLang,
  };
}

/** Header parts that the metadata has no field for, kept as text in the source notes. */
function keepHeaderText(header: XmlElement, notes: string[], report: TeiReport): void {
  const keep = (label: string, el: XmlElement | undefined) => {
    const value = el ? squash(textContent(el)) : '';
    if (value) notes.push(`TEI header, ${label}: ${value}`);
  };
  const profileDesc = child(header, 'profileDesc');
  for (const action of descendants(profileDesc, 'correspAction')) {
    keep(`correspondence (${attr(action, 'type') ?? 'action'})`, action);
  }
  const sourceDesc = path(header, 'fileDesc', 'sourceDesc');
  for (const ms of descendants(sourceDesc, 'msDesc')) {
    for (const el of elements(ms)) if (el.name !== 'msIdentifier') keep(`manuscript ${el.name}`, el);
  }
  for (const p of childrenNamed(sourceDesc, 'p')) keep('source', p);
  for (const el of elements(profileDesc)) {
    if (!['correspDesc', 'langUsage', 'abstract'].includes(el.name)) keep(el.name, el);
  }
  const encodingDesc = child(header, 'encodingDesc');
  for (const el of elements(encodingDesc)) {
    if (['editorialDecl', 'projectDesc', 'samplingDecl'].includes(el.name)) keep(el.name, el);
    else report.warn(`<encodingDesc>/<${el.name}> (how the file was encoded) was not imported`);
  }
  keep('revisions', child(header, 'revisionDesc'));
  for (const note of childrenNamed(path(header, 'fileDesc', 'notesStmt'), 'note')) keep('note', note);
}
