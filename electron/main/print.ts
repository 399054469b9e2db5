/**
 * PDF printing inside the app: the edition's print HTML loaded from a temporary
 * file into a hidden, sandboxed window with its own session that may load
 * nothing but that file, then `webContents.printToPDF`. JavaScript is on in this
 * window only, for the paginator of page-foot notes (`shared/export/paginator.ts`):
 * the page's CSP lets exactly that inline script run (`script-src 'sha256-…'`),
 * no handler attribute, no other script, no request; it runs synchronously at
 * the end of the body, so it has finished when `loadURL` resolves (load event). Page
 * numbers come from the HTML's CSS `@page` margin boxes (Chromium 131+; Electron
 * 41 ships a newer one), so no Electron header or footer template is used.
 *
 * Glue only: it cannot run without the Electron binary, so it stays this small.
 */
import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withPageSize, type PdfPrinter } from '../export/pdf';

const PARTITION = 'interlinea-print';
/** Files being printed: the print session may load these and nothing else. */
const allowed = new Set<string>();
let sessionReady = false;

function printSession(): Electron.Session {
  const ses = session.fromPartition(PARTITION, { cache: false });
  if (!sessionReady) {
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    // Scripts run in this session (the paginator): no permission is ever granted or reported granted.
    ses.setPermissionCheckHandler(() => false);
    ses.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !allowed.has(details.url.split('#')[0]) }),
    );
    sessionReady = true;
  }
  return ses;
}

/** Prints print-ready HTML to PDF in a hidden window (a {@link PdfPrinter}). */
export const printPdfWithElectron: PdfPrinter = async (html, { pageSize }) => {
  const dir = await mkdtemp(join(tmpdir(), 'interlinea-print-'));
  const file = join(dir, 'edition.html');
  const fileUrl = pathToFileURL(file).href;
  let win: BrowserWindow | null = null;
  try {
    await writeFile(file, withPageSize(html, pageSize), 'utf8');
    allowed.add(fileUrl);
    win = new BrowserWindow({
      show: false,
      webPreferences: {
        session: printSession(),
        sandbox: true,
        // For the paginator only: the file's CSP allows that one script by its hash, and the
        // session loads nothing but this file (no preload, no Node, no navigation, no window.open).
        javascript: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    await win.loadURL(fileUrl);
    const pdf = await win.webContents.printToPDF({
      pageSize,
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      generateDocumentOutline: true,
    });
    return new Uint8Array(pdf);
  } finally {
    allowed.delete(fileUrl);
    win?.destroy();
    await rm(dir, { recursive: true, force: true });
  }
};
