/**
 * The restoration commands as the toolbar and the keymap run them, bound to the
 * glossary the window knows and to the notices: auto-fill, accepting proposals,
 * repairing the encoding, adding a selection to the glossary.
 */
import type { Command, EditorState } from 'prosemirror-state';
import { columnAt } from '../editor/positions';
import { acceptProposal, acceptSegmentProposals, autofillRestoration } from './proposals';
import { repairEncoding } from './repair';
import { restoreUi, type GlossaryPrefill } from './restore-ui';
import type { GlossaryStore } from './glossary-store';

/** The text of a selection inside one English or Korean cell, as a glossary prefill. */
export function glossaryPrefill(state: EditorState): GlossaryPrefill | null {
  const { $from, $to, empty, from, to } = state.selection;
  if (empty || !$from.sameParent($to)) return null;
  const column = columnAt($from);
  if (!column || (column.name !== 'english' && column.name !== 'korean')) return null;
  const text = state.doc.textBetween(from, to, ' ').replace(/\s+/g, ' ').trim();
  if (!text || text.length > 200) return null;
  return column.name === 'english' ? { en: text } : { ko: text };
}

/** Opens the glossary form prefilled with the selection (English → en, Korean → ko). */
export const addToGlossary: Command = (state, dispatch) => {
  const prefill = glossaryPrefill(state);
  if (!prefill) return false;
  if (dispatch) restoreUi.requestGlossaryAdd(prefill);
  return true;
};

/** Auto-fill with the glossary the window knows now; says so when the witness proves nothing. */
export function autofillWith(glossary: GlossaryStore, scope: 'segment' | 'all'): Command {
  return (state, dispatch, view) =>
    autofillRestoration([...glossary.list()], scope, (segments) =>
      restoreUi.notify(
        'info',
        segments === 0
          ? 'Nothing to auto-fill: auto-fill only fills empty restorations.'
          : 'Nothing to auto-fill: the witness here proves no date, digits, Latin text, punctuation or glossary name.',
      ),
    )(state, dispatch, view);
}

/** Repair with the outcome shown as a notice. */
export const repairWithNotice: Command = repairEncoding((report) =>
  restoreUi.notify(report.changed ? 'success' : 'info', report.changed ? `Encoding: ${report.reason}.` : `Encoding left as it is: ${report.reason}.`),
);

/** The restoration commands by shortcut name. */
export function restoreCommands(glossary: GlossaryStore): Record<'autofill' | 'autofillAll' | 'acceptProposal' | 'acceptRowProposals' | 'repairEncoding' | 'addToGlossary', Command> {
  return {
    autofill: autofillWith(glossary, 'segment'),
    autofillAll: autofillWith(glossary, 'all'),
    acceptProposal,
    acceptRowProposals: acceptSegmentProposals,
    repairEncoding: repairWithNotice,
    addToGlossary,
  };
}
