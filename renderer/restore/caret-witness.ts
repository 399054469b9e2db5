/**
 * Shows, in the witness column, the characters that the word at the caret accounts
 * for. Only the caret's segment gets a decoration; a caret move within the same
 * word keeps the old one.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { WitnessHighlight } from '../editor/witness-view';
import { caretColumns } from './target';

interface CaretState {
  key: string;
  decorations: DecorationSet;
}

export const caretWitnessKey = new PluginKey<CaretState>('caretWitness');

const NONE: CaretState = { key: '', decorations: DecorationSet.empty };

/** Runs of consecutive columns as highlights. */
export function columnRuns(line: number, columns: number[], className: string, title?: string): WitnessHighlight[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const out: WitnessHighlight[] = [];
  for (const col of sorted) {
    const last = out[out.length - 1];
    if (last && last.to === col) last.to = col + 1;
    else out.push({ line, from: col, to: col + 1, className, ...(title ? { title } : {}) });
  }
  return out;
}

export function buildCaretWitnessPlugin(): Plugin<CaretState> {
  return new Plugin<CaretState>({
    key: caretWitnessKey,
    state: {
      init: () => NONE,
      apply(tr, old, _oldState, state) {
        if (!tr.docChanged && !tr.selectionSet) return old;
        const found = caretColumns(state);
        if (!found || found.columns.length === 0) return old === NONE ? old : NONE;
        const key = `${found.witnessPos}:${found.line}:${found.columns.join(',')}`;
        if (key === old.key) return old;
        const highlights = columnRuns(found.line, found.columns, 'wc-caret', 'Accounted for by the word at the cursor');
        const deco = Decoration.node(found.witnessPos, found.witnessPos + 1, {}, { witnessHighlights: highlights });
        return { key, decorations: DecorationSet.create(state.doc, [deco]) };
      },
    },
    props: {
      decorations: (state) => caretWitnessKey.getState(state)?.decorations,
    },
  });
}
