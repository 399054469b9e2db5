/**
 * User Timing marks of the editor's own costs (the autosave's payload, the live
 * check's passes), for the benchmarks to read with a PerformanceObserver
 * (bench/scale-long.ts) and for a person to see in DevTools' Performance panel.
 * Only the latest measure of a name is kept in the timeline (observers see each).
 */
export function measureSince(name: string, start: number): void {
  try {
    performance.clearMeasures(name);
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // No User Timing here (or a faked clock in a test): nothing to record.
  }
}

/** The clock `measureSince` reads. */
export function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}
