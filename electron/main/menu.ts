/**
 * The native menus. Commands that act on the document are sent to the renderer
 * (see renderer/src/menu-commands.ts); the rest are handled here.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL } from '../../shared/ipc/names';

export interface MenuActions {
  newProject(): void;
  openProject(dir?: string): void;
  recentProjects(): string[];
}

export function buildMenu(getWindow: () => BrowserWindow | null, actions: MenuActions, isDev: boolean): Menu {
  const send = (command: string) => () => getWindow()?.webContents.send(MENU_CHANNEL, command);
  const isMac = process.platform === 'darwin';
  const recent = actions.recentProjects();
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newProject() },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
        {
          label: 'Open Recent',
          enabled: recent.length > 0,
          submenu: recent.map((dir) => ({ label: dir, click: () => actions.openProject(dir) })),
        },
        { type: 'separator' },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: send('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        { label: 'Save Now', accelerator: 'CmdOrCtrl+S', click: send('save') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: 'Redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Mark Insertion', accelerator: 'CmdOrCtrl+[', click: send('insertion') },
        { label: 'Change Insertion Kind', click: send('insertion-kind') },
        { label: 'Correct…', accelerator: 'CmdOrCtrl+Shift+K', click: send('correction') },
        { label: 'Revert Correction', click: send('revert-correction') },
        { label: 'Insert Footnote', accelerator: 'CmdOrCtrl+Alt+F', click: send('footnote') },
        { type: 'separator' },
        { label: 'Split Row', click: send('split-segment') },
        { label: 'Merge with Next Row', click: send('merge-segment') },
        { label: 'Move Last Witness Line Down', click: send('witness-line-down') },
        { label: 'Pull Next Witness Line Up', click: send('witness-line-up') },
        { type: 'separator' },
        { label: 'Find in Documents', accelerator: 'CmdOrCtrl+Shift+F', click: send('filter') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Document Details', click: send('toggle-details') },
        { label: 'Footnotes Panel', click: send('panel-footnotes') },
        { label: 'Corrections Panel', click: send('panel-corrections') },
        { label: 'Glossary Panel', click: send('panel-glossary') },
        { label: 'Keyboard Shortcuts', accelerator: 'F1', click: send('help') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDev ? [{ role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
