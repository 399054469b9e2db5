/**
 * The command table's keys as this window shows them (Cmd names on macOS, Ctrl
 * elsewhere): for tooltips, hints and `aria-keyshortcuts`. The keys themselves are
 * declared once, in shared/commands/table.ts.
 */
import { ariaKeyShortcut, commandKeys, displayKey as display, type CommandId } from '../../shared/commands';

const isMac = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform);

/** A key name as people read it here: `Mod-Shift-k` → `Ctrl+Shift+K` (or `⌘⇧K` on macOS). */
export function displayKey(key: string, mac = isMac): string {
  return display(key, mac);
}

/** The first key of a command, for tooltips: `Insertion (Ctrl+[)`; empty for a command without keys. */
export function keyHint(id: CommandId, mac = isMac): string {
  const [first] = commandKeys(id);
  return first ? display(first, mac) : '';
}

/** A command's keys in `aria-keyshortcuts` syntax (undefined for a command without keys). */
export function ariaKeys(id: CommandId, mac = isMac): string | undefined {
  const keys = commandKeys(id);
  return keys.length ? keys.map((key) => ariaKeyShortcut(key, mac)).join(' ') : undefined;
}
