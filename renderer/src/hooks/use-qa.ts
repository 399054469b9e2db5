/**
 * The window's quality checks: the last run over the project (on demand, in the
 * main process) and the live findings of the open document (checked again a
 * moment after typing stops, off the typing path; mapped through edits between
 * checks). React reads the store with `useQa`; `useQaLive` keeps the open
 * document's findings current.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { QaDocumentFindings } from '../../../shared/ipc/contract';
import type { QaFinding } from '../../../shared/qa/types';
import type { EditorController } from '../../editor/controller';
import { goToFinding, mapFindings, revealSelection } from '../../editor/qa-fix';
import { Listeners } from '../../editor/listeners';
import { api, errorMessage } from '../api';
import { metaFieldsStore } from '../meta-fields';

/** How long after the last edit the open document is checked again. */
export const LIVE_DELAY_MS = 700;
/** How long one page of a project run may take in the main process. */
const PAGE_BUDGET_MS = 250;

export interface QaSnapshot {
  /** The last run over the project, null before the first. */
  run: QaDocumentFindings[] | null;
  running: boolean;
  /** Documents checked so far by the run under way (or the last run), of `total`. */
  progress: { scanned: number; total: number } | null;
  error: string | null;
  /** The open document's findings as it is now, null until its first check. */
  live: { id: string; findings: QaFinding[] } | null;
}

class QaStore {
  private snapshot: QaSnapshot = { run: null, running: false, progress: null, error: null, live: null };
  /** The run under way: a new run or `stop` ends it between pages. */
  private runToken = 0;
  private readonly listeners = new Listeners();
  private pendingGoto: { id: string; finding: QaFinding } | null = null;
  subscribe = this.listeners.subscribe;
  getSnapshot = (): QaSnapshot => this.snapshot;

  private set(patch: Partial<QaSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.emit();
  }

  /**
   * Runs the checks over the whole project in pages (a few hundred milliseconds of work
   * each), showing findings and progress as they come; `stop` ends it between pages.
   */
  async runProject(): Promise<void> {
    const token = ++this.runToken;
    this.set({ running: true, error: null, run: [], progress: { scanned: 0, total: 0 } });
    try {
      let from: number | null = 0;
      while (from !== null) {
        const page = await api.qaRun({ from, budgetMs: PAGE_BUDGET_MS });
        if (token !== this.runToken) return;
        this.set({ run: [...(this.snapshot.run ?? []), ...page.documents], progress: { scanned: page.scanned, total: page.total } });
        from = page.next;
      }
      this.set({ running: false });
    } catch (err) {
      if (token === this.runToken) this.set({ running: false, error: errorMessage(err) });
    }
  }

  /** Ends the run under way after the page being checked; the findings so far stay. */
  stop(): void {
    if (!this.snapshot.running) return;
    this.runToken++;
    this.set({ running: false });
  }

  setLive(id: string, findings: QaFinding[]): void {
    this.set({ live: { id, findings } });
  }

  /** Moves the open document's findings through an edit. */
  mapLive(tr: Parameters<typeof mapFindings>[1]): void {
    const live = this.snapshot.live;
    if (live) this.set({ live: { id: live.id, findings: mapFindings(live.findings, tr) } });
  }

  /** The open document's findings (for the fix key). */
  liveFindings(): readonly QaFinding[] {
    return this.snapshot.live?.findings ?? [];
  }

  /** Forgets a finding that was fixed or ignored, until the next check says otherwise. */
  drop(key: string, from?: number): void {
    const keep = (f: QaFinding) => !(f.key === key && (from === undefined || f.place.from === from));
    const live = this.snapshot.live;
    this.set({
      live: live ? { id: live.id, findings: live.findings.filter(keep) } : null,
      run: this.snapshot.run?.map((d) => ({ ...d, findings: d.findings.filter(keep) })) ?? null,
    });
  }

  /** Remembers "ignore here" in the project. */
  async ignore(finding: QaFinding): Promise<void> {
    try {
      await api.qaIgnore({ key: finding.key, ignore: true });
      this.drop(finding.key);
    } catch (err) {
      this.set({ error: errorMessage(err) });
    }
  }

  /** A finding to go to once its document is open. */
  goToLater(id: string, finding: QaFinding): void {
    this.pendingGoto = { id, finding };
  }

  takeGoto(id: string): QaFinding | null {
    if (this.pendingGoto?.id !== id) return null;
    const { finding } = this.pendingGoto;
    this.pendingGoto = null;
    return finding;
  }

  clearLive(): void {
    if (this.snapshot.live) this.set({ live: null });
  }
}

/** The window's one QA store. */
export const qaStore = new QaStore();

/** The QA store's current state. */
export function useQa(): QaSnapshot {
  return useSyncExternalStore(qaStore.subscribe, qaStore.getSnapshot);
}

/** Keeps the open document's findings current: checked on open and shortly after edits stop. */
export function useQaLive(controller: EditorController, id: string | null): void {
  useEffect(() => {
    if (!id) return;
    let version = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const check = async () => {
      timer = null;
      const state = controller.getState();
      if (!state) return schedule();
      const asked = version;
      try {
        // The metadata as edited now (its findings' offsets are in the text the fields hold).
        const meta = metaFieldsStore.metaOf(id);
        const { findings } = await api.qaCheck({ id, body: state.doc.toJSON() as never, ...(meta ? { meta } : {}) });
        // Edited meanwhile: the positions are stale, and the next check is on its way.
        if (stopped || asked !== version) return;
        qaStore.setLive(id, findings);
        const goto = qaStore.takeGoto(id);
        if (goto && controller.run(goToFinding(findings.find((f) => f.key === goto.key && f.place.from === goto.place.from) ?? goto)) && controller.editorView) {
          revealSelection(controller.editorView);
        }
      } catch {
        // A failed check leaves the last findings; the next edit checks again.
      }
    };
    const schedule = (delay = LIVE_DELAY_MS) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void check(), delay);
    };
    const stop = controller.onDocChange((tr) => {
      version++;
      qaStore.mapLive(tr);
      schedule();
    });
    // An edit of the metadata is checked again too; its findings' offsets are stale until then.
    const stopMeta = metaFieldsStore.onChange(() => {
      version++;
      schedule();
    });
    // The first check once the document is painted and the window idle: it serialises the
    // whole document, which must not hold up a long document's first rows.
    const idle = (globalThis as { requestIdleCallback?: (f: () => void, o: { timeout: number }) => number }).requestIdleCallback;
    const firstIdle = idle ? idle(() => !stopped && !timer && schedule(0), { timeout: 2000 }) : null;
    if (firstIdle === null) schedule(50);
    return () => {
      stopped = true;
      stop();
      stopMeta();
      if (firstIdle !== null) (globalThis as { cancelIdleCallback?: (id: number) => void }).cancelIdleCallback?.(firstIdle);
      if (timer) clearTimeout(timer);
      qaStore.clearLive();
    };
  }, [controller, id]);
}
