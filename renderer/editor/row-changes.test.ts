import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { applyChanges, changedRows, rowChanges } from './row-changes';
import { doc, en, ko, run, seg, wit } from './test-builders';
import { splitSegment } from './commands/segments';

const rows = (n: number) => doc(...Array.from({ length: n }, (_, i) => seg(en(`Row ${i + 1}.`), wit('xx lP\\'), ko())));

/** Position inside row `index`'s English cell, at its start. */
function englishStart(d: Node, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += d.child(i).nodeSize;
  return pos + 2;
}

/** Position before row `index` (the document's end for `childCount`). */
function rowStart(d: Node, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += d.child(i).nodeSize;
  return pos;
}

describe('the rows that changed between two versions', () => {
  it('is one row for a keystroke, found by node identity', () => {
    const base = rows(2000);
    const state = EditorState.create({ doc: base });
    const after = state.apply(state.tr.insertText('typed ', englishStart(base, 1499))).doc;
    const changes = rowChanges(base, after);
    expect(changes.map((c) => [c.from, c.to, c.rows.length])).toEqual([[1499, 1500, 1]]);
    expect(changes[0].rows[0].textContent).toContain('typed Row 1500.');
    expect(rowChanges(base, base)).toEqual([]);
  });

  it('finds inserted, deleted, moved and copied rows, and edits far apart', () => {
    const base = rows(10);
    const row = (i: number) => base.child(i);
    const same = (d: Node) => applyChanges(base, rowChanges(base, d)).every((r, i) => r === d.child(i));
    // Row 3 deleted, a new row after row 7, row 9 edited.
    let state = EditorState.create({ doc: base });
    let tr = state.tr.insertText('!', englishStart(base, 8));
    tr = tr.insert(rowStart(tr.doc, 7), seg(en('New.'), wit(), ko()));
    tr = tr.delete(rowStart(tr.doc, 2), rowStart(tr.doc, 3));
    const edited = state.apply(tr).doc;
    expect(rowChanges(base, edited).map((c) => [c.from, c.to, c.rows.length])).toEqual([
      [2, 3, 0],
      [7, 7, 1],
      [8, 9, 1],
    ]);
    expect(same(edited)).toBe(true);
    // The last row moved to the top, and a row pasted twice.
    const moved = doc(row(9), ...Array.from({ length: 9 }, (_, i) => row(i)), row(4));
    expect(same(moved)).toBe(true);
    expect(changedRows(rowChanges(base, moved))).toBeLessThanOrEqual(10);
    // Everything new.
    const fresh = rows(3);
    expect(rowChanges(base, fresh)).toEqual([{ from: 0, to: 10, rows: [fresh.child(0), fresh.child(1), fresh.child(2)] }]);
    state = EditorState.create({ doc: base });
    expect(same(state.apply(state.tr.delete(0, base.content.size).insert(0, seg(en('Only.'), wit(), ko()))).doc)).toBe(true);
  });

  it('rebuilds the new version from the base and the changes, whatever was done', () => {
    type Edit = { kind: 'type' | 'split' | 'delete' | 'insert' | 'move' | 'copy'; at: number; to: number };
    const edit = fc.record({ kind: fc.constantFrom('type', 'split', 'delete', 'insert', 'move', 'copy'), at: fc.nat(), to: fc.nat() }) as fc.Arbitrary<Edit>;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(edit, { maxLength: 12 }), (n, edits) => {
        const base = rows(n);
        let state = EditorState.create({ doc: base });
        for (const e of edits) {
          const d = state.doc;
          const i = e.at % d.childCount;
          const j = e.to % d.childCount;
          if (e.kind === 'split') {
            // The editor's own split of a row at a caret in its English.
            const at = state.apply(state.tr.setSelection(TextSelection.create(d, englishStart(d, i) + 1)));
            state = run(at, splitSegment()) ?? at;
            continue;
          }
          const tr = state.tr;
          if (e.kind === 'type') tr.insertText('x', englishStart(d, i));
          else if (e.kind === 'delete' && d.childCount > 1) tr.delete(rowStart(d, i), rowStart(d, i + 1));
          else if (e.kind === 'insert') tr.insert(rowStart(d, i), seg(en('inserted'), wit(), ko()));
          else if (e.kind === 'move' && i !== j) tr.delete(rowStart(d, i), rowStart(d, i + 1)).insert(rowStart(tr.doc, Math.min(j, tr.doc.childCount)), d.child(i));
          else if (e.kind === 'copy') tr.insert(rowStart(d, j), d.child(i));
          if (tr.docChanged) state = state.apply(tr);
        }
        const after = state.doc;
        const rebuilt = applyChanges(base, rowChanges(base, after));
        expect(rebuilt.length).toBe(after.childCount);
        rebuilt.forEach((r, k) => expect(r).toBe(after.child(k)));
        // Runs in order and apart, within the base.
        let last = 0;
        for (const c of rowChanges(base, after)) {
          expect(c.from).toBeGreaterThanOrEqual(last);
          expect(c.to).toBeGreaterThanOrEqual(c.from);
          expect(c.to).toBeLessThanOrEqual(base.childCount);
          last = c.to;
        }
      }),
      { numRuns: 300 },
    );
  });
});
