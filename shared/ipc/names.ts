/**
 * The names of every request the renderer can make. Kept free of imports so the
 * sandboxed preload can bundle it without pulling in the validation library.
 */
export const REQUEST_NAMES = [
  'projectInfo',
  'listDocuments',
  'getDocument',
  'saveDocument',
  'saveDocumentChanges',
  'importFiles',
  'glossaryList',
  'glossaryAdd',
  'glossaryUpdate',
  'glossaryRemove',
  'glossaryTermbase',
  'projectEditors',
  'suggest',
  'draftRows',
  'projectCorpus',
  'exportEdition',
  'saveExport',
  'openProject',
  'newProject',
  'recentProjects',
  'chooseImportFiles',
  'qaRun',
  'qaCheck',
  'qaIgnore',
  'searchProject',
  'replaceInDocuments',
  'documentHistory',
  'restoreVersion',
] as const;

/** One request name. */
export type RequestName = (typeof REQUEST_NAMES)[number];

/** IPC channel for a request. */
export function channelFor(name: RequestName): string {
  return `interlinea:${name}`;
}

/** Channel on which the main process pushes menu commands to the renderer. */
export const MENU_CHANNEL = 'interlinea:menu';
