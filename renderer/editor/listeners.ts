/**
 * The listeners of a small store that React reads with `useSyncExternalStore`
 * (the editor controller, autosave, the save registry, notices, the
 * restoration UI): `subscribe` is bound, so it can be handed to React as is.
 */
export class Listeners {
  private readonly set = new Set<() => void>();

  /** Adds a listener; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  };

  /** Calls every listener. */
  emit(): void {
    for (const listener of this.set) listener();
  }

  /** Drops every listener (a store that is done). */
  clear(): void {
    this.set.clear();
  }
}
