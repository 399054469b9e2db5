/**
 * Running a command of the table by id, wherever it comes from (the native menu,
 * the window's keys, a toolbar button): the one router, reading the bindings.
 */
import { keydownHandler } from 'prosemirror-keymap';
import type { EditorView } from 'prosemirror-view';
import { COMMANDS, commandKeys, isCommandId, type CommandId } from '../../../shared/commands';
import { BINDINGS, type AppActions, type PaneActions } from './bindings';

/** The open document, as commands reach it. */
export interface PaneTarget {
  actions: PaneActions;
  /** Runs an editor command of the open document; false when it does not apply. */
  runEditor(id: CommandId): boolean;
}

export interface CommandTargets {
  app: AppActions;
  /** The open document's pane; null when none is open. */
  pane: PaneTarget | null;
}

/**
 * Runs a command by id. Returns false when nothing ran: an id that is not a
 * command (a menu message from another version, say), a document command with no
 * document open, an editor command that does not apply, or keys a plugin handles.
 */
export function runCommand(id: string, targets: CommandTargets): boolean {
  if (!isCommandId(id)) return false;
  const binding = BINDINGS[id];
  switch (binding.kind) {
    case 'app':
      binding.run(targets.app);
      return true;
    case 'pane':
      if (!targets.pane) return false;
      binding.run(targets.pane.actions);
      return true;
    case 'editor':
      return targets.pane?.runEditor(id) ?? false;
    case 'plugin':
      return false;
  }
}

/** The keys of the window's own commands (app and pane bindings), by key name. */
export function windowKeys(): Map<string, CommandId> {
  const keys = new Map<string, CommandId>();
  for (const { id } of COMMANDS) {
    const kind = BINDINGS[id].kind;
    if (kind !== 'app' && kind !== 'pane') continue;
    for (const key of commandKeys(id)) keys.set(key, id);
  }
  return keys;
}

/**
 * A keydown handler for the window's own commands: true when the event was one of
 * their keys and `run` was called. Matching is prosemirror-keymap's, so a key
 * means the same in the window as in the editor (Mod, Shift with punctuation,
 * other keyboard layouts).
 */
export function windowKeyHandler(run: (id: CommandId) => void): (event: KeyboardEvent) => boolean {
  const bindings: Record<string, () => boolean> = {};
  for (const [key, id] of windowKeys()) bindings[key] = () => (run(id), true);
  const handler = keydownHandler(bindings);
  // The bindings ignore the editor arguments keydownHandler passes; there is no editor here.
  const noView = {} as EditorView;
  return (event) => handler(noView, event);
}
