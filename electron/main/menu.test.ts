import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, isCommandId, type CommandSpec } from '../../shared/commands';
import { menuTemplate } from './menu-template';

function build(platform = 'linux', isDev = false) {
  const sent: string[] = [];
  const template = menuTemplate({ platform, isDev, send: (id) => sent.push(id) });
  return { template, sent };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no menu ${label}`);
  return menu.submenu;
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
}

/** A menu as text: labels, roles, `—` for separators. */
function outline(list: MenuItemConstructorOptions[]): string[] {
  return list.map((item) => (item.type === 'separator' ? '—' : (item.label ?? `(${item.role})`)));
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('the native menu built from the command table', () => {
  it('has one item for each command the table places in a menu, and it sends that command’s id', () => {
    const { template, sent } = build();
    const placed = (COMMANDS as readonly CommandSpec[]).filter((c) => c.menu);
    expect(placed.length).toBeGreaterThan(20);
    for (const command of placed) {
      const matching = items(template).filter((item) => item.label === command.menu!.label);
      expect(matching, command.id).toHaveLength(1);
      sent.length = 0;
      click(matching[0]);
      expect(sent).toEqual([command.id]);
    }
  });

  it('sends nothing that is not a command of the table', () => {
    const { template, sent } = build('linux', true);
    for (const item of items(template)) if (item.click) click(item);
    expect(sent.length).toBeGreaterThan(20);
    for (const id of sent) expect(isCommandId(id), id).toBe(true);
  });

  it('keeps its menus in order, sections between separators, Electron’s roles where they were', () => {
    const { template } = build();
    expect(template.map((m) => m.label ?? `(${m.role})`)).toEqual(['&File', '&Edit', '&Restore', '&View', '(windowMenu)']);
    expect(outline(submenu(template, '&File'))).toEqual(['New Project…', 'Open Project…', 'Current Editor…', '—', 'Import…', 'Export…', '—', 'Save Now', 'Document History…', '—', '(quit)']);
    expect(outline(submenu(template, '&Edit'))).toEqual([
      'Undo',
      'Redo',
      '—',
      '(cut)',
      '(copy)',
      '(paste)',
      '(pasteAndMatchStyle)',
      '(selectAll)',
      '—',
      'Mark Insertion',
      'Change Insertion Kind',
      'Correct…',
      'Revert Correction',
      'Insert Footnote',
      '—',
      'Split Row',
      'Merge with Next Row',
      'Move Last Witness Line Down',
      'Pull Next Witness Line Up',
      'Split Witness Line',
      'Join Witness Line',
      'Propose Sentence Rows',
      'Accept Sentence Rows',
      'Mark Rows Draft',
      'Mark Rows Reviewed',
      'Mark Rows Approved',
      '—',
      'Next Row in State',
      'Previous Row in State',
      'Choose Row State',
      'Show Only Rows in State',
      'Check Project',
      'Apply Quality Fix',
      'Find…',
      'Replace…',
      'Find in Project…',
      'Find Next',
      'Find Previous',
      'Find in Documents',
    ]);
    expect(outline(submenu(template, '&View'))).toEqual([
      'Document Details',
      'Footnotes Panel',
      'Corrections Panel',
      'Glossary Panel',
      'Quality Checks Panel',
      'Keyboard Shortcuts',
      '—',
      '(resetZoom)',
      '(zoomIn)',
      '(zoomOut)',
      '—',
      '(togglefullscreen)',
    ]);
  });

  it('shows the accelerators the table gives, converted from its key names, and none where it gives none', () => {
    const { template } = build();
    const accelerator = (label: string) => items(template).find((item) => item.label === label)?.accelerator;
    expect(accelerator('Correct…')).toBe('CmdOrCtrl+Shift+K');
    expect(accelerator('Auto-fill All Empty Rows')).toBe('CmdOrCtrl+Alt+Shift+A');
    expect(accelerator('Mark Insertion')).toBe('CmdOrCtrl+[');
    expect(accelerator('Keyboard Shortcuts')).toBe('F1');
    // The shortcut table and the README say Ctrl+P; the menu now agrees.
    expect(accelerator('Find in Documents')).toBe('CmdOrCtrl+P');
    expect(accelerator('Redo')).toBe('CmdOrCtrl+Y');
    expect(accelerator('Split Row')).toBeUndefined();
  });

  it('on macOS: the app menu first, Close instead of Quit, ⌘⇧Z for Redo', () => {
    const { template } = build('darwin');
    expect(template[0]).toEqual({ role: 'appMenu' });
    const file = submenu(template, '&File');
    expect(file[file.length - 1]).toEqual({ role: 'close' });
    expect(submenu(template, '&Edit').find((item) => item.label === 'Redo')?.accelerator).toBe('CmdOrCtrl+Shift+Z');
  });

  it('offers the developer tools only in development', () => {
    const roles = (isDev: boolean) => submenu(build('linux', isDev).template, '&View').map((item) => item.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });
});
