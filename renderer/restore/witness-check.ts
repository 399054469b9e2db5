/**
 * The live witness check: per segment, the check of its Korean restoration against
 * its witness lines, shown as decorations (see check-decorations.ts).
 *
 * Incremental: a transaction rechecks only the segments its steps touched (their
 * ranges mapped to the new document); every other segment keeps its decorations,
 * mapped. The check of each segment lives in the spec of its Korean column's node
 * decoration, so it moves with the document and costs nothing to keep.
 *
 * IME composition: ProseMirror leaves the text node being composed alone, and
 * when that node sat inside a decoration's wrapper it ends up outside it while
 * the view still counts the decoration as drawn (seen in Chromium: a syllable
 * composed after a decorated run loses the run's colour). So shortly after a
 * composition ends, the caret's segment gets fresh decorations (a new `redraw`
 * value in their specs), which ProseMirror draws again.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, AttrStep, RemoveMarkStep, ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform';
import { DecorationSet, type Decoration, type EditorView } from 'prosemirror-view';
import type { Node, Schema } from 'prosemirror-model';
import { checkLines, type CheckOptions, type CheckResult } from '../../shared/korean';
import { segmentAt } from '../editor/positions';
import { restorationText, segmentParts, WILDCARD, type SegmentParts } from './segment-text';
import { segmentDecorations, type CheckSpec, type SegmentCheck } from './check-decorations';

/** The check function (injectable, so tests can count calls). */
export type CheckFn = (lines: string[], witness: string[], options: CheckOptions) => CheckResult;

export interface WitnessCheckOptions {
  check?: CheckFn;
}

export interface WitnessCheckState {
  decorations: DecorationSet;
  /** Segments checked by the last transaction (for tests and the benchmark). */
  rechecked: number;
  /** Bumped to make ProseMirror redraw a segment's decorations after a composition. */
  redraw: number;
}

/** Meta of the transaction that redraws the caret's segment after a composition. */
const REDRAW = 'redraw-after-composition';

export const witnessCheckKey = new PluginKey<WitnessCheckState>('witnessCheck');

const OPTIONS: CheckOptions = { wildcard: WILDCARD };

function checkSegment(parts: SegmentParts, check: CheckFn): SegmentCheck {
  const text = restorationText(parts.korean);
  return { result: check(text.lines, parts.lines, OPTIONS), text, witness: parts.lines };
}

function decorate(segment: Node, pos: number, check: CheckFn, out: Decoration[], redraw = 0): boolean {
  const parts = segmentParts(segment, pos);
  // A row without witness lines has nothing to be checked against.
  if (!parts || parts.lines.length === 0) return false;
  out.push(...segmentDecorations(parts, checkSegment(parts, check), redraw));
  return true;
}

function checkAll(doc: Node, check: CheckFn): WitnessCheckState {
  const decorations: Decoration[] = [];
  let rechecked = 0;
  doc.forEach((segment, offset) => {
    if (decorate(segment, offset, check, decorations)) rechecked++;
  });
  return { decorations: DecorationSet.create(doc, decorations), rechecked, redraw: 0 };
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

function recheck(tr: Transaction, old: WitnessCheckState, check: CheckFn): WitnessCheckState {
  const ranges = touchedRanges(tr);
  if (!ranges) return checkAll(tr.doc, check);
  return redecorate(tr.doc, old.decorations.map(tr.mapping, tr.doc), segmentsIn(tr.doc, ranges), check, old.redraw);
}

function redecorate(doc: Node, set: DecorationSet, segments: Map<number, Node>, check: CheckFn, redraw: number): WitnessCheckState {
  const added: Decoration[] = [];
  let rechecked = 0;
  for (const [pos, segment] of segments) {
    const end = pos + segment.nodeSize;
    const stale = set.find(pos, end).filter((d) => d.from >= pos && d.to <= end);
    if (stale.length) set = set.remove(stale);
    if (decorate(segment, pos, check, added, redraw)) rechecked++;
  }
  if (added.length) set = set.add(doc, added);
  return { decorations: set, rechecked, redraw };
}

function redrawCaretSegment(state: EditorState, old: WitnessCheckState, check: CheckFn): WitnessCheckState {
  const seg = segmentAt(state.selection.$head);
  if (!seg) return old;
  return redecorate(state.doc, old.decorations, new Map([[seg.pos, seg.node]]), check, old.redraw + 1);
}

const redrawTimers = new WeakMap<EditorView, ReturnType<typeof setTimeout>>();

function scheduleRedraw(view: EditorView): void {
  clearTimeout(redrawTimers.get(view));
  redrawTimers.set(
    view,
    setTimeout(() => {
      // Typing goes on (the next syllable is being composed): its own end redraws.
      if (view.isDestroyed || view.composing) return;
      view.dispatch(view.state.tr.setMeta(witnessCheckKey, REDRAW));
    }, 60),
  );
}

/** The live witness check plugin. */
export function buildWitnessCheckPlugin(_schema: Schema, options: WitnessCheckOptions = {}): Plugin<WitnessCheckState> {
  const check = options.check ?? checkLines;
  return new Plugin<WitnessCheckState>({
    key: witnessCheckKey,
    state: {
      init: (_config, state) => checkAll(state.doc, check),
      apply: (tr, old, _oldState, state) => {
        if (tr.docChanged) return recheck(tr, old, check);
        if (tr.getMeta(witnessCheckKey) === REDRAW) return redrawCaretSegment(state, old, check);
        return old.rechecked ? { ...old, rechecked: 0 } : old;
      },
    },
    props: {
      decorations: (state) => witnessCheckKey.getState(state)?.decorations,
      handleDOMEvents: {
        compositionend: (view) => {
          scheduleRedraw(view);
          return false;
        },
      },
    },
  });
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
