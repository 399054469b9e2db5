/**
 * Security policy for every web contents, in one place: no navigation away from
 * the app, no new windows, no webviews, no permissions, no spell-check
 * dictionaries from the network, and a CSP header on everything the session serves.
 */
import { app, session, type WebContents } from 'electron';
import { keepSpellcheckOffline } from './spellcheck';

/** The Content-Security-Policy of the app's pages. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function lockDown(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies the policy; `isAppUrl` says which URLs are the app's own pages. */
export function applySecurityPolicy(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents, isAppUrl));
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  keepSpellcheckOffline(ses, app.getPath('userData'));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}
