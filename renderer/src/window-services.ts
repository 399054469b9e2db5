/**
 * The window's services, created once, here: the app layer is the only place that
 * knows the bridge (api.ts) and hands what the editor's plugins and commands need
 * to them (renderer/editor and renderer/restore never reach for the app
 * themselves). One notice list, one glossary, one glossary-form request channel.
 */
import { api, hasBridge } from './api';
import { addToGlossary as addToGlossaryWith, DraftRunner, GlossaryStore, RestoreUi, type RestoreServices, type SuggestFetch } from '../restore';
import { NoticeStore } from './notices';
import { EditorsStore } from './editors';
import type { ProvenanceOptions } from '../editor/provenance';

/** Every notice of the window (the Notices component shows them). */
export const notices = new NoticeStore();

/** The project's glossary (the glossary panel, auto-fill and suggestions read it). */
export const glossaryStore = new GlossaryStore(() => (hasBridge() ? api : null));

/** The glossary-form requests and notices of the restoration commands. */
export const restoreUi = new RestoreUi((kind, text) => notices.notify({ kind, text }));

/** Drafts rows through the app's decoder (`draftRows`), a few rows per request; one draft at a time. */
export const draftRunner = new DraftRunner(
  hasBridge() ? (rows) => api.draftRows({ rows }).then((answer) => answer.rows) : null,
  (kind, text) => notices.notify({ kind, text }),
);

/** What the restoration commands are given. */
export const restoreServices: RestoreServices = { glossary: glossaryStore, ui: restoreUi, draft: draftRunner };

/** "Add to glossary" for the glossary panel's button (the same command as the key's). */
export const addToGlossary = addToGlossaryWith(restoreUi);

/** How the editor asks for suggestions: the app's `suggest`, or none outside the app. */
export function suggestFetch(): SuggestFetch | null {
  return hasBridge() ? (request) => api.suggest(request) : null;
}

/** The project's editors and who is editing on this machine (EditorChooser shows and asks). */
export const editorsStore = new EditorsStore(() => (hasBridge() ? api : null));

/** What the editor's provenance plugin is given: the current editor, and whom to tell when there is none. */
export function provenanceOptions(): ProvenanceOptions {
  return { current: editorsStore.currentId, onUnstamped: editorsStore.askFirst };
}
