/**
 * Handlers for restoring the Korean: the project's corpus and ranked suggestions
 * for a garbled witness token. The suggester is built once per project state and
 * rebuilt when the glossary or the restored text changes.
 */
import type { HandlerTable } from '../../shared/ipc/contract';
import { createSuggester } from '../../shared/korean/suggest';
import type { ProjectStore } from '../store/project-store';
import { loadLexicon } from '../store/lexicon';
import type { HandlerContext } from './index';

type RestorationRequests = 'suggest' | 'projectCorpus';

interface CachedSuggester {
  store: ProjectStore;
  revision: number;
  suggester: ReturnType<typeof createSuggester>;
}

export function restorationHandlers(ctx: HandlerContext): Pick<HandlerTable, RestorationRequests> {
  let cached: CachedSuggester | null = null;

  async function suggesterFor(store: ProjectStore) {
    // Every write to the project bumps its revision: rebuild only then.
    if (!cached || cached.store !== store || cached.revision !== store.revision) {
      const revision = store.revision;
      const [lexicon, koreanTexts] = await Promise.all([loadLexicon(), store.restoredKorean()]);
      cached = { store, revision, suggester: createSuggester({ lexicon, glossary: store.glossary, corpus: koreanTexts }) };
    }
    return cached.suggester;
  }

  return {
    async projectCorpus() {
      const store = ctx.store();
      return { glossary: store.glossary, koreanTexts: await store.restoredKorean() };
    },
    async suggest({ token, limit, context }) {
      const suggester = await suggesterFor(ctx.store());
      return suggester.suggest(token, { limit, context: { english: context.english, before: context.before, after: context.after } }).map((s) => ({
        text: s.text,
        garble: s.garble,
        source: s.source,
        score: s.score,
      }));
    },
  };
}
