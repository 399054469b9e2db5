/**
 * What the restoration commands ask of the UI around the editor: open the glossary
 * form prefilled from a selection, and show short non-modal notices (a repair that
 * found nothing, an auto-fill with nothing to fill). One window shows one editor,
 * so one instance serves it; React reads it through `useSyncExternalStore`.
 */

/** A glossary form prefilled from a selection. */
export interface GlossaryPrefill {
  en?: string;
  ko?: string;
}

export interface RestoreNotice {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
}

export class RestoreUi {
  private prefill: GlossaryPrefill | null = null;
  private notices: readonly RestoreNotice[] = [];
  private version = 0;
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Asks for the glossary form, prefilled. */
  requestGlossaryAdd(prefill: GlossaryPrefill): void {
    this.prefill = prefill;
    this.emit();
  }

  /** A pending prefill request, without taking it. */
  peekPrefill(): GlossaryPrefill | null {
    return this.prefill;
  }

  /** Takes the pending prefill request (the form that shows it calls this). */
  takePrefill(): GlossaryPrefill | null {
    const prefill = this.prefill;
    this.prefill = null;
    return prefill;
  }

  getNotices = (): readonly RestoreNotice[] => this.notices;

  notify(kind: RestoreNotice['kind'], text: string): void {
    const id = this.nextId++;
    this.notices = [...this.notices.slice(-3), { id, kind, text }];
    this.emit();
    // Errors stay until dismissed; the rest go after a while.
    if (kind !== 'error') setTimeout(() => this.dismiss(id), 8000);
  }

  dismiss(id: number): void {
    if (!this.notices.some((n) => n.id === id)) return;
    this.notices = this.notices.filter((n) => n.id !== id);
    this.emit();
  }

  private emit(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

/** The window's instance. */
export const restoreUi = new RestoreUi();
