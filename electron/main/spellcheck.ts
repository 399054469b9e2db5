/**
 * The spell checker, without the network. On Windows and Linux, Chromium's
 * spell checker downloads its Hunspell dictionaries from Google's servers; on
 * macOS it uses the system's own dictionaries. Interlinea sends nothing off the
 * machine, so the checker is on only where it needs no download.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Session } from 'electron';

/** True where the spell checker works without downloading dictionaries. */
export function spellcheckAllowed(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}

/** Switches the session's spell checker off where it would download, and points any download at nowhere. */
export function keepSpellcheckOffline(ses: Session, userData: string): void {
  if (spellcheckAllowed(process.platform)) return;
  ses.setSpellCheckerEnabled(false);
  // Should anything turn it on again: a local folder with no dictionaries, never a server.
  ses.setSpellCheckerDictionaryDownloadURL(pathToFileURL(join(userData, 'no-dictionaries')).href + '/');
}
