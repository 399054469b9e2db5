import { describe, expect, it } from 'vitest';
import { COMMANDS, MENUS, commandKeys, isCommandId } from './table';
import { COMMAND_GROUPS, TOOLBAR_GROUPS, type CommandSpec } from './types';
import { normalKey, parseKey } from './keys';

const commands: readonly CommandSpec[] = COMMANDS;

describe('the command table', () => {
  it('names every command once', () => {
    const ids = commands.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(/^[a-z][A-Za-z]*$/);
    expect(isCommandId('undo')).toBe(true);
    expect(isCommandId('split-segment')).toBe(false);
  });

  it('uses only key names both prosemirror-keymap and Electron understand', () => {
    for (const c of commands) for (const key of c.keys ?? []) expect(() => parseKey(key), `${c.id}: ${key}`).not.toThrow();
  });

  it('never binds one key to two commands, on macOS or elsewhere', () => {
    for (const mac of [false, true]) {
      const seen = new Map<string, string>();
      for (const c of commands) {
        for (const key of c.keys ?? []) {
          const k = normalKey(key, mac);
          expect(seen.get(k), `${key} is bound to both ${seen.get(k)} and ${c.id}`).toBeUndefined();
          seen.set(k, c.id);
        }
      }
    }
  });

  it('gives the menu an accelerator only from the command’s own keys', () => {
    for (const c of commands) {
      const accelerator = c.menu?.accelerator;
      if (!accelerator) continue;
      const keys = typeof accelerator === 'string' ? [accelerator] : [accelerator.key, accelerator.mac];
      for (const key of keys) expect(c.keys, `${c.id}: accelerator ${key}`).toContain(key);
    }
  });

  it('places commands only in menu sections and toolbar groups that exist', () => {
    const sections = new Set(MENUS.flatMap((m) => m.sections.flatMap((s) => ('commands' in s ? [`${m.id}/${s.commands}`] : []))));
    const toolbar = new Set<string>(TOOLBAR_GROUPS.map((g) => g.id));
    for (const c of commands) {
      if (c.menu) expect(sections, c.id).toContain(`${c.menu.menu}/${c.menu.section}`);
      if (c.toolbar) expect(toolbar, c.id).toContain(c.toolbar.group);
      expect(COMMAND_GROUPS, c.id).toContain(c.group);
    }
  });

  it('leaves no menu section empty', () => {
    for (const m of MENUS) {
      for (const s of m.sections) {
        if ('commands' in s) expect(commands.some((c) => c.menu?.menu === m.id && c.menu.section === s.commands), `${m.id}/${s.commands}`).toBe(true);
      }
    }
  });

  it('agrees on the keys the README names: Ctrl+P filters the documents, F1 shows the shortcuts', () => {
    expect(commandKeys('findDocument')).toEqual(['Mod-p']);
    expect(commandKeys('help')[0]).toBe('F1');
    expect(commandKeys('toggleDetails')).toEqual([]);
  });
});
