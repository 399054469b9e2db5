/**
 * The editing toolbar. Each button runs the same command as its shortcut and is
 * enabled when that command applies (asked without dispatching).
 */
import type { Command, EditorState } from 'prosemirror-state';
import { redo, redoDepth, undo, undoDepth } from 'prosemirror-history';
import type { EditorController } from '../../editor/controller';
import { useEditorSelector } from '../hooks';
import { ariaKeys, keyHint, type ShortcutName } from '../../editor/shortcuts';
import { insertionAtSelection, toggleInsertion } from '../../editor/commands/insertion';
import { canCorrect, correctionAtSelection, revertCorrection } from '../../editor/commands/correction';
import { insertFootnote } from '../../editor/commands/footnote';
import { mergeWithNext, moveFirstWitnessLineUp, moveLastWitnessLineDown, splitSegment } from '../../editor/commands/segments';
import { glossaryStore, restoreCommands } from '../../restore';

interface Props {
  controller: EditorController;
  onCorrect(): void;
  onHelp(): void;
  onExport(): void;
}

const insertion = toggleInsertion();
const footnote = insertFootnote();
const split = splitSegment();
const restore = restoreCommands(glossaryStore);

function toolbarState(state: EditorState) {
  return {
    undo: undoDepth(state) > 0,
    redo: redoDepth(state) > 0,
    insertion: insertion(state),
    inInsertion: insertionAtSelection(state) !== null,
    correct: canCorrect(state),
    inCorrection: correctionAtSelection(state) !== null,
    footnote: footnote(state),
    split: split(state),
    merge: mergeWithNext(state),
    down: moveLastWitnessLineDown(state),
    up: moveFirstWitnessLineUp(state),
    autofill: restore.autofill(state),
    acceptRow: restore.acceptRowProposals(state),
    repair: restore.repairEncoding(state),
    glossary: restore.addToGlossary(state),
  };
}

export function Toolbar({ controller, onCorrect, onHelp, onExport }: Props) {
  const s = useEditorSelector(controller, toolbarState, null);
  const run = (command: Command) => () => controller.run(command);
  const button = (
    label: string,
    shortcut: ShortcutName | null,
    activate: () => void,
    enabled: boolean,
    extra?: { pressed?: boolean; className?: string; text?: string },
  ) => (
    <button
      type="button"
      className={extra?.className}
      disabled={!enabled}
      aria-pressed={extra?.pressed}
      aria-keyshortcuts={shortcut ? ariaKeys(shortcut) : undefined}
      title={shortcut ? `${label} (${keyHint(shortcut)})` : label}
      // Keep the editor's selection: a toolbar click must not take the focus first.
      onMouseDown={(e) => e.preventDefault()}
      onClick={activate}
    >
      {extra?.text ?? label}
    </button>
  );
  return (
    <div className="toolbar" role="toolbar" aria-label="Editing" data-region>
      <div className="toolbar-group" role="group" aria-label="History">
        {button('Undo', 'undo', run(undo), !!s?.undo, { text: '↶ Undo' })}
        {button('Redo', 'redo', run(redo), !!s?.redo, { text: '↷ Redo' })}
      </div>
      <div className="toolbar-group" role="group" aria-label="Annotations">
        {button(s?.inInsertion ? 'Remove insertion' : 'Insertion', 'insertion', run(insertion), !!s?.insertion, {
          pressed: !!s?.inInsertion,
          className: 'tool-insertion',
          text: '[ ] Insertion',
        })}
        {button('Correct…', 'correct', onCorrect, !!s?.correct, { text: s?.inCorrection ? 'Edit correction…' : 'Correct…' })}
        {button('Revert correction', 'revertCorrection', run(revertCorrection), !!s?.inCorrection, { text: 'Revert' })}
        {button('Footnote', 'footnote', run(footnote), !!s?.footnote, { text: '¹ Footnote' })}
      </div>
      <div className="toolbar-group" role="group" aria-label="Rows">
        {button('Split row', 'split', run(split), !!s?.split)}
        {button('Merge with next row', 'merge', run(mergeWithNext), !!s?.merge, { text: 'Merge ↓' })}
        {button('Move last witness line to the next row', 'witnessDown', run(moveLastWitnessLineDown), !!s?.down, { text: 'Line ↓' })}
        {button('Pull the next row’s first witness line up', 'witnessUp', run(moveFirstWitnessLineUp), !!s?.up, { text: 'Line ↑' })}
      </div>
      <div className="toolbar-group" role="group" aria-label="Restoring the Korean">
        {button('Auto-fill the row from the witness', 'autofill', run(restore.autofill), !!s?.autofill, { text: 'Auto-fill' })}
        {button('Auto-fill every empty restoration', 'autofillAll', run(restore.autofillAll), true, { text: 'Fill all' })}
        {button('Accept the row’s proposals', 'acceptRowProposals', run(restore.acceptRowProposals), !!s?.acceptRow, { text: 'Accept' })}
        {button('Repair encoding (mojibake)', 'repairEncoding', run(restore.repairEncoding), !!s?.repair, { text: 'Repair' })}
        {button('Add to glossary…', 'addToGlossary', run(restore.addToGlossary), !!s?.glossary, { text: '+ Glossary' })}
      </div>
      <div className="toolbar-group toolbar-end" role="group" aria-label="Document">
        {button('Export…', null, onExport, true)}
        {button('Keyboard shortcuts', 'help', onHelp, true, { text: '?' })}
      </div>
    </div>
  );
}
