/**
 * Handlers for find and replace across the project (shared/search), over the
 * stored documents. The search streams in pages: each call looks at documents
 * for about `budgetMs` (at least one) and says where the next page starts, so
 * the first results arrive fast and the caller shows progress between pages.
 * A replace saves each document that changes once.
 */
import type { FileProblem, HandlerTable, ProjectReplaceDocument, ProjectSearchDocument } from '../../shared/ipc/contract';
import { bodyToNode } from '../../shared/model/document';
import { compilePattern, countHits, describePlace, replaceInDocument, searchDocument } from '../../shared/search';
import { UserError } from '../../shared/errors';
import { isoToday } from '../../shared/model/provenance';
import type { HandlerContext } from './index';

type SearchRequests = 'searchProject' | 'replaceInDocuments';

function problemOf(id: string, err: unknown): FileProblem {
  return { file: `documents/${id}.json`, message: err instanceof Error ? err.message : String(err) };
}

export function searchHandlers(ctx: HandlerContext): Pick<HandlerTable, SearchRequests> {
  return {
    async searchProject({ query, replacement, from, exclude, maxHits, budgetMs }) {
      const compiled = compilePattern(query);
      if (!compiled.ok) throw new UserError(compiled.error, 'invalid-pattern');
      const store = ctx.store();
      // The project's document index is the order every page agrees on.
      const ids = store.project.documents.map((d) => d.id);
      const skip = new Set(exclude);
      const documents: ProjectSearchDocument[] = [];
      const problems: FileProblem[] = [];
      const started = performance.now();
      let index = Math.min(from, ids.length);
      while (index < ids.length) {
        const id = ids[index++];
        if (skip.has(id)) continue;
        try {
          const doc = await store.readDocument(id);
          const hits = searchDocument(bodyToNode(doc.body), doc.meta, compiled, replacement);
          if (hits.length) {
            documents.push({ id, title: doc.meta.title, date: doc.meta.date, counts: countHits(hits), hits: hits.slice(0, maxHits) });
          }
        } catch (err) {
          problems.push(problemOf(id, err));
        }
        if (performance.now() - started >= budgetMs) break;
      }
      return { documents, problems, scanned: index, total: ids.length, next: index < ids.length ? index : null };
    },

    async replaceInDocuments({ query, replacement, ids, asCorrection, editor }) {
      const compiled = compilePattern(query);
      if (!compiled.ok) throw new UserError(compiled.error, 'invalid-pattern');
      const store = ctx.store();
      // Corrections say who made them and when, as the editor's own do (provenance.ts).
      let stamp: { resp: string; when: string } | undefined;
      if (editor !== undefined) {
        const editors = store.project.settings.editors;
        const who = editors.find((e) => e.id === editor) ?? editors.find((e) => e.initials.toLowerCase() === editor.toLowerCase());
        if (!who) {
          const known = editors.map((e) => `${e.initials} (${e.name})`).join(', ');
          throw new UserError(`No editor ${editor} in this project; its editors: ${known || 'none yet (add one in the app)'}`, 'not-found');
        }
        stamp = { resp: who.id, when: isoToday() };
      }
      const documents: ProjectReplaceDocument[] = [];
      const problems: FileProblem[] = [];
      for (const id of ids) {
        let doc;
        try {
          doc = await store.readDocument(id);
        } catch (err) {
          problems.push(problemOf(id, err));
          continue;
        }
        const result = replaceInDocument(doc, query, replacement, { asCorrection, stamp });
        // One save per document, and none for a document with nothing replaced.
        if (result.replaced) await store.saveDocument(id, result.meta, result.body);
        documents.push({
          id,
          title: result.meta.title,
          replaced: result.replaced,
          skipped: result.skipped.map(({ hit, reason }) => ({ text: hit.text, where: describePlace(hit.place), reason })),
        });
      }
      return { documents, problems };
    },
  };
}
