/**
 * The live witness check: per segment, the check of its Korean restoration against
 * its witness lines, shown as decorations (see check-decorations.ts).
 *
 * Incremental: a transaction rechecks only the segments its steps touched (their
 * ranges mapped to the new document); every other segment keeps its decorations,
 * mapped. The check of each segment lives in the spec of its Korean column's node
 * decoration, so it moves with the document and costs nothing to keep.
 *
 * Opening a long document: the first segments are checked at once, the rest
 * in the background, a chunk at a time (`next` is where the background pass goes
 * on; it maps through edits), so the editor opens without waiting for them.
 *
 * The syllables' colours are not decorations but CSS highlights drawn from these
 * checks (check-highlights.ts): nothing wraps the text being typed or composed.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, AttrStep, RemoveMarkStep, ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform';
import { DecorationSet, type Decoration, type EditorView } from 'prosemirror-view';
import type { Node, Schema } from 'prosemirror-model';
import { checkLines, type CheckOptions, type CheckResult } from '../../shared/korean';
import { cutToDrawn, type DrawnCut } from '../editor/viewport';
import { restorationText, segmentParts, WILDCARD, type SegmentParts } from './segment-text';
import { segmentDecorations, type CheckSpec, type SegmentCheck } from './check-decorations';

/** The check function (injectable, so tests can count calls). */
export type CheckFn = (lines: string[], witness: string[], options: CheckOptions) => CheckResult;

export interface WitnessCheckOptions {
  check?: CheckFn;
  /** Segments checked when the editor starts (default 300); the rest in the background. */
  initial?: number;
  /** Segments per background step (default 100). */
  chunk?: number;
}

export interface WitnessCheckState {
  decorations: DecorationSet;
  /** Segments checked by the last transaction (for tests and the benchmark). */
  rechecked: number;
  /** Position of the first segment the background pass has not checked yet (the document's size when done). */
  next: number;
  /** What the view draws: the decorations of the drawn rows of a long document (viewport.ts). */
  drawn: DrawnCut;
}

/** The state before the drawn cut is taken. */
type CheckCore = Omit<WitnessCheckState, 'drawn'>;

/** Meta of a background step. */
const BACKGROUND = 'check-in-background';

export const witnessCheckKey = new PluginKey<WitnessCheckState>('witnessCheck');

const OPTIONS: CheckOptions = { wildcard: WILDCARD };

function checkSegment(parts: SegmentParts, check: CheckFn): SegmentCheck {
  const text = restorationText(parts.korean);
  return { result: check(text.lines, parts.lines, OPTIONS), text, witness: parts.lines, korean: parts.korean };
}

function decorate(parts: SegmentParts | null, check: CheckFn, out: Decoration[]): boolean {
  // A row without witness lines has nothing to be checked against.
  if (!parts || parts.lines.length === 0) return false;
  out.push(...segmentDecorations(parts, checkSegment(parts, check)));
  return true;
}

/** Checks up to `count` segments from position `from`; returns their decorations and where it stopped. */
function checkFrom(doc: Node, from: number, count: number, check: CheckFn, out: Decoration[]): { next: number; checked: number } {
  let pos = from;
  let checked = 0;
  const first = doc.resolve(from).index(0);
  for (let index = first; index < doc.childCount && index - first < count; index++) {
    const segment = doc.child(index);
    if (decorate(segmentParts(segment, pos), check, out)) checked++;
    pos += segment.nodeSize;
  }
  return { next: pos, checked };
}

function checkStart(doc: Node, check: CheckFn, initial: number): CheckCore {
  const decorations: Decoration[] = [];
  const { next, checked } = checkFrom(doc, 0, initial, check, decorations);
  return { decorations: DecorationSet.create(doc, decorations), rechecked: checked, next };
}

function checkMore(state: EditorState, old: CheckCore, check: CheckFn, chunk: number): CheckCore {
  if (old.next >= state.doc.content.size) return old;
  const segments = new Map<number, Node>();
  let pos = old.next;
  for (let index = state.doc.resolve(pos).index(0); index < state.doc.childCount && segments.size < chunk; index++) {
    const segment = state.doc.child(index);
    segments.set(pos, segment);
    pos += segment.nodeSize;
  }
  // redecorate, not add: a segment edited meanwhile already has decorations.
  return { ...redecorate(state.doc, old.decorations, segments, check, old.next), next: pos };
}

/**
 * The ranges of the new document that the transaction's steps touched, or null
 * when a step is of a kind whose reach is unknown (then everything is rechecked).
 */
export function touchedRanges(tr: Transaction): [number, number][] | null {
  const ranges: [number, number][] = [];
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    let from: number;
    let to: number;
    if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep || step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      ({ from, to } = step);
    } else if (step instanceof AttrStep) {
      from = step.pos;
      to = step.pos + 1;
    } else {
      const pos = (step as { pos?: unknown }).pos;
      if (typeof pos !== 'number') return null;
      from = pos;
      to = pos + 1;
    }
    // Map through this step and the ones after it: the range in the final document.
    const rest = tr.mapping.slice(i);
    ranges.push([rest.map(from, -1), rest.map(to, 1)]);
  }
  return ranges;
}

/** The segments (position → node) of `doc` that overlap the ranges. */
export function segmentsIn(doc: Node, ranges: [number, number][]): Map<number, Node> {
  const found = new Map<number, Node>();
  const size = doc.content.size;
  for (const [a, b] of ranges) {
    const from = Math.max(0, Math.min(a, b, size));
    const to = Math.min(size, Math.max(a, b));
    doc.nodesBetween(from, to, (node, pos) => {
      found.set(pos, node);
      return false;
    });
  }
  return found;
}

function recheck(tr: Transaction, old: CheckCore, check: CheckFn): CheckCore {
  const ranges = touchedRanges(tr);
  if (!ranges) return checkStart(tr.doc, check, tr.doc.childCount);
  const next = Math.min(tr.mapping.map(old.next, -1), tr.doc.content.size);
  return redecorate(tr.doc, old.decorations.map(tr.mapping, tr.doc), segmentsIn(tr.doc, ranges), check, next);
}

function redecorate(doc: Node, set: DecorationSet, segments: Map<number, Node>, check: CheckFn, next: number): CheckCore {
  const added: Decoration[] = [];
  let rechecked = 0;
  for (const [pos, segment] of segments) {
    const end = pos + segment.nodeSize;
    const stale = set.find(pos, end).filter((d) => d.from >= pos && d.to <= end);
    // Typing in the English (or a footnote) leaves the restoration and the witness as they were: so is the check.
    const previous = stale.map((d) => (d.spec as Partial<CheckSpec>).segmentCheck).find(Boolean);
    const parts = segmentParts(segment, pos);
    if (previous && parts && previous.korean === parts.korean && previous.witness === parts.lines) continue;
    if (stale.length) set = set.remove(stale);
    if (decorate(parts, check, added)) rechecked++;
  }
  if (added.length) set = set.add(doc, added);
  return { decorations: set, rechecked, next };
}

/** The live witness check plugin. */
export function buildWitnessCheckPlugin(_schema: Schema, options: WitnessCheckOptions = {}): Plugin<WitnessCheckState> {
  const check = options.check ?? checkLines;
  const chunk = options.chunk ?? 100;
  const applyCheck = (tr: Transaction, old: WitnessCheckState, state: EditorState): CheckCore => {
    if (tr.docChanged) return recheck(tr, old, check);
    const meta = tr.getMeta(witnessCheckKey);
    if (meta === BACKGROUND) return checkMore(state, old, check, chunk);
    return old.rechecked ? { ...old, rechecked: 0 } : old;
  };
  return new Plugin<WitnessCheckState>({
    key: witnessCheckKey,
    state: {
      init: (_config, state) => {
        const core = checkStart(state.doc, check, options.initial ?? 300);
        return { ...core, drawn: cutToDrawn(core.decorations, state, null) };
      },
      apply: (tr, old, _oldState, state) => {
        const next = applyCheck(tr, old, state);
        const drawn = cutToDrawn(next.decorations, state, old.drawn, tr);
        return next === old && drawn === old.drawn ? old : { ...next, drawn };
      },
    },
    view: (editorView) => {
      let timer: ReturnType<typeof setTimeout> | null = null;
      const schedule = (view: EditorView) => {
        const s = witnessCheckKey.getState(view.state);
        if (timer || !s || s.next >= view.state.doc.content.size) return;
        // A step at a time, leaving the frames between them to typing and painting.
        timer = setTimeout(() => {
          timer = null;
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(witnessCheckKey, BACKGROUND));
        }, 16);
      };
      schedule(editorView);
      return {
        update: schedule,
        destroy: () => {
          if (timer) clearTimeout(timer);
        },
      };
    },
    props: {
      decorations: (state) => witnessCheckKey.getState(state)?.drawn.set,
    },
  });
}

/** Runs the background check to the end (for tests and tools without a view). */
export function checkRest(state: EditorState): EditorState {
  let current = state;
  while ((witnessCheckKey.getState(current)?.next ?? Infinity) < current.doc.content.size) {
    current = current.apply(current.tr.setMeta(witnessCheckKey, BACKGROUND));
  }
  return current;
}

/** The check of the segment at `segmentPos` (null without witness lines or without the plugin). */
export function segmentCheckAt(state: EditorState, segmentPos: number): { parts: SegmentParts; check: SegmentCheck } | null {
  const plugin = witnessCheckKey.getState(state);
  const segment = state.doc.nodeAt(segmentPos);
  if (!plugin || !segment) return null;
  const parts = segmentParts(segment, segmentPos);
  if (!parts) return null;
  const end = parts.koreanPos + parts.korean.nodeSize;
  const found = plugin.decorations.find(parts.koreanPos, end, (spec) => !!(spec as Partial<CheckSpec>).segmentCheck);
  const deco = found.find((d) => d.from === parts.koreanPos && d.to === end);
  if (!deco) return null;
  return { parts, check: (deco.spec as CheckSpec).segmentCheck };
}

/** Segment states of the whole document, in order (for summaries and tests). */
export function segmentStates(state: EditorState): (SegmentCheck['result']['state'] | null)[] {
  const out: (SegmentCheck['result']['state'] | null)[] = [];
  state.doc.forEach((_segment, offset) => out.push(segmentCheckAt(state, offset)?.check.result.state ?? null));
  return out;
}
