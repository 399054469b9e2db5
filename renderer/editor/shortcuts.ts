/**
 * Every keyboard shortcut of the workbench, in one table: the editor keymap binds
 * the editor's keys from here, the app binds its own, and the help overlay lists
 * them all. Keys use prosemirror-keymap's names (`Mod-` is Cmd on macOS, Ctrl
 * elsewhere).
 */

export interface Shortcut {
  keys: readonly string[];
  label: string;
  group: 'Editing' | 'Annotations' | 'Rows' | 'Restoring the Korean' | 'Moving around' | 'App';
}

export const SHORTCUTS = {
  undo: { keys: ['Mod-z'], label: 'Undo (whole document)', group: 'Editing' },
  redo: { keys: ['Shift-Mod-z', 'Mod-y'], label: 'Redo', group: 'Editing' },
  lineBreak: { keys: ['Enter', 'Shift-Enter'], label: 'Line break inside a cell', group: 'Editing' },
  selectCell: { keys: ['Mod-a'], label: 'Select the cell, then everything', group: 'Editing' },

  insertion: {
    keys: ['Mod-['],
    label: 'Mark the selection as an editorial insertion [ ], insert an empty one, or remove it',
    group: 'Annotations',
  },
  insertionKind: { keys: ['Mod-]'], label: 'Change the kind of the insertion (clarification, variant, expansion)', group: 'Annotations' },
  correct: { keys: ['Mod-Shift-k'], label: 'Correct the selected slip of the source…', group: 'Annotations' },
  revertCorrection: { keys: ['Mod-Alt-k'], label: 'Revert the correction to the source’s reading', group: 'Annotations' },
  footnote: { keys: ['Mod-Alt-f'], label: 'Insert a footnote', group: 'Annotations' },

  split: { keys: ['Mod-Enter'], label: 'Split the row at the cursor', group: 'Rows' },
  merge: { keys: ['Mod-Shift-m'], label: 'Merge the row with the next', group: 'Rows' },
  witnessDown: { keys: ['Alt-Shift-ArrowDown'], label: 'Move the last witness line to the next row', group: 'Rows' },
  witnessUp: { keys: ['Alt-Shift-ArrowUp'], label: 'Pull the next row’s first witness line up', group: 'Rows' },

  // Restoring the Korean (renderer/restore binds these).
  acceptSuggestion: { keys: ['Tab'], label: 'Accept the first suggestion (Ctrl+1 … 9: the n-th); Esc closes the list', group: 'Restoring the Korean' },
  showSuggestions: { keys: ['Mod-.'], label: 'Show the suggestions again after Esc', group: 'Restoring the Korean' },
  autofill: { keys: ['Mod-Alt-a'], label: 'Auto-fill the row’s empty restoration with what the witness proves', group: 'Restoring the Korean' },
  autofillAll: { keys: ['Mod-Alt-Shift-a'], label: 'Auto-fill every empty restoration', group: 'Restoring the Korean' },
  acceptProposal: { keys: ['Mod-Alt-y'], label: 'Accept the proposal at the cursor', group: 'Restoring the Korean' },
  acceptRowProposals: { keys: ['Mod-Alt-Shift-y'], label: 'Accept every proposal in the row', group: 'Restoring the Korean' },
  repairEncoding: { keys: ['Mod-Alt-r'], label: 'Repair the encoding of the selection or cell (mojibake)', group: 'Restoring the Korean' },
  addToGlossary: { keys: ['Mod-Alt-g'], label: 'Add the selected name to the glossary…', group: 'Restoring the Korean' },

  cellDown: { keys: ['Alt-ArrowDown'], label: 'Same column, next row', group: 'Moving around' },
  cellUp: { keys: ['Alt-ArrowUp'], label: 'Same column, previous row', group: 'Moving around' },
  cellRight: { keys: ['Alt-ArrowRight'], label: 'Next column', group: 'Moving around' },
  cellLeft: { keys: ['Alt-ArrowLeft'], label: 'Previous column', group: 'Moving around' },
  leaveEditor: { keys: ['Escape'], label: 'Leave a footnote or form; Tab then moves on', group: 'Moving around' },

  save: { keys: ['Mod-s'], label: 'Save now (saving is automatic)', group: 'App' },
  findDocument: { keys: ['Mod-p'], label: 'Filter the document list', group: 'App' },
  nextRegion: { keys: ['F6'], label: 'Next area: list, toolbar, editor, side panel', group: 'App' },
  help: { keys: ['F1', 'Mod-/'], label: 'Show these shortcuts', group: 'App' },
} as const satisfies Record<string, Shortcut>;

export type ShortcutName = keyof typeof SHORTCUTS;

const isMac = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform);

/** A key name as people read it: `Mod-Shift-k` → `Ctrl+Shift+K` (or `⌘⇧K` on macOS). */
export function displayKey(key: string, mac = isMac): string {
  // Modifiers in the usual reading order (Ctrl+Alt+Shift+K), whatever the key name's order.
  const order = ['Mod', 'Ctrl', 'Alt', 'Shift'];
  const split = key.split(/-(?!$)/);
  const mods = split.slice(0, -1).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const parts = [...mods, split[split.length - 1]];
  const names: Record<string, [string, string]> = {
    Mod: ['Ctrl', '⌘'],
    Shift: ['Shift', '⇧'],
    Alt: ['Alt', '⌥'],
    Ctrl: ['Ctrl', '⌃'],
    ArrowDown: ['↓', '↓'],
    ArrowUp: ['↑', '↑'],
    ArrowLeft: ['←', '←'],
    ArrowRight: ['→', '→'],
    Enter: ['Enter', '↩'],
    Escape: ['Esc', 'Esc'],
  };
  const shown = parts.map((part) => {
    const name = names[part];
    if (name) return mac ? name[1] : name[0];
    return part.length === 1 ? part.toUpperCase() : part;
  });
  return mac ? shown.join('') : shown.join('+');
}

/** The first key of a shortcut, for tooltips: `Insertion (Ctrl+[)`. */
export function keyHint(name: ShortcutName): string {
  return displayKey(SHORTCUTS[name].keys[0]);
}

/** A shortcut in `aria-keyshortcuts` syntax. */
export function ariaKeys(name: ShortcutName): string {
  return SHORTCUTS[name].keys
    .map((key) => key.replace('Mod', isMac ? 'Meta' : 'Control').replace(/-(?!$)/g, '+'))
    .join(' ');
}
