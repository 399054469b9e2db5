/**
 * Handlers for restoring the Korean: the project's corpus, ranked suggestions
 * for a garbled witness token, and drafts of whole witness rows. The suggester is
 * built once per project state and rebuilt when the glossary or the restored text
 * changes.
 */
import type { HandlerTable } from '../../shared/ipc/contract';
import { createSuggester } from '../../shared/korean/suggest';
import { glossaryInUse } from '../../shared/model/project';
import { draftLines } from '../../shared/korean/draft';
import type { ProjectStore } from '../store/project-store';
import { loadLexicon } from '../store/lexicon';
import { loadKoreanModel } from '../store/korean-model';
import type { HandlerContext } from './index';

type RestorationRequests = 'suggest' | 'draftRows' | 'projectCorpus';

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
      const [lexicon, koreanTexts, model] = await Promise.all([loadLexicon(), store.restoredKorean(), loadKoreanModel()]);
      cached = {
        store,
        revision,
        suggester: createSuggester({ lexicon, glossary: glossaryInUse(store.glossary, store.project.settings.termbase), corpus: koreanTexts, model }),
      };
    }
    return cached.suggester;
  }

  return {
    async projectCorpus() {
      const store = ctx.store();
      return { glossary: glossaryInUse(store.glossary, store.project.settings.termbase), koreanTexts: await store.restoredKorean() };
    },
    async draftRows({ rows }) {
      // The same suggester as suggest: glossary, restored text, lexicon (and the word model).
      const suggester = await suggesterFor(ctx.store());
      return { rows: rows.map((row) => ({ lines: draftLines(row.witness, suggester, { english: row.english }) })) };
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
