/**
 * Restoring the Korean in the editor: the live witness check, the caret's witness
 * highlight, suggestions, auto-fill proposals, encoding repair and the glossary.
 * `buildRestorePlugins(schema)` gives every plugin, in order.
 */
import { keymap } from 'prosemirror-keymap';
import type { Plugin } from 'prosemirror-state';
import type { Schema } from 'prosemirror-model';
import { api, hasBridge } from '../src/api';
import { SHORTCUTS } from '../editor/shortcuts';
import { buildWitnessCheckPlugin, type WitnessCheckOptions } from './witness-check';
import { buildCaretWitnessPlugin } from './caret-witness';
import { buildCheckHighlights } from './check-highlights';
import { buildSuggestPlugin, type SuggestFetch } from './suggest';
import { buildProposalTyping } from './proposals';
import { restoreCommands } from './commands';
import { GlossaryStore } from './glossary-store';

/** The window's glossary. */
export const glossaryStore = new GlossaryStore(() => (hasBridge() ? api : null));

export interface RestoreOptions {
  check?: WitnessCheckOptions;
  /** How suggestions are fetched (default: the app's `suggest`; null: none). */
  fetch?: SuggestFetch | null;
  glossary?: GlossaryStore;
}

function defaultFetch(): SuggestFetch | null {
  return hasBridge() ? (request) => api.suggest(request) : null;
}

/** Every plugin of the restoration tools. */
export function buildRestorePlugins(schema: Schema, options: RestoreOptions = {}): Plugin[] {
  const glossary = options.glossary ?? glossaryStore;
  const bindings: Record<string, Parameters<typeof keymap>[0][string]> = {};
  for (const [name, command] of Object.entries(restoreCommands(glossary))) {
    for (const key of SHORTCUTS[name as keyof typeof SHORTCUTS].keys) bindings[key] = command;
  }
  return [
    buildWitnessCheckPlugin(schema, options.check),
    buildCheckHighlights(),
    buildCaretWitnessPlugin(),
    buildSuggestPlugin({
      fetch: options.fetch === undefined ? defaultFetch() : options.fetch,
      generation: () => glossary.generation,
    }),
    buildProposalTyping(),
    keymap(bindings),
  ];
}

export { witnessCheckKey, segmentCheckAt, segmentStates } from './witness-check';
export { suggestKey, suggestView, acceptSuggestion, dismissSuggestions, visibleSuggestions } from './suggest';
export { acceptProposal, acceptSegmentProposals, autofillRestoration, hasProposals } from './proposals';
export { repairEncoding } from './repair';
export { addToGlossary, glossaryPrefill, restoreCommands } from './commands';
export { restoreUi } from './restore-ui';
export type { GlossaryPrefill, RestoreNotice } from './restore-ui';
