/**
 * The project glossary as the renderer knows it: loaded from the app, changed
 * through it (`glossaryAdd`, `glossaryUpdate`, `glossaryRemove`, stored in
 * project.json), read by the glossary panel (through `useSyncExternalStore`) and
 * by auto-fill. `generation` changes with every change, so cached suggestions go
 * stale when the glossary does.
 */
import type { GlossaryEntry } from '../../shared/model/project';

/** What the store needs from the app. */
export interface GlossaryApi {
  glossaryList(): Promise<GlossaryEntry[]>;
  glossaryAdd(entry: Omit<GlossaryEntry, 'id'>): Promise<GlossaryEntry>;
  glossaryUpdate(entry: GlossaryEntry): Promise<GlossaryEntry>;
  glossaryRemove(input: { id: string }): Promise<{ removed: boolean }>;
}

export interface GlossarySnapshot {
  entries: readonly GlossaryEntry[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  generation: number;
}

export class GlossaryStore {
  private snapshot: GlossarySnapshot = { entries: [], status: 'idle', error: null, generation: 0 };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly api: () => GlossaryApi | null) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): GlossarySnapshot => this.snapshot;

  /** The entries known now (auto-fill reads them synchronously). */
  list(): readonly GlossaryEntry[] {
    return this.snapshot.entries;
  }

  get generation(): number {
    return this.snapshot.generation;
  }

  /** Loads the glossary from the app. */
  async refresh(): Promise<void> {
    const api = this.api();
    if (!api) return;
    this.set({ status: this.snapshot.status === 'ready' ? 'ready' : 'loading' });
    try {
      const entries = await api.glossaryList();
      this.set({ entries, status: 'ready', error: null, generation: this.snapshot.generation + 1 });
    } catch (err) {
      this.set({ status: 'error', error: (err as Error)?.message ?? String(err) });
    }
  }

  /** Loads once. */
  ensure(): void {
    if (this.snapshot.status === 'idle') void this.refresh();
  }

  async add(entry: Omit<GlossaryEntry, 'id'>): Promise<GlossaryEntry> {
    const saved = await this.need().glossaryAdd(entry);
    await this.refresh();
    return saved;
  }

  async update(entry: GlossaryEntry): Promise<GlossaryEntry> {
    const saved = await this.need().glossaryUpdate(entry);
    await this.refresh();
    return saved;
  }

  async remove(id: string): Promise<void> {
    await this.need().glossaryRemove({ id });
    await this.refresh();
  }

  private need(): GlossaryApi {
    const api = this.api();
    if (!api) throw new Error('The glossary is not available: this window is not connected to the app.');
    return api;
  }

  private set(patch: Partial<GlossarySnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
