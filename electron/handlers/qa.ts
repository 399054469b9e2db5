/**
 * Handlers for the quality checks (shared/qa): the whole project on demand, one
 * document as the editor holds it (the live check), and "ignore here" kept in
 * project.json. The rules run here, in the main process (or the CLI), with the
 * English dictionary loaded once.
 */
import type { HandlerTable, QaDocumentFindings, FileProblem } from '../../shared/ipc/contract';
import { bodyToNode, type DocumentMeta } from '../../shared/model/document';
import { glossaryInUse } from '../../shared/model/project';
import { atLeast, checkDocument, countForms, formMatches, qaContext, CheckedDocument, type FormCounts, type QaContext, type QaFinding, type Severity } from '../../shared/qa';
import type { ProjectStore } from '../store/project-store';
import { loadTermbase } from '../store/termbase';
import { englishSpeller } from './qa-speller';
import type { HandlerContext } from './index';

type QaRequests = 'qaRun' | 'qaCheck' | 'qaIgnore';

/** Spellings of names per document, kept between checks (the live check needs the other documents'). */
interface FormCache {
  store: ProjectStore;
  byDoc: Map<string, FormCounts>;
}

function subtract(total: FormCounts, own: FormCounts | undefined): FormCounts {
  const out: FormCounts = new Map();
  for (const [id, forms] of total) {
    const mine = own?.get(id);
    const left = new Map<string, number>();
    for (const [form, n] of forms) {
      const rest = n - (mine?.get(form) ?? 0);
      if (rest > 0) left.set(form, rest);
    }
    if (left.size) out.set(id, left);
  }
  return out;
}

function sum(all: Iterable<FormCounts>): FormCounts {
  const out: FormCounts = new Map();
  for (const counts of all) {
    for (const [id, forms] of counts) {
      const into = out.get(id) ?? new Map<string, number>();
      for (const [form, n] of forms) into.set(form, (into.get(form) ?? 0) + n);
      out.set(id, into);
    }
  }
  return out;
}

/** The QA context of a project: the dictionary, the glossary in use, the termbase's words. */
async function contextOf(store: ProjectStore): Promise<QaContext> {
  const [speller, termbase] = await Promise.all([englishSpeller(), loadTermbase().catch(() => null)]);
  return qaContext(speller, glossaryInUse(store.glossary, store.project.settings.termbase), termbase?.entries ?? []);
}

export function qaHandlers(ctx: HandlerContext): Pick<HandlerTable, QaRequests> {
  let cache: FormCache | null = null;

  /** Every document's name spellings, read once per store and kept in step by the checks. */
  async function formsOf(store: ProjectStore, context: QaContext): Promise<FormCache> {
    if (cache?.store === store && cache.byDoc.size === store.project.documents.length) return cache;
    const byDoc = new Map<string, FormCounts>();
    for (const { id } of store.project.documents) {
      try {
        const doc = await store.readDocument(id);
        byDoc.set(id, countForms(formMatches(new CheckedDocument(id, doc.meta, bodyToNode(doc.body)), context.glossary)));
      } catch {
        // A damaged document is reported by the run that reads it.
      }
    }
    cache = { store, byDoc };
    return cache;
  }

  function ignoredKeys(store: ProjectStore): Set<string> {
    return new Set(store.project.settings.qaIgnored);
  }

  /** Runs the rules on one document with the rest of the project's spellings. */
  function check(id: string, meta: DocumentMeta, node: ReturnType<typeof bodyToNode>, context: QaContext, forms: FormCache, total: FormCounts, ignored: Set<string>, severity?: Severity, counted?: FormCounts) {
    const own = counted ?? countForms(formMatches(new CheckedDocument(id, meta, node), context.glossary));
    const all = checkDocument(id, meta, node, { ...context, otherForms: subtract(total, forms.byDoc.get(id)) }, { severity });
    const findings = all.filter((f) => !ignored.has(f.key));
    return { findings, ignoredCount: all.length - findings.length, own };
  }

  return {
    async qaRun({ ids, severity }) {
      const store = ctx.store();
      const context = await contextOf(store);
      // One read of every document: its names are counted for the project, then it is checked.
      const read: { id: string; meta: DocumentMeta; node: ReturnType<typeof bodyToNode> }[] = [];
      const problems: FileProblem[] = [];
      const byDoc = new Map<string, FormCounts>();
      for (const { id } of store.project.documents) {
        try {
          const doc = await store.readDocument(id);
          const node = bodyToNode(doc.body);
          byDoc.set(id, countForms(formMatches(new CheckedDocument(id, doc.meta, node), context.glossary)));
          read.push({ id, meta: doc.meta, node });
        } catch (err) {
          problems.push({ file: `documents/${id}.json`, message: (err as Error).message });
        }
      }
      cache = { store, byDoc };
      const total = sum(byDoc.values());
      const ignored = ignoredKeys(store);
      const wanted = ids ? new Set(ids) : null;
      const documents: QaDocumentFindings[] = [];
      let ignoredCount = 0;
      for (const { id, meta, node } of read) {
        if (wanted && !wanted.has(id)) continue;
        const result = check(id, meta, node, context, cache, total, ignored, severity, byDoc.get(id));
        ignoredCount += result.ignoredCount;
        documents.push({ id, title: meta.title, findings: result.findings });
      }
      return { documents, problems: wanted ? problems.filter((p) => wanted.has(p.file.slice(10, -5))) : problems, ignored: ignoredCount };
    },

    async qaCheck({ id, meta, body }) {
      const store = ctx.store();
      const context = await contextOf(store);
      const forms = await formsOf(store, context);
      const total = sum(forms.byDoc.values());
      let node;
      try {
        node = bodyToNode(body);
      } catch (err) {
        throw new Error(`The document to check is not valid: ${(err as Error).message}`, { cause: err });
      }
      const result = check(id, meta ?? (await store.readDocument(id)).meta, node, context, forms, total, ignoredKeys(store));
      // The open document's spellings as the editor holds them, for the next check of any document.
      forms.byDoc.set(id, result.own);
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
