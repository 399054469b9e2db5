/**
 * Every keyboard shortcut, grouped, from the one shortcut table. A modal dialog
 * the user asked for (F1): Escape or the button closes it, the focus returns.
 */
import { useModalDialog } from '../hooks';
import { SHORTCUTS, displayKey, type Shortcut } from '../../editor/shortcuts';

export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  const dialog = useModalDialog();
  const groups = new Map<string, [string, Shortcut][]>();
  for (const [name, shortcut] of Object.entries(SHORTCUTS) as [string, Shortcut][]) {
    groups.set(shortcut.group, [...(groups.get(shortcut.group) ?? []), [name, shortcut]]);
  }
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
        {[...groups].map(([group, items]) => (
          <section key={group}>
            <h3>{group}</h3>
            <dl>
              {items.map(([name, s]) => (
                <div key={name} className="shortcut">
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
