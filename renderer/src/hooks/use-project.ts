/**
 * The open project as the window knows it: its folder, name, document summaries
 * and damaged files, loaded from the app; a saved document updates its summary.
 */
import { useCallback, useState } from 'react';
import type { DocumentSummary, FileProblem } from '../../../shared/ipc/contract';
import { restorationCounts } from '../../../shared/model/stats';
import { api, errorMessage, hasBridge } from '../api';
import type { SavePayload } from '../save-registry';
import { editorCounts } from '../document-saver';

export interface ProjectState {
  dir: string;
  name: string;
  documents: DocumentSummary[];
  problems: FileProblem[];
}

export function useProject() {
  const [project, setProject] = useState<ProjectState | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** (Re)loads the project; resolves to it, or null with the error shown. */
  const load = useCallback(async (): Promise<ProjectState | null> => {
    if (!hasBridge()) {
      setError('This window is not connected to the Interlinea app.');
      return null;
    }
    try {
      const [info, list] = await Promise.all([api.projectInfo(), api.listDocuments()]);
      const problems = [...list.problems];
      for (const p of info.problems) if (!problems.some((q) => q.file === p.file)) problems.push(p);
      const next = { dir: info.dir, name: info.name, documents: list.documents, problems };
      setProject(next);
      setError(null);
      return next;
    } catch (err) {
      setError(errorMessage(err));
      return null;
    }
  }, []);

  /** A document was saved: its title, date and progress in the list follow. */
  const documentSaved = useCallback((payload: SavePayload) => {
    // The editor's row states are kept per row: counting them is a walk, not a check of every row.
    const counts = payload.doc ? editorCounts(payload.doc) : restorationCounts(payload.body);
    setProject(
      (current) =>
        current && {
          ...current,
          documents: current.documents.map((d) =>
            d.id === payload.id ? { ...d, title: payload.meta.title, date: payload.meta.date, ...counts } : d,
          ),
        },
    );
  }, []);

  return { project, error, load, documentSaved };
}
