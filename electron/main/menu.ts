/**
 * The native menus. Commands that act on the document are sent to the renderer
 * (see renderer/src/menu-commands.ts); the rest are handled here.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL } from '../../shared/ipc/names';

export function buildMenu(getWindow: () => BrowserWindow | null, isDev: boolean): Menu {
  const send = (command: string) => () => getWindow()?.webContents.send(MENU_CHANNEL, command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        // Switching projects goes through the renderer, which saves pending edits first.
        { label: 'New Project…', accelerator: 'CmdOrCtrl+Shift+N', click: send('new-project') },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: send('open-project') },
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
      label: '&Restore',
      submenu: [
        { label: 'Auto-fill Row from Witness', accelerator: 'CmdOrCtrl+Alt+A', click: send('autofill') },
        { label: 'Auto-fill All Empty Rows', accelerator: 'CmdOrCtrl+Alt+Shift+A', click: send('autofill-all') },
        { label: 'Accept Proposal', accelerator: 'CmdOrCtrl+Alt+Y', click: send('accept-proposal') },
        { label: 'Accept All Proposals in Row', accelerator: 'CmdOrCtrl+Alt+Shift+Y', click: send('accept-row-proposals') },
        { type: 'separator' },
        { label: 'Repair Encoding', accelerator: 'CmdOrCtrl+Alt+R', click: send('repair-encoding') },
        { label: 'Add Selection to Glossary…', click: send('add-to-glossary') },
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
