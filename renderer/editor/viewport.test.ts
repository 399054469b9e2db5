import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import type { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/model/schema';
import { garbleLine } from '../../shared/korean/garble';
import { buildViewport, estimateRowHeight, setWindow, UNMEASURED, viewportState, type ViewportState } from './viewport';
import { buildAnnotationsPlugin, annotationsKey } from './annotations';
import { allCheckDecorations, buildWitnessCheckPlugin, witnessCheckKey } from '../restore/witness-check';
import { splitSegment } from './commands/segments';
import { doc, en, fn, ko, seg, wit } from './test-builders';

const KOREAN = ['김일성 동지는', '조선로동당의 입장', '소련'];

/** A document of `rows` rows: English (a footnote in every fifth), a witness, Korean in every other. */
function longDoc(rows: number): Node {
  return doc(
    ...Array.from({ length: rows }, (_, i) => {
      const korean = KOREAN[i % KOREAN.length];
      return seg(i % 5 === 0 ? en(`Row ${i + 1}.`, fn(`Note ${i + 1}.`)) : en(`Row ${i + 1}.`), wit(garbleLine(korean)), i % 2 ? ko() : ko(korean));
    }),
  );
}

function stateOf(d: Node, windowedFrom = 20): EditorState {
  return EditorState.create({
    doc: d,
    plugins: [buildViewport({ windowedFrom }), buildAnnotationsPlugin(schema), buildWitnessCheckPlugin(schema, { initial: 100_000 })],
  });
}

const viewport = (state: EditorState): ViewportState => viewportState(state)!;

/** Position before each row. */
function rowStarts(d: Node): number[] {
  const starts: number[] = [];
  d.forEach((_row, offset) => starts.push(offset));
  return starts;
}

/** Position inside row `index`'s Korean column, at its start. */
function koreanStart(d: Node, index: number): number {
  const row = d.child(index);
  let pos = rowStarts(d)[index] + 1;
  for (let i = 0; i < row.childCount; i++) {
    if (row.child(i).type.name === 'korean') return pos + 1;
    pos += row.child(i).nodeSize;
  }
  throw new Error('no Korean column');
}

type Typed = { type: { attrs?: Record<string, string>; spec?: unknown } };
const describeDeco = (d: Decoration) => `${d.from}-${d.to} ${JSON.stringify((d as unknown as Typed).type.attrs ?? {})}`;

describe('which rows are drawn', () => {
  it('draws every row of a short document', () => {
    const state = stateOf(longDoc(10));
    expect(viewport(state).windowed).toBe(false);
    // Every checked row's decorations are drawn.
    const drawn = witnessCheckKey.getState(state)!.drawn.set.find().map(describeDeco).sort();
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn).toEqual(allCheckDecorations(state).find().map(describeDeco).sort());
  });

  it('draws the window and the rows of the selection, with the hidden rows as margins', () => {
    let state = stateOf(longDoc(300));
    expect(viewport(state).drawn).toEqual([[0, 30]]);
    // The selection far below: its row is drawn in the same transaction.
    const far = koreanStart(state.doc, 250);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, far)));
    expect(viewport(state).drawn).toEqual([
      [0, 30],
      [250, 251],
    ]);
    const starts = rowStarts(state.doc);
    const decos = viewport(state).decorations.find();
    expect(decos.map((d) => d.from)).toEqual([...starts.slice(0, 30), starts[250]]);
    // Row 250 carries the height of rows 30..249 above it; it is the last drawn row, so it carries the rest below.
    const heights = (from: number, to: number) => {
      let sum = 0;
      for (let i = from; i < to; i++) sum += estimateRowHeight(state.doc.child(i), UNMEASURED);
      return sum;
    };
    const style = (decos[30] as unknown as Typed).type.attrs?.style;
    expect(style).toBe(`margin-top: ${heights(30, 250)}px; margin-bottom: ${heights(251, 300)}px`);
    expect((decos[0] as unknown as Typed).type.attrs?.style).toBeUndefined();
  });

  it('moves the window on request and keeps it on the same rows while typing', () => {
    let state = stateOf(longDoc(300));
    state = state.apply(setWindow(state.tr, [100, 130]));
    expect(viewport(state).drawn).toEqual([
      [0, 1],
      [100, 130],
    ]);
    const at = koreanStart(state.doc, 110);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
    for (const ch of '평양에서') state = state.apply(state.tr.insertText(ch));
    // Row 0 is no longer drawn: the selection has left it.
    const starts = rowStarts(state.doc);
    expect(viewport(state).spans).toEqual([[starts[100], starts[130]]]);
    expect(viewport(state).decorations.find().map((d) => d.from)).toEqual(starts.slice(100, 130));
  });
});

/** The decorations of `full` that lie inside the drawn rows. */
function expectedCut(state: EditorState, full: DecorationSet): string[] {
  const spans = viewport(state).spans;
  return full
    .find()
    .filter((d) => spans.some(([from, to]) => d.from >= from && d.to <= to))
    .map(describeDeco)
    .sort();
}

const step = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), row: fc.nat(79), text: fc.constantFrom('김', '조선', 'X', ' ') }),
  fc.record({ kind: fc.constant('window' as const), row: fc.nat(79) }),
  fc.record({ kind: fc.constant('select' as const), row: fc.nat(79) }),
  fc.record({ kind: fc.constant('split' as const), row: fc.nat(79) }),
  fc.record({ kind: fc.constant('footnote' as const), row: fc.nat(79) }),
);

describe('decorations cut to the drawn rows', () => {
  it('are exactly the full sets inside the drawn rows, whatever is typed, split, scrolled or selected', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        let state = stateOf(longDoc(80));
        for (const s of steps) {
          const row = Math.min(s.row, state.doc.childCount - 1);
          const at = koreanStart(state.doc, row);
          let tr: Transaction | null = null;
          if (s.kind === 'type') tr = state.tr.setSelection(TextSelection.create(state.doc, at)).insertText(s.text);
          if (s.kind === 'window') tr = setWindow(state.tr, [row, row + 12]);
          if (s.kind === 'select') tr = state.tr.setSelection(TextSelection.create(state.doc, at));
          if (s.kind === 'footnote') tr = state.tr.insert(at, schema.nodes.footnote.create(null, schema.text('n')));
          if (s.kind === 'split') {
            const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, rowStarts(state.doc)[row] + 3)));
            splitSegment()(selected, (t) => (tr = t));
            state = selected;
          }
          if (tr) state = state.apply(tr);
          for (const [name, drawn, full] of [
            ['check', witnessCheckKey.getState(state)!.drawn.set, allCheckDecorations(state)],
            ['annotations', annotationsKey.getState(state)!.drawn.set, annotationsKey.getState(state)!.decorations],
          ] as const) {
            const actual = drawn.find().map(describeDeco).sort();
            expect(actual, `${name} after ${JSON.stringify(s)}`).toEqual(expectedCut(state, full));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
