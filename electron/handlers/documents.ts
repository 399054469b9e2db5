/**
 * Handlers for the project and its documents: list, read, save, import.
 */
import type { HandlerTable } from '../../shared/ipc/contract';
import type { ImportResult } from '../../shared/import';
import type { ImportedDocument } from '../../shared/model/document';
import { parseImports } from '../import/run';
import { UserError } from '../../shared/errors';
import type { HandlerContext } from './index';
import type { ProjectStore } from '../store/project-store';
import { DocumentBases } from './document-changes';

type DocumentRequests = 'projectInfo' | 'listDocuments' | 'getDocument' | 'saveDocument' | 'saveDocumentChanges' | 'importFiles';

/** Parses files for import; one result per file, in order. */
export type ImportParser = (files: { name: string; bytes: Uint8Array }[]) => Promise<ImportResult[]>;

/**
 * Imports files into `store`: every file is parsed first (in the import worker,
 * in bounded memory and time: electron/import/run.ts), and if any fails nothing
 * is written and the error names each failing file.
 */
export async function importInto(
  store: ProjectStore,
  files: { name: string; bytes: Uint8Array }[],
  parse: ImportParser = parseImports,
): Promise<{ imported: { id: string; title: string }[]; warnings: string[] }> {
  const documents: ImportedDocument[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const results = await parse(files);
  for (const [i, file] of files.entries()) {
    const result = results[i];
    if (result.ok) {
      documents.push(...(result.documents ?? [result.document]));
      warnings.push(...result.warnings.map((w) => `${file.name}: ${w}`));
    } else {
      errors.push(result.error);
    }
  }
  if (errors.length) {
    throw new UserError(`${errors.join('\n')}\nNothing was imported.`, 'import-failed');
  }
  return { imported: await store.addDocuments(documents), warnings };
}

export function documentHandlers(ctx: HandlerContext): Pick<HandlerTable, DocumentRequests> {
  // The version of each open document the window's changes are to (document-changes.ts).
  const bases = new DocumentBases();
  return {
    async projectInfo() {
      const store = ctx.store();
      const { documents, problems } = await store.listDocuments();
      // How the project was opened (read-only, a backup that failed) is shown with the files that could not be read.
      return { dir: store.dir, name: store.project.name, documentCount: documents.length, problems: [...store.notices, ...problems] };
    },
    async listDocuments() {
      return ctx.store().listDocuments();
    },
    async getDocument({ id }) {
      return bases.read(ctx.store(), id);
    },
    async saveDocument({ id, meta, body }) {
      return bases.save(ctx.store(), id, meta, body);
    },
    async saveDocumentChanges(request) {
      return bases.saveChanges(ctx.store(), request);
    },
    async importFiles({ files }) {
      const { imported } = await importInto(ctx.store(), files, ctx.parseImports);
      return { imported };
    },
  };
}
