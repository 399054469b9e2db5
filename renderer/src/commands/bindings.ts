/**
 * What each command of the table (shared/commands/table.ts) runs in this window,
 * in one place. A binding is one of:
 * - `editor`: a ProseMirror command on the open document. The editor's keymap
 *   binds the table's keys to it; the menu and the toolbar run it through the
 *   document's controller; the toolbar enables its button when it applies.
 * - `pane`: an action of the open document's pane (its panels, its details).
 * - `app`: an action of the window (projects, import, export, saving, focus);
 *   the window's key handler binds the table's keys to it.
 * - `plugin`: keys a plugin handles itself (the suggestion list's Tab), listed
 *   here so the overlay's entry is known to be real.
 * Adding a command: its entry in the table, then its binding here.
 */
import type { Command, EditorState } from 'prosemirror-state';
import { redo, undo } from 'prosemirror-history';
import { COMMANDS, type CommandId } from '../../../shared/commands';
import { goToCell, insertHardBreak, selectCell } from '../../editor/commands/cells';
import { cycleInsertionKind, insertionAtSelection, toggleInsertion } from '../../editor/commands/insertion';
import { canCorrect, correctionAtSelection, revertCorrection } from '../../editor/commands/correction';
import { insertFootnote } from '../../editor/commands/footnote';
import { mergeWithNext, moveFirstWitnessLineUp, moveLastWitnessLineDown, splitSegment } from '../../editor/commands/segments';
import { joinWitnessHere, splitWitnessHere } from '../../restore/witness-split';
import { acceptSentenceRows, proposeSentenceRows } from '../../editor/sentence-rows';
import { cycleRowTarget, goToRowInState, toggleTargetFilter } from '../../editor/row-filter';
import { setRowReview } from '../../editor/review';
import { editorsStore } from '../window-services';
import type { EditorCommands } from '../../editor/keymap';
import { acceptProposal, acceptSegmentProposals, addToGlossary, autofillWith, repairWithNotice, type RestoreServices } from '../../restore';
import { draftWith, dropRowDraft, showAlternatives } from '../../restore';
import type { PanelId } from '../components/SidePanel';
import { applyFix, findingAt } from '../../editor/qa-fix';
import { qaStore } from '../hooks/use-qa';

/** The window's actions (renderer/src/hooks/use-app-commands.ts gives them). */
export interface AppActions {
  newProject(): void;
  openProject(): void;
  import(): void;
  export(): void;
  save(): void;
  /** Opens the open document's history (its saved versions, to restore one). */
  documentHistory(): void;
  findDocument(): void;
  /** Opens the find panel: on the open document, with replace, or over the project. */
  find(mode: 'find' | 'replace' | 'project'): void;
  findNext(dir: 1 | -1): void;
  nextRegion(): void;
  previousRegion(): void;
  help(): void;
}

/** The open document pane's actions. */
export interface PaneActions {
  openCorrection(): void;
  toggleDetails(): void;
  showPanel(panel: PanelId): void;
}

/** What the editor commands are built with, once per open document. */
export interface EditorDeps {
  restore: RestoreServices;
  pane: Pick<PaneActions, 'openCorrection'>;
}

/** How a toolbar button looks in a state, beyond enabled or not. */
export interface ToolbarLook {
  pressed?: boolean;
  label?: string;
  text?: string;
}

export type Binding =
  | {
      kind: 'editor';
      command(deps: EditorDeps): Command;
      /** When the toolbar button is enabled, if not whenever the command applies. */
      enabled?(state: EditorState): boolean;
      look?(state: EditorState): ToolbarLook;
    }
  | { kind: 'pane'; run(pane: PaneActions): void }
  | { kind: 'app'; run(app: AppActions): void }
  | { kind: 'plugin'; handledBy: string };

type EditorExtra = Omit<Extract<Binding, { kind: 'editor' }>, 'kind' | 'command'>;
/** A command built for each open document (it needs the deps, or keeps state per editor). */
const editorWith = (command: (deps: EditorDeps) => Command, extra: EditorExtra = {}): Binding => ({ kind: 'editor', command, ...extra });
/** A plain command, the same for every document. */
const editor = (command: Command, extra: EditorExtra = {}): Binding => editorWith(() => command, extra);
const app = (run: (app: AppActions) => void): Binding => ({ kind: 'app', run });
const pane = (run: (pane: PaneActions) => void): Binding => ({ kind: 'pane', run });

/** Every command of the table, bound. */
export const BINDINGS: Record<CommandId, Binding> = {
  undo: editor(undo),
  redo: editor(redo),
  lineBreak: editor(insertHardBreak),
  selectCell: editor(selectCell),

  insertion: editorWith(() => toggleInsertion(), {
    look: (state) => (insertionAtSelection(state) ? { pressed: true, label: 'Remove insertion' } : { pressed: false }),
  }),
  insertionKind: editor(cycleInsertionKind),
  correct: editorWith(
    (deps) => (state, dispatch) => {
      if (!canCorrect(state)) return false;
      if (dispatch) deps.pane.openCorrection();
      return true;
    },
    { look: (state) => (correctionAtSelection(state) ? { text: 'Edit correction…' } : {}) },
  ),
  revertCorrection: editor(revertCorrection),
  footnote: editorWith(() => insertFootnote()),

  splitRow: editorWith(() => splitSegment()),
  mergeWithNext: editor(mergeWithNext),
  witnessLineDown: editor(moveLastWitnessLineDown),
  witnessLineUp: editor(moveFirstWitnessLineUp),
  splitWitness: editor(splitWitnessHere),
  joinWitness: editor(joinWitnessHere),
  proposeSentenceRows: editor(proposeSentenceRows),
  acceptSentenceRows: editor(acceptSentenceRows),

  acceptSuggestion: { kind: 'plugin', handledBy: 'the suggestion list (renderer/restore/suggest.ts): Tab, Mod-1…9, Escape' },
  showSuggestions: { kind: 'plugin', handledBy: 'the suggestion list (renderer/restore/suggest.ts)' },
  autofill: editorWith((deps) => autofillWith(deps.restore, 'segment')),
  // Always offered: when nothing can be filled, running it says why.
  autofillAll: editorWith((deps) => autofillWith(deps.restore, 'all'), { enabled: () => true }),
  acceptProposal: editor(acceptProposal),
  acceptRowProposals: editor(acceptSegmentProposals),
  draftRow: editorWith((deps) => draftWith(deps.restore, 'row')),
  draftDocument: editorWith((deps) => draftWith(deps.restore, 'all')),
  draftAlternatives: editor(showAlternatives),
  dropRowDraft: editor(dropRowDraft),
  repairEncoding: editorWith((deps) => repairWithNotice(deps.restore.ui.notify)),
  addToGlossary: editorWith((deps) => addToGlossary(deps.restore.ui)),

  cellDown: editorWith(() => goToCell(1)),
  cellUp: editorWith(() => goToCell(-1)),
  cellRight: editorWith(() => goToCell(1, true)),
  cellLeft: editorWith(() => goToCell(-1, true)),
  leaveEditor: { kind: 'plugin', handledBy: 'the footnote editor (renderer/editor/footnote-view.ts) and the forms' },
  nextRowInState: editor(goToRowInState(1)),
  previousRowInState: editor(goToRowInState(-1)),
  chooseRowState: editor(cycleRowTarget),
  filterRows: editor(toggleTargetFilter),

  toggleDetails: pane((p) => p.toggleDetails()),
  panelFootnotes: pane((p) => p.showPanel('footnotes')),
  panelCorrections: pane((p) => p.showPanel('corrections')),
  panelGlossary: pane((p) => p.showPanel('glossary')),
  panelQa: pane((p) => p.showPanel('qa')),
  qaRun: pane((p) => {
    p.showPanel('qa');
    void qaStore.runProject();
  }),
  qaFix: editor((state, dispatch) => {
    const finding = findingAt(state, qaStore.liveFindings());
    if (!finding || !applyFix(finding)(state, dispatch)) return false;
    if (dispatch) qaStore.drop(finding.key, finding.place.from);
    return true;
  }),

  reviewDraft: editor(setRowReview('draft')),
  reviewReviewed: editor(setRowReview('reviewed')),
  reviewApproved: editor(setRowReview('approved')),
  chooseEditor: app(() => editorsStore.open()),

  newProject: app((a) => a.newProject()),
  openProject: app((a) => a.openProject()),
  import: app((a) => a.import()),
  export: app((a) => a.export()),
  save: app((a) => a.save()),
  documentHistory: app((a) => a.documentHistory()),
  findDocument: app((a) => a.findDocument()),
  find: app((a) => a.find('find')),
  replace: app((a) => a.find('replace')),
  findInProject: app((a) => a.find('project')),
  findNext: app((a) => a.findNext(1)),
  findPrevious: app((a) => a.findNext(-1)),
  nextRegion: app((a) => a.nextRegion()),
  previousRegion: app((a) => a.previousRegion()),
  help: app((a) => a.help()),
};

/** The editor commands of one open document, by id (the keymap binds their keys). */
export function editorCommands(deps: EditorDeps): EditorCommands {
  const commands: EditorCommands = {};
  for (const { id } of COMMANDS) {
    const binding = BINDINGS[id];
    if (binding.kind === 'editor') commands[id] = binding.command(deps);
  }
  return commands;
}
