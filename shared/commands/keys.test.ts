import { describe, expect, it } from 'vitest';
import { ariaKeyShortcut, displayKey, menuAccelerator, normalKey, parseKey } from './keys';

describe('key names', () => {
  it('are shown as people read them, modifiers in the usual order whatever the name’s order', () => {
    expect(displayKey('Shift-Mod-z', false)).toBe('Ctrl+Shift+Z');
    expect(displayKey('Mod-Alt-f', false)).toBe('Ctrl+Alt+F');
    expect(displayKey('Mod-[', false)).toBe('Ctrl+[');
    expect(displayKey('Alt-Shift-ArrowDown', false)).toBe('Alt+Shift+↓');
    expect(displayKey('Escape', false)).toBe('Esc');
    expect(displayKey('Mod-Shift-k', true)).toBe('⌘⇧K');
    expect(displayKey('Mod-Enter', true)).toBe('⌘↩');
  });

  it('become Electron accelerators: Mod is CmdOrCtrl, arrows lose their prefix, letters are capitals', () => {
    expect(menuAccelerator('Mod-Shift-k')).toBe('CmdOrCtrl+Shift+K');
    expect(menuAccelerator('Shift-Mod-z')).toBe('CmdOrCtrl+Shift+Z');
    expect(menuAccelerator('Mod-Alt-Shift-a')).toBe('CmdOrCtrl+Alt+Shift+A');
    expect(menuAccelerator('Mod-[')).toBe('CmdOrCtrl+[');
    expect(menuAccelerator('Alt-Shift-ArrowDown')).toBe('Alt+Shift+Down');
    expect(menuAccelerator('F1')).toBe('F1');
    expect(menuAccelerator('Mod-+')).toBe('CmdOrCtrl+Plus');
    expect(menuAccelerator('Ctrl-Enter')).toBe('Ctrl+Enter');
  });

  it('become aria-keyshortcuts values', () => {
    expect(ariaKeyShortcut('Mod-Shift-k', false)).toBe('Control+Shift+K');
    expect(ariaKeyShortcut('Mod-Shift-k', true)).toBe('Meta+Shift+K');
    expect(ariaKeyShortcut('Alt-ArrowUp', false)).toBe('Alt+ArrowUp');
  });

  it('compare equal however their modifiers are ordered or their letter cased', () => {
    expect(normalKey('Shift-Mod-z')).toBe(normalKey('Mod-Shift-Z'));
    expect(normalKey('Mod-z')).not.toBe(normalKey('Mod-Shift-z'));
    expect(normalKey('Mod-y', true)).toBe('Meta-y');
    expect(normalKey('Mod-y', false)).toBe('Ctrl-y');
  });

  it('are refused with the reason when a modifier or the key is unknown', () => {
    expect(() => parseKey('Hyper-k')).toThrow(/Unknown modifier “Hyper” in the key “Hyper-k”/);
    expect(() => parseKey('Mod-Down')).toThrow(/Unknown key “Down”/);
    expect(() => parseKey('Shift-Shift-a')).toThrow(/appears twice/);
    expect(parseKey('Mod--')).toMatchObject({ mod: true, key: '-' });
  });
});
