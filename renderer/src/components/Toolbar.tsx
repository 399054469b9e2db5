/**
 * The editing toolbar, from the command table: every command placed in the
 * toolbar, by group. Each button runs the same command as its keys and the menu,
 * and an editor command's button is enabled when that command applies (asked
 * without dispatching).
 */
import type { EditorState } from 'prosemirror-state';
import { COMMANDS, TOOLBAR_GROUPS, type CommandId, type CommandSpec, type ToolbarPlacement } from '../../../shared/commands';
import type { EditorController } from '../../editor/controller';
import type { EditorCommands } from '../../editor/keymap';
import { useEditorSelector } from '../hooks';
import { ariaKeys, keyHint } from '../../editor/shortcuts';
import { BINDINGS, type ToolbarLook } from '../commands/bindings';

interface Props {
  controller: EditorController;
  /** The open document's editor commands (enabled state, clicks). */
  commands: EditorCommands;
  /** Runs any command by id (window and pane actions). */
  run(id: CommandId): void;
}

type ToolbarCommand = CommandSpec & { id: CommandId; toolbar: ToolbarPlacement };
const BUTTONS = (COMMANDS as readonly CommandSpec[]).filter((c): c is ToolbarCommand => !!c.toolbar);

/** Every button's state, flat, so that React re-renders only when one changes. */
function toolbarState(commands: EditorCommands) {
  return (state: EditorState): Record<string, boolean | string | undefined> => {
    const s: Record<string, boolean | string | undefined> = {};
    for (const { id } of BUTTONS) {
      const binding = BINDINGS[id];
      if (binding.kind !== 'editor') continue;
      const command = commands[id];
      s[id] = binding.enabled ? binding.enabled(state) : !!command?.(state);
      const look: ToolbarLook = binding.look?.(state) ?? {};
      s[`${id}.pressed`] = look.pressed;
      s[`${id}.label`] = look.label;
      s[`${id}.text`] = look.text;
    }
    return s;
  };
}

export function Toolbar({ controller, commands, run }: Props) {
  const s = useEditorSelector(controller, toolbarState(commands), null);
  const activate = (id: CommandId) => () => {
    const command = commands[id];
    if (BINDINGS[id].kind === 'editor') {
      if (command) controller.run(command);
    } else run(id);
  };
  const button = ({ id, toolbar }: ToolbarCommand) => {
    const editorCommand = BINDINGS[id].kind === 'editor';
    const label = (s?.[`${id}.label`] as string | undefined) ?? toolbar.label;
    const hint = keyHint(id);
    return (
      <button
        key={id}
        type="button"
        className={`tool-${id}`}
        disabled={editorCommand && !s?.[id]}
        aria-pressed={s?.[`${id}.pressed`] as boolean | undefined}
        aria-keyshortcuts={ariaKeys(id)}
        title={hint ? `${label} (${hint})` : label}
        // Keep the editor's selection: a toolbar click must not take the focus first.
        onMouseDown={(e) => e.preventDefault()}
        onClick={activate(id)}
      >
        {(s?.[`${id}.text`] as string | undefined) ?? toolbar.text ?? label}
      </button>
    );
  };
  return (
    <div className="toolbar" role="toolbar" aria-label="Editing" data-region>
      {TOOLBAR_GROUPS.map((group) => (
        <div key={group.id} className={`toolbar-group${group.id === 'document' ? ' toolbar-end' : ''}`} role="group" aria-label={group.ariaLabel}>
          {BUTTONS.filter((c) => c.toolbar.group === group.id).map(button)}
        </div>
      ))}
    </div>
  );
}
