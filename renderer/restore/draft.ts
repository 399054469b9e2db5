/**
 * Working through a draft word by word: Tab accepts the next proposed word (after
 * the suggestion list, which keeps Tab while it is open) and stops on each
 * placeholder so the translator can type there; a key lists the alternatives of
 * the word at the caret; the row's draft is accepted or dropped whole. Every step
 * is its own undo step. Accepted text is ordinary restored text: saved like any
 * edit, it becomes part of the project text the suggester learns from.
 */
import { NodeSelection, Plugin, PluginKey, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import type { Mark, Node } from 'prosemirror-model';
import { segmentAt } from '../editor/positions';
import { markRange, UNRESTORED } from './proposals';
import { segmentParts } from './segment-text';
import { isOwnContent } from './draft-content';

/** A drafted word at the caret, with the decoder's other readings. */
export interface DraftedWord {
  from: number;
  to: number;
  text: string;
  alternatives: string[];
  source: string;
}

/** The alternatives list: open on one word, one item highlighted. */
export interface AlternativesState {
  word: DraftedWord | null;
  selected: number;
}

type Meta = { type: 'open'; word: DraftedWord } | { type: 'close' } | { type: 'move'; selected: number } | { type: 'applied' };

export const draftKey = new PluginKey<AlternativesState>('draft');

const CLOSED: AlternativesState = { word: null, selected: 0 };

/** The proposed word around the caret (touching it at either edge), or null. */
export function proposedWordAt(state: EditorState): DraftedWord | null {
  const { $head, empty } = state.selection;
  if (!empty || $head.parent.type.name !== 'korean') return null;
  const range = markRange($head, state.schema.marks.proposed);
  if (!range) return null;
  return {
    from: range.from,
    to: range.to,
    text: state.doc.textBetween(range.from, range.to, '', ''),
    alternatives: [...((range.mark.attrs.alternatives as string[] | undefined) ?? [])],
    source: String(range.mark.attrs.source ?? ''),
  };
}

/** A place Tab stops at in a draft: a proposed word to accept, or a placeholder to type over. */
type Stop = { kind: 'word'; from: number; to: number } | { kind: 'placeholder'; pos: number };

/**
 * The next stop from the caret within its Korean cell: the proposed word the caret
 * is in or touches, else the first proposed word or placeholder after nothing but
 * white space (a selected placeholder is passed over).
 */
export function nextStop(state: EditorState): Stop | null {
  const { selection } = state;
  const proposed = state.schema.marks.proposed;
  let $pos = selection.$head;
  if (selection instanceof NodeSelection) {
    if (selection.node.type.name !== 'gap') return null;
    $pos = selection.$to;
  } else if (!selection.empty) return null;
  else {
    const word = proposedWordAt(state);
    if (word) return { kind: 'word', from: word.from, to: word.to };
  }
  const parent = $pos.parent;
  if (parent.type.name !== 'korean') return null;
  let pos = $pos.pos;
  let index = $pos.index();
  // Inside a text node: only white space may lie between the caret and the stop.
  if ($pos.textOffset > 0) {
    const child = parent.child(index);
    const rest = (child.text ?? '').slice($pos.textOffset);
    if (rest.trim()) return null;
    pos += rest.length;
    index++;
  }
  for (; index < parent.childCount; index++) {
    const child: Node = parent.child(index);
    if (child.isText && proposed.isInSet(child.marks)) {
      const range = markRange(state.doc.resolve(pos), proposed);
      return range ? { kind: 'word', from: range.from, to: range.to } : null;
    }
    if (child.type.name === 'gap' && child.attrs.reason === UNRESTORED) return { kind: 'placeholder', pos };
    if (!child.isText || (child.text ?? '').trim()) return null;
    pos += child.nodeSize;
  }
  return null;
}

/**
 * Tab in a draft: accepts the next proposed word (the text stays, the mark goes,
 * the caret goes after it) or selects the next placeholder, so typing replaces it.
 * One undo step per word.
 */
export const acceptNextWord: Command = (state, dispatch) => {
  const stop = nextStop(state);
  if (!stop) return false;
  if (dispatch) {
    const tr = state.tr;
    if (stop.kind === 'word') {
      tr.removeMark(stop.from, stop.to, state.schema.marks.proposed);
      tr.setSelection(TextSelection.create(tr.doc, stop.to));
      closeHistory(tr);
      tr.setMeta(draftKey, { type: 'applied' } satisfies Meta);
    } else tr.setSelection(NodeSelection.create(tr.doc, stop.pos));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** Opens the alternatives of the drafted word at the caret (when the decoder gave any). */
export const showAlternatives: Command = (state, dispatch) => {
  const word = proposedWordAt(state);
  if (!word || word.alternatives.length === 0) return false;
  if (dispatch) dispatch(state.tr.setMeta(draftKey, { type: 'open', word } satisfies Meta));
  return true;
};

/** Closes the alternatives list. */
export const closeAlternatives: Command = (state, dispatch) => {
  if (!draftKey.getState(state)?.word) return false;
  if (dispatch) dispatch(state.tr.setMeta(draftKey, { type: 'close' } satisfies Meta));
  return true;
};

/** Moves the highlight in the open list (wrapping). */
export function moveAlternative(delta: number): Command {
  return (state, dispatch) => {
    const s = draftKey.getState(state);
    if (!s?.word) return false;
    const n = s.word.alternatives.length;
    if (dispatch) dispatch(state.tr.setMeta(draftKey, { type: 'move', selected: (((s.selected + delta) % n) + n) % n } satisfies Meta));
    return true;
  };
}

/**
 * Chooses the n-th alternative (0-based; default the highlighted one): it replaces
 * the word and is accepted, since picking a reading is the translator's decision.
 * One undo step.
 */
export function chooseAlternative(index?: number): Command {
  return (state, dispatch) => {
    const s = draftKey.getState(state);
    const word = s?.word;
    const choice = word?.alternatives[index ?? s?.selected ?? 0];
    if (!word || choice === undefined) return false;
    // The word must still be there as it was listed.
    if (word.to > state.doc.content.size || state.doc.textBetween(word.from, word.to, '', '') !== word.text) return false;
    if (dispatch) {
      const marks = state.doc.resolve(word.from + 1).marks().filter((m: Mark) => m.type !== state.schema.marks.proposed);
      const tr = state.tr.replaceWith(word.from, word.to, state.schema.text(choice, marks));
      tr.setSelection(TextSelection.create(tr.doc, word.from + choice.length));
      closeHistory(tr);
      tr.setMeta(draftKey, { type: 'applied' } satisfies Meta);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Whether an inline node was added by a draft or auto-fill (proposed text or a placeholder). */
function isProposal(node: Node): boolean {
  if (node.type.name === 'gap') return node.attrs.reason === UNRESTORED;
  return node.isText && !!node.type.schema.marks.proposed.isInSet(node.marks);
}

/**
 * Drops the row's draft: removes its proposed text and placeholders, with the
 * space that separated each from its neighbour, and leaves everything typed.
 * A restoration left with nothing but white space becomes empty. One undo step.
 */
export const dropRowDraft: Command = (state, dispatch) => {
  const seg = segmentAt(state.selection.$head);
  const parts = seg && segmentParts(seg.node, seg.pos);
  if (!parts) return false;
  const children: Node[] = [];
  parts.korean.forEach((child) => children.push(child));
  if (!children.some(isProposal)) return false;
  if (!dispatch) return true;
  const kept: Node[] = [];
  let dropSpaceAfter = false;
  for (const child of children) {
    if (isProposal(child)) {
      // The space before the dropped piece goes with it; at a line's start, the space after.
      const prev = kept[kept.length - 1];
      if (prev?.isText && prev.text?.endsWith(' ')) {
        kept[kept.length - 1] = prev.cut(0, prev.text.length - 1);
        if (!kept[kept.length - 1].text) kept.pop();
        dropSpaceAfter = false;
      } else dropSpaceAfter = true;
      continue;
    }
    const trim = dropSpaceAfter && child.isText && !!child.text?.startsWith(' ');
    dropSpaceAfter = false;
    if (trim && child.text === ' ') continue;
    kept.push(trim ? child.cut(1) : child);
  }
  const own = kept.some(isOwnContent);
  const start = parts.koreanPos + 1;
  const tr = state.tr.replaceWith(start, start + parts.korean.content.size, own ? kept : []);
  if (!own) tr.setSelection(TextSelection.create(tr.doc, start));
  closeHistory(tr);
  tr.setMeta(draftKey, { type: 'applied' } satisfies Meta);
  dispatch(tr.scrollIntoView());
  return true;
};

function applyState(tr: Transaction, old: AlternativesState, state: EditorState): AlternativesState {
  const meta = tr.getMeta(draftKey) as Meta | undefined;
  if (meta?.type === 'open') return { word: meta.word, selected: 0 };
  if (meta?.type === 'close' || meta?.type === 'applied') return CLOSED;
  if (!old.word) return old;
  if (meta?.type === 'move') return { ...old, selected: meta.selected };
  // The list belongs to one word: any edit, or the caret leaving it, closes it.
  if (tr.docChanged) return CLOSED;
  if (tr.selectionSet) {
    const word = proposedWordAt(state);
    if (!word || word.from !== old.word.from || word.to !== old.word.to) return CLOSED;
  }
  return old;
}

/** The alternatives list to show, if open. */
export function alternativesView(state: EditorState): AlternativesState | null {
  const s = draftKey.getState(state);
  return s?.word ? s : null;
}

/**
 * The draft plugin: Tab through the draft (after the suggestion list, which keeps
 * Tab while it shows), the alternatives list's state and keys (arrows move, Enter
 * or Mod-1…9 choose, Esc closes), and an undo boundary after each draft step so the
 * typing that follows is its own step.
 */
export function buildDraftPlugin(): Plugin<AlternativesState> {
  return new Plugin<AlternativesState>({
    key: draftKey,
    state: {
      init: () => CLOSED,
      apply: (tr, old, _oldState, state) => applyState(tr, old, state),
    },
    appendTransaction(trs, _old, state) {
      if (!trs.some((tr) => (tr.getMeta(draftKey) as Meta | undefined)?.type === 'applied')) return null;
      return closeHistory(state.tr);
    },
    props: {
      handleKeyDown(view, event) {
        if (event.isComposing || view.composing) return false;
        const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
        // Tab reaches this plugin only when the suggestion list (before it) did not take it.
        if (plain && event.key === 'Tab') return acceptNextWord(view.state, view.dispatch);
        return false;
      },
      handleDOMEvents: {
        // The open list's keys come before the editor's keymap (Enter would break the line).
        keydown(view, event) {
          if (!draftKey.getState(view.state)?.word || event.isComposing || view.composing) return false;
          const handled = alternativesKey(event)(view.state, view.dispatch);
          if (handled) event.preventDefault();
          return handled;
        },
      },
    },
  });
}

/** What a key does while the alternatives list is open. */
function alternativesKey(event: KeyboardEvent): Command {
  const mod = event.ctrlKey || event.metaKey;
  const plain = !mod && !event.altKey && !event.shiftKey;
  if (plain && event.key === 'Escape') return closeAlternatives;
  if (plain && event.key === 'ArrowDown') return moveAlternative(1);
  if (plain && event.key === 'ArrowUp') return moveAlternative(-1);
  if (plain && event.key === 'Enter') return chooseAlternative();
  if (mod && !event.altKey && !event.shiftKey && /^[1-9]$/.test(event.key)) return chooseAlternative(Number(event.key) - 1);
  return () => false;
}
