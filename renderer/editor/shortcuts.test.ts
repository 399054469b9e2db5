import { describe, expect, it } from 'vitest';
import { SHORTCUTS, displayKey } from './shortcuts';

describe('shortcuts', () => {
  it('are shown as people read them, modifiers in the usual order', () => {
    expect(displayKey('Shift-Mod-z', false)).toBe('Ctrl+Shift+Z');
    expect(displayKey('Mod-Alt-f', false)).toBe('Ctrl+Alt+F');
    expect(displayKey('Mod-[', false)).toBe('Ctrl+[');
    expect(displayKey('Alt-Shift-ArrowDown', false)).toBe('Alt+Shift+↓');
    expect(displayKey('Mod-Shift-k', true)).toBe('⌘⇧K');
  });

  it('never bind one key to two commands', () => {
    const seen = new Map<string, string>();
    const normal = (key: string) => {
      const parts = key.split(/-(?!$)/);
      const last = parts.pop()!;
      return [...parts.sort(), last.toLowerCase()].join('-');
    };
    for (const [name, shortcut] of Object.entries(SHORTCUTS)) {
      for (const key of shortcut.keys) {
        const k = normal(key);
        expect(seen.get(k), `${key} is bound to both ${seen.get(k)} and ${name}`).toBeUndefined();
        seen.set(k, name);
      }
    }
  });
});
