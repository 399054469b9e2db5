/**
 * Pretty-printed JSON with a stable key order, so that a project kept in git
 * gives readable diffs: well-known keys first in a fixed order (`schemaVersion`,
 * `id`, `type`, `text`, ...), then the rest alphabetically.
 */
const FIRST_KEYS = ['schemaVersion', 'id', 'name', 'type', 'text', 'title', 'date', 'attrs', 'marks', 'meta', 'source', 'content', 'body'];
const RANK = new Map(FIRST_KEYS.map((key, index) => [key, index]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? Infinity;
  const rb = RANK.get(b) ?? Infinity;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function order(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(order);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareKeys)) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) out[key] = order(child);
    }
    return out;
  }
  return value;
}

/** Serialises `value` as pretty-printed JSON with a stable key order and a final newline. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(order(value), null, 2) + '\n';
}
