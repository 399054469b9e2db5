/**
 * The ProseMirror schema of an Interlinea document.
 *
 * A document body is a sequence of aligned `segment` rows. Each segment holds
 * the English translation, the witness (the garbled Korean, read-only and kept
 * byte-exact as imported, stored as an attribute so no edit can touch its
 * characters), the Korean restoration, and optionally the original-language
 * text (the German).
 *
 * Editorial annotations, named as in the issues:
 * - mark `insertion`: an editor's bracketed addition. The brackets are drawn by
 *   the view and written by the exporters; they are never characters in the text.
 * - mark `correction`: the text is the corrected reading, `original` is what the
 *   source said (an OCR slip such as `Kim II Sung`).
 * - node `footnote`: inline, with its own content; numbered in document order.
 * - node `gap`: illegible or lost text (the OCR box `□`), `quantity` boxes.
 * - node `unclear`: text whose reading is uncertain.
 * - mark `name`: a glossary name (person, organisation, place, term).
 * - mark `proposed`: restoration text proposed by auto-fill or the draft, not yet accepted
 *   (a drafted word keeps its alternatives).
 *
 * Provenance (shared/model/provenance.ts): `insertion`, `correction` and `footnote`
 * carry `resp` (who made it: `archive` for the archive's translator, an editor id of
 * the project, or `''` when not recorded) and `when` (ISO date `YYYY-MM-DD`, or `''`).
 * Documents written before these attributes load unchanged and read as not recorded:
 * nothing in an old file says whether a bracket came from the archive or an editor.
 * Each `segment` carries its review state `review` (draft, reviewed, approved).
 */
import { Schema, type NodeSpec, type MarkSpec } from 'prosemirror-model';
import { GAP_GLYPH } from './gap';

/** Kinds of editorial insertion. */
export const INSERTION_KINDS = ['clarification', 'variant', 'expansion'] as const;
export type InsertionKind = (typeof INSERTION_KINDS)[number];

/** Roles a segment plays in the document. */
export const SEGMENT_ROLES = ['head', 'p', 'closer', 'distribution'] as const;
export type SegmentRole = (typeof SEGMENT_ROLES)[number];

/** Types of glossary names. */
export const NAME_TYPES = ['person', 'organisation', 'place', 'term'] as const;
export type NameType = (typeof NAME_TYPES)[number];

/** Review states of a row, in order of progress. */
export const REVIEW_STATES = ['draft', 'reviewed', 'approved'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Columns of a segment that hold editable text. */
export const TEXT_COLUMNS = ['english', 'korean', 'original'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];

function oneOf<T extends string>(values: readonly T[], name: string) {
  return (value: unknown) => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      throw new RangeError(`${name} must be one of ${values.join(', ')}; got ${String(value)}`);
    }
  };
}

/**
 * The part of a DOM element that parse rules read. `shared/` is pure and has no DOM
 * types, so parse rules see elements through this structural type.
 */
interface ElementLike {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
}

function attrOf(dom: unknown): ElementLike {
  return dom as ElementLike;
}

function stringAttr(name: string) {
  return (value: unknown) => {
    if (typeof value !== 'string') throw new RangeError(`${name} must be a string`);
  };
}

/** `resp`: `archive`, an editor id or '' (not recorded); short, no spaces, so it can be an XML id reference. */
function validateResp(value: unknown) {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_.-]{0,64}$/.test(value)) {
    throw new RangeError(`resp must be 'archive', an editor id or empty; got ${JSON.stringify(value)}`);
  }
}

/** `when`: an ISO date (YYYY-MM-DD) or ''. */
function validateWhen(value: unknown) {
  if (typeof value !== 'string' || !/^(\d{4}-\d{2}-\d{2})?$/.test(value)) {
    throw new RangeError(`when must be an ISO date (YYYY-MM-DD) or empty; got ${JSON.stringify(value)}`);
  }
}

/** The provenance attributes of insertions, corrections and footnotes (defaults: not recorded). */
const provenanceAttrs = {
  resp: { default: '', validate: validateResp },
  when: { default: '', validate: validateWhen },
};

/** Provenance read back from a parsed element (pasted HTML): invalid values become not recorded. */
function provenanceFromDom(dom: unknown): { resp: string; when: string } {
  const resp = attrOf(dom).getAttribute('data-resp') ?? '';
  const when = attrOf(dom).getAttribute('data-when') ?? '';
  return {
    resp: /^[A-Za-z0-9_.-]{0,64}$/.test(resp) ? resp : '',
    when: /^(\d{4}-\d{2}-\d{2})?$/.test(when) ? when : '',
  };
}

/** A pasted row's review state; anything unknown is a draft. */
function reviewFromDom(value: string | null): ReviewState {
  return (REVIEW_STATES as readonly string[]).includes(value ?? '') ? (value as ReviewState) : 'draft';
}

/** The provenance as DOM attributes (none when not recorded). */
function provenanceToDom(attrs: Record<string, unknown>): Record<string, string | null> {
  return { 'data-resp': (attrs.resp as string) || null, 'data-when': (attrs.when as string) || null };
}

function columnSpec(tag: string, column: TextColumn): NodeSpec {
  return {
    content: 'inline*',
    marks: '_',
    defining: true,
    isolating: true,
    parseDOM: [{ tag: `div.${tag}` }],
    toDOM: () => ['div', { class: tag, 'data-column': column }, 0],
  };
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'segment+' },

  segment: {
    content: 'english witness korean original?',
    attrs: {
      id: { default: '', validate: stringAttr('segment id') },
      role: { default: 'p', validate: oneOf(SEGMENT_ROLES, 'segment role') },
      review: { default: 'draft', validate: oneOf(REVIEW_STATES, 'segment review') },
    },
    isolating: true,
    parseDOM: [
      {
        tag: 'div.segment',
        getAttrs: (dom) => ({
          id: attrOf(dom).getAttribute('data-id') ?? '',
          role: attrOf(dom).getAttribute('data-role') ?? 'p',
          review: reviewFromDom(attrOf(dom).getAttribute('data-review')),
        }),
      },
    ],
    toDOM: (node) => [
      'div',
      { class: 'segment', 'data-id': node.attrs.id, 'data-role': node.attrs.role, 'data-review': node.attrs.review },
      0,
    ],
  },

  english: columnSpec('english', 'english'),
  korean: columnSpec('korean', 'korean'),
  original: columnSpec('original', 'original'),

  witness: {
    atom: true,
    selectable: false,
    attrs: {
      lines: {
        default: [],
        validate: (value: unknown) => {
          if (!Array.isArray(value) || value.some((line) => typeof line !== 'string')) {
            throw new RangeError('witness lines must be an array of strings');
          }
        },
      },
      // continues[i]: line i is a piece of an imported line that goes on in the next
      // line (split by the translator; see witness-pieces.ts). Joined, the pieces are the line.
      continues: {
        default: [],
        validate: (value: unknown) => {
          if (!Array.isArray(value) || value.some((flag) => typeof flag !== 'boolean')) {
            throw new RangeError('witness continues must be an array of booleans');
          }
        },
      },
    },
    parseDOM: [
      {
        tag: 'div.witness',
        getAttrs: (dom) => ({
          lines: Array.from(attrOf(dom).querySelectorAll('.witness-line')).map(
            (line) => line.textContent ?? '',
          ),
        }),
      },
    ],
    toDOM: (node) => [
      'div',
      { class: 'witness', contenteditable: 'false' },
      ...(node.attrs.lines as string[]).map((line) => ['div', { class: 'witness-line' }, line]),
    ],
  },

  text: { group: 'inline phrasing' },

  hard_break: {
    inline: true,
    group: 'inline phrasing',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },

  gap: {
    inline: true,
    atom: true,
    group: 'inline phrasing',
    attrs: {
      reason: { default: 'illegible', validate: stringAttr('gap reason') },
      quantity: {
        default: 1,
        validate: (value: unknown) => {
          if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
            throw new RangeError('gap quantity must be a positive integer');
          }
        },
      },
    },
    parseDOM: [
      {
        tag: 'span.gap',
        getAttrs: (dom) => ({
          reason: attrOf(dom).getAttribute('data-reason') ?? 'illegible',
          quantity: Number(attrOf(dom).getAttribute('data-quantity') ?? 1) || 1,
        }),
      },
    ],
    toDOM: (node) => [
      'span',
      {
        class: 'gap',
        'data-reason': node.attrs.reason,
        'data-quantity': String(node.attrs.quantity),
        title: `gap: ${node.attrs.reason}`,
      },
      GAP_GLYPH.repeat(node.attrs.quantity as number),
    ],
  },

  unclear: {
    inline: true,
    group: 'inline phrasing',
    content: 'text*',
    marks: '',
    attrs: { reason: { default: '', validate: stringAttr('unclear reason') } },
    parseDOM: [
      {
        tag: 'span.unclear',
        getAttrs: (dom) => ({ reason: attrOf(dom).getAttribute('data-reason') ?? '' }),
      },
    ],
    toDOM: (node) => ['span', { class: 'unclear', 'data-reason': node.attrs.reason }, 0],
  },

  footnote: {
    inline: true,
    atom: true,
    group: 'inline',
    content: 'phrasing*',
    marks: '_',
    attrs: { id: { default: '', validate: stringAttr('footnote id') }, ...provenanceAttrs },
    parseDOM: [{ tag: 'footnote', getAttrs: (dom) => provenanceFromDom(dom) }],
    toDOM: (node) => ['footnote', provenanceToDom(node.attrs), 0],
  },
};

const marks: Record<string, MarkSpec> = {
  insertion: {
    attrs: { kind: { default: 'clarification', validate: oneOf(INSERTION_KINDS, 'insertion kind') }, ...provenanceAttrs },
    inclusive: false,
    excludes: 'insertion',
    parseDOM: [
      {
        tag: 'span.insertion',
        getAttrs: (dom) => ({
          kind: attrOf(dom).getAttribute('data-kind') ?? 'clarification',
          ...provenanceFromDom(dom),
        }),
      },
    ],
    toDOM: (mark) => ['span', { class: 'insertion', 'data-kind': mark.attrs.kind, ...provenanceToDom(mark.attrs) }, 0],
  },

  correction: {
    attrs: { original: { validate: stringAttr('correction original') }, ...provenanceAttrs },
    inclusive: false,
    excludes: 'correction',
    parseDOM: [
      {
        tag: 'span.correction',
        getAttrs: (dom) => ({ original: attrOf(dom).getAttribute('data-original') ?? '', ...provenanceFromDom(dom) }),
      },
    ],
    toDOM: (mark) => [
      'span',
      {
        class: 'correction',
        'data-original': mark.attrs.original,
        title: `source: ${mark.attrs.original}`,
        ...provenanceToDom(mark.attrs),
      },
      0,
    ],
  },

  name: {
    attrs: {
      type: { default: 'person', validate: oneOf(NAME_TYPES, 'name type') },
      ref: { default: '', validate: stringAttr('name ref') },
    },
    inclusive: false,
    parseDOM: [
      {
        tag: 'span.name',
        getAttrs: (dom) => ({
          type: attrOf(dom).getAttribute('data-type') ?? 'person',
          ref: attrOf(dom).getAttribute('data-ref') ?? '',
        }),
      },
    ],
    toDOM: (mark) => ['span', { class: 'name', 'data-type': mark.attrs.type, 'data-ref': mark.attrs.ref }, 0],
  },

  proposed: {
    // A drafted word carries its own `id` (so two adjacent words stay two ranges),
    // the decoder's other readings and where the word came from; auto-fill leaves
    // the defaults.
    attrs: {
      id: { default: '', validate: stringAttr('proposed id') },
      alternatives: {
        default: [],
        validate: (value: unknown) => {
          if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
            throw new RangeError('proposed alternatives must be an array of strings');
          }
        },
      },
      source: { default: '', validate: stringAttr('proposed source') },
    },
    inclusive: false,
    parseDOM: [
      {
        tag: 'span.proposed',
        getAttrs: (dom) => {
          let alternatives: unknown;
          try {
            alternatives = JSON.parse(attrOf(dom).getAttribute('data-alternatives') ?? '[]');
          } catch {
            alternatives = []; // a pasted span with a broken list keeps its text
          }
          return {
            id: attrOf(dom).getAttribute('data-id') ?? '',
            alternatives: Array.isArray(alternatives) ? alternatives.filter((a) => typeof a === 'string') : [],
            source: attrOf(dom).getAttribute('data-source') ?? '',
          };
        },
      },
    ],
    toDOM: (mark) => {
      const alternatives = mark.attrs.alternatives as string[];
      return [
        'span',
        {
          class: 'proposed',
          'data-id': mark.attrs.id || null,
          'data-source': mark.attrs.source || null,
          'data-alternatives': alternatives.length ? JSON.stringify(alternatives) : null,
        },
        0,
      ];
    },
  },
};

/** The one schema every part of Interlinea uses. */
export const schema = new Schema({ nodes, marks });
