/**
 * What changed between two listings of a project's restored texts: documents keep their
 * order, so one saved document is one contiguous run of texts. The run is found by trimming
 * the common head and tail (texts of unchanged documents are the very same strings, so the
 * comparison is mostly pointer checks) and sent alone, never the whole corpus.
 */
import type { CorpusSplice } from './protocol';

/** The splice that turns `before` into `after`, or null when they are equal. */
export function corpusSplice(before: readonly string[], after: readonly string[]): CorpusSplice | null {
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && before[head] === after[head]) head++;
  if (head === before.length && head === after.length) return null;
  let tail = 0;
  while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start: head, remove: before.length - head - tail, insert: after.slice(head, after.length - tail) };
}
