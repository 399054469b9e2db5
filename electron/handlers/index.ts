/**
 * The handler table: one handler per request of the IPC contract. The Electron
 * main process, the CLI and the browser tests all run this same table; only the
 * platform glue (dialogs, recent projects, PDF printing) differs.
 */
import type { HandlerTable } from '../../shared/ipc/contract';
import type { ProjectStore } from '../store/project-store';
import { documentHandlers } from './documents';
import { glossaryHandlers } from './glossary';
import { editorHandlers } from './editors';
import { restorationHandlers } from './restoration';
import { exportHandlers, type PdfPrinter } from './export';
import { platformHandlers, type PlatformGlue } from './platform';
import type { ImportParser } from './documents';
import { qaHandlers } from './qa';
import { searchHandlers } from './search';
import { historyHandlers } from './history';

/** What the handlers need from their surroundings. */
export interface HandlerContext {
  /** The open project; throws a UserError when there is none. */
  store(): ProjectStore;
  /** Prints HTML to PDF, when a printer is available. */
  printPdf?: PdfPrinter;
  /** Dialogs and app state; absent in the CLI and in tests that do not need them. */
  platform?: PlatformGlue;
  /** Parses imported files; by default in the import worker (electron/import/run.ts). */
  parseImports?: ImportParser;
}

/** Builds the handler table over `ctx`. */
export function createHandlers(ctx: HandlerContext): HandlerTable {
  return {
    ...documentHandlers(ctx),
    ...glossaryHandlers(ctx),
    ...editorHandlers(ctx),
    ...restorationHandlers(ctx),
    ...exportHandlers(ctx),
    ...platformHandlers(ctx),
    ...qaHandlers(ctx),
    ...searchHandlers(ctx),
    ...historyHandlers(ctx),
  };
}

export type { PdfPrinter, PlatformGlue };
