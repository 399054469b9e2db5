import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave } from './autosave';

function setup(save: (payload: number) => Promise<unknown>) {
  let value = 0;
  const saves: number[] = [];
  const autosave = new Autosave<number>({
    save: (payload) => {
      saves.push(payload);
      return save(payload);
    },
    getPayload: () => value,
    delay: 600,
    backoff: [1000, 2000],
  });
  return {
    autosave,
    saves,
    edit(next: number) {
      value = next;
      autosave.markDirty();
    },
  };
}

describe('Autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once, 600 ms after typing stops, with the latest content', async () => {
    const { autosave, saves, edit } = setup(() => Promise.resolve());
    edit(1);
    await vi.advanceTimersByTimeAsync(400);
    edit(2);
    await vi.advanceTimersByTimeAsync(400);
    expect(saves).toEqual([]);
    expect(autosave.getSnapshot().status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(300);
    expect(saves).toEqual([2]);
    expect(autosave.getSnapshot().status).toBe('saved');
  });

  it('saves at once on flush (blur, close), and not again when nothing changed', async () => {
    const { autosave, saves, edit } = setup(() => Promise.resolve());
    edit(1);
    await autosave.flush();
    expect(saves).toEqual([1]);
    await autosave.flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toEqual([1]);
  });

  it('shows "saving" while a save is under way, and saves edits made meanwhile right after', async () => {
    let finish: () => void = () => {};
    const { autosave, saves, edit } = setup(() => new Promise<void>((resolve) => (finish = resolve)));
    edit(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(autosave.getSnapshot().status).toBe('saving');
    edit(2);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.getSnapshot().status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(600);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toEqual([1, 2]);
    expect(autosave.getSnapshot().status).toBe('saved');
  });

  it('keeps the edit after a failed save, shows the error and retries with backoff until it succeeds', async () => {
    let failing = true;
    const { autosave, saves, edit } = setup(() => (failing ? Promise.reject(new Error('disk full')) : Promise.resolve()));
    edit(7);
    await vi.advanceTimersByTimeAsync(600);
    expect(autosave.getSnapshot()).toMatchObject({ status: 'error', error: 'disk full', failures: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toEqual([7, 7]);
    expect(autosave.getSnapshot().failures).toBe(2);
    // Typing during failures does not reset the retry schedule.
    edit(8);
    await vi.advanceTimersByTimeAsync(1999);
    expect(saves).toHaveLength(2);
    failing = false;
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toEqual([7, 7, 8]);
    expect(autosave.getSnapshot()).toMatchObject({ status: 'saved', error: null, failures: 0 });
  });

  it('keeps saving the last content after the editor is gone', async () => {
    let failing = true;
    const { autosave, saves, edit } = setup(() => (failing ? Promise.reject(new Error('locked')) : Promise.resolve()));
    edit(1);
    await autosave.flush();
    autosave.detach(42);
    failing = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toEqual([1, 42]);
    expect(autosave.dirty).toBe(false);
  });

  it('notifies listeners only when the state changes, not on every keystroke', () => {
    const { autosave, edit } = setup(() => Promise.resolve());
    const listener = vi.fn();
    autosave.subscribe(listener);
    edit(1);
    edit(2);
    edit(3);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('waits longer before the next save after a slow one (three times as long, up to 3 s), and the usual delay after fast ones', async () => {
    let took = 1000;
    const { autosave, saves, edit } = setup(() => new Promise<void>((resolve) => setTimeout(resolve, took)));
    edit(1);
    await vi.advanceTimersByTimeAsync(600 + 1000);
    expect(saves).toEqual([1]);
    expect(autosave.getSnapshot().status).toBe('saved');
    took = 10;
    edit(2);
    await vi.advanceTimersByTimeAsync(2900);
    expect(saves).toEqual([1]);
    await vi.advanceTimersByTimeAsync(100 + 10);
    expect(saves).toEqual([1, 2]);
    // That save was fast: back to the usual quiet time.
    edit(3);
    await vi.advanceTimersByTimeAsync(600 + 10);
    expect(saves).toEqual([1, 2, 3]);
    // Never more than 3 s, however slow.
    took = 5000;
    edit(4);
    await vi.advanceTimersByTimeAsync(600 + 5000);
    edit(5);
    await vi.advanceTimersByTimeAsync(2999);
    expect(saves).toEqual([1, 2, 3, 4]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toEqual([1, 2, 3, 4, 5]);
  });
});
