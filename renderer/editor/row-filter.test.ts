import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { doc, en, ko, run, seg, wit } from './test-builders';
import { schema } from '../../shared/model/schema';
import { buildRowFilter, cycleRowTarget, findRow, goToRowInState, rowFilterKey, setRowFilter, toggleRowFilter } from './row-filter';
import { documentProgress, rowStateOf } from './row-states';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { buildViewport, cutToDrawn, isDrawn, viewportState } from './viewport';

const WITNESS = 'xx lP\\ ( Y XX | .';
const RESTORED = '푸자노프 동지는 구두로 소련공산당 중앙위원회 회의의 몇 가지 정보를 제공했다.';
const proposed = (text: string) => schema.text(text, [schema.marks.proposed.create()]);

/** Rows: 0 consistent, 1 contradicted, 2 empty, 3 no witness, 4 contradicted, 5 proposed, 6 partial. */
function sample(): Node {
  return doc(
    seg(en('<a>one'), wit(WITNESS), ko(RESTORED)),
    seg(en('two'), wit(WITNESS), ko('김일성')),
    seg(en('three'), wit(WITNESS), ko()),
    seg(en('four'), wit(), ko()),
    seg(en('five'), wit('1960D 8 30|'), ko('1961년')),
    seg(en('six'), wit('1960D 8 30|'), ko(proposed('1960년'))),
    seg(en('seven'), wit('1960D 8 30|'), ko('1960년')),
  );
}

function state(d: Node = sample()): EditorState {
  const tag = (d as Node & { tag: Record<string, number> }).tag;
  return EditorState.create({ doc: d, selection: TextSelection.create(d, tag.a), plugins: [buildRowFilter()] });
}

const rowOf = (s: EditorState) => s.doc.resolve(s.selection.head).index(0);

describe('row states of the open document', () => {
  it('judges each row and counts them', () => {
    const d = sample();
    const states: unknown[] = [];
    d.forEach((row) => states.push(rowStateOf(row)));
    expect(states).toEqual(['consistent', 'contradicted', 'empty', null, 'contradicted', 'proposed', 'partial']);
    expect(documentProgress(d)).toEqual({ witnessRows: 6, progress: { consistent: 1, partial: 1, contradicted: 2, proposed: 1, empty: 1 } });
  });
});

describe('next and previous row in a state', () => {
  it('goes to the next contradicted row, into its restoration, and on around the document', () => {
    let s = run(state(), goToRowInState(1))!;
    expect(rowOf(s)).toBe(1);
    expect(s.selection.$head.parent.type.name).toBe('korean');
    s = run(s, goToRowInState(1))!;
    expect(rowOf(s)).toBe(4);
    s = run(s, goToRowInState(1))!;
    expect(rowOf(s)).toBe(1);
  });

  it('goes back to the previous row in a chosen state, and remembers the state', () => {
    let s = run(state(), goToRowInState(-1, 'proposed'))!;
    expect(rowOf(s)).toBe(5);
    expect(rowFilterKey.getState(s)!.target).toBe('proposed');
    s = run(s, goToRowInState(-1, 'empty'))!;
    expect(rowOf(s)).toBe(2);
  });

  it('does not apply when no other row is in the state', () => {
    expect(run(state(), goToRowInState(1, 'consistent'))).toBeNull();
    expect(findRow(state(), 'consistent', 1)).toBe(0);
  });

  it('cycles the target through the states', () => {
    const s = run(state(), cycleRowTarget)!;
    expect(rowFilterKey.getState(s)!.target).toBe('proposed');
  });
});

describe('filtering rows by state', () => {
  const hidden = (s: EditorState) => {
    const out: number[] = [];
    s.doc.forEach((row, pos, index) => {
      const decos = rowFilterKey.getState(s)!.decorations.find(pos, pos + row.nodeSize).filter((d) => d.from === pos && d.to === pos + row.nodeSize);
      if (decos.some((d) => (d as unknown as { type: { attrs: { class?: string } } }).type.attrs.class === 'row-filtered-out')) out.push(index);
    });
    return out;
  };

  it('hides the rows in other states (rows without a witness too), and moves the caret out of a hidden row', () => {
    const s = run(state(), setRowFilter(['contradicted', 'partial']))!;
    expect(hidden(s)).toEqual([0, 2, 3, 5]);
    expect(rowOf(s)).toBe(1);
    expect(s.doc.eq(sample())).toBe(true);
  });

  it('follows edits: a row that changes state is shown or hidden', () => {
    let s = run(state(), toggleRowFilter('contradicted'))!;
    expect(hidden(s)).toEqual([0, 2, 3, 5, 6]);
    // Type a contradicting syllable into the empty row 2.
    let at = 0;
    s.doc.forEach((row, pos, index) => {
      if (index === 2) at = pos + 1 + row.child(0).nodeSize + row.child(1).nodeSize + 1;
    });
    s = s.apply(s.tr.insertText('김', at));
    expect(hidden(s)).toEqual([0, 3, 5, 6]);
    s = run(s, toggleRowFilter('contradicted'))!;
    expect(hidden(s)).toEqual([]);
    expect(rowFilterKey.getState(s)!.shown).toBeNull();
  });

  it('pins the shown rows of a long, windowed document, wherever the window is, so they keep other plugins\' decorations', () => {
    const rows: Node[] = [];
    for (let i = 0; i < 400; i++) {
      const contradicted = i % 50 === 7;
      rows.push(seg(en(`row ${i}`), wit(WITNESS), ko(contradicted ? '김일성' : RESTORED)));
    }
    const d = doc(...rows);
    let s = EditorState.create({ doc: d, plugins: [buildViewport(), buildRowFilter()] });
    s = run(s, setRowFilter(['contradicted']))!;
    const viewportDecos = viewportState(s)!.decorations;
    const drawn: number[] = [];
    s.doc.forEach((row, pos, index) => {
      if (isDrawn(s, viewportDecos.find(pos, pos + row.nodeSize).filter((d) => d.from === pos))) drawn.push(index);
    });
    // The shown rows, and the window the document opened with (rows 0-29) as before.
    expect(drawn.filter((i) => i >= 30)).toEqual([57, 107, 157, 207, 257, 307, 357]);
    expect(drawn).toContain(7);
    expect(rowOf(s)).toBe(7);
    // Another plugin's decoration in a shown row far from the window survives the cut to drawn rows.
    let far = 0;
    s.doc.forEach((row, pos, index) => {
      if (index === 307) far = pos;
    });
    const full = DecorationSet.create(s.doc, [Decoration.node(far, far + s.doc.child(307).nodeSize, { class: 'check' })]);
    expect(cutToDrawn(full, s, null).set.find().map((x) => x.from)).toEqual([far]);
    // Switching the filter off unpins them.
    s = run(s, setRowFilter(null))!;
    expect(viewportState(s)!.pinned).toEqual([]);
  });
});
