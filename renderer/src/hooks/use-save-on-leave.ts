/**
 * Saving on leaving: when the window loses the focus, is hidden or closes. In the
 * app, closing with unsaved edits waits for the save.
 */
import { useEffect } from 'react';
import type { SaveRegistry } from '../save-registry';
import type { NoticeStore } from '../notices';

/** True inside the desktop app (Electron's renderer), false in a plain browser (the tests). */
function isElectron(): boolean {
  return /\bElectron\//.test(navigator.userAgent);
}

export function useSaveOnLeave(registry: SaveRegistry, notify: NoticeStore['notify']): void {
  useEffect(() => {
    const flush = () => void registry.flushAll();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    let closing = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isElectron() || closing || !registry.unsaved().length) {
        flush();
        return;
      }
      // In the app, closing (or quitting) with unsaved edits waits for the save:
      // Electron cancels the close silently (no dialog), the save runs, then the
      // window closes itself. If the save fails, the window stays open, edits kept.
      event.preventDefault();
      event.returnValue = '';
      closing = true;
      void registry.flushAll().then(() => {
        if (!registry.unsaved().length) window.close();
        else {
          closing = false;
          notify({ kind: 'error', text: 'The window stays open: some changes could not be saved yet (see the save state). Saving is retried.' });
        }
      });
    };
    window.addEventListener('blur', flush);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', flush);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [registry, notify]);
}
