/**
 * The editor's keymaps: ours (from the shortcut table) before prosemirror-commands'
 * base keymap.
 */
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { redo, undo } from 'prosemirror-history';
import { undoInputRule } from 'prosemirror-inputrules';
import type { Command, Plugin } from 'prosemirror-state';
import type { Schema } from 'prosemirror-model';
import { SHORTCUTS, type ShortcutName } from './shortcuts';
import { cycleInsertionKind, toggleInsertion } from './commands/insertion';
import { canCorrect, revertCorrection } from './commands/correction';
import { insertFootnote } from './commands/footnote';
import { mergeWithNext, moveFirstWitnessLineUp, moveLastWitnessLineDown, splitSegment } from './commands/segments';
import { deleteAcrossCells, goToCell, insertHardBreak, selectCell } from './commands/cells';

/** What the editor asks of the surrounding UI. */
export interface EditorUi {
  /** Opens the inline correction form for the current selection. */
  openCorrection(): void;
  /** Shows the shortcuts overlay. */
  showShortcuts(): void;
}

/** The commands behind the editor's shortcuts, by shortcut name. */
export function editorCommands(ui: EditorUi): Partial<Record<ShortcutName, Command>> {
  return {
    undo,
    redo,
    lineBreak: insertHardBreak,
    selectCell,
    insertion: toggleInsertion(),
    insertionKind: cycleInsertionKind,
    correct: (state, dispatch) => {
      if (!canCorrect(state)) return false;
      if (dispatch) ui.openCorrection();
      return true;
    },
    revertCorrection,
    footnote: insertFootnote(),
    split: splitSegment(),
    merge: mergeWithNext,
    witnessDown: moveLastWitnessLineDown,
    witnessUp: moveFirstWitnessLineUp,
    cellDown: goToCell(1),
    cellUp: goToCell(-1),
    cellRight: goToCell(1, true),
    cellLeft: goToCell(-1, true),
    help: () => {
      ui.showShortcuts();
      return true;
    },
  };
}

/** Builds the editor's keymap plugins: ours first, then the base keymap. */
export function buildKeymap(_schema: Schema, ui: EditorUi): Plugin[] {
  const bindings: Record<string, Command> = {};
  for (const [name, command] of Object.entries(editorCommands(ui))) {
    for (const key of SHORTCUTS[name as ShortcutName].keys) bindings[key] = command;
  }
  // Backspace first undoes a just-applied input rule (`[text]` → insertion), and
  // deleting across cells clears their text instead of removing rows.
  const base: Record<string, Command> = {};
  for (const [key, command] of Object.entries(baseKeymap)) {
    // Ours: Enter is a line break in the cell, Mod-Enter splits the row, Mod-a selects the cell.
    if (key in bindings) continue;
    const deletes = /Backspace|Delete|^Ctrl-[hd]$|^Alt-d$/.test(key);
    if (!deletes) base[key] = command;
    else if (key === 'Backspace') base[key] = chainCommands(undoInputRule, deleteAcrossCells, command);
    else base[key] = chainCommands(deleteAcrossCells, command);
  }
  return [keymap(bindings), keymap(base)];
}
