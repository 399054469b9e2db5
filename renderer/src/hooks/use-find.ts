/**
 * The window's find and replace: the query and its options, the open
 * document's editor (which searches its own ProseMirror document live, through
 * the find plugin), the project search (pages from the main process, with
 * progress; the first page arrives fast), and replacing one, all in a
 * document, or all in the project (the open document through one ProseMirror
 * transaction, one undo step; the others through the store, one save each).
 * React reads it with `useFind`; the open document registers itself with
 * `useFindTarget`.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { FileProblem, ProjectSearchDocument } from '../../../shared/ipc/contract';
import type { DocumentMeta } from '../../../shared/model/document';
import { compilePattern, replaceInMeta, searchDocument, searchQuery, SEARCH_FIRST_PAGE_MS, SEARCH_PAGE_MS, type CompiledPattern, type SearchHit, type SearchScope } from '../../../shared/search';
import type { EditorController } from '../../editor/controller';
import { findNext, findState, goToMatch, hitPosition, replaceAll, replaceCurrent, setFind } from '../../editor/find';
import { Listeners } from '../../editor/listeners';
import { api, errorMessage } from '../api';
import { showDocument } from '../navigation';
import { editorsStore } from '../window-services';
import { isoToday } from '../../../shared/model/provenance';

/** The open document, as find reaches it. */
export interface FindTarget {
  id: string;
  controller: EditorController;
  /** The document's metadata as edited now. */
  getMeta(): DocumentMeta;
  /** Replaces the metadata (the details form shows it; autosave saves it). */
  setMeta(meta: DocumentMeta): void;
}

export interface FindOptions {
  pattern: string;
  replacement: string;
  regex: boolean;
  caseSensitive: boolean;
  wholeWord: boolean;
  scope: SearchScope;
  asCorrection: boolean;
  /** The open document only, or every document of the project. */
  area: 'document' | 'project';
}

export interface ProjectResults {
  running: boolean;
  scanned: number;
  total: number;
  documents: ProjectSearchDocument[];
  problems: FileProblem[];
  /** Milliseconds from asking to the first page. */
  firstPageMs: number | null;
}

export interface FindSnapshot {
  open: boolean;
  replace: boolean;
  options: FindOptions;
  /** Why the pattern finds nothing (an invalid regular expression), shown beside the field. */
  error: string | null;
  project: ProjectResults | null;
  /** What the last replace did, or a failure. */
  status: string | null;
  /** A replace across the project under way. */
  busy: string | null;
  /** Bumped when the panel should focus a field. */
  focus: { field: 'find' | 'replace'; token: number };
  /** The open document's id, when one is open. */
  targetId: string | null;
}

interface Services {
  /** Saves every pending edit (before the store changes other documents). */
  flushAll(): Promise<unknown>;
  /** Reloads the project's document list (counts change after a replace). */
  reload(): Promise<unknown>;
}

/** Documents replaced per request: progress shows between requests. */
const REPLACE_BATCH = 20;
/** After typing in the find field, the project search waits this long. */
const PROJECT_DELAY_MS = 200;

const INITIAL: FindSnapshot = {
  open: false,
  replace: false,
  options: { pattern: '', replacement: '', regex: false, caseSensitive: false, wholeWord: false, scope: 'all', asCorrection: false, area: 'document' },
  error: null,
  project: null,
  status: null,
  busy: null,
  focus: { field: 'find', token: 0 },
  targetId: null,
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export class FindStore {
  private snapshot: FindSnapshot = INITIAL;
  private readonly listeners = new Listeners();
  private target: FindTarget | null = null;
  private services: Services | null = null;
  private searchToken = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private stopDocListener: (() => void) | null = null;
  private pending: { id: string; hit: SearchHit } | null = null;
  subscribe = this.listeners.subscribe;
  getSnapshot = (): FindSnapshot => this.snapshot;

  private set(patch: Partial<FindSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.emit();
  }

  configure(services: Services): void {
    this.services = services;
  }

  /** The open document, if one is registered. */
  currentTarget(): FindTarget | null {
    return this.target;
  }

  /** The compiled query (ok or why not), or null when the field is empty. */
  compiled(): CompiledPattern | null {
    const { options } = this.snapshot;
    if (!options.pattern) return null;
    return compilePattern(searchQuery({ pattern: options.pattern, regex: options.regex, caseSensitive: options.caseSensitive, wholeWord: options.wholeWord, scope: options.scope }));
  }

  /** The open document registers itself (and leaves with `detach`). */
  attach(target: FindTarget): void {
    this.target = target;
    this.stopDocListener?.();
    // Edits map the matches at once; the document is searched again when typing pauses.
    this.stopDocListener = target.controller.onDocChange(() => this.scheduleRefresh());
    this.set({ targetId: target.id });
    this.applyToTarget();
    const pending = this.pending;
    if (pending?.id === target.id) {
      this.pending = null;
      this.goToHit(target.id, pending.hit);
    }
  }

  detach(target: FindTarget): void {
    if (this.target !== target) return;
    this.stopDocListener?.();
    this.stopDocListener = null;
    this.target = null;
    this.set({ targetId: null });
  }

  /** The open document's metadata matches (its body's are in the find plugin). */
  metaHits(): SearchHit[] {
    const compiled = this.compiled();
    if (!this.target || !compiled?.ok) return [];
    return searchDocument(null, this.target.getMeta(), compiled, this.snapshot.replace ? this.replacement() : undefined);
  }

  private replacement(): string {
    return this.snapshot.options.replacement.normalize('NFC');
  }

  private applyToTarget(): void {
    const target = this.target;
    if (!target) return;
    const compiled = this.snapshot.open ? this.compiled() : null;
    target.controller.run(setFind(compiled?.ok ? compiled : null, this.snapshot.replace ? this.replacement() : undefined), false);
  }

  private scheduleRefresh(): void {
    if (!this.snapshot.open || !this.snapshot.options.pattern) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      this.applyToTarget();
    }, 300);
  }

  /** Opens the panel: find in the document, find and replace, or find in the project. */
  openPanel(mode: 'find' | 'replace' | 'project', pattern?: string): void {
    const { options, focus } = this.snapshot;
    const state = this.target?.controller.getState();
    // The selection, if it is a short phrase, becomes the pattern (as editors do).
    let prefill = pattern;
    if (prefill === undefined && state && !state.selection.empty) {
      const text = state.doc.textBetween(state.selection.from, state.selection.to);
      if (text.length <= 200 && !text.includes('\n')) prefill = options.regex ? text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : text;
    }
    const area = mode === 'project' ? 'project' : this.snapshot.open ? options.area : 'document';
    this.set({
      open: true,
      replace: mode === 'replace' || (mode === 'project' && this.snapshot.replace),
      options: { ...options, area, pattern: prefill ?? options.pattern },
      error: null,
      status: null,
      focus: { field: mode === 'replace' && options.pattern && prefill === undefined ? 'replace' : 'find', token: focus.token + 1 },
    });
    this.changed(true);
  }

  close(): void {
    this.searchToken++;
    this.set({ open: false, project: null, status: null });
    this.applyToTarget();
    this.target?.controller.focus();
  }

  /** Changes options; the document is searched again at once, the project a moment later. */
  update(patch: Partial<FindOptions>): void {
    this.set({ options: { ...this.snapshot.options, ...patch }, status: null });
    this.changed(!('pattern' in patch) && !('replacement' in patch));
  }

  /** Shows or hides the replace field. */
  setReplace(replace: boolean): void {
    this.set({ replace });
    this.changed(false);
  }

  private changed(projectNow: boolean): void {
    const compiled = this.compiled();
    this.set({ error: compiled && !compiled.ok ? compiled.error : null });
    this.applyToTarget();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.snapshot.options.area !== 'project' || !compiled?.ok) {
      this.searchToken++;
      this.set({ project: null });
      return;
    }
    if (projectNow) void this.searchProject();
    else this.timer = setTimeout(() => void this.searchProject(), PROJECT_DELAY_MS);
  }

  /** Searches every stored document, page by page; a newer search stops an older one. */
  async searchProject(): Promise<void> {
    const compiled = this.compiled();
    if (!compiled?.ok) return;
    const token = ++this.searchToken;
    const started = performance.now();
    const results: ProjectResults = { running: true, scanned: 0, total: 0, documents: [], problems: [], firstPageMs: null };
    this.set({ project: results });
    let from: number | null = 0;
    try {
      while (from !== null) {
        const page = await api.searchProject({
          query: compiled.query,
          replacement: this.snapshot.replace ? this.replacement() : undefined,
          from,
          budgetMs: from === 0 ? SEARCH_FIRST_PAGE_MS : SEARCH_PAGE_MS,
        });
        if (token !== this.searchToken) return;
        const current = this.snapshot.project ?? results;
        this.set({
          project: {
            ...current,
            scanned: page.scanned,
            total: page.total,
            documents: [...current.documents, ...page.documents],
            problems: [...current.problems, ...page.problems],
            firstPageMs: current.firstPageMs ?? Math.round(performance.now() - started),
            running: page.next !== null,
          },
        });
        from = page.next;
      }
    } catch (err) {
      if (token === this.searchToken) this.set({ project: { ...(this.snapshot.project ?? results), running: false }, status: errorMessage(err) });
    }
  }

  /** Next (1) or previous (-1) match in the open document; with none there, the next document with matches. */
  next(dir: 1 | -1): void {
    if (!this.snapshot.open) {
      if (this.snapshot.options.pattern) this.set({ open: true });
      this.changed(true);
    }
    const controller = this.target?.controller;
    const state = controller?.getState();
    if (controller && state && findState(state)?.hits.length) {
      controller.run(findNext(dir), false);
      this.reveal();
      return;
    }
    const others = (this.snapshot.project?.documents ?? []).filter((d) => d.id !== this.target?.id && d.hits.length);
    const doc = dir > 0 ? others[0] : others[others.length - 1];
    if (doc) this.goToHit(doc.id, dir > 0 ? doc.hits[0] : doc.hits[doc.hits.length - 1]);
  }

  /** Goes to a match: in the open document at once, in another once it opens. */
  goToHit(id: string, hit: SearchHit): void {
    const target = this.target;
    if (!target || target.id !== id) {
      this.pending = { id, hit };
      showDocument(id);
      return;
    }
    if (hit.place.kind === 'meta') return;
    const state = target.controller.getState();
    const hits = state ? (findState(state)?.hits ?? []) : [];
    // The same match as found in the stored version, or the nearest one of that row.
    let index = hits.findIndex((h) => hitPosition(h) === hitPosition(hit) && h.text === hit.text);
    if (index < 0) index = hits.findIndex((h) => h.place.kind === hit.place.kind && 'segment' in h.place && 'segment' in hit.place && h.place.segment >= hit.place.segment);
    if (index >= 0) target.controller.run(goToMatch(index), false);
    this.reveal();
  }

  /**
   * Brings the current match on screen once the rows around it are drawn (a long
   * document draws a far row a frame later, and the editor need not have the focus).
   */
  private reveal(): void {
    const view = this.target?.controller.editorView;
    if (!view) return;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const current = view.isDestroyed ? null : view.dom.querySelector('.find-current');
        if (!current) return;
        const box = current.getBoundingClientRect();
        const frame = (view.dom.closest('.document-scroll') ?? document.documentElement).getBoundingClientRect();
        if (box.top < frame.top || box.bottom > frame.bottom) current.scrollIntoView({ block: 'center' });
      }),
    );
  }

  /** Replaces the current match of the open document and goes to the next. */
  replaceOne(): void {
    if (!this.target) return;
    this.target.controller.run(replaceCurrent(this.snapshot.options.asCorrection), false);
    this.reveal();
  }

  /** Replaces every match in one document (the open one: one undo step). */
  async replaceInDocument(id: string): Promise<void> {
    if (this.target?.id === id) {
      const { replaced, skipped } = this.replaceOpen();
      this.set({ status: `Replaced ${replaced} in this document${skipped ? `; ${skipped} left alone (${this.skipReason()})` : ''}.` });
      return;
    }
    await this.replaceStored([id]);
  }

  /** Replaces every match in every document. */
  async replaceInProject(): Promise<void> {
    const ids = (this.snapshot.project?.documents ?? []).map((d) => d.id).filter((id) => id !== this.target?.id);
    const open = this.target ? this.replaceOpen() : { replaced: 0, skipped: 0 };
    await this.replaceStored(ids, open);
  }

  private skipReason(): string {
    return this.snapshot.options.asCorrection ? 'the witness is read-only; a plain metadata field cannot keep a correction' : 'the witness is read-only';
  }

  /** The open document: the body in one transaction, the metadata as plain text. */
  private replaceOpen(): { replaced: number; skipped: number } {
    const target = this.target!;
    let replaced = 0;
    let skipped = 0;
    const asCorrection = this.snapshot.options.asCorrection;
    target.controller.run(
      replaceAll(asCorrection, (r, s) => {
        replaced += r;
        skipped += s;
      }),
      false,
    );
    // The body's corrections are stamped by the editor's provenance plugin; the metadata's here.
    const editor = editorsStore.currentId();
    const meta = replaceInMeta(target.getMeta(), this.metaHits(), { asCorrection, ...(editor ? { stamp: { resp: editor, when: isoToday() } } : {}) });
    if (meta.replaced) target.setMeta(meta.meta);
    return { replaced: replaced + meta.replaced, skipped: skipped + meta.skipped.length };
  }

  /** Other documents, through the store: a few per request, with progress. */
  private async replaceStored(ids: string[], open = { replaced: 0, skipped: 0 }): Promise<void> {
    const compiled = this.compiled();
    if (!compiled?.ok) return;
    let replaced = open.replaced;
    let skipped = open.skipped;
    let changed = open.replaced ? 1 : 0;
    try {
      await this.services?.flushAll();
      for (let i = 0; i < ids.length; i += REPLACE_BATCH) {
        this.set({ busy: `Replacing… ${i} of ${plural(ids.length, 'document')}` });
        const editor = editorsStore.currentId();
        const result = await api.replaceInDocuments({
          query: compiled.query,
          replacement: this.replacement(),
          ids: ids.slice(i, i + REPLACE_BATCH),
          asCorrection: this.snapshot.options.asCorrection,
          // The replacements say who made them, as the editor's own edits do.
          ...(editor ? { editor } : {}),
        });
        for (const d of result.documents) {
          replaced += d.replaced;
          skipped += d.skipped.length;
          if (d.replaced) changed++;
        }
      }
      this.set({
        busy: null,
        status: `Replaced ${replaced} in ${plural(changed, 'document')}${skipped ? `; ${skipped} left alone (${this.skipReason()})` : ''}.`,
      });
    } catch (err) {
      this.set({ busy: null, status: `Replacing stopped: ${errorMessage(err)} (documents already replaced are saved).` });
    }
    await this.services?.reload();
    if (this.snapshot.options.area === 'project') void this.searchProject();
  }
}

/** The window's one find store. */
export const findStore = new FindStore();

/** The find store's current state. */
export function useFind(): FindSnapshot {
  return useSyncExternalStore(findStore.subscribe, findStore.getSnapshot);
}

/** Registers the open document with find while it is mounted. */
export function useFindTarget(target: FindTarget): void {
  useEffect(() => {
    // Attached once the editor view exists (the controller's state is set by then).
    findStore.attach(target);
    return () => findStore.detach(target);
  }, [target]);
}
