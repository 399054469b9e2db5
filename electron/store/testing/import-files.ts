/**
 * The store's tests import through the store alone: files parsed in this
 * process by the pure importers, then `addDocuments` (the handler's
 * `importInto` adds the import worker, which is not what these tests are about).
 */
import { importFile } from '../../../shared/import';
import type { ProjectStore } from '../project-store';

/** Parses `files` and adds them to `store` as one batch; throws naming the first file that fails. */
export async function importFiles(store: ProjectStore, files: { name: string; bytes: Uint8Array }[]): Promise<{ imported: { id: string; title: string }[] }> {
  const documents = files.flatMap((file) => {
    const result = importFile(file);
    if (!result.ok) throw new Error(`${file.name}: ${result.error}`);
    return result.documents ?? [result.document];
  });
  return { imported: await store.addDocuments(documents) };
}
