/**
 * The main window: secure web preferences (kept an inline literal so security
 * scanners can read them), remembered bounds, and the app's own URL.
 */
import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SettingsFile } from './settings';
import { spellcheckAllowed } from './spellcheck';

/** URL of the renderer: the dev server in `npm run dev`, the built page otherwise. */
export function rendererUrl(): string {
  const dev = process.env['ELECTRON_RENDERER_URL'];
  return dev ? dev : pathToFileURL(join(__dirname, '../renderer/index.html')).href;
}

/** True for the app's own pages and nothing else. */
export function isAppUrl(url: string): boolean {
  const own = rendererUrl();
  if (process.env['ELECTRON_RENDERER_URL']) return new URL(url, own).origin === new URL(own).origin;
  return url.split('#')[0].split('?')[0] === own;
}

function visible(bounds: { x?: number; y?: number; width: number; height: number }): boolean {
  if (bounds.x === undefined || bounds.y === undefined) return true;
  return screen.getAllDisplays().some((d) => {
    const a = d.workArea;
    return bounds.x! < a.x + a.width && bounds.x! + bounds.width > a.x && bounds.y! < a.y + a.height && bounds.y! + bounds.height > a.y;
  });
}

export function createMainWindow(settings: SettingsFile): BrowserWindow {
  const saved = settings.value.window;
  const bounds = saved && visible(saved) ? saved : { width: 1400, height: 900 };
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Interlinea',
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: spellcheckAllowed(process.platform),
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const b = win.getNormalBounds();
    void settings.update((s) => {
      s.window = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
    });
  };
  let timer: NodeJS.Timeout | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(remember, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', remember);
  void win.loadURL(rendererUrl());
  return win;
}
