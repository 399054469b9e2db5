/**
 * The window's one list of notices: short messages (imports, exports, repairs,
 * auto-fill with nothing to fill, errors) that the Notices component shows in a
 * corner. Anything may add one, React or not (the restoration commands run from
 * the keymap); React reads the list through `useSyncExternalStore`.
 */
import type { NoticeKind } from '../restore';
import { Listeners } from '../editor/listeners';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

/** How long a notice that is not an error stays, in milliseconds. */
const NOTICE_MS = 6000;
/** How many notices show at once (the oldest go first). */
const MAX_NOTICES = 5;

export class NoticeStore {
  private notices: readonly Notice[] = [];
  private nextId = 1;
  private readonly listeners = new Listeners();

  subscribe = this.listeners.subscribe;

  getSnapshot = (): readonly Notice[] => this.notices;

  /** Shows a notice; errors stay until dismissed (they may need reading twice), the rest go after a while. */
  notify = (notice: Omit<Notice, 'id'>): void => {
    const id = this.nextId++;
    this.notices = [...this.notices.slice(-(MAX_NOTICES - 1)), { ...notice, id }];
    this.emit();
    if (notice.kind !== 'error') setTimeout(() => this.dismiss(id), NOTICE_MS);
  };

  dismiss = (id: number): void => {
    if (!this.notices.some((n) => n.id === id)) return;
    this.notices = this.notices.filter((n) => n.id !== id);
    this.emit();
  };

  private emit(): void {
    this.listeners.emit();
  }
}
