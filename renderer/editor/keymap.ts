/**
 * The editor's keymaps: the command table's keys bound to the commands the app
 * gives (renderer/src/commands/bindings.ts), before prosemirror-commands' base
 * keymap.
 */
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { undoInputRule } from 'prosemirror-inputrules';
import type { Command, Plugin } from 'prosemirror-state';
import { commandKeys, type CommandId } from '../../shared/commands';
import { deleteAcrossCells } from './commands/cells';

/** The editor's commands by their id in the command table. */
export type EditorCommands = Partial<Record<CommandId, Command>>;

/** The key bindings of these commands: every key the table gives each one. */
export function keyBindings(commands: EditorCommands): Record<string, Command> {
  const bindings: Record<string, Command> = {};
  for (const [id, command] of Object.entries(commands) as [CommandId, Command | undefined][]) {
    if (command) for (const key of commandKeys(id)) bindings[key] = command;
  }
  return bindings;
}

/** Builds the editor's keymap plugins: the commands' keys first, then the base keymap. */
export function buildKeymap(commands: EditorCommands): Plugin[] {
  const bindings = keyBindings(commands);
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
