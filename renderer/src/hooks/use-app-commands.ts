/**
 * The window's command router: runs a command of the table by id, for the native
 * menu (the app's menu channel), the window's keys and the toolbar. What each id
 * runs is in renderer/src/commands/bindings.ts.
 */
import { useCallback, useEffect, type RefObject } from 'react';
import type { CommandId } from '../../../shared/commands';
import { api } from '../api';
import type { AppActions } from '../commands/bindings';
import { runCommand, windowKeyHandler, type PaneTarget } from '../commands/run';

/** Runs commands by id; `paneRef` holds the open document, if any. */
export function useAppCommands(actions: AppActions, paneRef: RefObject<PaneTarget | null>): (id: CommandId | string) => boolean {
  const run = useCallback((id: CommandId | string) => runCommand(id, { app: actions, pane: paneRef.current }), [actions, paneRef]);

  useEffect(() => api.onMenu(run), [run]);

  // The window's own keys (the editor handles its keys first, and marks them handled).
  useEffect(() => {
    const handle = windowKeyHandler(run);
    const onKey = (event: KeyboardEvent) => {
      if (!event.defaultPrevented && handle(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  return run;
}
