/**
 * Every action of the workbench, declared once: its id, what it does, its keys,
 * where the native menu and the toolbar show it. The native menu
 * (electron/main/menu-template.ts), the editor's keymap, the toolbar, the
 * shortcuts overlay (F1) and the menu router all read this table; the renderer
 * binds each id to what it runs in renderer/src/commands/bindings.ts.
 *
 * Adding a command: one entry here, one binding there (a test fails until both
 * exist). Order matters: commands of one menu section, of one toolbar group and of
 * one overlay group appear in the order of this table.
 */
import type { CommandSpec, MenuSpec } from './types';

/** The command table. */
export const COMMANDS = [
  // Editing
  {
    id: 'undo',
    label: 'Undo (whole document)',
    group: 'Editing',
    keys: ['Mod-z'],
    // Undo and Redo are sent as commands: Electron's role-based undo would bypass the editor's history.
    menu: { menu: 'edit', section: 'history', label: 'Undo', accelerator: 'Mod-z' },
    toolbar: { group: 'history', label: 'Undo', text: '↶ Undo' },
  },
  {
    id: 'redo',
    label: 'Redo',
    group: 'Editing',
    keys: ['Shift-Mod-z', 'Mod-y'],
    menu: { menu: 'edit', section: 'history', label: 'Redo', accelerator: { key: 'Mod-y', mac: 'Shift-Mod-z' } },
    toolbar: { group: 'history', label: 'Redo', text: '↷ Redo' },
  },
  { id: 'lineBreak', label: 'Line break inside a cell', group: 'Editing', keys: ['Enter', 'Shift-Enter'] },
  { id: 'selectCell', label: 'Select the cell, then everything', group: 'Editing', keys: ['Mod-a'] },

  // Annotations
  {
    id: 'insertion',
    label: 'Mark the selection as an editorial insertion [ ], insert an empty one, or remove it',
    group: 'Annotations',
    keys: ['Mod-['],
    menu: { menu: 'edit', section: 'annotations', label: 'Mark Insertion', accelerator: 'Mod-[' },
    toolbar: { group: 'annotations', label: 'Insertion', text: '[ ] Insertion' },
  },
  {
    id: 'insertionKind',
    label: 'Change the kind of the insertion (clarification, variant, expansion)',
    group: 'Annotations',
    keys: ['Mod-]'],
    menu: { menu: 'edit', section: 'annotations', label: 'Change Insertion Kind' },
  },
  {
    id: 'correct',
    label: 'Correct the selected slip of the source…',
    group: 'Annotations',
    keys: ['Mod-Shift-k'],
    menu: { menu: 'edit', section: 'annotations', label: 'Correct…', accelerator: 'Mod-Shift-k' },
    toolbar: { group: 'annotations', label: 'Correct…' },
  },
  {
    id: 'revertCorrection',
    label: 'Revert the correction to the source’s reading',
    group: 'Annotations',
    keys: ['Mod-Alt-k'],
    menu: { menu: 'edit', section: 'annotations', label: 'Revert Correction' },
    toolbar: { group: 'annotations', label: 'Revert correction', text: 'Revert' },
  },
  {
    id: 'footnote',
    label: 'Insert a footnote',
    group: 'Annotations',
    keys: ['Mod-Alt-f'],
    menu: { menu: 'edit', section: 'annotations', label: 'Insert Footnote', accelerator: 'Mod-Alt-f' },
    toolbar: { group: 'annotations', label: 'Footnote', text: '¹ Footnote' },
  },

  // Rows
  {
    id: 'splitRow',
    label: 'Split the row at the cursor',
    group: 'Rows',
    keys: ['Mod-Enter'],
    menu: { menu: 'edit', section: 'rows', label: 'Split Row' },
    toolbar: { group: 'rows', label: 'Split row' },
  },
  {
    id: 'mergeWithNext',
    label: 'Merge the row with the next',
    group: 'Rows',
    keys: ['Mod-Shift-m'],
    menu: { menu: 'edit', section: 'rows', label: 'Merge with Next Row' },
    toolbar: { group: 'rows', label: 'Merge with next row', text: 'Merge ↓' },
  },
  {
    id: 'witnessLineDown',
    label: 'Move the last witness line to the next row',
    group: 'Rows',
    keys: ['Alt-Shift-ArrowDown'],
    menu: { menu: 'edit', section: 'rows', label: 'Move Last Witness Line Down' },
    toolbar: { group: 'rows', label: 'Move last witness line to the next row', text: 'Line ↓' },
  },
  {
    id: 'witnessLineUp',
    label: 'Pull the next row’s first witness line up',
    group: 'Rows',
    keys: ['Alt-Shift-ArrowUp'],
    menu: { menu: 'edit', section: 'rows', label: 'Pull Next Witness Line Up' },
    toolbar: { group: 'rows', label: 'Pull the next row’s first witness line up', text: 'Line ↑' },
  },
  {
    id: 'splitWitness',
    label: 'Split the witness line at the picked character, or after what the restoration before the cursor accounts for (Alt+click a witness character: split before it)',
    group: 'Rows',
    keys: ['Mod-Alt-Enter'],
    menu: { menu: 'edit', section: 'rows', label: 'Split Witness Line' },
    toolbar: { group: 'rows', label: 'Split the witness line here', text: 'Split witness' },
  },
  {
    id: 'joinWitness',
    label: 'Join a split witness line back (the picked piece, or the row’s last split)',
    group: 'Rows',
    keys: ['Mod-Alt-j'],
    menu: { menu: 'edit', section: 'rows', label: 'Join Witness Line' },
  },
  {
    id: 'proposeSentenceRows',
    label: 'Propose sentence rows for a long row (again: dismiss)',
    group: 'Rows',
    keys: ['Mod-Alt-s'],
    menu: { menu: 'edit', section: 'rows', label: 'Propose Sentence Rows' },
    toolbar: { group: 'rows', label: 'Propose sentence rows for this row', text: 'Sentence rows' },
  },
  {
    id: 'acceptSentenceRows',
    label: 'Accept the proposed sentence rows (Esc dismisses them)',
    group: 'Rows',
    keys: ['Mod-Alt-Shift-s'],
    menu: { menu: 'edit', section: 'rows', label: 'Accept Sentence Rows' },
  },

  // Restoring the Korean
  {
    id: 'acceptSuggestion',
    label: 'Accept the first suggestion (Ctrl+1 … 9: the n-th); Esc closes the list. With no list open: accept the next drafted word, or stop at the next placeholder',
    group: 'Restoring the Korean',
    keys: ['Tab'],
  },
  { id: 'showSuggestions', label: 'Show the suggestions again after Esc', group: 'Restoring the Korean', keys: ['Mod-.'] },
  {
    id: 'autofill',
    label: 'Auto-fill the row’s empty restoration with what the witness proves',
    group: 'Restoring the Korean',
    keys: ['Mod-Alt-a'],
    menu: { menu: 'restore', section: 'fill', label: 'Auto-fill Row from Witness', accelerator: 'Mod-Alt-a' },
    toolbar: { group: 'restore', label: 'Auto-fill the row from the witness', text: 'Auto-fill' },
  },
  {
    id: 'autofillAll',
    label: 'Auto-fill every empty restoration',
    group: 'Restoring the Korean',
    keys: ['Mod-Alt-Shift-a'],
    menu: { menu: 'restore', section: 'fill', label: 'Auto-fill All Empty Rows', accelerator: 'Mod-Alt-Shift-a' },
    toolbar: { group: 'restore', label: 'Auto-fill every empty restoration', text: 'Fill all' },
  },
  {
    id: 'acceptProposal',
    label: 'Accept the proposal at the cursor',
    group: 'Restoring the Korean',
    keys: ['Mod-Alt-y'],
    menu: { menu: 'restore', section: 'fill', label: 'Accept Proposal', accelerator: 'Mod-Alt-y' },
  },
  {
    id: 'acceptRowProposals',
    label: 'Accept every proposal in the row (auto-fill’s or the draft’s)',
    group: 'Restoring the Korean',
    keys: ['Mod-Alt-Shift-y'],
    menu: { menu: 'restore', section: 'fill', label: 'Accept All Proposals in Row', accelerator: 'Mod-Alt-Shift-y' },
    toolbar: { group: 'restore', label: 'Accept the row’s proposals', text: 'Accept' },
  },
  {
    id: 'draftRow',
    label: 'Draft the row’s Korean: proposed word by word, placeholders where undecided (typed text is kept)',
    group: 'Restoring the Korean',
    keys: ['Mod-Alt-d'],
    menu: { menu: 'restore', section: 'draft', label: 'Draft Row', accelerator: 'Mod-Alt-d' },
    toolbar: { group: 'restore', label: 'Draft the row’s Korean', text: 'Draft' },
  },
  {
    id: 'draftDocument',
    label: 'Draft every row with witness text and no typed restoration (progress, Cancel)',
    group: 'Restoring the Korean',
    keys: ['Mod-Alt-Shift-d'],
    menu: { menu: 'restore', section: 'draft', label: 'Draft Whole Document', accelerator: 'Mod-Alt-Shift-d' },
    toolbar: { group: 'restore', label: 'Draft every row of the document', text: 'Draft all' },
  },
  {
    id: 'draftAlternatives',
    label: 'Show the other readings of the drafted word at the cursor (↑ ↓ Enter, Esc closes)',
    group: 'Restoring the Korean',
    keys: ['Mod-Alt-Space'],
    menu: { menu: 'restore', section: 'draft', label: 'Alternatives of Drafted Word' },
  },
  {
    id: 'dropRowDraft',
    label: 'Drop the row’s draft: its proposed words and placeholders go, typed text stays',
    group: 'Restoring the Korean',
    keys: ['Mod-Alt-Shift-n'],
    menu: { menu: 'restore', section: 'draft', label: 'Drop Row’s Draft' },
    toolbar: { group: 'restore', label: 'Drop the row’s draft', text: 'Drop draft' },
  },
  {
    id: 'repairEncoding',
    label: 'Repair the encoding of the selection or cell (mojibake)',
    group: 'Restoring the Korean',
    keys: ['Mod-Alt-r'],
    menu: { menu: 'restore', section: 'tools', label: 'Repair Encoding', accelerator: 'Mod-Alt-r' },
    toolbar: { group: 'restore', label: 'Repair encoding (mojibake)', text: 'Repair' },
  },
  {
    id: 'addToGlossary',
    label: 'Add the selected name to the glossary…',
    group: 'Restoring the Korean',
    keys: ['Mod-Alt-g'],
    menu: { menu: 'restore', section: 'tools', label: 'Add Selection to Glossary…' },
    toolbar: { group: 'restore', label: 'Add to glossary…', text: '+ Glossary' },
  },

  // Review (each row's review state, shown in its margin)
  {
    id: 'reviewDraft',
    label: 'Mark the selected rows as draft (review state)',
    group: 'Rows',
    keys: ['Mod-Alt-1'],
    menu: { menu: 'edit', section: 'rows', label: 'Mark Rows Draft' },
  },
  {
    id: 'reviewReviewed',
    label: 'Mark the selected rows as reviewed',
    group: 'Rows',
    keys: ['Mod-Alt-2'],
    menu: { menu: 'edit', section: 'rows', label: 'Mark Rows Reviewed' },
  },
  {
    id: 'reviewApproved',
    label: 'Mark the selected rows as approved',
    group: 'Rows',
    keys: ['Mod-Alt-3'],
    menu: { menu: 'edit', section: 'rows', label: 'Mark Rows Approved' },
  },

  // Moving around
  { id: 'cellDown', label: 'Same column, next row', group: 'Moving around', keys: ['Alt-ArrowDown'] },
  { id: 'cellUp', label: 'Same column, previous row', group: 'Moving around', keys: ['Alt-ArrowUp'] },
  { id: 'cellRight', label: 'Next column', group: 'Moving around', keys: ['Alt-ArrowRight'] },
  { id: 'cellLeft', label: 'Previous column', group: 'Moving around', keys: ['Alt-ArrowLeft'] },
  { id: 'leaveEditor', label: 'Leave a footnote or form; Tab then moves on', group: 'Moving around', keys: ['Escape'] },
  {
    id: 'nextRowInState',
    label: 'Next row in the chosen restoration state (contradicted, unless another is chosen)',
    group: 'Moving around',
    keys: ['Alt-PageDown'],
    menu: { menu: 'edit', section: 'find', label: 'Next Row in State' },
  },
  {
    id: 'previousRowInState',
    label: 'Previous row in the chosen restoration state',
    group: 'Moving around',
    keys: ['Alt-PageUp'],
    menu: { menu: 'edit', section: 'find', label: 'Previous Row in State' },
  },
  {
    id: 'chooseRowState',
    label: 'Choose the state those keys go to: contradicted, proposed, empty, consistent, partial',
    group: 'Moving around',
    keys: ['Alt-Shift-PageDown'],
    menu: { menu: 'edit', section: 'find', label: 'Choose Row State' },
  },
  {
    id: 'filterRows',
    label: 'Show only the rows in the chosen state, or every row again',
    group: 'Moving around',
    keys: ['Mod-Alt-Shift-f'],
    menu: { menu: 'edit', section: 'find', label: 'Show Only Rows in State' },
  },

  // View (the open document's panels)
  { id: 'toggleDetails', label: 'Show or hide the document’s details', group: 'View', menu: { menu: 'view', section: 'panels', label: 'Document Details' } },
  { id: 'panelFootnotes', label: 'Show the footnotes panel', group: 'View', menu: { menu: 'view', section: 'panels', label: 'Footnotes Panel' } },
  { id: 'panelCorrections', label: 'Show the corrections panel', group: 'View', menu: { menu: 'view', section: 'panels', label: 'Corrections Panel' } },
  { id: 'panelGlossary', label: 'Show the glossary panel', group: 'View', menu: { menu: 'view', section: 'panels', label: 'Glossary Panel' } },
  { id: 'panelQa', label: 'Show the quality checks panel', group: 'View', menu: { menu: 'view', section: 'panels', label: 'Quality Checks Panel' } },
  {
    id: 'qaRun',
    label: 'Check the whole project (quality checks)',
    group: 'Editing',
    keys: ['F7'],
    menu: { menu: 'edit', section: 'find', label: 'Check Project', accelerator: 'F7' },
  },
  {
    id: 'qaFix',
    label: 'Apply the fix of the quality-check finding at the cursor',
    group: 'Editing',
    keys: ['Alt-Enter'],
    menu: { menu: 'edit', section: 'find', label: 'Apply Quality Fix' },
  },

  // App
  {
    id: 'newProject',
    label: 'Create a new project…',
    group: 'App',
    keys: ['Mod-Shift-n'],
    // Switching projects goes through the renderer, which saves pending edits first.
    menu: { menu: 'file', section: 'project', label: 'New Project…', accelerator: 'Mod-Shift-n' },
  },
  {
    id: 'openProject',
    label: 'Open another project…',
    group: 'App',
    keys: ['Mod-o'],
    menu: { menu: 'file', section: 'project', label: 'Open Project…', accelerator: 'Mod-o' },
  },
  {
    id: 'chooseEditor',
    label: 'Who is editing: choose or add the editor credited with new annotations',
    group: 'App',
    menu: { menu: 'file', section: 'project', label: 'Current Editor…' },
  },
  {
    id: 'import',
    label: 'Import archive pages…',
    group: 'App',
    keys: ['Mod-i'],
    menu: { menu: 'file', section: 'transfer', label: 'Import…', accelerator: 'Mod-i' },
  },
  {
    id: 'export',
    label: 'Export the document or the project…',
    group: 'App',
    keys: ['Mod-e'],
    menu: { menu: 'file', section: 'transfer', label: 'Export…', accelerator: 'Mod-e' },
    toolbar: { group: 'document', label: 'Export…' },
  },
  {
    id: 'save',
    label: 'Save now (saving is automatic)',
    group: 'App',
    keys: ['Mod-s'],
    menu: { menu: 'file', section: 'save', label: 'Save Now', accelerator: 'Mod-s' },
  },
  {
    id: 'documentHistory',
    label: 'Document history: the open document’s saved versions, to restore one…',
    group: 'App',
    menu: { menu: 'file', section: 'save', label: 'Document History…' },
    toolbar: { group: 'document', label: 'Document history…', text: 'History…' },
  },
  {
    id: 'find',
    label: 'Find in the open document (Enter: next, Shift+Enter: previous, Esc: close)',
    group: 'App',
    keys: ['Mod-f'],
    menu: { menu: 'edit', section: 'find', label: 'Find…', accelerator: 'Mod-f' },
  },
  {
    id: 'replace',
    label: 'Find and replace (Enter in the replacement: replace this one, Ctrl+Enter: replace all)',
    group: 'App',
    keys: ['Mod-h'],
    menu: { menu: 'edit', section: 'find', label: 'Replace…', accelerator: 'Mod-h' },
  },
  {
    id: 'findInProject',
    label: 'Find and replace in every document of the project',
    group: 'App',
    keys: ['Mod-Shift-f'],
    menu: { menu: 'edit', section: 'find', label: 'Find in Project…', accelerator: 'Mod-Shift-f' },
  },
  {
    id: 'findNext',
    label: 'Next match of the find',
    group: 'App',
    keys: ['F3'],
    menu: { menu: 'edit', section: 'find', label: 'Find Next', accelerator: 'F3' },
  },
  {
    id: 'findPrevious',
    label: 'Previous match of the find',
    group: 'App',
    keys: ['Shift-F3'],
    menu: { menu: 'edit', section: 'find', label: 'Find Previous', accelerator: 'Shift-F3' },
  },
  {
    id: 'findDocument',
    label: 'Filter the document list',
    group: 'App',
    keys: ['Mod-p'],
    menu: { menu: 'edit', section: 'find', label: 'Find in Documents', accelerator: 'Mod-p' },
  },
  { id: 'nextRegion', label: 'Next area: list, toolbar, editor, side panel', group: 'App', keys: ['F6'] },
  { id: 'previousRegion', label: 'Previous area', group: 'App', keys: ['Shift-F6'] },
  {
    id: 'help',
    label: 'Show these shortcuts',
    group: 'App',
    keys: ['F1', 'Mod-/'],
    menu: { menu: 'view', section: 'panels', label: 'Keyboard Shortcuts', accelerator: 'F1' },
    toolbar: { group: 'document', label: 'Keyboard shortcuts', text: '?' },
  },
] as const satisfies readonly CommandSpec[];

/** The id of a command of the table. */
export type CommandId = (typeof COMMANDS)[number]['id'];

/** The native menus: the table's commands by section, with Electron's roles between them. */
export const MENUS: readonly MenuSpec[] = [
  {
    id: 'file',
    label: '&File',
    sections: [{ commands: 'project' }, { commands: 'transfer' }, { commands: 'save' }, { roles: ['quit'] }],
  },
  {
    id: 'edit',
    label: '&Edit',
    sections: [
      { commands: 'history' },
      { roles: ['cut', 'copy', 'paste', 'pasteAndMatchStyle', 'selectAll'] },
      { commands: 'annotations' },
      { commands: 'rows' },
      { commands: 'find' },
    ],
  },
  { id: 'restore', label: '&Restore', sections: [{ commands: 'fill' }, { commands: 'draft' }, { commands: 'tools' }] },
  {
    id: 'view',
    label: '&View',
    sections: [{ commands: 'panels' }, { roles: ['resetZoom', 'zoomIn', 'zoomOut'] }, { roles: ['togglefullscreen', 'toggleDevTools'] }],
  },
];

const byId = new Map<string, CommandSpec>(COMMANDS.map((command) => [command.id, command]));

/** Whether a string (a menu message, say) names a command of the table. */
export function isCommandId(value: string): value is CommandId {
  return byId.has(value);
}

/** The table's entry for a command. */
export function commandSpec(id: CommandId): CommandSpec {
  return byId.get(id)!;
}

/** The keys of a command (none for menu-only commands). */
export function commandKeys(id: CommandId): readonly string[] {
  return commandSpec(id).keys ?? [];
}
