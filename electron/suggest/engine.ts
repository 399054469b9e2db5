/**
 * The suggester's engine: one project's suggester, kept up to date by syncs, answering
 * suggestions and drafts. It runs in the suggester's worker (worker.ts) for the app, and in
 * process for the CLI, whose own process nothing else shares.
 *
 * The lexicon and the word model are read on first use (in the worker, so their parsing and
 * the lexical index never hold up the main process); a sync of a saved document changes
 * the word counts by that document's texts alone (ProjectSuggester.update).
 */
import { createSuggester, type ProjectSuggester, type SuggestOptions, type Suggestion } from '../../shared/korean/suggest';
import { draftLine, type DraftLine } from '../../shared/korean/draft';
import type { LexiconData } from '../../shared/korean/lexicon';
import type { KoreanModel } from '../../shared/korean/model';
import { loadLexicon } from '../store/lexicon';
import { loadKoreanModel } from '../store/korean-model';
import type { DraftRowRequest, SyncRequest } from './protocol';

/** Where the engine gets its tables (the shipped ones unless told otherwise). */
export interface EngineData {
  lexicon(): Promise<LexiconData | undefined>;
  model(): Promise<KoreanModel | undefined>;
}

const SHIPPED: EngineData = { lexicon: loadLexicon, model: loadKoreanModel };

/** Thrown by {@link SuggestEngine.draft} when the caller cancelled it. */
export class DraftCancelled extends Error {
  constructor() {
    super('The draft was cancelled');
    this.name = 'DraftCancelled';
  }
}

/** Thrown when a request names a project the engine does not hold (never synced, or evicted). */
export class UnknownProject extends Error {
  constructor(project: number) {
    super(`The suggester does not hold project ${project} (sync it first)`);
    this.name = 'UnknownProject';
  }
}

interface ProjectState {
  texts: string[];
  glossary: NonNullable<SyncRequest['glossary']>;
  suggester: Promise<ProjectSuggester> | null;
}

/** Projects held at once (the lexical index under them is one, shared); the least recently used goes. */
const MAX_PROJECTS = 4;

export class SuggestEngine {
  private readonly projects = new Map<number, ProjectState>();
  private warming: Promise<unknown> | null = null;

  constructor(private readonly data: EngineData = SHIPPED) {}

  /** Reads the tables and builds the lexical index now, so the first suggestion does not wait for them. */
  async warm(): Promise<void> {
    this.warming ??= this.build([], []).catch((err: unknown) => {
      this.warming = null;
      throw err;
    });
    await this.warming;
  }

  /** Applies a project's change; the next answers for that project see it. */
  async sync(req: SyncRequest): Promise<void> {
    let state = req.reset ? undefined : this.projects.get(req.project);
    // A change to a project this engine does not hold cannot be applied: the caller sends it whole.
    if (!state && !req.reset) throw new UnknownProject(req.project);
    // Most recently used last: the first is the one to evict.
    this.projects.delete(req.project);
    if (!state || !state.suggester) {
      // A new project starts from nothing; one whose build failed is built again.
      state ??= { texts: [], glossary: [], suggester: null };
      state.texts = applySplice(state.texts, req.corpus);
      state.glossary = req.glossary ?? state.glossary;
      state.suggester = this.build(state.texts, state.glossary);
      this.hold(req.project, state);
      await state.suggester;
      return;
    }
    this.hold(req.project, state);
    const suggester = await state.suggester;
    let add: string[] = [];
    let remove: string[] = [];
    if (req.corpus) {
      const { start, remove: n, insert } = req.corpus;
      remove = state.texts.slice(start, start + n);
      add = insert;
      state.texts = applySplice(state.texts, req.corpus);
    }
    if (req.glossary) state.glossary = req.glossary;
    if (!add.length && !remove.length && !req.glossary) return;
    suggester.update({ add, remove, ...(req.glossary ? { glossary: req.glossary } : {}) });
  }

  async suggest(project: number, token: string, options: SuggestOptions): Promise<Suggestion[]> {
    return (await this.suggesterOf(project)).suggest(token, options);
  }

  /**
   * Drafts rows line by line, yielding between lines so that suggestions and a cancel
   * are answered while a long draft runs; `cancelled` is asked before every line.
   */
  async draft(project: number, rows: DraftRowRequest[], cancelled: () => boolean = () => false): Promise<DraftLine[][]> {
    const suggester = await this.suggesterOf(project);
    const out: DraftLine[][] = [];
    for (const row of rows) {
      const lines: DraftLine[] = [];
      for (const witness of row.witness) {
        if (cancelled()) throw new DraftCancelled();
        lines.push(draftLine(witness, suggester, row.english ? { english: row.english } : {}));
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      out.push(lines);
    }
    if (cancelled()) throw new DraftCancelled();
    return out;
  }

  private hold(project: number, state: ProjectState): void {
    this.projects.set(project, state);
    for (const key of this.projects.keys()) {
      if (this.projects.size <= MAX_PROJECTS) break;
      this.projects.delete(key);
    }
  }

  private suggesterOf(project: number): Promise<ProjectSuggester> {
    const state = this.projects.get(project);
    if (!state?.suggester) throw new UnknownProject(project);
    return state.suggester;
  }

  private build(corpus: string[], glossary: NonNullable<SyncRequest['glossary']>): Promise<ProjectSuggester> {
    const building = Promise.all([this.data.lexicon(), this.data.model()]).then(([lexicon, model]) =>
      createSuggester({
        ...(lexicon ? { lexicon } : {}),
        ...(model ? { model } : {}),
        glossary,
        corpus,
      }),
    );
    // A failed read (a missing table) is reported to this caller and retried by the next sync.
    building.catch(() => {
      for (const state of this.projects.values()) if (state.suggester === building) state.suggester = null;
    });
    return building;
  }
}

/** The texts with the splice applied (a new array). */
export function applySplice(texts: string[], splice: SyncRequest['corpus']): string[] {
  if (!splice) return texts;
  // concat, not splice(...insert): a whole corpus is too many arguments for one call.
  return texts.slice(0, splice.start).concat(splice.insert, texts.slice(splice.start + splice.remove));
}
