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

export class SuggestEngine {
  private project = -1;
  private texts: string[] = [];
  private glossary: NonNullable<SyncRequest['glossary']> = [];
  private suggester: Promise<ProjectSuggester> | null = null;

  constructor(private readonly data: EngineData = SHIPPED) {}

  /** Reads the tables and builds the lexical index now, so the first suggestion does not wait for them. */
  async warm(): Promise<void> {
    await (this.suggester ?? this.build([]));
  }

  /** Applies a project's change; the next answers see it. */
  async sync(req: SyncRequest): Promise<void> {
    if (req.project !== this.project || !this.suggester) {
      // A new project starts from nothing; a suggester whose build failed is built again.
      if (req.project !== this.project) {
        this.texts = [];
        this.glossary = [];
      }
      this.project = req.project;
      this.texts = applySplice(this.texts, req.corpus);
      this.glossary = req.glossary ?? this.glossary;
      await (this.suggester = this.build(this.texts, this.glossary));
      return;
    }
    const suggester = await this.suggester;
    let add: string[] = [];
    let remove: string[] = [];
    if (req.corpus) {
      const { start, remove: n, insert } = req.corpus;
      remove = this.texts.slice(start, start + n);
      add = insert;
      this.texts = applySplice(this.texts, req.corpus);
    }
    if (req.glossary) this.glossary = req.glossary;
    if (!add.length && !remove.length && !req.glossary) return;
    suggester.update({ add, remove, ...(req.glossary ? { glossary: req.glossary } : {}) });
  }

  async suggest(token: string, options: SuggestOptions): Promise<Suggestion[]> {
    const suggester = await (this.suggester ?? (this.suggester = this.build([])));
    return suggester.suggest(token, options);
  }

  /**
   * Drafts rows line by line, yielding between lines so that suggestions and a cancel
   * are answered while a long draft runs; `cancelled` is asked before every line.
   */
  async draft(rows: DraftRowRequest[], cancelled: () => boolean = () => false): Promise<DraftLine[][]> {
    const suggester = await (this.suggester ?? (this.suggester = this.build([])));
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

  private build(corpus: string[], glossary: SyncRequest['glossary'] = []): Promise<ProjectSuggester> {
    const building = Promise.all([this.data.lexicon(), this.data.model()]).then(([lexicon, model]) =>
      createSuggester({
        ...(lexicon ? { lexicon } : {}),
        ...(model ? { model } : {}),
        glossary,
        corpus,
      }),
    );
    // A failed read (a missing table) is reported to this caller and retried by the next.
    building.catch(() => {
      if (this.suggester === building) this.suggester = null;
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
