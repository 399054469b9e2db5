/**
 * The window's saving: one registry of autosaves (renderer/src/save-registry.ts)
 * that saves through the app (the changed rows where it can: document-saver.ts),
 * re-rendering when what is unsaved changes.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { api } from '../api';
import { SaveRegistry, type SavePayload } from '../save-registry';
import { saveDocumentPayload } from '../document-saver';
import { notices } from '../window-services';

export function useSaveRegistry(onSaved: (payload: SavePayload) => void): SaveRegistry {
  const registry = useMemo(
    () =>
      new SaveRegistry((payload) =>
        saveDocumentPayload(api, payload).then((result) => {
          onSaved(payload);
          // Saved, but something the user should know (the version it replaced could not be kept in the history).
          for (const text of result.warnings ?? []) notices.notify({ kind: 'error', text });
          return result;
        }),
      ),
    [onSaved],
  );
  useSyncExternalStore(registry.subscribe, registry.getVersion);
  return registry;
}
