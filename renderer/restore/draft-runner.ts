/**
 * Drafting rows through the app: the rows go to the decoder (the `draftRows`
 * request, which runs off the window's thread) a few at a time, and each batch is
 * applied as it arrives, so the window stays responsive and the translator sees
 * the draft grow. Cancel stops before the next batch; an answer that arrives after
 * Cancel is dropped, and what was drafted stays.
 *
 * Undo: one step per batch. The window stays editable while a long draft runs, and
 * prosemirror-history groups steps by time and place, so one step for the whole
 * draft would fold in whatever the translator typed between batches; a step per
 * batch keeps their typing their own, and "Drop the row's draft" clears a row.
 */
import { closeHistory } from 'prosemirror-history';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { DRAFT_MAX_CHARS, DRAFT_MAX_ROWS } from '../../shared/ipc/contract';
import { draftTargets, draftTransaction, hasDraftTarget, type DraftFetch, type DraftTarget } from './draft-content';
import { draftKey } from './draft';
import { Listeners } from '../editor/listeners';

/** What the runner needs of the editor: its current state, and a way to apply a transaction. */
export interface DraftHost {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
  /** True once the editor is gone (another document opened): the draft stops. */
  readonly isDestroyed?: boolean;
}

/** The progress of a draft, for the progress bar. */
export interface DraftProgress {
  running: boolean;
  scope: 'row' | 'all';
  /** Rows answered (drafted or found nothing to draft) and rows asked for. */
  done: number;
  total: number;
  /** Rows whose restoration changed. */
  drafted: number;
  cancelled: boolean;
  error: string | null;
}

const IDLE: DraftProgress = { running: false, scope: 'all', done: 0, total: 0, drafted: 0, cancelled: false, error: null };

/** Rows per request when drafting the whole document. */
export const DRAFT_BATCH = 4;

const witnessChars = (target: DraftTarget) => target.witness.reduce((n, line) => n + line.length, 0);

/**
 * Rows grouped into requests: at most `size` rows and `maxChars` witness characters
 * each (the request's limits). A row longer than `maxChars` on its own cannot be
 * drafted in one request: it is set aside (`tooLong`), to be named to the user.
 */
export function batchesOf(targets: DraftTarget[], size: number, maxChars = DRAFT_MAX_CHARS): { batches: DraftTarget[][]; tooLong: DraftTarget[] } {
  const batches: DraftTarget[][] = [];
  const tooLong: DraftTarget[] = [];
  let current: DraftTarget[] = [];
  let chars = 0;
  const limit = Math.max(1, Math.min(size, DRAFT_MAX_ROWS));
  for (const target of targets) {
    const n = witnessChars(target);
    if (n > maxChars) {
      tooLong.push(target);
      continue;
    }
    if (current.length >= limit || chars + n > maxChars) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(target);
    chars += n;
  }
  if (current.length) batches.push(current);
  return { batches, tooLong };
}

export class DraftRunner {
  private progress: DraftProgress = IDLE;
  private run = 0;
  private host: DraftHost | null = null;
  private readonly listeners = new Listeners();

  constructor(
    private readonly fetch: DraftFetch | null,
    private readonly notify: (kind: 'info' | 'success' | 'error', text: string) => void = () => undefined,
    private readonly batchSize = DRAFT_BATCH,
  ) {}

  readonly subscribe = this.listeners.subscribe;

  getProgress = (): DraftProgress => this.progress;

  get running(): boolean {
    return this.progress.running;
  }

  /** Whether the app can draft at all (it has a decoder to ask). */
  get available(): boolean {
    return this.fetch !== null;
  }

  /** Stops before the next batch; an answer on its way is dropped. */
  cancel(): void {
    if (!this.progress.running) return;
    this.run++;
    this.set({ ...this.progress, running: false, cancelled: true });
    this.notify('info', `Draft cancelled: ${this.progress.drafted} of ${this.progress.total} rows drafted (undo removes them batch by batch).`);
  }

  /**
   * Drafts the rows in batches, applying each batch to the host's current state.
   * Resolves when done, cancelled or failed (a failure is a notice; what was
   * drafted stays).
   */
  async draft(host: DraftHost, targets: DraftTarget[], scope: 'row' | 'all'): Promise<void> {
    const fetch = this.fetch;
    if (!fetch || this.progress.running || targets.length === 0) return;
    const run = ++this.run;
    this.host = host;
    this.set({ running: true, scope, done: 0, total: targets.length, drafted: 0, cancelled: false, error: null });
    const { batches, tooLong } = batchesOf(targets, this.batchSize);
    if (tooLong.length) {
      this.notify(
        'error',
        `${tooLong.length === 1 ? 'One row has' : `${tooLong.length} rows have`} more than ${DRAFT_MAX_CHARS} witness characters, too many to draft at once: split ${tooLong.length === 1 ? 'its witness line' : 'their witness lines'} to draft ${tooLong.length === 1 ? 'it' : 'them'}.`,
      );
    }
    let done = tooLong.length;
    if (done) this.set({ ...this.progress, done });
    for (const batch of batches) {
      let answer;
      try {
        answer = await fetch(batch.map((t) => ({ witness: t.witness, english: t.english })));
      } catch (err) {
        if (run !== this.run) return;
        const message = err instanceof Error ? err.message : String(err);
        this.set({ ...this.progress, running: false, error: message });
        this.notify('error', `The draft stopped: ${message}`);
        return;
      }
      if (run !== this.run) return; // cancelled while the batch was on its way
      if (host.isDestroyed) {
        this.set({ ...this.progress, running: false, cancelled: true });
        return;
      }
      if (answer.length !== batch.length) {
        this.set({ ...this.progress, running: false, error: 'the decoder answered for a different number of rows' });
        this.notify('error', `The draft stopped: the decoder answered ${answer.length} rows for ${batch.length}.`);
        return;
      }
      const { tr, rows } = draftTransaction(
        host.state,
        batch.map((target, i) => ({ target, lines: answer[i]?.lines ?? [] })),
        undefined,
        { caretToStart: scope === 'row' },
      );
      const drafted = this.progress.drafted + rows;
      if (tr) {
        host.dispatch(closeHistory(tr).setMeta(draftKey, { type: 'applied' }));
      }
      done += batch.length;
      this.set({ ...this.progress, done, drafted });
      // Let the window paint and take input between batches.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (run !== this.run) return;
    }
    this.set({ ...this.progress, running: false });
    if (this.progress.drafted === 0) this.notify('info', 'The draft found nothing to add: the rows already hold typed text where their witness has text.');
  }

  private set(progress: DraftProgress): void {
    const stopped = this.progress.running && !progress.running;
    this.progress = progress;
    this.listeners.emit();
    // What reads the editor state (the toolbar's enabled buttons) learns that a draft can start again.
    const host = this.host;
    if (stopped && host && !host.isDestroyed) {
      this.host = null;
      host.dispatch(host.state.tr.setMeta('addToHistory', false));
    }
  }
}

/** The draft command with the window's runner, when it has one (none: the command never applies). */
export function draftWith(services: { draft?: DraftRunner }, scope: 'row' | 'all'): Command {
  const runner = services.draft;
  return runner ? draftCommand(runner, scope) : () => false;
}

/**
 * The draft command: drafts the row at the caret (`row`) or every row that has
 * lines to draft (`all`). Asked without `dispatch`, it says whether there is
 * anything to draft (and no draft is running). Run, it starts the draft and
 * returns at once; the draft arrives through the view (or `host`).
 */
export function draftCommand(runner: DraftRunner, scope: 'row' | 'all', host?: DraftHost): Command {
  return (state, dispatch, view) => {
    if (!runner.available || runner.running) return false;
    // Asked whether it applies (the toolbar, on every keystroke): no targets built.
    if (!dispatch) return hasDraftTarget(state, scope);
    const targets = draftTargets(state, scope);
    if (targets.length === 0) return false;
    const to = host ?? view;
    if (!to) return false;
    void runner.draft(to, targets, scope);
    return true;
  };
}
