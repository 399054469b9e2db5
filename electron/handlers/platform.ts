/**
 * Requests that only make sense inside the desktop app (dialogs, recent
 * projects). The Electron main process provides the glue; elsewhere these
 * requests answer with a clear error.
 */
import type { HandlerTable } from '../../shared/ipc/contract';
import { UserError } from '../../shared/errors';
import type { HandlerContext } from './index';
import { importInto } from './documents';
import { readImportFile } from '../store/read-input';

/** Dialogs and app state, implemented by the Electron main process. */
export interface PlatformGlue {
  /** Asks where to save; null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Asks which files to import; empty when cancelled. */
  chooseFiles(): Promise<string[]>;
  /** Asks for a project folder and opens it; null when cancelled. `dir` skips the dialog. */
  openProject(dir?: string): Promise<string | null>;
  /** Asks for a new project folder, creates and opens it; null when cancelled. */
  newProject(): Promise<string | null>;
  /** Most recent first. */
  recentProjects(): Promise<string[]>;
  /** Writes bytes durably to a chosen path. */
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
}

type PlatformRequests = 'saveExport' | 'openProject' | 'newProject' | 'recentProjects' | 'chooseImportFiles';

function glue(ctx: HandlerContext): PlatformGlue {
  if (!ctx.platform) throw new UserError('This action needs the Interlinea desktop app', 'not-available');
  return ctx.platform;
}

export function platformHandlers(ctx: HandlerContext): Pick<HandlerTable, PlatformRequests> {
  return {
    async saveExport({ suggestedName, bytes }) {
      const path = await glue(ctx).chooseSavePath(suggestedName);
      if (path) await glue(ctx).writeFile(path, bytes);
      return { path };
    },
    async openProject({ dir }) {
      return { dir: await glue(ctx).openProject(dir) };
    },
    async newProject() {
      return { dir: await glue(ctx).newProject() };
    },
    async recentProjects() {
      return glue(ctx).recentProjects();
    },
    async chooseImportFiles() {
      const paths = await glue(ctx).chooseFiles();
      if (!paths.length) return { imported: [] };
      const files: { name: string; bytes: Uint8Array }[] = [];
      for (const path of paths) files.push(await readImportFile(path));
      const { imported } = await importInto(ctx.store(), files, ctx.parseImports);
      return { imported };
    },
  };
}
