/**
 * The handler table: one handler per request of the IPC contract. The Electron
 * main process, the CLI and the browser tests all run this same table; only the
 * platform glue (dialogs, recent projects, PDF printing) differs.
 */
import type { HandlerTable } from '../../shared/ipc/contract';
import { UserError } from '../../shared/errors';
import type { ProjectStore } from '../store/project-store';
import { documentHandlers } from './documents';
import { glossaryHandlers } from './glossary';
import { restorationHandlers } from './restoration';
import { exportHandlers, type PdfPrinter } from './export';
import { platformHandlers, type PlatformGlue } from './platform';

/** What the handlers need from their surroundings. */
export interface HandlerContext {
  /** The open project; throws a UserError when there is none. */
  store(): ProjectStore;
  /** Prints HTML to PDF, when a printer is available. */
  printPdf?: PdfPrinter;
  /** Dialogs and app state; absent in the CLI and in tests that do not need them. */
  platform?: PlatformGlue;
}

/** Builds the handler table over `ctx`. */
export function createHandlers(ctx: HandlerContext): HandlerTable {
  return {
    ...documentHandlers(ctx),
    ...glossaryHandlers(ctx),
    ...restorationHandlers(ctx),
    ...exportHandlers(ctx),
    ...platformHandlers(ctx),
  };
}

/** A context over one fixed store. */
export function fixedStore(store: ProjectStore): () => ProjectStore {
  return () => store;
}

/** A context accessor that fails clearly when no project is open. */
export function noProject(): ProjectStore {
  throw new UserError('No project is open', 'no-project');
}

export type { PdfPrinter, PlatformGlue };
