/**
 * Menu commands: the strings the main process sends on the menu channel
 * (`window.interlinea.onMenu`), and what the renderer does with each. The native
 * menu (electron/main/menu.ts) sends these; a command the renderer does not know
 * is ignored.
 *
 * Accelerators shown in the native menu should match the editor's shortcuts
 * (renderer/editor/shortcuts.ts): when a menu accelerator takes a key, the page
 * does not see it, and the menu command runs the same action instead.
 */
export const MENU_COMMANDS = [
  // File
  'import', // choose files and import them (chooseImportFiles)
  'export', // open the export dialog for the open document
  'save', // save now
  'open-project', // save pending edits, then choose and open another project (openProject)
  'new-project', // save pending edits, then create and open a new project (newProject)
  // Edit (Undo/Redo must be sent as commands: Electron's role-based undo would bypass the editor's history)
  'undo',
  'redo',
  'insertion', // toggle an editorial insertion
  'insertion-kind', // cycle the kind of the insertion at the caret
  'correction', // open the correction form
  'revert-correction',
  'footnote', // insert a footnote
  'split-segment',
  'merge-segment',
  'witness-line-down', // move the last witness line to the next row
  'witness-line-up', // pull the next row's first witness line up
  'filter', // focus the document filter
  // Restoring the Korean
  'autofill', // auto-fill the row's empty restoration from the witness
  'autofill-all', // auto-fill every empty restoration
  'accept-proposal', // accept the auto-filled proposal at the cursor
  'accept-row-proposals', // accept every proposal in the row
  'repair-encoding', // repair mojibake in the selection or cell
  'add-to-glossary', // add the selection to the glossary
  // View
  'panel-footnotes',
  'panel-corrections',
  'panel-glossary', // reserved for the glossary panel (issue 4)
  'toggle-details', // show or hide the document details form
  'help', // keyboard shortcuts
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: string): value is MenuCommand {
  return (MENU_COMMANDS as readonly string[]).includes(value);
}
