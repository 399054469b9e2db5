/**
 * Handlers for the quality checks (shared/qa): the whole project on demand, one
 * document as the editor holds it (the live check), and "ignore here" kept in
 * project.json. The rules run here, in the main process (or the CLI), with the
 * English dictionary loaded once.
 *
 * Speed: the context (dictionary memo, glossary index) is kept while the glossary
 * in use is the same; how each document spells the glossary's names is counted
 * once per version of its file (keyed on the file's stamp) and the project's
 * counts are updated per document, never summed again per check. The project run
 * streams in pages like the project search (search.ts): each call checks documents
 * for about `budgetMs` and says where the next page starts.
 */
import type { HandlerTable, QaDocumentFindings, FileProblem } from '../../shared/ipc/contract';
import { bodyToNode, type DocumentMeta } from '../../shared/model/document';
import type { GlossaryEntry } from '../../shared/model/project';
import { glossaryInUse } from '../../shared/model/project';
import { atLeast, checkDocument, countForms, formMatches, qaContext, CheckedDocument, type FormCounts, type QaContext, type QaFinding, type Severity } from '../../shared/qa';
import type { ProjectStore } from '../store/project-store';
import { loadTermbase } from '../store/termbase';
import { englishSpeller } from './qa-speller';
import type { HandlerContext } from './index';
import { sharedLiveChecker, type LiveChecker, type QaWords } from '../qa-live/client';

type QaRequests = 'qaRun' | 'qaCheck' | 'qaIgnore';
type PMNode = ReturnType<typeof bodyToNode>;

/**
 * How each document spells the glossary's names, and the project's counts from
 * them: the other documents' counts of one entry are summed in the documents'
 * order (the order the spellings were first met decides ties), from the documents
 * that write that entry only.
 */
export class ProjectForms {
  private readonly order = new Map<string, number>();
  private readonly byDoc = new Map<string, FormCounts>();
  /** Entry id → the documents that write it. */
  private readonly byEntry = new Map<string, Set<string>>();
  /** Counts set, in all and per document (othersRevision). */
  private revision = 0;
  private readonly setsOf = new Map<string, number>();

  get size(): number {
    return this.byDoc.size;
  }

  get(id: string): FormCounts | undefined {
    return this.byDoc.get(id);
  }

  /** Sets (or replaces) one document's counts; a new document comes last. */
  set(id: string, counts: FormCounts): void {
    const old = this.byDoc.get(id);
    if (!this.order.has(id)) this.order.set(id, this.order.size);
    if (old) for (const entry of old.keys()) if (!counts.has(entry)) this.byEntry.get(entry)?.delete(id);
    for (const entry of counts.keys()) {
      let docs = this.byEntry.get(entry);
      if (!docs) this.byEntry.set(entry, (docs = new Set()));
      docs.add(id);
    }
    this.byDoc.set(id, counts);
    this.revision++;
    this.setsOf.set(id, (this.setsOf.get(id) ?? 0) + 1);
  }

  /** Changes whenever another document's counts are set: while it stays, `others(id, …)` answers the same. */
  othersRevision(id: string): number {
    return this.revision - (this.setsOf.get(id) ?? 0);
  }

  /** The project's counts without document `id`'s, for every entry any document writes. */
  othersAll(id: string): FormCounts {
    return this.others(id, this.byEntry.keys());
  }

  /** A copy to change apart from this one. */
  clone(): ProjectForms {
    const copy = new ProjectForms();
    const ids = [...this.order.keys()];
    for (const id of ids) {
      const counts = this.byDoc.get(id);
      if (counts) copy.set(id, counts);
    }
    return copy;
  }

  /**
   * The project's counts without document `id`'s (as stored here), for the entries
   * `entries` (the ones the document writes: the only ones its check reads).
   */
  others(id: string, entries: Iterable<string>): FormCounts {
    const mine = this.byDoc.get(id);
    const out: FormCounts = new Map();
    for (const entry of entries) {
      const docs = this.byEntry.get(entry);
      if (!docs?.size) continue;
      const ordered = [...docs].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
      const total = new Map<string, number>();
      for (const doc of ordered) for (const [form, n] of this.byDoc.get(doc)!.get(entry)!) total.set(form, (total.get(form) ?? 0) + n);
      const own = mine?.get(entry);
      const left = new Map<string, number>();
      for (const [form, n] of total) {
        const rest = n - (own?.get(form) ?? 0);
        if (rest > 0) left.set(form, rest);
      }
      if (left.size) out.set(entry, left);
    }
    return out;
  }
}

/** The words the rules check against, and the key naming them. */
type Words = QaWords;

/** What a glossary entry is to the rules (its id, type and spellings). */
function glossaryKey(entries: readonly Pick<GlossaryEntry, 'id' | 'type' | 'en' | 'variants'>[]): string {
  return entries.map((e) => `${e.id}\u0001${e.type}\u0001${e.en}\u0001${e.variants.join('\u0002')}`).join('\u0000');
}

/** One document as read for a check. */
interface Read {
  id: string;
  meta: DocumentMeta;
  node: PMNode;
  checked: CheckedDocument;
}

export function qaHandlers(ctx: HandlerContext & { liveChecker?: () => LiveChecker }): Pick<HandlerTable, QaRequests> {
  /** The QA context, kept while the store and the glossary in use stay the same. */
  let contextCache: { store: ProjectStore; key: string; context: QaContext } | null = null;
  /** Each document's counts as on disk, by its file's stamp, for one store and words. */
  let disk: { store: ProjectStore; key: string; byDoc: Map<string, { stamp: string; counts: FormCounts }> } | null = null;
  /** The counts the live check uses: the disk's, with the open documents' as the editor holds them. */
  let live: { store: ProjectStore; key: string; forms: ProjectForms } | null = null;
  /** The counts of the project run in progress (its pages after the first use them). */
  let running: { store: ProjectStore; context: QaContext; forms: ProjectForms } | null = null;
  /** The other documents' counts the last live check was given, while they stay the same. */
  let othersCache: { forms: ProjectForms; id: string; revision: number; counts: FormCounts } | null = null;
  let checker: LiveChecker | null = null;
  const liveChecker = (): LiveChecker => (checker ??= ctx.liveChecker?.() ?? sharedLiveChecker());

  /** The words of a project: the glossary in use, the termbase's entries. */
  async function wordsOf(store: ProjectStore): Promise<Words> {
    const termbase = await loadTermbase().catch(() => null);
    const glossary = glossaryInUse(store.glossary, store.project.settings.termbase);
    const extra = termbase?.entries ?? [];
    return { key: `${glossaryKey(glossary)}\u0003${glossaryKey(extra)}`, glossary, extra };
  }

  /** The QA context of a project: the dictionary, the glossary in use, the termbase's words. */
  async function contextOf(store: ProjectStore): Promise<{ context: QaContext; words: Words }> {
    const [speller, words] = await Promise.all([englishSpeller(), wordsOf(store)]);
    if (contextCache?.store === store && contextCache.key === words.key) return { context: contextCache.context, words };
    const context = qaContext(speller, words.glossary, words.extra);
    contextCache = { store, key: words.key, context };
    return { context, words };
  }

  async function readOne(store: ProjectStore, id: string): Promise<Read> {
    const doc = await store.readDocument(id);
    const node = bodyToNode(doc.body);
    return { id, meta: doc.meta, node, checked: new CheckedDocument(id, doc.meta, node) };
  }

  /**
   * Every readable document's spellings as on disk, in the project's order; a
   * document is read again only when its file changed. `keep` receives the
   * documents that were read (so a whole run reads each once).
   */
  async function countProject(store: ProjectStore, words: Words, keep?: Map<string, Read>): Promise<{ forms: ProjectForms; problems: Map<string, FileProblem> }> {
    if (disk?.store !== store || disk.key !== words.key) disk = { store, key: words.key, byDoc: new Map() };
    const cached = disk.byDoc;
    const forms = new ProjectForms();
    const problems = new Map<string, FileProblem>();
    const ids = new Set<string>();
    for (const { id } of store.project.documents) {
      ids.add(id);
      // The stamp is taken before the read: a file saved meanwhile is read again next time.
      const stamp = await store.documentStamp(id);
      const known = cached.get(id);
      if (known && stamp && known.stamp === stamp) {
        forms.set(id, known.counts);
        continue;
      }
      try {
        const read = await readOne(store, id);
        const counts = countForms(formMatches(read.checked, words.glossary));
        cached.set(id, { stamp, counts });
        forms.set(id, counts);
        keep?.set(id, read);
      } catch (err) {
        cached.delete(id);
        problems.set(id, { file: `documents/${id}.json`, message: (err as Error).message });
      }
    }
    for (const id of cached.keys()) if (!ids.has(id)) cached.delete(id);
    return { forms, problems };
  }

  /** The live check's counts, read from disk once per store and kept in step by the checks. */
  async function liveForms(store: ProjectStore, words: Words): Promise<ProjectForms> {
    if (live?.store === store && live.key === words.key && live.forms.size === store.project.documents.length) return live.forms;
    const { forms } = await countProject(store, words);
    live = { store, key: words.key, forms };
    return forms;
  }

  /** The other documents' counts for a live check of `id`, worked out again only when one of them changed. */
  function othersFor(forms: ProjectForms, id: string): FormCounts {
    const revision = forms.othersRevision(id);
    if (othersCache?.forms !== forms || othersCache.id !== id || othersCache.revision !== revision) {
      othersCache = { forms, id, revision, counts: forms.othersAll(id) };
    }
    return othersCache.counts;
  }

  function ignoredKeys(store: ProjectStore): Set<string> {
    return new Set(store.project.settings.qaIgnored);
  }

  /** Runs the rules on one document with the rest of the project's spellings. */
  function check(read: Read, context: QaContext, forms: ProjectForms, ignored: Set<string>, severity?: Severity) {
    const own = countForms(formMatches(read.checked, context.glossary));
    const otherForms = forms.others(read.id, own.keys());
    const all = checkDocument(read.id, read.meta, read.node, { ...context, otherForms }, { severity, checked: read.checked });
    const findings = all.filter((f) => !ignored.has(f.key));
    return { findings, ignoredCount: all.length - findings.length, own };
  }

  return {
    async qaRun({ ids, severity, from, budgetMs }) {
      const store = ctx.store();
      const { context, words } = await contextOf(store);
      const order = store.project.documents.map((d) => d.id);
      const start = Math.min(from, order.length);
      const problems: FileProblem[] = [];
      // A whole run keeps what it read to count names; a paged run reads each page afresh.
      const kept = budgetMs === undefined ? new Map<string, Read>() : undefined;
      let forms: ProjectForms;
      let unreadable = new Map<string, FileProblem>();
      if (start === 0 || running?.store !== store || running.context !== context) {
        const counted = await countProject(store, words, kept);
        forms = counted.forms;
        unreadable = counted.problems;
        running = { store, context, forms };
        // As after a run before: the live check starts from the disk's counts.
        live = { store, key: words.key, forms: forms.clone() };
      } else forms = running.forms;
      const ignored = ignoredKeys(store);
      const wanted = ids ? new Set(ids) : null;
      const documents: QaDocumentFindings[] = [];
      let ignoredCount = 0;
      const started = performance.now();
      let index = start;
      while (index < order.length) {
        const id = order[index++];
        if (wanted && !wanted.has(id)) continue;
        const problem = unreadable.get(id);
        if (problem) {
          problems.push(problem);
          continue;
        }
        let read = kept?.get(id);
        kept?.delete(id);
        if (!read) {
          try {
            read = await readOne(store, id);
          } catch (err) {
            problems.push({ file: `documents/${id}.json`, message: (err as Error).message });
            continue;
          }
        }
        const result = check(read, context, forms, ignored, severity);
        ignoredCount += result.ignoredCount;
        documents.push({ id, title: read.meta.title, findings: result.findings });
        if (budgetMs !== undefined && performance.now() - started >= budgetMs) break;
      }
      const next = index < order.length ? index : null;
      if (next === null && running?.forms === forms) running = null;
      return { documents, problems, ignored: ignoredCount, scanned: index, total: order.length, next };
    },

    async qaCheck({ id, meta, body }) {
      const store = ctx.store();
      const words = await wordsOf(store);
      const forms = await liveForms(store, words);
      const docMeta = meta ?? (await store.readDocument(id)).meta;
      // The rules run in the live check's worker: a long document's check takes hundreds of milliseconds.
      const result = await liveChecker().check({ document: id, meta: docMeta, body, words, otherForms: othersFor(forms, id), ignored: [...ignoredKeys(store)] });
      // The open document's spellings as the editor holds them, for the next check of any document.
      forms.set(id, result.own);
      return { findings: result.findings, ignored: result.ignoredCount };
    },

    async qaIgnore({ key, ignore }) {
      const store = ctx.store();
      const has = store.project.settings.qaIgnored.includes(key);
      if (ignore !== has) {
        await store.updateProject((project) => {
          project.settings.qaIgnored = ignore ? [...project.settings.qaIgnored, key] : project.settings.qaIgnored.filter((k) => k !== key);
        });
      }
      return { ignored: store.project.settings.qaIgnored.length };
    },
  };
}

/** Findings at `floor` or worse. */
export function above(findings: readonly QaFinding[], floor: Severity): QaFinding[] {
  return findings.filter((f) => atLeast(f.severity, floor));
}
