/**
 * Restoring the Korean in the editor: the live witness check, the caret's witness
 * highlight, suggestions, auto-fill proposals, encoding repair and the glossary.
 * `buildRestorePlugins(schema, options)` gives every plugin, in order; what they
 * need from the app (how suggestions are fetched, the glossary's generation) comes
 * in through the options. The commands' keys are bound by the editor's keymap
 * from the command table (shared/commands), like every other command.
 */
import type { Plugin } from 'prosemirror-state';
import type { Schema } from 'prosemirror-model';
import { buildWitnessCheckPlugin, type WitnessCheckOptions } from './witness-check';
import { buildCaretWitnessPlugin } from './caret-witness';
import { buildCheckHighlights } from './check-highlights';
import { buildSuggestPlugin, type SuggestFetch } from './suggest';
import { buildProposalTyping } from './proposals';
import { buildDraftPlugin } from './draft';

export interface RestoreOptions {
  check?: WitnessCheckOptions;
  /** How suggestions are fetched (null: no suggestions). */
  fetch: SuggestFetch | null;
  /** Changes whenever the glossary does, so cached suggestions go stale with it. */
  glossaryGeneration: () => number;
}

/** Every plugin of the restoration tools. */
export function buildRestorePlugins(schema: Schema, options: RestoreOptions): Plugin[] {
  return [
    buildWitnessCheckPlugin(schema, options.check),
    buildCheckHighlights(),
    buildCaretWitnessPlugin(),
    buildSuggestPlugin({ fetch: options.fetch, generation: options.glossaryGeneration }),
    buildProposalTyping(),
    // After the suggestion list: Tab accepts a drafted word only when no list took it.
    buildDraftPlugin(),
  ];
}

export { witnessCheckKey, segmentCheckAt, segmentStates, checkComplete } from './witness-check';
export { suggestKey, suggestView, acceptSuggestion, dismissSuggestions, visibleSuggestions, type SuggestFetch } from './suggest';
export { acceptProposal, acceptSegmentProposals, autofillRestoration, hasProposals } from './proposals';
export { repairEncoding } from './repair';
export { addToGlossary, autofillWith, glossaryPrefill, repairWithNotice } from './commands';
export { GlossaryStore, type GlossaryApi, type GlossarySnapshot } from './glossary-store';
export { RestoreUi } from './restore-ui';
export type { GlossaryPrefill, NoticeKind, Notify, RestoreServices } from './restore-ui';
export { acceptNextWord, alternativesView, chooseAlternative, dropRowDraft, showAlternatives } from './draft';
export { DraftRunner, draftWith, type DraftProgress } from './draft-runner';
export type { DraftFetch } from './draft-content';
