/**
 * Suggestions while restoring: for the target at the caret (or on characters
 * picked in the witness), ranked words whose garble fits the witness, fetched from
 * the app (`suggest`), debounced, cached per query. The list is shown by a React
 * popover (SuggestList) that reads this plugin's state; Tab accepts the first
 * suggestion, Mod-1..9 the n-th, Escape closes the list. Accepting is one
 * transaction and one undo step. Suggestions are shown as the engine gives them:
 * no spelling is ever "corrected".
 */
import { Plugin, PluginKey, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { SuggestionItem } from '../../shared/ipc/contract';
import { segmentAt } from '../editor/positions';
import { caretTarget, pickTarget, type Pad, type Target, type WitnessPick } from './target';
import { UNRESTORED } from './proposals';
import { columnRuns } from './caret-witness';
import { witnessPickFromEvent } from './witness-pick';

/** What the plugin asks the app for. */
export interface SuggestRequest {
  token: string;
  limit: number;
  context: { english?: string; before?: string; after?: string };
}

export type SuggestFetch = (request: SuggestRequest) => Promise<SuggestionItem[]>;

export interface SuggestOptions {
  /** Asks the app for suggestions; without it the plugin shows nothing. */
  fetch?: SuggestFetch | null;
  /** Milliseconds of quiet before asking (default 120). */
  debounce?: number;
  /** Changes when cached answers go stale (e.g. the glossary changed). */
  generation?: () => number;
}

export interface SuggestState {
  pick: WitnessPick | null;
  target: Target | null;
  /** Key of the request the target needs. */
  query: string | null;
  request: SuggestRequest | null;
  /** Answer, and the query it answers. */
  items: readonly SuggestionItem[];
  itemsFor: string | null;
  /**
   * The list hidden with Escape, or asked for with Mod-., for one target (until
   * the target changes).
   */
  override: { key: string; mode: 'hidden' | 'shown' } | null;
}

type Meta =
  | { type: 'results'; query: string; items: SuggestionItem[] }
  | { type: 'pick'; pick: WitnessPick | null }
  | { type: 'dismiss' }
  | { type: 'show' }
  | { type: 'accepted' };

export const suggestKey = new PluginKey<SuggestState>('suggest');

/** Suggestions asked for; the list shows at most nine (Mod-1..9). */
export const SUGGEST_LIMIT = 12;
const SHOWN = 9;

const EMPTY: SuggestState = { pick: null, target: null, query: null, request: null, items: [], itemsFor: null, override: null };

function lastWord(text: string): string {
  const words = text.trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

function firstWord(text: string): string {
  return text.trim().split(/\s+/)[0] ?? '';
}

function requestFor(target: Target): SuggestRequest {
  // The ranking reads the English and the words on either side: send only those.
  return {
    token: target.token,
    limit: SUGGEST_LIMIT,
    context: { english: target.english.slice(0, 20000), before: lastWord(target.before), after: firstWord(target.after) },
  };
}

function queryKey(request: SuggestRequest): string {
  return JSON.stringify([request.token, request.context.english, request.context.before, request.context.after]);
}

function targetKey(target: Target | null): string | null {
  return target ? `${target.source}:${target.segmentPos}:${target.line}:${target.witnessFrom}-${target.witnessTo}:${target.from}` : null;
}

function applyState(tr: Transaction, old: SuggestState, state: EditorState): SuggestState {
  const meta = tr.getMeta(suggestKey) as Meta | undefined;
  if (meta?.type === 'results') {
    return meta.query === old.query ? { ...old, items: meta.items, itemsFor: meta.query } : old;
  }
  if (!tr.docChanged && !tr.selectionSet && !meta) return old;
  let pick = old.pick;
  if (meta?.type === 'pick') pick = meta.pick;
  else if (meta?.type === 'accepted' || meta?.type === 'dismiss' || tr.docChanged) pick = null;
  else if (pick && segmentAt(state.selection.$head)?.pos !== pick.segmentPos) pick = null;
  const target = pick ? pickTarget(state, pick) : caretTarget(state);
  const request = target ? requestFor(target) : null;
  const query = request ? queryKey(request) : null;
  const key = targetKey(target);
  let override = old.override && old.override.key === key ? old.override : null;
  if (key && meta?.type === 'dismiss') override = { key, mode: 'hidden' };
  if (key && meta?.type === 'show') override = { key, mode: 'shown' };
  const keep = query !== null && query === old.itemsFor;
  return { pick, target, query, request, items: keep ? old.items : [], itemsFor: keep ? old.itemsFor : null, override };
}

/** Marks a transaction as bringing the answer to a query (what the plugin view does when it arrives). */
export function suggestionsArrived(tr: Transaction, query: string, items: SuggestionItem[]): Transaction {
  return tr.setMeta(suggestKey, { type: 'results', query, items } satisfies Meta);
}

/** The suggestions to show now, best first (at most nine). */
export function visibleSuggestions(state: EditorState): SuggestionItem[] {
  const s = suggestKey.getState(state);
  const target = s?.target;
  if (!s || !target || s.itemsFor !== s.query) return [];
  const override = s.override?.key === targetKey(target) ? s.override.mode : null;
  if (override === 'hidden') return [];
  // Completions of what is typed (up to a wrong syllable), never the word itself.
  const items = s.items.filter((item) => item.text !== target.word && item.text.startsWith(target.prefix));
  // Before anything is typed, the list opens by itself only when the project knows
  // a word that fits (glossary, restored text): the lexicon alone is mostly noise there.
  if (override !== 'shown' && target.source === 'caret' && !target.prefix && !items.some((i) => i.source !== 'lexicon')) return [];
  return items.slice(0, SHOWN);
}

/** The state the popover needs. */
export function suggestView(state: EditorState): { target: Target; items: SuggestionItem[] } | null {
  const target = suggestKey.getState(state)?.target;
  const items = visibleSuggestions(state);
  return target && items.length ? { target, items } : null;
}

/** Accepts the n-th visible suggestion (0-based): one transaction, one undo step. */
export function acceptSuggestion(index: number): Command {
  return (state, dispatch) => {
    const target = suggestKey.getState(state)?.target;
    const item = visibleSuggestions(state)[index];
    if (!target || !item) return false;
    if (dispatch) {
      const { schema } = state;
      const tr = state.tr;
      let from = target.from;
      let to = target.to;
      if (target.breaks > 0) {
        tr.insert(from, Array.from({ length: target.breaks }, () => schema.nodes.hard_break.create()));
        from += target.breaks;
        to = from;
      }
      const proposed = schema.marks.proposed;
      const marks = tr.doc.resolve(from).marks().filter((m) => m.type !== proposed);
      const pad = (p: Pad) => (p === 'gap' ? schema.nodes.gap.create({ reason: UNRESTORED }, null, marks) : schema.text(' ', marks));
      const before = target.padBefore.map(pad);
      const word = schema.text(item.text, marks);
      tr.replaceWith(from, to, [...before, word, ...target.padAfter.map(pad)]);
      const caret = from + before.reduce((n, node) => n + node.nodeSize, 0) + word.nodeSize;
      tr.setSelection(TextSelection.create(tr.doc, caret));
      // Its own undo step: not merged with the typing before it (nor, see
      // appendTransaction, with the typing after it).
      closeHistory(tr);
      tr.setMeta(suggestKey, { type: 'accepted' } satisfies Meta);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Escape: closes the list (or drops the witness pick) until the target changes. */
export const dismissSuggestions: Command = (state, dispatch) => {
  const s = suggestKey.getState(state);
  if (!s || (!visibleSuggestions(state).length && !s.pick)) return false;
  if (dispatch) dispatch(state.tr.setMeta(suggestKey, { type: 'dismiss' } satisfies Meta));
  return true;
};

/** Shows the list (again after Escape, or before anything is typed). */
export const showSuggestions: Command = (state, dispatch) => {
  const s = suggestKey.getState(state);
  if (!s?.target) return false;
  if (dispatch) dispatch(state.tr.setMeta(suggestKey, { type: 'show' } satisfies Meta));
  return true;
};

/** Picks witness characters of a segment (null clears the pick). */
export function pickWitness(pick: WitnessPick | null): Command {
  return (state, dispatch) => {
    if (dispatch) dispatch(state.tr.setMeta(suggestKey, { type: 'pick', pick } satisfies Meta));
    return true;
  };
}

function fetcher(options: SuggestOptions) {
  return (editorView: EditorView) => {
    const fetch = options.fetch;
    const delay = options.debounce ?? 120;
    const cache = new Map<string, SuggestionItem[]>();
    let generation = options.generation?.() ?? 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let destroyed = false;
    const deliver = (view: EditorView, query: string, items: SuggestionItem[]) => {
      if (destroyed || suggestKey.getState(view.state)?.query !== query) return;
      view.dispatch(suggestionsArrived(view.state.tr, query, items));
    };
    const schedule = (view: EditorView) => {
      if (timer) clearTimeout(timer);
      timer = null;
      const s = suggestKey.getState(view.state);
      // A glossary change (an entry added, the starter termbase switched) makes the items shown stale too.
      const now = options.generation?.() ?? 0;
      const stale = now !== generation;
      if (stale) {
        cache.clear();
        generation = now;
      }
      if (!fetch || !s?.query || !s.request || (s.itemsFor === s.query && !stale)) return;
      const query = s.query;
      const request = s.request;
      const cached = cache.get(query);
      timer = setTimeout(
        () => {
          timer = null;
          if (cached) return deliver(view, query, cached);
          fetch(request).then(
            (items) => {
              if (cache.size > 200) cache.clear();
              cache.set(query, items);
              deliver(view, query, items);
            },
            // A failed lookup shows no list; typing goes on.
            () => undefined,
          );
        },
        cached ? 0 : delay,
      );
    };
    schedule(editorView);
    return {
      update(view: EditorView, prev: EditorState) {
        const glossaryChanged = (options.generation?.() ?? 0) !== generation;
        if (glossaryChanged || suggestKey.getState(view.state)?.query !== suggestKey.getState(prev)?.query) schedule(view);
      },
      destroy() {
        destroyed = true;
        if (timer) clearTimeout(timer);
      },
    };
  };
}

/** The suggestions plugin. */
export function buildSuggestPlugin(options: SuggestOptions = {}): Plugin<SuggestState> {
  return new Plugin<SuggestState>({
    key: suggestKey,
    state: {
      init: (_config, state) => {
        const target = caretTarget(state);
        const request = target ? requestFor(target) : null;
        return { ...EMPTY, target, request, query: request ? queryKey(request) : null };
      },
      apply: (tr, old, _oldState, state) => applyState(tr, old, state),
    },
    view: fetcher(options),
    appendTransaction(trs, _old, state) {
      // After an accepted suggestion, start a new undo group for whatever comes next.
      if (!trs.some((tr) => (tr.getMeta(suggestKey) as Meta | undefined)?.type === 'accepted')) return null;
      return closeHistory(state.tr);
    },
    props: {
      decorations(state) {
        const pick = suggestKey.getState(state)?.pick;
        if (!pick) return null;
        const segment = state.doc.nodeAt(pick.segmentPos);
        if (!segment) return null;
        let witnessPos = pick.segmentPos + 1;
        for (let i = 0; i < segment.childCount && segment.child(i).type.name !== 'witness'; i++) witnessPos += segment.child(i).nodeSize;
        const highlights = columnRuns(pick.line, Array.from({ length: pick.to - pick.from }, (_, i) => pick.from + i), 'wc-picked', 'Picked: suggestions for this witness text');
        return DecorationSet.create(state.doc, [Decoration.node(witnessPos, witnessPos + 1, {}, { witnessHighlights: highlights })]);
      },
      handleKeyDown(view, event) {
        if (event.isComposing || view.composing) return false;
        const mod = event.ctrlKey || event.metaKey;
        if (event.key === 'Escape' && !mod && !event.altKey) return dismissSuggestions(view.state, view.dispatch);
        if (mod && !event.altKey && !event.shiftKey && event.key === '.') return showSuggestions(view.state, view.dispatch);
        if (event.key === 'Tab' && !mod && !event.altKey && !event.shiftKey) return acceptSuggestion(0)(view.state, view.dispatch);
        if (mod && !event.altKey && !event.shiftKey && /^[1-9]$/.test(event.key)) {
          return acceptSuggestion(Number(event.key) - 1)(view.state, view.dispatch);
        }
        return false;
      },
      handleDOMEvents: {
        mouseup: (view, event) => {
          const pick = witnessPickFromEvent(view, event, suggestKey.getState(view.state)?.pick ?? null);
          if (pick) pickWitness(pick)(view.state, view.dispatch);
          return false;
        },
      },
    },
  });
}
