import { describe, expect, it, vi } from 'vitest';
import type { Transaction } from 'prosemirror-state';
import { COMMANDS, type CommandId, type CommandSpec } from '../../../shared/commands';
import { keyBindings } from '../../editor/keymap';
import { doc, en, ko, seg, stateFor, wit } from '../../editor/test-builders';
import { BINDINGS, editorCommands, type AppActions, type EditorDeps, type PaneActions } from './bindings';
import { runCommand, windowKeyHandler, windowKeys } from './run';

const table: readonly CommandSpec[] = COMMANDS;

function deps(): EditorDeps & { notices: string[]; corrections: number } {
  const result = {
    notices: [] as string[],
    corrections: 0,
    restore: {
      glossary: { list: () => [] },
      ui: { notify: (_kind: string, text: string) => void result.notices.push(text), requestGlossaryAdd: () => undefined },
    },
    pane: { openCorrection: () => void result.corrections++ },
  };
  return result;
}

function appActions(): AppActions & { calls: string[] } {
  const calls: string[] = [];
  const record = (name: string) => () => void calls.push(name);
  return {
    calls,
    newProject: record('newProject'),
    openProject: record('openProject'),
    import: record('import'),
    export: record('export'),
    save: record('save'),
    documentHistory: record('documentHistory'),
    findDocument: record('findDocument'),
    find: (mode) => void calls.push(`find:${mode}`),
    findNext: (dir) => void calls.push(`findNext:${dir}`),
    nextRegion: record('nextRegion'),
    previousRegion: record('previousRegion'),
    help: record('help'),
  };
}

/** A keydown as the browser gives it (enough of it for prosemirror-keymap). */
function keydown(key: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}): KeyboardEvent {
  const keyCode = key.length === 1 ? key.toUpperCase().charCodeAt(0) : key === 'F6' ? 117 : key === 'F1' ? 112 : 0;
  return { key, keyCode, ctrlKey: !!mods.ctrl, shiftKey: !!mods.shift, altKey: !!mods.alt, metaKey: false } as KeyboardEvent;
}

describe('the renderer’s command bindings', () => {
  it('bind every command of the table, and nothing the table does not have', () => {
    expect(Object.keys(BINDINGS).sort()).toEqual(table.map((c) => c.id).sort());
  });

  it('leave no key of the table unbound: the editor keymap, the window or a named plugin takes each', () => {
    const editorKeys = keyBindings(editorCommands(deps()));
    const appKeys = windowKeys();
    for (const c of table) {
      const binding = BINDINGS[c.id as CommandId];
      for (const key of c.keys ?? []) {
        if (binding.kind === 'editor') expect(editorKeys[key], `${c.id}: ${key}`).toBeTypeOf('function');
        else if (binding.kind === 'plugin') expect(binding.handledBy, c.id).not.toBe('');
        else expect(appKeys.get(key), `${c.id}: ${key}`).toBe(c.id);
      }
    }
  });

  it('put in the menu and the toolbar only commands they can run (not keys a plugin handles)', () => {
    for (const c of table) {
      if (c.menu || c.toolbar) expect(BINDINGS[c.id as CommandId].kind, c.id).not.toBe('plugin');
    }
  });

  it('give editor commands what they need: the correction form, the window’s notices', () => {
    const d = deps();
    const commands = editorCommands(d);
    const dispatched: Transaction[] = [];
    // Auto-fill in a row whose restoration is not empty: nothing to fill, and a notice says why.
    const filled = stateFor(doc(seg(en('In <a>1960'), wit('1960'), ko('1960년'))));
    expect(commands.autofill!(filled, (tr) => dispatched.push(tr))).toBe(false);
    expect(d.notices).toEqual(['Nothing to auto-fill: auto-fill only fills empty restorations.']);
    // Correct… only opens the form where a correction applies (not with an empty selection).
    expect(commands.correct!(filled, () => undefined)).toBe(false);
    expect(d.corrections).toBe(0);
    expect(dispatched).toEqual([]);
  });
});

describe('running a command by id', () => {
  it('runs window actions, pane actions only with a document open, editor commands in the open document', () => {
    const app = appActions();
    const pane: PaneActions = { openCorrection: vi.fn(), toggleDetails: vi.fn(), showPanel: vi.fn() };
    const runEditor = vi.fn(() => true);
    expect(runCommand('findDocument', { app, pane: null })).toBe(true);
    expect(app.calls).toEqual(['findDocument']);
    expect(runCommand('panelCorrections', { app, pane: null })).toBe(false);
    expect(runCommand('panelCorrections', { app, pane: { actions: pane, runEditor } })).toBe(true);
    expect(pane.showPanel).toHaveBeenCalledWith('corrections');
    expect(runCommand('footnote', { app, pane: null })).toBe(false);
    expect(runCommand('footnote', { app, pane: { actions: pane, runEditor } })).toBe(true);
    expect(runEditor).toHaveBeenCalledWith('footnote');
  });

  it('ignores what is not a command of the table, and keys a plugin handles', () => {
    const app = appActions();
    expect(runCommand('split-segment', { app, pane: null })).toBe(false);
    expect(runCommand('acceptSuggestion', { app, pane: null })).toBe(false);
    expect(app.calls).toEqual([]);
  });

  it('takes the window’s keys from the table: Ctrl+P filters, Ctrl+S saves, F6 and Shift+F6 move, F1 helps', () => {
    const ran: string[] = [];
    const handle = windowKeyHandler((id) => ran.push(id));
    expect(handle(keydown('p', { ctrl: true }))).toBe(true);
    expect(handle(keydown('s', { ctrl: true }))).toBe(true);
    expect(handle(keydown('F6'))).toBe(true);
    expect(handle(keydown('F6', { shift: true }))).toBe(true);
    expect(handle(keydown('F1'))).toBe(true);
    expect(ran).toEqual(['findDocument', 'save', 'nextRegion', 'previousRegion', 'help']);
    // Not the window's: Ctrl+Shift+P, plain p, an editor key.
    expect(handle(keydown('P', { ctrl: true, shift: true }))).toBe(false);
    expect(handle(keydown('p'))).toBe(false);
    expect(handle(keydown('[', { ctrl: true }))).toBe(false);
    expect(ran).toHaveLength(5);
  });
});
