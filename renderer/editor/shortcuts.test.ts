import { describe, expect, it } from 'vitest';
import { ariaKeys, displayKey, keyHint } from './shortcuts';

describe('shortcuts as the window shows them', () => {
  it('read the command table’s first key for hints, in the platform’s names', () => {
    expect(keyHint('findDocument', false)).toBe('Ctrl+P');
    expect(keyHint('correct', false)).toBe('Ctrl+Shift+K');
    expect(keyHint('correct', true)).toBe('⌘⇧K');
    expect(keyHint('toggleDetails', false)).toBe('');
  });

  it('give every key of a command to aria-keyshortcuts, and none for a menu-only command', () => {
    expect(ariaKeys('redo', false)).toBe('Control+Shift+Z Control+Y');
    expect(ariaKeys('help', true)).toBe('F1 Meta+/');
    expect(ariaKeys('panelGlossary', false)).toBeUndefined();
  });

  it('show a key outside Macs with Ctrl (the tests run on Linux)', () => {
    expect(displayKey('Mod-Alt-f')).toBe('Ctrl+Alt+F');
  });
});
