/**
 * Saving a document from the rows that changed (issue 12 item 5): the changes, the body they
 * make from a version, and each new row checked against the ProseMirror schema on its own
 * (a doc is `segment+`, so a body whose unchanged rows were checked is valid when its new rows
 * are segments that check).
 */
import type { PMJson } from '../../shared/model/document';
import { schema } from '../../shared/model/schema';
import { UserError } from '../../shared/errors';

/** Rows [from, to) of the base version replaced by `rows` (none: deleted; from = to: inserted). */
export interface RowChange {
  from: number;
  to: number;
  rows: PMJson[];
}

const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/**
 * The body after `changes` (in order, apart, each within the base's rows), which must come
 * to `rowCount` rows. Throws a UserError ('invalid-changes') naming what does not fit; the
 * base is never modified.
 */
export function applyRowChanges(id: string, body: PMJson, rowCount: number, changes: readonly RowChange[]): PMJson {
  const base = body.content ?? [];
  const refuse = (why: string) => new UserError(`Document ${id} was not saved from its changes: ${why}. Nothing was written.`, 'invalid-changes');
  const out: PMJson[] = [];
  let at = 0;
  for (const [i, change] of changes.entries()) {
    const { from, to } = change;
    if (to < from) throw refuse(`change ${i + 1} ends (row ${to}) before it starts (row ${from + 1})`);
    if (to > base.length) throw refuse(`change ${i + 1} replaces rows ${from + 1}–${to}, but the saved version has ${plural(base.length, 'row')}`);
    if (from < at) throw refuse(`change ${i + 1} (from row ${from + 1}) overlaps or precedes the change before it (to row ${at})`);
    for (let k = at; k < from; k++) out.push(base[k] as PMJson);
    for (const row of change.rows) out.push(row);
    at = to;
  }
  for (let k = at; k < base.length; k++) out.push(base[k] as PMJson);
  if (out.length !== rowCount) throw refuse(`they make ${plural(out.length, 'row')}, where the window has ${plural(rowCount, 'row')}`);
  return { ...body, content: out };
}

/** A row as ProseMirror serialises it, after checking it is a valid segment; throws with the reason. */
export function canonicalRow(row: PMJson): PMJson {
  const node = schema.nodeFromJSON(row);
  if (node.type !== schema.nodes.segment) throw new RangeError(`a row must be a segment, got ${node.type.name}`);
  node.check();
  return node.toJSON() as PMJson;
}

/** The changes with each new row checked and in its canonical form; throws a UserError ('invalid-document') naming the first invalid row. */
export function canonicalChanges(id: string, changes: readonly RowChange[]): RowChange[] {
  return changes.map((change, i) => ({
    ...change,
    rows: change.rows.map((row, k) => {
      try {
        return canonicalRow(row);
      } catch (err) {
        throw new UserError(
          `Document ${id} was not saved: row ${change.from + k + 1} (change ${i + 1}) is invalid (${(err as Error).message})`,
          'invalid-document',
        );
      }
    }),
  }));
}
