/**
 * The restoration commands as the toolbar, the menu and the keymap run them,
 * bound to the services the app gives (the window's glossary, notices and glossary
 * form): auto-fill, accepting proposals, repairing the encoding, adding a
 * selection to the glossary.
 */
import type { Command, EditorState } from 'prosemirror-state';
import { columnAt } from '../editor/positions';
import { autofillRestoration } from './proposals';
import { repairEncoding } from './repair';
import type { GlossaryPrefill, Notify, RestoreServices } from './restore-ui';

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
export function addToGlossary(ui: Pick<RestoreServices['ui'], 'requestGlossaryAdd'>): Command {
  return (state, dispatch) => {
    const prefill = glossaryPrefill(state);
    if (!prefill) return false;
    if (dispatch) ui.requestGlossaryAdd(prefill);
    return true;
  };
}

/** Auto-fill with the glossary known now; says so when the witness proves nothing. */
export function autofillWith(services: RestoreServices, scope: 'segment' | 'all'): Command {
  return (state, dispatch, view) =>
    autofillRestoration([...services.glossary.list()], scope, (segments) =>
      services.ui.notify(
        'info',
        segments === 0
          ? 'Nothing to auto-fill: auto-fill only fills empty restorations.'
          : 'Nothing to auto-fill: the witness here proves no date, digits, Latin text, punctuation or glossary name.',
      ),
    )(state, dispatch, view);
}

/** Repair with the outcome shown as a notice. */
export function repairWithNotice(notify: Notify): Command {
  return repairEncoding((report) =>
    notify(report.changed ? 'success' : 'info', report.changed ? `Encoding: ${report.reason}.` : `Encoding left as it is: ${report.reason}.`),
  );
}
