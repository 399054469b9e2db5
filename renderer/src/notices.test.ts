import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoticeStore } from './notices';

describe('the window’s notices', () => {
  afterEach(() => vi.useRealTimers());

  it('keep the last five, drop the others after a while, and keep errors until dismissed', () => {
    vi.useFakeTimers();
    const store = new NoticeStore();
    let changes = 0;
    store.subscribe(() => changes++);
    store.notify({ kind: 'error', text: 'Could not save' });
    for (let i = 1; i <= 5; i++) store.notify({ kind: 'info', text: `n${i}` });
    expect(store.getSnapshot().map((n) => n.text)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    store.notify({ kind: 'error', text: 'Disk full' });
    vi.advanceTimersByTime(10_000);
    expect(store.getSnapshot().map((n) => n.text)).toEqual(['Disk full']);
    store.dismiss(store.getSnapshot()[0].id);
    expect(store.getSnapshot()).toEqual([]);
    expect(changes).toBeGreaterThan(7);
  });
});
