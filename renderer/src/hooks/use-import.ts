/**
 * Importing: files chosen in the app's dialog or dropped on the window go to the
 * app; the project reloads, a notice says what came in, the first one opens.
 */
import { useCallback } from 'react';
import { api, errorMessage } from '../api';
import { showDocument } from '../navigation';
import type { NoticeStore } from '../notices';

interface Options {
  reload(): Promise<unknown>;
  notify: NoticeStore['notify'];
}

export function useImport({ reload, notify }: Options) {
  const imported = useCallback(
    async (documents: { id: string; title: string }[]) => {
      if (!documents.length) return;
      await reload();
      notify({
        kind: 'success',
        text:
          documents.length === 1
            ? `Imported “${documents[0].title}”.`
            : `Imported ${documents.length} documents: ${documents.map((d) => d.title).join('; ')}.`,
      });
      showDocument(documents[0].id);
    },
    [reload, notify],
  );

  const chooseFiles = useCallback(async () => {
    try {
      const result = await api.chooseImportFiles({});
      await imported(result.imported);
    } catch (err) {
      notify({ kind: 'error', text: errorMessage(err) });
    }
  }, [imported, notify]);

  const importDropped = useCallback(
    async (files: { name: string; bytes: Uint8Array<ArrayBuffer> }[]) => {
      try {
        const result = await api.importFiles({ files });
        await imported(result.imported);
      } catch (err) {
        notify({ kind: 'error', text: errorMessage(err) });
      }
    },
    [imported, notify],
  );

  return { chooseFiles, importDropped };
}
