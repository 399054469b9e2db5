/**
 * The project glossary as the renderer knows it: loaded from the app, changed
 * through it (`glossaryAdd`, `glossaryUpdate`, `glossaryRemove`, stored in
 * project.json), read by the glossary panel (through `useSyncExternalStore`) and
 * by auto-fill. `generation` changes with every change, so cached suggestions go
 * stale when the glossary does.
 */
import { glossaryInUse, type GlossaryEntry } from '../../shared/model/project';
import { Listeners } from '../editor/listeners';

/** What the store needs from the app. */
export interface GlossaryApi {
  glossaryList(): Promise<GlossaryEntry[]>;
  glossaryAdd(entry: Omit<GlossaryEntry, 'id'>): Promise<GlossaryEntry>;
  glossaryUpdate(entry: GlossaryEntry): Promise<GlossaryEntry>;
  glossaryRemove(input: { id: string }): Promise<{ removed: boolean }>;
  /** Reads (and with `enabled`, switches) the use of the starter termbase; absent: always in use. */
  glossaryTermbase?(input: { enabled?: boolean }): Promise<{ enabled: boolean; entries: number }>;
}

export interface GlossarySnapshot {
  entries: readonly GlossaryEntry[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  generation: number;
  /** Whether the entries seeded from the starter termbase are in use, and how many there are. */
  termbase: { enabled: boolean; entries: number };
}

export class GlossaryStore {
  private snapshot: GlossarySnapshot = { entries: [], status: 'idle', error: null, generation: 0, termbase: { enabled: true, entries: 0 } };
  private readonly listeners = new Listeners();

  constructor(private readonly api: () => GlossaryApi | null) {}

  readonly subscribe = this.listeners.subscribe;

  getSnapshot = (): GlossarySnapshot => this.snapshot;

  /** The entries in use now (auto-fill reads them synchronously): without the termbase's when it is switched off. */
  list(): readonly GlossaryEntry[] {
    return glossaryInUse(this.snapshot.entries, this.snapshot.termbase.enabled);
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
      const [entries, termbase] = await Promise.all([api.glossaryList(), api.glossaryTermbase?.({}) ?? { enabled: true, entries: 0 }]);
      this.set({ entries, termbase, status: 'ready', error: null, generation: this.snapshot.generation + 1 });
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

  /** Switches the starter termbase's entries on or off for suggestions and auto-fill (stored in the project). */
  async setTermbase(enabled: boolean): Promise<void> {
    const api = this.need();
    if (!api.glossaryTermbase) throw new Error('This window cannot switch the starter termbase.');
    await api.glossaryTermbase({ enabled });
    await this.refresh();
  }

  private need(): GlossaryApi {
    const api = this.api();
    if (!api) throw new Error('The glossary is not available: this window is not connected to the app.');
    return api;
  }

  private set(patch: Partial<GlossarySnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.emit();
  }
}
