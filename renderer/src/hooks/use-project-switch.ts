/**
 * Opening another project or creating one: pending edits are saved first, then the
 * app switches, then the window reloads the project and opens the document last
 * open in it.
 */
import { useCallback } from 'react';
import { api, errorMessage } from '../api';
import { showRememberedDocument } from '../navigation';
import type { SaveRegistry } from '../save-registry';
import type { NoticeStore } from '../notices';
import type { ProjectState } from './use-project';

interface Options {
  registry: SaveRegistry;
  load(): Promise<ProjectState | null>;
  closeDocument(): void;
  notify: NoticeStore['notify'];
}

export function useProjectSwitch({ registry, load, closeDocument, notify }: Options) {
  const projectChanged = useCallback(async () => {
    const unsaved = registry.unsaved();
    if (unsaved.length) {
      notify({ kind: 'error', text: `Changes to ${unsaved.length} document(s) of the previous project could not be saved before it was closed.` });
    }
    registry.clear();
    closeDocument();
    const loaded = await load();
    if (loaded) showRememberedDocument(loaded);
  }, [registry, load, closeDocument, notify]);

  return useCallback(
    async (how: 'open' | 'new', dir?: string) => {
      await registry.flushAll();
      try {
        const result = how === 'new' ? await api.newProject({}) : await api.openProject({ dir });
        if (result.dir) await projectChanged();
      } catch (err) {
        notify({ kind: 'error', text: errorMessage(err) });
      }
    },
    [registry, notify, projectChanged],
  );
}
