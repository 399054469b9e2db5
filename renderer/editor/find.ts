/**
 * Find and replace in the open document: a plugin that holds the matches of
 * the find query (searched in the ProseMirror document by shared/search, so
 * rows a long document does not draw are found too), highlights them
 * (inline decorations; witness matches through the witness view's highlights),
 * and commands to go to the next or previous match and to replace the current
 * match or all of them, each replacement one transaction and one undo step.
 *
 * Edits while a find is open map the matches (a match whose text changed is
 * dropped); the app searches again shortly after (`setFind` once more).
 */
import { Plugin, PluginKey, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { closeHistory } from 'prosemirror-history';
import type { Node } from 'prosemirror-model';
import { replaceTextHits, searchDocument, type CompiledPattern, type SearchHit } from '../../shared/search';
import { cutToDrawn, type DrawnCut } from './viewport';
import type { WitnessHighlight } from './witness-view';

/** What the find plugin holds. */
export interface FindState {
  /** The active query (null: no find). */
  compiled: CompiledPattern | null;
  replacement: string | undefined;
  /** Matches in the body (text and witness), in document order. */
  hits: readonly SearchHit[];
  /** Index of the current match, -1 for none. */
  current: number;
  decorations: DecorationSet;
  drawn: DrawnCut;
}

type FindMeta = { set: { compiled: CompiledPattern | null; replacement?: string } } | { current: number };

const findKey = new PluginKey<FindState>('find');

/** Matches decorated at most (a find for `e` in a long report has more than anyone reads). */
export const MAX_DECORATED = 5000;

/** A document position for ordering a hit (a witness hit: its witness node). */
export function hitPosition(hit: SearchHit): number {
  return hit.place.kind === 'witness' ? (hit.nodePos ?? 0) : hit.from;
}

function buildDecorations(doc: Node, hits: readonly SearchHit[], current: number): DecorationSet {
  const decos: Decoration[] = [];
  const witness = new Map<number, WitnessHighlight[]>();
  const limit = Math.min(hits.length, MAX_DECORATED);
  const add = (hit: SearchHit, index: number) => {
    const className = index === current ? 'find-match find-current' : 'find-match';
    if (hit.place.kind === 'witness') {
      const list = witness.get(hit.nodePos!) ?? [];
      list.push({ line: hit.place.line, from: hit.from, to: hit.to, className });
      witness.set(hit.nodePos!, list);
    } else if (hit.place.kind === 'text') {
      decos.push(Decoration.inline(hit.from, hit.to, { class: className }));
    }
  };
  for (let i = 0; i < limit; i++) add(hits[i], i);
  if (current >= limit && current < hits.length) add(hits[current], current);
  for (const [pos, witnessHighlights] of witness) {
    const node = doc.nodeAt(pos);
    if (node) decos.push(Decoration.node(pos, pos + node.nodeSize, {}, { witnessHighlights }));
  }
  return DecorationSet.create(doc, decos);
}

/** The matches mapped through an edit; a match whose text changed is dropped. */
function mapHits(hits: readonly SearchHit[], tr: Transaction): SearchHit[] {
  const out: SearchHit[] = [];
  for (const hit of hits) {
    if (hit.place.kind === 'witness') {
      const pos = tr.mapping.mapResult(hit.nodePos!, 1);
      const node = pos.deleted ? null : tr.doc.nodeAt(pos.pos);
      const line = node?.type.name === 'witness' ? (node.attrs.lines as string[])[hit.place.line] : undefined;
      if (line?.slice(hit.from, hit.to) === hit.text) out.push({ ...hit, nodePos: pos.pos });
      continue;
    }
    const from = tr.mapping.mapResult(hit.from, 1);
    const to = tr.mapping.mapResult(hit.to, -1);
    if (from.deleted || to.deleted || to.pos - from.pos !== hit.to - hit.from) continue;
    if (tr.doc.textBetween(from.pos, to.pos) !== hit.text) continue;
    out.push({ ...hit, from: from.pos, to: to.pos });
  }
  return out;
}

function stateWith(doc: Node, compiled: CompiledPattern | null, replacement: string | undefined, hits: readonly SearchHit[], current: number, prev: FindState | null, editorState: EditorState, tr?: Transaction): FindState {
  const decorations = compiled ? buildDecorations(doc, hits, current) : DecorationSet.empty;
  return { compiled, replacement, hits, current, decorations, drawn: cutToDrawn(decorations, editorState, prev?.drawn ?? null, tr) };
}

/** The index of the match nearest after `pos` (wrapping to the first), -1 when none. */
function indexFrom(hits: readonly SearchHit[], pos: number): number {
  if (!hits.length) return -1;
  const at = hits.findIndex((h) => hitPosition(h) >= pos);
  return at < 0 ? 0 : at;
}

/** Builds the find plugin. */
export function buildFind(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: (_config, state) => stateWith(state.doc, null, undefined, [], -1, null, state),
      apply(tr, prev, _old, state) {
        const meta = tr.getMeta(findKey) as FindMeta | undefined;
        if (meta && 'set' in meta) {
          const { compiled, replacement } = meta.set;
          const hits = compiled?.ok ? searchDocument(state.doc, null, compiled, replacement) : [];
          // The current match stays the one at (or after) the selection.
          const current = indexFrom(hits, state.selection.from);
          return stateWith(state.doc, compiled, replacement, hits, current, prev, state, tr);
        }
        if (!prev.compiled) {
          const drawn = cutToDrawn(prev.decorations, state, prev.drawn, tr);
          return drawn === prev.drawn ? prev : { ...prev, drawn };
        }
        if (meta && 'current' in meta) return stateWith(state.doc, prev.compiled, prev.replacement, prev.hits, meta.current, prev, state, tr);
        if (tr.docChanged) {
          const old = prev.hits[prev.current];
          const hits = mapHits(prev.hits, tr);
          const current = old ? indexFrom(hits, tr.mapping.map(hitPosition(old))) : -1;
          return stateWith(state.doc, prev.compiled, prev.replacement, hits, current, prev, state, tr);
        }
        const drawn = cutToDrawn(prev.decorations, state, prev.drawn, tr);
        return drawn === prev.drawn ? prev : { ...prev, drawn };
      },
    },
    props: {
      decorations: (state) => findKey.getState(state)?.drawn.set,
    },
  });
}

/** The find plugin's state (null when the editor has no find plugin). */
export function findState(state: EditorState): FindState | null {
  return findKey.getState(state) ?? null;
}

/** Sets (or with null clears) the find query and the replacement; the matches are searched at once. */
export function setFind(compiled: CompiledPattern | null, replacement?: string): Command {
  return (state, dispatch) => {
    if (!findKey.getState(state)) return false;
    if (dispatch) dispatch(state.tr.setMeta(findKey, { set: { compiled, replacement } } satisfies FindMeta).setMeta('addToHistory', false));
    return true;
  };
}

/** Selects a match (a witness match: the caret goes to the start of the row's Korean) and scrolls to it. */
function selectHit(tr: Transaction, hit: SearchHit): Transaction {
  if (hit.place.kind === 'witness') {
    const witness = tr.doc.nodeAt(hit.nodePos!);
    const after = hit.nodePos! + (witness?.nodeSize ?? 1) + 1;
    return tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(after, tr.doc.content.size)))).scrollIntoView();
  }
  return tr.setSelection(TextSelection.create(tr.doc, hit.from, hit.to)).scrollIntoView();
}

/** Goes to match `index` of the current find. */
export function goToMatch(index: number): Command {
  return (state, dispatch) => {
    const find = findKey.getState(state);
    const hit = find?.hits[index];
    if (!hit) return false;
    if (dispatch) dispatch(selectHit(state.tr, hit).setMeta(findKey, { current: index } satisfies FindMeta));
    return true;
  };
}

/** Goes to the next (1) or previous (-1) match from the selection, wrapping around the document. */
export function findNext(dir: 1 | -1): Command {
  return (state, dispatch) => {
    const hits = findKey.getState(state)?.hits ?? [];
    if (!hits.length) return false;
    const { from, to } = state.selection;
    let index: number;
    if (dir > 0) {
      index = hits.findIndex((h) => hitPosition(h) >= to && !(h.place.kind === 'text' && h.from === from && h.to === to));
      if (index < 0) index = 0;
    } else {
      index = -1;
      for (let i = hits.length - 1; i >= 0; i--) {
        if (hitPosition(hits[i]) < from) {
          index = i;
          break;
        }
      }
      if (index < 0) index = hits.length - 1;
    }
    return goToMatch(index)(state, dispatch);
  };
}

/** True when match `hit` is what the selection holds. */
function selected(state: EditorState, hit: SearchHit | undefined): hit is SearchHit {
  return !!hit && hit.place.kind === 'text' && state.selection.from === hit.from && state.selection.to === hit.to;
}

/**
 * Replaces the current match (when it is selected; otherwise goes to the next
 * match first, as editors do) and goes on to the next. One undo step.
 */
export function replaceCurrent(asCorrection: boolean): Command {
  return (state, dispatch) => {
    const find = findKey.getState(state);
    if (!find?.compiled?.ok || find.replacement === undefined) return false;
    const hit = find.hits[find.current];
    if (!selected(state, hit)) {
      const next = find.hits.findIndex((h, i) => i >= Math.max(find.current, 0) && h.place.kind === 'text');
      return next >= 0 ? goToMatch(next)(state, dispatch) : false;
    }
    if (!dispatch) return true;
    const tr = closeHistory(state.tr);
    const outcome = replaceTextHits(tr, [hit], { asCorrection });
    if (!outcome.replaced) return false;
    const end = tr.mapping.map(hit.to, 1);
    const hits = searchDocument(tr.doc, null, find.compiled, find.replacement);
    const after = hits.findIndex((h) => h.place.kind === 'text' && h.from >= end);
    const nextIndex = after >= 0 ? after : hits.findIndex((h) => h.place.kind === 'text');
    if (nextIndex >= 0) selectHit(tr, hits[nextIndex]);
    else tr.setSelection(TextSelection.create(tr.doc, end));
    dispatch(tr.setMeta(findKey, { set: { compiled: find.compiled, replacement: find.replacement } } satisfies FindMeta).scrollIntoView());
    return true;
  };
}

/** Replaces every match of the document's body in one transaction (one undo step); returns what it did through `report`. */
export function replaceAll(asCorrection: boolean, report?: (replaced: number, skipped: number) => void): Command {
  return (state, dispatch) => {
    const find = findKey.getState(state);
    if (!find?.compiled?.ok || find.replacement === undefined || !find.hits.some((h) => h.place.kind === 'text')) return false;
    if (!dispatch) return true;
    const tr = closeHistory(state.tr);
    const outcome = replaceTextHits(tr, find.hits, { asCorrection });
    report?.(outcome.replaced, outcome.skipped.length);
    if (!outcome.replaced) return false;
    dispatch(tr.setMeta(findKey, { set: { compiled: find.compiled, replacement: find.replacement } } satisfies FindMeta));
    return true;
  };
}
