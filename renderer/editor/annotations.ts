/**
 * The annotations plugin: an index of the document's footnotes and corrections,
 * and the footnote numbers as node decorations.
 *
 * Typing must not cost O(document) per keystroke, so the index is rebuilt only
 * when a transaction touches a footnote or corrected text (checked over the
 * changed ranges only); otherwise the decorations are mapped and the lists keep
 * their identity, which lets React panels skip re-rendering.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep, type Step } from 'prosemirror-transform';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Mark, Node, Schema } from 'prosemirror-model';
import { cutToDrawn, type DrawnCut } from './viewport';

/** One footnote of the document, in order. */
export interface FootnoteEntry {
  /** Number shown to the reader, from 1, in document order. */
  number: number;
  id: string;
  /** The note's content (a footnote node). */
  node: Node;
  /** Column the anchor is in: english, korean or original. */
  column: string;
}

/** One correction of the document, in order. */
export interface CorrectionEntry {
  /** What the text says now. */
  reading: string;
  /** What the source said. */
  original: string;
  column: string;
  /** Who made it (`archive`, an editor id, '' not recorded) and when (shared/model/provenance.ts). */
  resp: string;
  when: string;
}

export interface AnnotationsState {
  footnotes: readonly FootnoteEntry[];
  corrections: readonly CorrectionEntry[];
  /** Node decorations on footnotes carrying `spec.footnoteNumber`. */
  decorations: DecorationSet;
  /** Position of a footnote whose editor should take the focus (set by insertFootnote). */
  focusFootnote: number | null;
  /** What the view draws: the decorations of the drawn rows of a long document (viewport.ts). */
  drawn: DrawnCut;
}

export const annotationsKey = new PluginKey<AnnotationsState>('annotations');

/** Asks the view to focus the editor of the footnote at `pos` once it is drawn. */
export function requestFootnoteFocus(tr: Transaction, pos: number): Transaction {
  return tr.setMeta(annotationsKey, { focusFootnote: pos });
}

/** The annotations of a state (empty when the plugin is absent). */
export function annotationsOf(state: EditorState): AnnotationsState {
  return annotationsKey.getState(state) ?? EMPTY;
}

const EMPTY: AnnotationsState = {
  footnotes: [],
  corrections: [],
  decorations: DecorationSet.empty,
  focusFootnote: null,
  drawn: { full: DecorationSet.empty, viewport: undefined, set: DecorationSet.empty },
};

/** The number decoration of a footnote node view. */
export function footnoteNumberOf(decorations: readonly Decoration[]): number | null {
  for (const deco of decorations) {
    const n = (deco.spec as { footnoteNumber?: number }).footnoteNumber;
    if (typeof n === 'number') return n;
  }
  return null;
}

/** Current position of the n-th footnote (0-based), read from the mapped decorations. */
export function footnotePosition(state: EditorState, index: number): number | null {
  const found = annotationsOf(state).decorations.find(undefined, undefined, (spec) => spec.footnoteNumber === index + 1);
  return found.length ? found[0].from : null;
}

function build(doc: Node, schema: Schema): Omit<AnnotationsState, 'focusFootnote' | 'drawn'> {
  const footnotes: FootnoteEntry[] = [];
  const corrections: CorrectionEntry[] = [];
  const decos: Decoration[] = [];
  const correction = schema.marks.correction;
  doc.forEach((segment, segmentOffset) => {
    segment.forEach((column, columnOffset) => {
      if (!column.inlineContent) return;
      const columnStart = segmentOffset + 1 + columnOffset + 1;
      let open: CorrectionEntry | null = null;
      let openMark: Mark | null = null;
      column.forEach((child, offset) => {
        if (child.type.name === 'footnote') {
          const number = footnotes.length + 1;
          footnotes.push({ number, id: child.attrs.id as string, node: child, column: column.type.name });
          const from = columnStart + offset;
          decos.push(
            Decoration.node(from, from + child.nodeSize, { 'data-number': String(number) }, { footnoteNumber: number }),
          );
        }
        const mark = correction.isInSet(child.marks);
        if (mark && open && openMark && mark.eq(openMark)) {
          open.reading += child.textContent;
        } else if (mark) {
          open = {
            reading: child.textContent,
            original: mark.attrs.original as string,
            column: column.type.name,
            resp: mark.attrs.resp as string,
            when: mark.attrs.when as string,
          };
          openMark = mark;
          corrections.push(open);
        } else {
          open = null;
          openMark = null;
        }
      });
    });
  });
  return { footnotes, corrections, decorations: DecorationSet.create(doc, decos) };
}

/** True when a node is one the index cares about. */
function isRelevant(node: Node): boolean {
  if (node.type.name === 'footnote') return true;
  return node.isText && node.marks.some((mark) => mark.type.name === 'correction');
}

function touches(doc: Node, from: number, to: number): boolean {
  let found = false;
  doc.nodesBetween(from, Math.min(to, doc.content.size), (node) => {
    if (found) return false;
    if (isRelevant(node)) found = true;
    return !found && node.type.name !== 'witness';
  });
  return found;
}

function stepIsRelevant(step: Step, before: Node, after: Node): boolean {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
    return step.mark.type.name === 'correction' || touches(before, step.from, step.to);
  }
  let relevant = false;
  step.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
    if (relevant) return;
    relevant = touches(before, oldStart, oldEnd) || touches(after, newStart, newEnd);
  });
  return relevant;
}

/** True when a transaction may change footnotes or corrections. */
export function changesAnnotations(tr: Transaction): boolean {
  for (let i = 0; i < tr.steps.length; i++) {
    const before = tr.docs[i];
    const after = i + 1 < tr.docs.length ? tr.docs[i + 1] : tr.doc;
    if (stepIsRelevant(tr.steps[i], before, after)) return true;
  }
  return false;
}

function applyAnnotations(tr: Transaction, prev: AnnotationsState, schema: Schema): Omit<AnnotationsState, 'drawn'> {
  const meta = tr.getMeta(annotationsKey) as { focusFootnote?: number } | undefined;
  const focusFootnote = meta?.focusFootnote ?? null;
  if (!tr.docChanged) {
    return focusFootnote === prev.focusFootnote ? prev : { ...prev, focusFootnote };
  }
  if (changesAnnotations(tr)) return { ...build(tr.doc, schema), focusFootnote };
  return {
    footnotes: prev.footnotes,
    corrections: prev.corrections,
    decorations: prev.decorations.map(tr.mapping, tr.doc),
    focusFootnote,
  };
}

/** Builds the annotations plugin for a schema. */
export function buildAnnotationsPlugin(schema: Schema): Plugin<AnnotationsState> {
  return new Plugin<AnnotationsState>({
    key: annotationsKey,
    state: {
      init: (_config, state) => {
        const built = build(state.doc, schema);
        return { ...built, focusFootnote: null, drawn: cutToDrawn(built.decorations, state, null) };
      },
      apply(tr, prev, _oldState, state) {
        const next = applyAnnotations(tr, prev, schema);
        const drawn = cutToDrawn(next.decorations, state, prev.drawn, tr);
        return next === prev && drawn === prev.drawn ? prev : { ...next, drawn };
      },
    },
    props: {
      decorations: (state) => annotationsKey.getState(state)?.drawn.set,
    },
  });
}
