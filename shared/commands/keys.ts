/**
 * Key names of the command table (prosemirror-keymap's: `Mod-Shift-k`,
 * `Alt-ArrowDown`, `F1`) read three ways: as people read them (`Ctrl+Shift+K`,
 * `⌘⇧K`), as Electron's menu accelerators (`CmdOrCtrl+Shift+K`) and as
 * `aria-keyshortcuts` (`Control+Shift+K`).
 */

/** A key name split into its modifiers (in the usual reading order) and its key. */
export interface ParsedKey {
  readonly mod: boolean;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  /** The key itself: one character, or a name such as `ArrowDown`, `Enter`, `F6`. */
  readonly key: string;
}

const MODIFIERS: Record<string, keyof Omit<ParsedKey, 'key'>> = {
  Mod: 'mod',
  Ctrl: 'ctrl',
  Control: 'ctrl',
  Cmd: 'meta',
  Meta: 'meta',
  Alt: 'alt',
  Shift: 'shift',
};

/** Named keys the table may use (besides single characters and F1…F24). */
const NAMED_KEYS = new Set([
  'Enter',
  'Escape',
  'Tab',
  'Backspace',
  'Delete',
  'Space',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
]);

/**
 * Splits a key name; throws an error naming the key when it is not one that
 * prosemirror-keymap and Electron both understand.
 */
export function parseKey(name: string): ParsedKey {
  // The key itself may be `-` (`Mod--`): split on dashes that are not last.
  const parts = name.split(/-(?!$)/);
  const key = parts.pop() ?? '';
  const parsed = { mod: false, ctrl: false, meta: false, alt: false, shift: false };
  for (const part of parts) {
    const modifier = MODIFIERS[part];
    if (!modifier) throw new Error(`Unknown modifier “${part}” in the key “${name}”.`);
    if (parsed[modifier]) throw new Error(`The modifier “${part}” appears twice in the key “${name}”.`);
    parsed[modifier] = true;
  }
  if (!(key.length === 1 || NAMED_KEYS.has(key) || /^F([1-9]|1\d|2[0-4])$/.test(key))) {
    throw new Error(`Unknown key “${key}” in “${name}”: use one character or a name such as Enter, ArrowDown or F6.`);
  }
  return { ...parsed, key };
}

/**
 * One spelling per key, for comparing keys written differently (`Shift-Mod-z` and
 * `Mod-Shift-Z` are one key; on macOS `Mod` is `Cmd`, elsewhere `Ctrl`).
 */
export function normalKey(name: string, mac = false): string {
  const k = parseKey(name);
  const ctrl = k.ctrl || (k.mod && !mac);
  const meta = k.meta || (k.mod && mac);
  return [ctrl && 'Ctrl', meta && 'Meta', k.alt && 'Alt', k.shift && 'Shift', k.key.length === 1 ? k.key.toLowerCase() : k.key]
    .filter(Boolean)
    .join('-');
}

const SHOWN: Record<string, [string, string]> = {
  ArrowDown: ['↓', '↓'],
  ArrowUp: ['↑', '↑'],
  ArrowLeft: ['←', '←'],
  ArrowRight: ['→', '→'],
  Enter: ['Enter', '↩'],
  Escape: ['Esc', 'Esc'],
};

/** A key name as people read it: `Mod-Shift-k` → `Ctrl+Shift+K`, or `⌘⇧K` on macOS. */
export function displayKey(name: string, mac: boolean): string {
  const k = parseKey(name);
  const parts: string[] = [];
  if (k.mod) parts.push(mac ? '⌘' : 'Ctrl');
  if (k.ctrl) parts.push(mac ? '⌃' : 'Ctrl');
  if (k.meta) parts.push(mac ? '⌘' : 'Meta');
  if (k.alt) parts.push(mac ? '⌥' : 'Alt');
  if (k.shift) parts.push(mac ? '⇧' : 'Shift');
  const shown = SHOWN[k.key];
  parts.push(shown ? shown[mac ? 1 : 0] : k.key.length === 1 ? k.key.toUpperCase() : k.key);
  return parts.join(mac ? '' : '+');
}

const ACCELERATOR_KEYS: Record<string, string> = {
  ArrowDown: 'Down',
  ArrowUp: 'Up',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  '+': 'Plus',
  ' ': 'Space',
};

/** A key name as an Electron menu accelerator: `Mod-Alt-Shift-a` → `CmdOrCtrl+Alt+Shift+A`. */
export function menuAccelerator(name: string): string {
  const k = parseKey(name);
  const parts: string[] = [];
  if (k.mod) parts.push('CmdOrCtrl');
  if (k.ctrl) parts.push('Ctrl');
  if (k.meta) parts.push('Cmd');
  if (k.alt) parts.push('Alt');
  if (k.shift) parts.push('Shift');
  parts.push(ACCELERATOR_KEYS[k.key] ?? (k.key.length === 1 ? k.key.toUpperCase() : k.key));
  return parts.join('+');
}

/** A key name in `aria-keyshortcuts` syntax: `Mod-Shift-k` → `Control+Shift+K` (`Meta+…` on macOS). */
export function ariaKeyShortcut(name: string, mac: boolean): string {
  const k = parseKey(name);
  const parts: string[] = [];
  if (k.mod) parts.push(mac ? 'Meta' : 'Control');
  if (k.ctrl) parts.push('Control');
  if (k.meta) parts.push('Meta');
  if (k.alt) parts.push('Alt');
  if (k.shift) parts.push('Shift');
  parts.push(k.key.length === 1 ? k.key.toUpperCase() : k.key);
  return parts.join('+');
}
