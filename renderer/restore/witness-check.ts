/**
 * The live witness check: per segment, the check of its Korean restoration against
 * its witness lines, shown as decorations (see check-decorations.ts).
 *
 * Incremental: a segment's check depends on its restoration and witness lines and
 * nothing else, so checks are kept by node (`CheckMemo`): a transaction checks only
 * the segments whose restoration or witness it changed, and typing in the English
 * keeps the row's check. The decorations exist only for the rows ProseMirror draws
 * (every row of a short document, the drawn rows of a long one: viewport.ts), kept
 * up to date per transaction: mapped, and redone for a row whose check is not the
 * one its decorations show. Nothing per transaction walks every row of a long
 * document (a document-wide decoration set is mapped by copying an entry per row:
 * bench/typing.bench.ts measured that on every keystroke).
 *
 * Opening a long document: only the rows drawn first (the viewport's, around the
 * caret) are checked at once; the rest in the background, in slices of a few
 * milliseconds when the window is idle (`next` is where the background pass goes
 * on; it maps through edits), so the first rows are painted without waiting for
 * the whole document's check, and typing meanwhile is not held up. Rows the
 * window moves to are checked when they are drawn, before the background pass
 * reaches them. Each check also tells the row's state to row-states.ts, which
 * then does not check the row again.
 *
 * The syllables' colours are not decorations but CSS highlights drawn from these
 * checks (check-highlights.ts): nothing wraps the text being typed or composed.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, AttrStep, RemoveMarkStep, ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform';
import { DecorationSet, type Decoration, type EditorView } from 'prosemirror-view';
import type { Node, Schema } from 'prosemirror-model';
import { checkLines, type CheckOptions, type CheckResult } from '../../shared/korean';
import { forEachDrawnRow, isWindowed, outsideDrawn, viewportState, type ViewportState } from '../editor/viewport';
import { noteRowCheck } from '../editor/row-states';
import { measureSince, now } from '../editor/timing';
import { restorationText, segmentParts, WILDCARD, type SegmentParts } from './segment-text';
import { segmentDecorations, type CheckSpec, type SegmentCheck } from './check-decorations';

/** The check function (injectable, so tests can count calls). */
export type CheckFn = (lines: string[], witness: string[], options: CheckOptions) => CheckResult;

export interface WitnessCheckOptions {
  check?: CheckFn;
  /**
   * Segments checked when the editor starts, from the top (default 300), in a
   * document drawn whole; in a long one (drawn windowed) the drawn rows instead.
   * The rest are checked in the background.
   */
  initial?: number;
  /** At most this many segments per background step (default 1,000). */
  chunk?: number;
  /** A background step stops after this long, in ms (default 6). */
  budgetMs?: number;
  /** The clock of the budget (tests). */
  clock?: () => number;
}

/** The decorations ProseMirror draws: the checked segments' among the drawn rows. */
export interface DrawnChecks {
  viewport: ViewportState | undefined;
  set: DecorationSet;
}

export interface WitnessCheckState {
  /** The checks made so far (shared by the plugin's states: a check never goes stale, it is keyed by what it checked). */
  checks: CheckMemo;
  /** Segments checked by the last transaction (for tests and the benchmark). */
  rechecked: number;
  /** Position of the first segment the background pass has not checked yet (the document's size when done). */
  next: number;
  /** What the view draws. */
  drawn: DrawnChecks;
}

/** Meta of a background step. */
const BACKGROUND = 'check-in-background';

export const witnessCheckKey = new PluginKey<WitnessCheckState>('witnessCheck');

const OPTIONS: CheckOptions = { wildcard: WILDCARD };

/**
 * Checks by segment node, and by restoration node (with the witness lines it was
 * checked against), so that a row whose English changed finds its check again.
 */
export class CheckMemo {
  private readonly bySegment = new WeakMap<Node, SegmentCheck | null>();
  private readonly byKorean = new WeakMap<Node, SegmentCheck>();

  constructor(private readonly check: CheckFn) {}

  /** The segment's check; null without witness lines; undefined when not checked yet. */
  get(segment: Node): SegmentCheck | null | undefined {
    return this.bySegment.get(segment);
  }

  /** Checks the segment unless it (or its restoration with the same witness) was; true when a check ran. */
  ensure(segment: Node, pos: number): boolean {
    if (this.bySegment.has(segment)) return false;
    const parts = segmentParts(segment, pos);
    // A row without witness lines has nothing to be checked against.
    if (!parts || parts.lines.length === 0) {
      this.bySegment.set(segment, null);
      return false;
    }
    const known = this.byKorean.get(parts.korean);
    if (known && known.witness === parts.lines) {
      this.bySegment.set(segment, known);
      noteRowCheck(segment, known.result.state);
      return false;
    }
    const text = restorationText(parts.korean);
    const made: SegmentCheck = { result: this.check(text.lines, parts.lines, OPTIONS), text, witness: parts.lines };
    this.byKorean.set(parts.korean, made);
    this.bySegment.set(segment, made);
    noteRowCheck(segment, made.result.state);
    return true;
  }
}

/**
 * Checks up to `count` segments from position `from`, stopping early once
 * `deadline` (a time of `clock`) has passed; returns where it stopped and how
 * many checks ran.
 */
function checkFrom(doc: Node, memo: CheckMemo, from: number, count: number, deadline = Infinity, clock: () => number = now): { next: number; checked: number } {
  let pos = from;
  let checked = 0;
  const first = doc.resolve(from).index(0);
  for (let index = first; index < doc.childCount && index - first < count; index++) {
    const segment = doc.child(index);
    if (memo.ensure(segment, pos)) checked++;
    pos += segment.nodeSize;
    // The clock is read every few checks: reading it costs as much as a short row's check.
    if (checked % 8 === 7 && clock() >= deadline) break;
  }
  return { next: pos, checked };
}

/** Checks the drawn rows not checked yet (the rows a long document opens with, or the window moved to). */
function checkDrawn(state: EditorState, memo: CheckMemo): number {
  let checked = 0;
  forEachDrawnRow(state, (row, pos) => {
    if (memo.ensure(row, pos)) checked++;
  });
  return checked;
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

/** Checks the segments a transaction touched (all of them when its reach is unknown); returns how many checks ran. */
function recheck(tr: Transaction, memo: CheckMemo): number {
  const ranges = touchedRanges(tr);
  if (!ranges) return checkFrom(tr.doc, memo, 0, tr.doc.childCount).checked;
  let checked = 0;
  for (const [pos, segment] of segmentsIn(tr.doc, ranges)) if (memo.ensure(segment, pos)) checked++;
  return checked;
}

/** The decorations of a row at `pos` that shows `check` (none when it has no check). */
function rowDecorations(row: Node, pos: number, check: SegmentCheck | null): Decoration[] {
  const parts = check ? segmentParts(row, pos) : null;
  return check && parts ? segmentDecorations(parts, check) : [];
}

/** The check shown by a row's decorations in `set` (null when none), and those decorations. */
function shown(set: DecorationSet, pos: number, end: number): { check: SegmentCheck | null; decorations: Decoration[] } {
  const decorations = set.find(pos, end).filter((d) => d.from >= pos && d.to <= end);
  const check = decorations.map((d) => (d.spec as Partial<CheckSpec>).segmentCheck).find(Boolean) ?? null;
  return { check, decorations };
}

/**
 * The decorations of the drawn rows: the previous ones mapped, those of rows no
 * longer drawn removed, and a drawn row's redone when they do not show its check.
 */
function drawChecks(state: EditorState, memo: CheckMemo, prev: DrawnChecks | null, tr?: Transaction, checkedMore = false): DrawnChecks {
  const viewport = viewportState(state);
  if (prev && prev.viewport === viewport && !tr?.docChanged && !checkedMore) return prev;
  let set = prev ? prev.set : DecorationSet.empty;
  if (prev && tr?.docChanged) set = set.map(tr.mapping, state.doc);
  const remove = outsideDrawn(set, viewport);
  const add: Decoration[] = [];
  forEachDrawnRow(state, (row, pos) => {
    const check = memo.get(row) ?? null;
    const have = shown(set, pos, pos + row.nodeSize);
    if (have.check === check) return;
    remove.push(...have.decorations);
    add.push(...rowDecorations(row, pos, check));
  });
  if (remove.length) set = set.remove(remove);
  if (add.length) set = set.add(state.doc, add);
  return { viewport, set };
}

/** Every checked segment's decorations, for the whole document (tests and tools; the view draws `drawn`). */
export function allCheckDecorations(state: EditorState): DecorationSet {
  const plugin = witnessCheckKey.getState(state);
  if (!plugin) return DecorationSet.empty;
  const out: Decoration[] = [];
  state.doc.forEach((row, pos) => out.push(...rowDecorations(row, pos, plugin.checks.get(row) ?? null)));
  return DecorationSet.create(state.doc, out);
}

/** Whether the live check has checked every row (false while its background pass runs; true without the plugin). */
export function checkComplete(state: EditorState): boolean {
  const s = witnessCheckKey.getState(state);
  return !s || s.next >= state.doc.content.size;
}

/** Runs `step` when the window is idle (after painting), or soon. */
function whenIdle(step: () => void): () => void {
  const w = globalThis as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(step, { timeout: 200 });
    return () => w.cancelIdleCallback?.(id);
  }
  const id = setTimeout(step, 16);
  return () => clearTimeout(id);
}

/** The live witness check plugin. */
export function buildWitnessCheckPlugin(_schema: Schema, options: WitnessCheckOptions = {}): Plugin<WitnessCheckState> {
  const check = options.check ?? checkLines;
  const chunk = options.chunk ?? 1000;
  const budget = options.budgetMs ?? 6;
  const clock = options.clock ?? now;
  return new Plugin<WitnessCheckState>({
    key: witnessCheckKey,
    state: {
      init: (_config, state) => {
        const checks = new CheckMemo(check);
        // A long document: the rows drawn first, and the rest in the background from the top.
        if (isWindowed(state)) {
          const checked = checkDrawn(state, checks);
          return { checks, rechecked: checked, next: 0, drawn: drawChecks(state, checks, null) };
        }
        const { next, checked } = checkFrom(state.doc, checks, 0, options.initial ?? 300);
        return { checks, rechecked: checked, next, drawn: drawChecks(state, checks, null) };
      },
      apply: (tr, old, oldState, state) => {
        const { checks } = old;
        let { next } = old;
        let rechecked = 0;
        let checkedMore = false;
        if (tr.docChanged) {
          next = Math.min(tr.mapping.map(old.next, -1), tr.doc.content.size);
          rechecked = recheck(tr, checks);
        } else if (tr.getMeta(witnessCheckKey) === BACKGROUND && next < state.doc.content.size) {
          const started = clock();
          ({ next, checked: rechecked } = checkFrom(state.doc, checks, next, chunk, started + budget, clock));
          measureSince('interlinea:witness-check-step', started);
          checkedMore = true;
        }
        // Rows the window moved to are checked before they are drawn (the background pass may be far from them).
        if (next < state.doc.content.size && viewportState(state) !== viewportState(oldState)) {
          const drawnChecked = checkDrawn(state, checks);
          rechecked += drawnChecked;
          checkedMore ||= drawnChecked > 0;
        }
        const drawn = drawChecks(state, checks, old.drawn, tr, checkedMore);
        if (drawn === old.drawn && next === old.next && rechecked === old.rechecked) return old;
        return { checks, rechecked, next, drawn };
      },
    },
    view: (editorView) => {
      let cancel: (() => void) | null = null;
      const schedule = (view: EditorView) => {
        const s = witnessCheckKey.getState(view.state);
        if (cancel || !s || s.next >= view.state.doc.content.size) return;
        // A slice at a time when the window is idle, leaving the frames between them to typing and painting.
        cancel = whenIdle(() => {
          cancel = null;
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(witnessCheckKey, BACKGROUND).setMeta('addToHistory', false));
        });
      };
      schedule(editorView);
      return {
        update: schedule,
        destroy: () => cancel?.(),
      };
    },
    props: {
      decorations: (state) => witnessCheckKey.getState(state)?.drawn.set,
      // Whether every row has been checked (the browser tests and the bench wait for it).
      attributes: (state): Record<string, string> => ({ 'data-witness-check': checkComplete(state) ? 'done' : 'running' }),
    },
  });
}

/** One step of the background check (what the view dispatches when the window is idle). */
export function checkStep(state: EditorState): EditorState {
  return state.apply(state.tr.setMeta(witnessCheckKey, BACKGROUND));
}

/** Runs the background check to the end (for tests and tools without a view). */
export function checkRest(state: EditorState): EditorState {
  let current = state;
  while ((witnessCheckKey.getState(current)?.next ?? Infinity) < current.doc.content.size) {
    current = current.apply(current.tr.setMeta(witnessCheckKey, BACKGROUND));
  }
  return current;
}

/** The check of the segment at `segmentPos` (null without witness lines, before it is checked, or without the plugin). */
export function segmentCheckAt(state: EditorState, segmentPos: number): { parts: SegmentParts; check: SegmentCheck } | null {
  const plugin = witnessCheckKey.getState(state);
  const segment = state.doc.nodeAt(segmentPos);
  if (!plugin || !segment) return null;
  const check = plugin.checks.get(segment);
  const parts = check ? segmentParts(segment, segmentPos) : null;
  return check && parts ? { parts, check } : null;
}

/** Segment states of the whole document, in order (for summaries and tests). */
export function segmentStates(state: EditorState): (SegmentCheck['result']['state'] | null)[] {
  const out: (SegmentCheck['result']['state'] | null)[] = [];
  state.doc.forEach((_segment, offset) => out.push(segmentCheckAt(state, offset)?.check.result.state ?? null));
  return out;
}
