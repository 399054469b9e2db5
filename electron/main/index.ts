/**
 * The Electron main process: one window, the project store, the handler table
 * registered on IPC, native menus. Everything that is not a window lives in
 * modules the CLI and the tests share; this file only glues them to Electron.
 */
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { join } from 'node:path';
import { applySecurityPolicy } from './security';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { createMainWindow, isAppUrl } from './window';
import { SettingsFile } from './settings';
import { requestedProjectDir } from './project-choice';
import { printPdfWithElectron } from './print';
import { createHandlers } from '../handlers';
import { ProjectStore } from '../store/project-store';
import { openOrCreateDefaultProject } from '../store/default-project';
import { writeFileDurable } from '../store/durable-file';
import { UserError } from '../../shared/errors';

const HOLDER = 'the Interlinea app';
let store: ProjectStore | null = null;
let win: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first window instead of fighting for the project.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  void app.whenReady().then(start);
}

function warn(message: string): void {
  const options = { type: 'warning' as const, title: 'Interlinea', message };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

/**
 * Says how a project was opened when the user should know (read-only); it also stays in the
 * document list. What arrives later (the backup, taken in the background after the list was
 * shown, failed) is said when it arrives, and projectInfo answers with it from then on.
 */
function showNotices(opened: ProjectStore): void {
  opened.onNotice((notice) => {
    if (store === opened) warn(notice.message);
  });
  if (opened.notices.length) warn(opened.notices.map((n) => n.message).join('\n\n'));
}

async function switchProject(dir: string, settings: SettingsFile, create = false): Promise<string> {
  // The backup is taken in the background once the window has the list (project-store.ts); closing cancels it.
  const next = await ProjectStore.open(dir, { write: true, create, holder: HOLDER, backup: create ? false : 'background', readOnlyIfUnwritable: true });
  await store?.close();
  store = next;
  // Remembering it (the user-data disk may be full) is no reason not to switch.
  await settings.touchProject(next.dir).catch(() => undefined);
  showNotices(next);
  return next.dir;
}

async function start(): Promise<void> {
  applySecurityPolicy(isAppUrl);
  const settings = new SettingsFile(app.getPath('userData'));
  const settingsProblem = await settings.load();

  const defaultDir = join(app.getPath('userData'), 'Default Project');
  try {
    const last = settings.value.lastProject;
    store =
      last && last !== defaultDir
        ? await ProjectStore.open(last, { write: true, holder: HOLDER, backup: 'background', readOnlyIfUnwritable: true })
        : await openOrCreateDefaultProject(defaultDir, HOLDER, 'background');
  } catch (err) {
    // The last project is gone, damaged or locked: say so, and open the default one.
    dialog.showErrorBox('Interlinea', (err as Error).message);
    store = await openOrCreateDefaultProject(defaultDir, HOLDER, 'background').catch((inner: Error) => {
      dialog.showErrorBox('Interlinea', inner.message);
      return null;
    });
  }
  if (store) await settings.touchProject(store.dir).catch(() => undefined);
  if (settingsProblem) dialog.showErrorBox('Interlinea', settingsProblem);
  if (store) showNotices(store);

  async function chooseProject(dir?: string): Promise<string | null> {
    // A path from the window is opened only when the user chose it before (project-choice.ts).
    let target = dir === undefined ? undefined : requestedProjectDir(dir, settings.value.recentProjects);
    if (!target) {
      const result = await dialog.showOpenDialog(win!, { title: 'Open Project', properties: ['openDirectory'] });
      if (result.canceled || !result.filePaths[0]) return null;
      target = result.filePaths[0];
    }
    try {
      return await switchProject(target, settings);
    } catch (err) {
      dialog.showErrorBox('Interlinea', (err as Error).message);
      return null;
    }
  }

  async function chooseNewProject(): Promise<string | null> {
    const result = await dialog.showOpenDialog(win!, { title: 'New Project: choose an empty folder', properties: ['openDirectory', 'createDirectory'] });
    if (result.canceled || !result.filePaths[0]) return null;
    try {
      return await switchProject(result.filePaths[0], settings, true);
    } catch (err) {
      dialog.showErrorBox('Interlinea', (err as Error).message);
      return null;
    }
  }

  const handlers = createHandlers({
    store: () => {
      if (!store) throw new UserError('No project is open: use File > Open Project', 'no-project');
      return store;
    },
    printPdf: printPdfWithElectron,
    platform: {
      async chooseSavePath(suggestedName) {
        const result = await dialog.showSaveDialog(win!, { title: 'Export', defaultPath: suggestedName });
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      async chooseFiles() {
        const result = await dialog.showOpenDialog(win!, {
          title: 'Import',
          properties: ['openFile', 'multiSelections'],
          filters: [{ name: 'Archive pages', extensions: ['txt', 'md', 'html', 'htm', 'xml'] }, { name: 'All files', extensions: ['*'] }],
        });
        return result.canceled ? [] : result.filePaths;
      },
      openProject: chooseProject,
      newProject: chooseNewProject,
      recentProjects: async () => settings.value.recentProjects,
      writeFile: (path, bytes) => writeFileDurable(path, bytes),
    },
  });
  registerIpc(handlers, isAppUrl);
  Menu.setApplicationMenu(buildMenu(() => win, !app.isPackaged));
  win = createMainWindow(settings);
  win.on('closed', () => {
    win = null;
  });
}

app.on('window-all-closed', () => {
  void store?.close().finally(() => app.quit());
});
