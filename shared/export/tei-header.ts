/**
 * The `<teiHeader>` of one exported document, as an editor expects it:
 * - `titleStmt`: the document's title, the edition's title (the project's name),
 *   and a `respStmt` with an `xml:id` for each party `@resp` can point at: the
 *   archive's translator, the project, each project editor;
 * - `publicationStmt` from the project's publication settings (publisher, place,
 *   date, licence in `availability`);
 * - `sourceDesc`: the source as cited, and a `listWit` of the three witnesses
 *   (the German original, the English translation, the garbled Korean version);
 * - `encodingDesc`: the application, the editorial principles (`editorialDecl`:
 *   correction policy, normalisation: none, the bracket convention and the
 *   restoration method, the garble model and its check, as `interpretation`), and
 *   the row states the Korean rows point at (`classDecl`);
 * - `profileDesc`: abstract and languages; `revisionDesc` from the document's history.
 */
import type { DocumentFile } from '../model/document';
import type { RichMetaField } from '../model/meta-text';
import type { RowState } from '../model/stats';
import type { ReviewState } from '../model/schema';
import { ARCHIVE_RESP } from '../model/provenance';
import { encodeId } from './tei-names';
import { formatDate, languageTag, type EditionProject } from './edition';
import type { XmlAttrs, XmlWriter } from './tei-writer';

/** Who made a mark, for `@resp` (see {@link partyOf}). */
export type Party = 'translator' | 'project' | { editor: string };

/** `xml:id`s of the parties, witnesses and categories of one document (`d2-` prefixed in an edition). */
export function headerIds(prefix: string) {
  return {
    translator: `${prefix}resp-translator`,
    project: `${prefix}resp-project`,
    editor: (id: string) => `${prefix}resp-editor-${encodeId(id)}`,
    original: `${prefix}witness-original`,
    english: `${prefix}witness-english`,
    korean: `${prefix}witness-korean`,
    state: (state: RowState) => `${prefix}row-${state}`,
    review: (state: ReviewState) => `${prefix}review-${state}`,
    change: (resp: string, when: string) => `${prefix}change-${encodeId(resp || 'project')}-${when}`,
  };
}

/**
 * Who an annotation is credited to, from its recorded provenance (`resp`, see
 * shared/model/provenance.ts): the archive's translator, a project editor, or, when
 * nothing was recorded (documents written before provenance), the project.
 */
export function partyOf(resp: string | undefined): Party {
  if (resp === ARCHIVE_RESP) return 'translator';
  if (resp) return { editor: resp };
  return 'project';
}

/** `@resp` value for a party. */
export function respRef(prefix: string, party: Party): string {
  const ids = headerIds(prefix);
  if (party === 'translator') return `#${ids.translator}`;
  if (party === 'project') return `#${ids.project}`;
  return `#${ids.editor(party.editor)}`;
}

/** What the annotations and rows of a document use, for the header to declare. */
export interface HeaderUse {
  /** Row states of the Korean (the taxonomy's categories). */
  states: Set<RowState>;
  /** Review states other than draft. */
  reviews: Set<ReviewState>;
  /** Editor ids that annotations point at. */
  editors: Set<string>;
  /** `(resp, when)` of dated annotations, by change id. */
  changes: Map<string, { resp: string; when: string }>;
  /**
   * Writes a metadata field with its corrections and insertions (`<choice>`,
   * `<supplied>`, as in the body), or undefined when the field has none: then its
   * plain string is written.
   */
  meta?: (field: RichMetaField) => (() => void) | undefined;
}

const REVIEW_LABELS: Record<ReviewState, string> = {
  draft: 'row in draft',
  reviewed: 'row reviewed by an editor',
  approved: 'row approved',
};

const STATE_LABELS: Record<RowState, string> = {
  consistent: 'restored: the Korean fits its whole witness, with no proposal or placeholder',
  partial: 'partly restored: placeholders stand for witness text not yet restored',
  contradicted: 'contradicted: some of the Korean does not fit the witness',
  proposed: 'proposed: the Korean holds text proposed by auto-fill or the draft and not yet accepted',
  empty: 'empty: nothing restored yet',
};

/** `@cert` of a Korean row in a state: low for contradicted or proposed, medium for partial. */
export function certOf(state: RowState | null): string | undefined {
  if (state === 'contradicted' || state === 'proposed') return 'low';
  if (state === 'partial') return 'medium';
  return undefined;
}

/** A URL for `@target`, percent-encoded once; undefined when it cannot be (a lone surrogate). */
export function uriOf(url: string): string | undefined {
  let value = url.trim();
  try {
    value = decodeURI(value);
  } catch {
    // not percent-encoded as a whole: encode it as given
  }
  try {
    return encodeURI(value);
  } catch {
    return undefined;
  }
}

/** The latest ISO date among the documents' changes, or ''. */
export function latestChange(files: DocumentFile[]): string {
  let latest = '';
  for (const file of files) {
    for (const stamp of [file.updatedAt, file.source.importedAt]) {
      const day = /^\d{4}-\d{2}-\d{2}/.exec(stamp ?? '')?.[0] ?? '';
      if (day > latest) latest = day;
    }
  }
  return latest;
}

/** The `publicationStmt` of a document or an edition. */
export function writePublication(
  w: XmlWriter,
  depth: number,
  project: EditionProject | undefined,
  files: DocumentFile[],
  idno?: string,
): void {
  const pub = project?.publication;
  const publisher = pub?.publisher.trim() || project?.name.trim() || 'Interlinea';
  const date = pub?.date || latestChange(files);
  w.section(depth, 'publicationStmt', {}, () => {
    w.block(depth + 1, 'publisher', {}, publisher, 'replace');
    if (pub?.pubPlace.trim()) w.block(depth + 1, 'pubPlace', {}, pub.pubPlace, 'replace');
    if (date) w.block(depth + 1, 'date', { when: date }, formatDate(date));
    const licence = pub?.licence.trim() ?? '';
    const url = pub?.licenceUrl.trim() ? uriOf(pub.licenceUrl) : undefined;
    if (licence || url) {
      w.section(depth + 1, 'availability', {}, () =>
        w.block(depth + 2, 'licence', { target: url }, licence || pub?.licenceUrl || '', 'replace'),
      );
    } else {
      w.section(depth + 1, 'availability', { status: 'unknown' }, () =>
        w.block(depth + 2, 'p', {}, 'No licence has been set for this edition (project settings, publication).'),
      );
    }
    if (idno) w.block(depth + 1, 'idno', { type: 'interlinea' }, idno, 'replace');
  });
}

/** Writes the `<teiHeader>` of one document. */
export function writeHeader(
  w: XmlWriter,
  file: DocumentFile,
  depth: number,
  prefix: string,
  project: EditionProject | undefined,
  use: HeaderUse,
): void {
  const { meta, source } = file;
  const ids = headerIds(prefix);
  const editionTitle = project?.name.trim() ?? '';
  const originalName = meta.originalLanguage.trim() || 'German';
  // A field's content: its corrections and insertions where it has them, else its plain string.
  const field = (name: RichMetaField): string | (() => void) => use.meta?.(name) ?? meta[name];
  w.section(depth, 'teiHeader', {}, () => {
    w.section(depth + 1, 'fileDesc', {}, () => {
      w.section(depth + 2, 'titleStmt', {}, () => {
        w.block(depth + 3, 'title', { type: 'main' }, field('title'), 'replace');
        if (editionTitle) w.block(depth + 3, 'title', { type: 'edition' }, editionTitle, 'replace');
        w.block(depth + 3, 'respStmt', { 'xml:id': ids.translator }, () => {
          w.open('resp')
            .text(`translation from the ${originalName} original into English (the archive's translator)`)
            .close();
          // An unnamed translator is said so, in a name the importer knows is no name.
          if (meta.translator) w.open('name').text(meta.translator, 'replace').close();
          else w.open('name', { type: 'unnamed' }).text("the archive's translator, not named").close();
        });
        w.block(depth + 3, 'respStmt', { 'xml:id': ids.project }, () => {
          w.open('resp').text('editing, corrections, notes and the restoration of the Korean').close();
          w.open('name')
            .text(project?.publication?.publisher.trim() || editionTitle || 'the project', 'replace')
            .close();
        });
        // The project's editors, and any editor an annotation names that the project no longer lists.
        const editors = [...(project?.editors ?? [])];
        for (const id of use.editors) if (!editors.some((e) => e.id === id)) editors.push({ id, name: id });
        for (const editor of editors) {
          w.block(depth + 3, 'respStmt', { 'xml:id': ids.editor(editor.id) }, () => {
            w.open('resp').text('editing').close();
            w.open('persName').text(editor.name, 'replace').close();
          });
        }
      });
      writePublication(w, depth + 2, project, [file], file.id);
      const notes: [string, string, string | (() => void)][] = [
        ['credits', meta.credits, field('credits')],
        ['translator-notes', meta.translatorNotes, field('translatorNotes')],
        ...source.notes.map((note): [string, string, string] => ['import', note, note]),
      ];
      if (notes.some(([, value]) => value)) {
        w.section(depth + 2, 'notesStmt', {}, () => {
          for (const [type, value, content] of notes) if (value) w.block(depth + 3, 'note', { type }, content, 'replace');
        });
      }
      w.section(depth + 2, 'sourceDesc', {}, () => {
        w.section(depth + 3, 'bibl', {}, () => {
          const at = depth + 4;
          w.block(at, 'title', {}, field('title'), 'replace');
          if (meta.date) w.block(at, 'date', { when: meta.date }, formatDate(meta.date));
          if (meta.signature) w.block(at, 'idno', { type: 'signature' }, meta.signature, 'replace');
          if (meta.sourceUrl) w.block(at, 'ref', { target: uriOf(meta.sourceUrl) }, meta.sourceUrl, 'replace');
          if (meta.originalLanguage) {
            w.block(at, 'textLang', { mainLang: languageTag(meta.originalLanguage) }, meta.originalLanguage, 'replace');
          }
          if (meta.citation) w.block(at, 'note', { type: 'citation' }, field('citation'), 'replace');
        });
        w.section(depth + 3, 'listWit', {}, () => {
          w.block(depth + 4, 'witness', { 'xml:id': ids.original }, () =>
            w.text(
              `The ${originalName} original${meta.signature ? ` (${meta.signature})` : ''}; its text is given where the document has it.`,
              'replace',
            ),
          );
          w.block(depth + 4, 'witness', { 'xml:id': ids.english }, () =>
            w.text(
              `The English translation made from the ${originalName} original by the archive's translator${meta.translator ? ` (${meta.translator})` : ''}.`,
              'replace',
            ),
          );
          w.block(depth + 4, 'witness', { 'xml:id': ids.korean }, () =>
            w.text(
              'The Korean version as received: an encoding fault kept each Hangul syllable as one ASCII character or dropped it. ' +
                'It is kept byte for byte in the division of type "witness"; the restored Korean is an edition of it.',
            ),
          );
        });
      });
    });
    w.section(depth + 1, 'encodingDesc', {}, () => {
      w.section(depth + 2, 'appInfo', {}, () =>
        w.block(depth + 3, 'application', { ident: 'interlinea', version: '0.1.0' }, () =>
          w.open('label').text('Interlinea').close(),
        ),
      );
      w.section(depth + 2, 'editorialDecl', {}, () => {
        const para = (element: string, text: string) =>
          w.block(depth + 3, element, {}, () => w.open('p').text(text).close());
        para(
          'correction',
          'Slips of the source (OCR and typing errors) are corrected; each correction keeps the source reading: <choice><sic>source</sic><corr>correction</corr></choice>. Nothing else is changed.',
        );
        para(
          'normalization',
          'No text is normalised: spelling, names, punctuation and the witness are kept as in the source.',
        );
        para(
          'interpretation',
          'Bracket convention: text the editors or the archive translator added is <supplied> (reason: clarification, variant or expansion); reading editions print it in square brackets. ' +
            'Restoration of the Korean: the witness is read through the garble model (each Hangul syllable became one ASCII character or nothing) and every restored syllable is checked against it. ' +
            'Each Korean row points (@ana) at its state in the row-state taxonomy; rows not yet restored carry @cert (medium: partial, low: contradicted or proposed), and text proposed by the software and not accepted is <seg type="proposed" cert="low">.',
        );
      });
      if (use.states.size || use.reviews.size) {
        w.section(depth + 2, 'classDecl', {}, () => {
          if (use.states.size) {
            w.section(depth + 3, 'taxonomy', { 'xml:id': `${prefix}row-states` }, () => {
              for (const state of use.states) {
                w.block(depth + 4, 'category', { 'xml:id': ids.state(state) }, () =>
                  w.open('catDesc').text(STATE_LABELS[state]).close(),
                );
              }
            });
          }
          if (use.reviews.size) {
            w.section(depth + 3, 'taxonomy', { 'xml:id': `${prefix}review-states` }, () => {
              for (const review of use.reviews) {
                w.block(depth + 4, 'category', { 'xml:id': ids.review(review) }, () =>
                  w.open('catDesc').text(REVIEW_LABELS[review]).close(),
                );
              }
            });
          }
        });
      }
    });
    w.section(depth + 1, 'profileDesc', {}, () => {
      if (meta.summary) {
        w.section(depth + 2, 'abstract', {}, () => w.block(depth + 3, 'p', {}, field('summary'), 'replace'));
      }
      const languages: [string, string][] = [
        ['en', 'English (translation)'],
        ['ko', 'Korean (restoration and witness)'],
      ];
      const original = languageTag(meta.originalLanguage);
      if (meta.originalLanguage && original !== 'en' && original !== 'ko') {
        languages.push([original, `${meta.originalLanguage} (original)`]);
      }
      w.section(depth + 2, 'langUsage', {}, () => {
        for (const [ident, label] of languages) w.block(depth + 3, 'language', { ident }, label, 'replace');
      });
    });
    const changes: [string, string, XmlAttrs?][] = [];
    // Dated annotations point (@change) at the change that made them.
    for (const [id, { resp, when }] of use.changes) {
      const who = respRef(prefix, partyOf(resp));
      changes.push([when, 'Annotations (insertions, corrections, notes) made.', { 'xml:id': id, who }]);
    }
    const day = (stamp: string) => /^\d{4}-\d{2}-\d{2}/.exec(stamp)?.[0] ?? '';
    if (day(file.updatedAt)) changes.push([day(file.updatedAt), 'Last edited in Interlinea.']);
    if (day(source.importedAt)) {
      changes.push([
        day(source.importedAt),
        `Imported from ${source.file || 'a file'}${source.format ? ` (${source.format})` : ''}.`,
      ]);
    }
    if (changes.length) {
      w.section(depth + 1, 'revisionDesc', {}, () => {
        for (const [when, what, attrs] of changes) w.block(depth + 2, 'change', { ...attrs, when }, what, 'replace');
      });
    }
  });
}
