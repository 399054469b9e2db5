/**
 * Every command with keys, grouped, from the command table (shared/commands). A
 * modal dialog the user asked for (F1): Escape or the button closes it, the focus
 * returns.
 */
import { useModalDialog } from '../hooks';
import { COMMAND_GROUPS, COMMANDS, type CommandSpec } from '../../../shared/commands';
import { displayKey } from '../../editor/shortcuts';

type Shortcut = CommandSpec & { keys: readonly string[] };

/** The commands with keys, by overlay group, in the table's order. */
const GROUPS: [string, Shortcut[]][] = COMMAND_GROUPS.map((group): [string, Shortcut[]] => [
  group,
  (COMMANDS as readonly CommandSpec[]).filter((c): c is Shortcut => c.group === group && !!c.keys?.length),
]).filter(([, items]) => items.length > 0);

export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  const dialog = useModalDialog();
  return (
    <dialog
      ref={dialog}
      className="shortcuts"
      aria-labelledby="shortcuts-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => e.target === dialog.current && onClose()}
    >
      <header>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </header>
      <div className="shortcut-groups">
        {GROUPS.map(([group, items]) => (
          <section key={group}>
            <h3>{group}</h3>
            <dl>
              {items.map((s) => (
                <div key={s.id} className="shortcut">
                  <dt>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && ' or '}
                        <kbd>{displayKey(k)}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{s.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="shortcuts-note">
        Everything is also reachable with Tab; <kbd>F6</kbd> jumps between the document list, the toolbar, the text and the side panel.
      </p>
    </dialog>
  );
}
