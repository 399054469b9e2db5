/**
 * Autosave: saves a moment after the last edit, and at once when asked (blur,
 * switching documents, closing). One save at a time; edits made during a save
 * are saved right after it. When saves are slow (a long document, which the app
 * still writes whole), the quiet time before the next save grows with them
 * (three times the last save, up to 3 s), so that typing with short pauses does
 * not keep the app busy saving. A failed save keeps everything in memory, reports
 * the error, and retries with growing pauses until it succeeds. Never a modal:
 * the state is a value the UI shows.
 *
 * Framework-free; React reads it through `subscribe`/`getSnapshot`.
 */
import { Listeners } from './listeners';
import { measureSince, now } from './timing';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error';

export interface SaveSnapshot {
  status: SaveStatus;
  /** The last failure's message while the edits are not saved. */
  error: string | null;
  /** When the document was last saved (ISO), if it was in this session. */
  savedAt: string | null;
  /** Failed attempts in a row. */
  failures: number;
}

export interface AutosaveOptions<P> {
  /** Writes a payload; rejects with an Error whose message the user can read. */
  save: (payload: P) => Promise<unknown>;
  /** The payload to save now (read at save time, so it is always the latest). */
  getPayload: () => P;
  /** Quiet time after the last edit before saving, in ms. */
  delay?: number;
  /** Pauses before retries after failures, in ms; the last repeats. */
  backoff?: readonly number[];
  now?: () => Date;
}

/** The longest quiet time slow saves stretch the delay to. */
export const MAX_QUIET_MS = 3000;

export class Autosave<P> {
  private readonly delay: number;
  /** How long the last successful save took. */
  private lastSaveMs = 0;
  private readonly backoff: readonly number[];
  private getPayload: () => P;
  private edits = 0;
  private savedEdits = 0;
  private saving: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private snapshot: SaveSnapshot = { status: 'saved', error: null, savedAt: null, failures: 0 };
  private emitted: SaveSnapshot = this.snapshot;
  private readonly listeners = new Listeners();
  private disposed = false;

  constructor(private readonly options: AutosaveOptions<P>) {
    this.delay = options.delay ?? 600;
    this.backoff = options.backoff ?? [1000, 2000, 5000, 10000, 30000];
    this.getPayload = options.getPayload;
  }

  /** Records an edit: the document will be saved after `delay` of quiet. */
  markDirty(): void {
    this.edits++;
    // While failing, the retry schedule stands: typing must not hammer a broken disk.
    if (this.snapshot.failures === 0) this.schedule(this.quiet());
    this.update();
  }

  /** True when there are edits not yet saved. */
  get dirty(): boolean {
    return this.edits > this.savedEdits;
  }

  /** Saves now if anything is unsaved; resolves when saved (or when this attempt failed). */
  async flush(): Promise<void> {
    while (!this.disposed) {
      if (this.saving) {
        await this.saving;
        continue;
      }
      if (!this.dirty) return;
      await this.run();
      if (this.snapshot.failures > 0) return;
    }
  }

  /** A (new) editor provides the payload from now on. */
  attach(getPayload: () => P): void {
    this.getPayload = getPayload;
  }

  /** The payload as it would be saved now. */
  peek(): P {
    return this.getPayload();
  }

  /**
   * The editor is going away: from now on save this payload (the last state).
   * Pending edits keep being retried until saved.
   */
  detach(payload: P): void {
    this.getPayload = () => payload;
  }

  subscribe = this.listeners.subscribe;

  getSnapshot = (): SaveSnapshot => this.snapshot;

  /** Stops timers; unsaved edits are dropped (call `flush` first). */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  /** Quiet time after an edit before saving: the delay, or longer after slow saves. */
  private quiet(): number {
    return Math.min(MAX_QUIET_MS, Math.max(this.delay, 3 * this.lastSaveMs));
  }

  private clock(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }

  private schedule(ms: number): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private run(): Promise<void> {
    if (this.saving) return this.saving;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty || this.disposed) return Promise.resolve();
    const edits = this.edits;
    let payload: P;
    try {
      const started = now();
      payload = this.getPayload();
      measureSince('interlinea:autosave-payload', started);
    } catch (err) {
      this.fail(err);
      return Promise.resolve();
    }
    const started = this.clock();
    this.saving = this.options
      .save(payload)
      .then(
        () => {
          this.lastSaveMs = this.clock() - started;
          this.savedEdits = Math.max(this.savedEdits, edits);
          this.snapshot = { ...this.snapshot, error: null, failures: 0, savedAt: (this.options.now?.() ?? new Date()).toISOString() };
        },
        (err: unknown) => this.fail(err),
      )
      .finally(() => {
        this.saving = null;
        // Edits made while saving: save them after the usual quiet time.
        if (this.dirty && this.snapshot.failures === 0) this.schedule(this.quiet());
        this.update();
      });
    this.update();
    return this.saving;
  }

  private fail(err: unknown): void {
    const failures = this.snapshot.failures + 1;
    const message = err instanceof Error ? err.message : String(err);
    this.snapshot = { ...this.snapshot, error: message, failures };
    this.schedule(this.backoff[Math.min(failures - 1, this.backoff.length - 1)]);
  }

  private update(): void {
    const status: SaveStatus = this.saving
      ? 'saving'
      : this.snapshot.failures > 0 && this.dirty
        ? 'error'
        : this.dirty
          ? 'unsaved'
          : 'saved';
    if (status !== this.snapshot.status) this.snapshot = { ...this.snapshot, status };
    if (this.snapshot === this.emitted) return;
    this.emitted = this.snapshot;
    this.listeners.emit();
  }
}
