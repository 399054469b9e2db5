/**
 * The open document's metadata fields that take corrections and insertions
 * (shared/model/meta-text.ts): each is a small ProseMirror editor in the details
 * form with its own history, reached here by field. The pane registers its
 * fields; the QA panel applies a metadata finding's fix here (a transaction in
 * the field's editor, undoable), the live check reads the metadata as edited
 * now, and the menu's editor commands go to the field that has the focus.
 */
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { DocumentMeta } from '../../shared/model/document';
import { isRichMetaField, type RichMetaField } from '../../shared/model/meta-text';
import type { QaFinding } from '../../shared/qa/types';
import type { EditorController } from '../editor/controller';
import { Listeners } from '../editor/listeners';
import { fixTransaction } from '../editor/qa-fix';
import { stampAttrs } from '../editor/provenance';

/** Commands of the command table a metadata field runs (the rest are the body's). */
export const META_FIELD_COMMANDS = ['undo', 'redo', 'lineBreak', 'selectCell', 'insertion', 'insertionKind', 'correct', 'revertCorrection', 'qaFix'] as const;
export type MetaFieldCommand = (typeof META_FIELD_COMMANDS)[number];

/** True for a command a focused metadata field runs itself. */
export function isMetaFieldCommand(id: string): id is MetaFieldCommand {
  return (META_FIELD_COMMANDS as readonly string[]).includes(id);
}

/** A metadata finding as a range of its field's editor: offsets in the plain text are positions there. */
function asFieldFinding(finding: QaFinding): QaFinding | null {
  if (finding.place.kind !== 'meta') return null;
  const { from, to } = finding.place;
  return { ...finding, place: { kind: 'body', segment: '', row: 0, column: 'english', from, to } };
}

/**
 * The transaction applying a metadata finding's fix in its field's editor state,
 * or null when it has none or the text there changed. A text fix is a correction
 * keeping the source's reading, stamped with the current editor and the day (the
 * body's provenance plugin does this for the body).
 */
export function metaFixTransaction(state: EditorState, finding: QaFinding): Transaction | null {
  const inField = asFieldFinding(finding);
  if (!inField || finding.place.to > state.doc.content.size) return null;
  const tr = fixTransaction(state, inField);
  if (!tr) return null;
  const stamp = stampAttrs(state);
  const type = state.schema.marks.correction;
  const from = finding.place.from;
  const to = tr.mapping.map(finding.place.to);
  tr.doc.nodesBetween(from, to, (node, pos) => {
    const mark = type.isInSet(node.marks);
    if (node.isText && mark && !mark.attrs.resp && !mark.attrs.when) {
      tr.removeMark(pos, pos + node.nodeSize, type).addMark(pos, pos + node.nodeSize, type.create({ ...mark.attrs, ...stamp }));
    }
  });
  return tr;
}

/** The finding with a fix in `field` whose range holds the selection of `state`. */
export function metaFindingAt(state: EditorState, field: RichMetaField, findings: readonly QaFinding[]): QaFinding | null {
  const { from, to } = state.selection;
  return findings.find((f) => f.fix && f.place.kind === 'meta' && f.place.field === field && f.place.from <= from && to <= f.place.to) ?? null;
}

/** The open document's metadata fields, as the pane registers them. */
export interface MetaFieldsTarget {
  id: string;
  /** The metadata as edited now. */
  getMeta(): DocumentMeta;
  /** The editor of a field, while the details form is mounted. */
  controller(field: RichMetaField): EditorController | null;
  /** Opens the details and brings a field into view. */
  reveal(field: string): void;
}

class MetaFieldsStore {
  private target: MetaFieldsTarget | null = null;
  private readonly changes = new Listeners();
  /** Called when the open document's metadata changes (the live check runs again). */
  onChange = this.changes.subscribe;

  register(target: MetaFieldsTarget): () => void {
    this.target = target;
    return () => {
      if (this.target === target) this.target = null;
    };
  }

  /** The pane tells: its metadata changed. */
  changed(): void {
    this.changes.emit();
  }

  /** The metadata of document `id` as edited now, if it is the open one. */
  metaOf(id: string): DocumentMeta | undefined {
    return this.target?.id === id ? this.target.getMeta() : undefined;
  }

  private fieldOf(finding: QaFinding): { controller: EditorController; field: RichMetaField } | null {
    if (finding.place.kind !== 'meta' || !isRichMetaField(finding.place.field)) return null;
    const controller = this.target?.controller(finding.place.field);
    return controller ? { controller, field: finding.place.field } : null;
  }

  /** True when the finding's fix can be applied in its field now. */
  canFix(finding: QaFinding): boolean {
    const found = this.fieldOf(finding);
    const state = found?.controller.getState();
    return !!state && metaFixTransaction(state, finding) !== null;
  }

  /** Applies a metadata finding's fix in its field's editor (one undoable step). */
  fix(finding: QaFinding): boolean {
    const found = this.fieldOf(finding);
    if (!found) return false;
    this.target?.reveal(found.field);
    return found.controller.run((state, dispatch) => {
      const tr = metaFixTransaction(state, finding);
      if (!tr) return false;
      dispatch?.(tr.scrollIntoView());
      return true;
    });
  }

  /** Shows a metadata finding: the details open, its text selected in the field. */
  show(finding: QaFinding): boolean {
    if (finding.place.kind !== 'meta') return false;
    this.target?.reveal(finding.place.field);
    const found = this.fieldOf(finding);
    if (!found) return false;
    const { from, to } = finding.place;
    const select: Command = (state, dispatch) => {
      if (to > state.doc.content.size) return false;
      dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, from, to)).scrollIntoView());
      return true;
    };
    return found.controller.run(select);
  }
}

/** The window's one registry of the open document's metadata fields. */
export const metaFieldsStore = new MetaFieldsStore();
