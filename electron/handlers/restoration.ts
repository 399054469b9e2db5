/**
 * Handlers for restoring the Korean: the project's corpus, ranked suggestions for a garbled
 * witness token, and drafts of whole witness rows. The suggester lives in a worker thread
 * (electron/suggest): the main process only tells it what changed, the documents whose
 * restored Korean changed and the glossary when it changed, and never waits on indexing,
 * ranking or drafting itself. A write that changes neither (English, metadata) costs a listing
 * of the restored texts and nothing in the worker.
 */
import type { HandlerTable } from '../../shared/ipc/contract';
import { glossaryInUse, type GlossaryEntry } from '../../shared/model/project';
import type { ProjectStore } from '../store/project-store';
import { sharedSuggestService, UnknownProject, type SuggestService } from '../suggest/client';
import { corpusSplice } from '../suggest/corpus-diff';
import type { HandlerContext } from './index';

type RestorationRequests = 'suggest' | 'draftRows' | 'projectCorpus';

interface Synced {
  store: ProjectStore;
  project: number;
  revision: number;
  glossary: string;
  texts: string[];
}

let projects = 0;
/** How long after the app starts its suggester is woken (the window's first paint comes first). */
export const WARM_AFTER_MS = 2000;

export function restorationHandlers(
  ctx: HandlerContext & { suggestService?: () => SuggestService },
): Pick<HandlerTable, RestorationRequests> {
  let service: SuggestService | null = null;
  const suggester = (): SuggestService => (service ??= ctx.suggestService?.() ?? sharedSuggestService());
  // The app (the one caller with a platform: not the CLI, not most tests) wakes the suggester
  // soon after it starts, so that the first suggestion finds the tables read and indexed.
  if (ctx.platform) setTimeout(() => suggester().warm(), WARM_AFTER_MS).unref?.();
  let synced: Synced | null = null;
  // One sync at a time: two requests after a save must not both send the same change.
  let syncing: Promise<void> = Promise.resolve();

  async function syncWith(store: ProjectStore): Promise<void> {
    // Every write bumps the revision; only then can the Korean or the glossary have changed.
    if (synced && synced.store === store && synced.revision === store.revision) return;
    const revision = store.revision;
    const glossary: GlossaryEntry[] = glossaryInUse(store.glossary, store.project.settings.termbase);
    const glossaryKey = JSON.stringify(glossary);
    const texts = await store.restoredKorean();
    if (!synced || synced.store !== store) {
      const project = ++projects;
      synced = { store, project, revision, glossary: glossaryKey, texts };
      await suggester().sync({ project, reset: true, glossary, corpus: { start: 0, remove: 0, insert: texts } });
      return;
    }
    const corpus = corpusSplice(synced.texts, texts);
    const glossaryChanged = glossaryKey !== synced.glossary;
    synced = { ...synced, revision, glossary: glossaryKey, texts };
    if (corpus || glossaryChanged)
      await suggester().sync({ project: synced.project, ...(glossaryChanged ? { glossary } : {}), ...(corpus ? { corpus } : {}) });
  }

  /** Runs `op` on the suggester with the project synced; a suggester that lost the project is sent it whole. */
  async function withProject<T>(op: (service: SuggestService, project: number) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const store = ctx.store();
      syncing = syncing.catch(() => undefined).then(() => syncWith(store));
      await syncing;
      return op(suggester(), (synced as Synced).project);
    };
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof UnknownProject)) throw err;
      synced = null;
      return run();
    }
  }

  return {
    async projectCorpus() {
      const store = ctx.store();
      // The window asks for the corpus when it opens a project: a good moment to wake the suggester.
      suggester().warm();
      return { glossary: glossaryInUse(store.glossary, store.project.settings.termbase), koreanTexts: await store.restoredKorean() };
    },
    async draftRows({ rows }) {
      // The same suggester as suggest: glossary, restored text, lexicon (and the word model).
      const drafts = await withProject((service, project) => service.draft(project, rows));
      return { rows: drafts.map((lines) => ({ lines })) };
    },
    async suggest({ token, limit, context }) {
      const found = await withProject((service, project) =>
        service.suggest(project, token, { limit, context: { english: context.english, before: context.before, after: context.after } }),
      );
      return found.map((s) => ({ text: s.text, garble: s.garble, source: s.source, score: s.score }));
    },
  };
}
