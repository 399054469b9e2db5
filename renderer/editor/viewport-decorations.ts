/**
 * Other plugins' decorations cut to the drawn rows of a long document: a row
 * that is not drawn has no use for them, and ProseMirror's cost of matching
 * decorations grows with the number of rows that have any.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import { DecorationSet, type Decoration } from 'prosemirror-view';
import { viewportState, type ViewportState } from './viewport-state';
import { decorationType } from './prosemirror-internals';

/** A plugin's decorations cut to the drawn rows, and what the cut was made from. */
export interface DrawnCut {
  full: DecorationSet;
  viewport: ViewportState | undefined;
  /** What the view draws: `full` itself when the document is not windowed. */
  set: DecorationSet;
}

/** Same decoration (not just an equal one). */
function sameDecoration(a: Decoration, b: Decoration): boolean {
  return a.from === b.from && a.to === b.to && decorationType(a) === decorationType(b);
}

function sameDecorations(a: readonly Decoration[], b: readonly Decoration[]): boolean {
  return a.length === b.length && a.every((d) => b.some((e) => sameDecoration(d, e)));
}

/** The decorations of `set` inside [from, to), grouped by the row (index into `starts`) they lie in. */
function byRow(set: DecorationSet, from: number, to: number, starts: readonly number[]): Decoration[][] {
  const rows: Decoration[][] = starts.map(() => []);
  for (const deco of set.find(from, to)) {
    if (deco.from < from || deco.to > to) continue;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= deco.from) lo = mid;
      else hi = mid - 1;
    }
    rows[lo].push(deco);
  }
  return rows;
}

/** The decorations of `set` that lie outside the drawn rows (none when every row is drawn). */
export function outsideDrawn(set: DecorationSet, viewport: ViewportState | undefined): Decoration[] {
  if (!viewport?.windowed) return [];
  const inside = (d: Decoration) => viewport.spans.some(([from, to]) => d.from >= from && d.to <= to);
  return set.find().filter((d) => !inside(d));
}

/**
 * A plugin's decorations limited to the drawn rows of a windowed document,
 * kept up to date per transaction: the previous cut is mapped, rows that left
 * the window lose their decorations, and a drawn row whose decorations differ
 * from the full set's takes the full set's. ProseMirror then only ever sees
 * decorations in rows it draws. (Building a set from scratch costs a pass over
 * every row per decoration: too slow to do per keystroke.)
 */
export function cutToDrawn(full: DecorationSet, state: EditorState, prev: DrawnCut | null, tr?: Transaction): DrawnCut {
  const viewport = viewportState(state);
  if (!viewport?.windowed) return { full, viewport, set: full };
  if (prev && prev.full === full && prev.viewport === viewport) return prev;
  let cut = prev?.viewport?.windowed ? prev.set : DecorationSet.empty;
  if (tr?.docChanged) cut = cut.map(tr.mapping, state.doc);
  const remove = outsideDrawn(cut, viewport);
  const add: Decoration[] = [];
  // Drawn rows, compared one by one.
  viewport.drawn.forEach(([first, end], i) => {
    const [from, to] = viewport.spans[i];
    const starts: number[] = [];
    for (let index = first, pos = from; index < end; index++) {
      starts.push(pos);
      pos += state.doc.child(index).nodeSize;
    }
    const want = byRow(full, from, to, starts);
    const have = byRow(cut, from, to, starts);
    want.forEach((decos, row) => {
      if (sameDecorations(decos, have[row])) return;
      remove.push(...have[row]);
      add.push(...decos);
    });
  });
  if (remove.length) cut = cut.remove(remove);
  if (add.length) cut = cut.add(state.doc, add);
  return { full, viewport, set: cut };
}
