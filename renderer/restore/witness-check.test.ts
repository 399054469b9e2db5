import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { checkLines } from '../../shared/korean';
import { br, doc, en, ko, run, seg, stateFor, wit } from '../editor/test-builders';
import { moveLastWitnessLineDown, splitSegment } from '../editor/commands/segments';
import { buildWitnessCheckPlugin, checkComplete, checkRest, checkStep, segmentCheckAt, segmentStates, witnessCheckKey, type CheckFn } from './witness-check';
import { buildViewport, setWindow, viewportState } from '../editor/viewport';
import { knownProgress } from '../editor/row-states';
import { garbleLine } from '../../shared/korean/garble';
import { schema } from '../../shared/model/schema';
import { checkRuns } from './check-decorations';

function counted() {
  const calls: string[][] = [];
  const check: CheckFn = (lines, witness, options) => {
    calls.push(witness);
    return checkLines(lines, witness, options);
  };
  return { calls, plugin: buildWitnessCheckPlugin(schema, { check }) };
}

/** The live check's runs (what the highlights paint), as `text:status` pairs in document order. */
function statuses(state: EditorState): string[] {
  const out: string[] = [];
  state.doc.forEach((_segment, offset) => {
    const found = segmentCheckAt(state, offset);
    if (!found) return;
    for (const run of checkRuns(found.parts, found.check)) out.push(`${state.doc.textBetween(run.from, run.to)}:${run.status}`);
  });
  return out;
}

function typeAt(state: EditorState, text: string): EditorState {
  return state.apply(state.tr.insertText(text));
}

const dateRow = () => seg(en('Pyongyang, 30 August 1960'), wit('1960D 8 30|'), ko('<a>'));
const titleRow = () => seg(en('Comrade Puzanov'), wit('( xx @X T]'), ko('소련'));
const headRow = () => seg(en('SED Central Committee'), wit('|| Y'), ko('독일통일사회당 중앙위원회'));

describe('the live witness check', () => {
  it('checks every segment with witness lines when the editor starts, and shows each one’s state', () => {
    const { calls, plugin } = counted();
    const state = stateFor(doc(headRow(), seg(en('no witness'), wit(), ko('아무')), titleRow(), dateRow()), [plugin]);
    expect(calls).toHaveLength(3);
    expect(segmentStates(state)).toEqual(['consistent', null, 'partial', 'empty']);
  });

  it('rechecks only the segment a transaction touched', () => {
    const { calls, plugin } = counted();
    let state = stateFor(doc(headRow(), titleRow(), dateRow()), [plugin]);
    calls.length = 0;
    state = typeAt(state, '1960');
    expect(calls).toEqual([['1960D 8 30|']]);
    expect(witnessCheckKey.getState(state)!.rechecked).toBe(1);
    // Moving the caret rechecks nothing.
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)));
    expect(calls).toHaveLength(1);
    expect(witnessCheckKey.getState(state)!.rechecked).toBe(0);
    // Typing in the English of a checked row leaves its restoration and witness alone: no recheck,
    // and the check found there is still the row's.
    const before = segmentCheckAt(state, 0)!.check;
    state = state.apply(state.tr.insertText('The ', 2));
    expect(calls).toHaveLength(1);
    expect(segmentCheckAt(state, 0)!.check).toBe(before);
    expect(statuses(state)).toContain('독:consistent');
    // Typing in its restoration does recheck it.
    state = state.apply(state.tr.insertText('가', segmentCheckAt(state, 0)!.parts.koreanPos + 1));
    expect(calls).toHaveLength(2);
    expect(segmentCheckAt(state, 0)!.check).not.toBe(before);
  });

  it('colours a wrong syllable as contradicted and the fixed one as confirmed', () => {
    let state = stateFor(doc(titleRow(), dateRow()), [buildWitnessCheckPlugin(schema)]);
    state = typeAt(state, '1960녀');
    expect(statuses(state)).toContain('녀:contradicted');
    expect(segmentStates(state)[1]).toBe('contradicted');
    const end = state.selection.from;
    state = state.apply(state.tr.insertText('년', end - 1, end));
    expect(statuses(state)).toContain('1960년:confirmed');
    expect(segmentStates(state)[1]).toBe('partial');
    state = typeAt(state, ' 8월 30일');
    expect(segmentStates(state)[1]).toBe('consistent');
    // 월 vanishes, and the witness allows it.
    expect(statuses(state)).toContain('월:consistent');
    // The untouched row kept its decorations.
    expect(statuses(state)).toContain('련:confirmed');
  });

  it('keeps the other rows’ checks in place when a row is inserted before them', () => {
    const { calls, plugin } = counted();
    let state = stateFor(doc(seg(en('A <a>B'), wit(), ko()), titleRow(), seg(en('date'), wit('1960D 8 30|'), ko())), [plugin]);
    calls.length = 0;
    state = run(state, splitSegment()) as EditorState;
    expect(calls).toHaveLength(0);
    expect(segmentStates(state)).toEqual([null, null, 'partial', 'empty']);
    const title = segmentCheckAt(state, state.doc.child(0).nodeSize + state.doc.child(1).nodeSize);
    expect(title?.check.text.text).toBe('소련');
  });

  it('rechecks both rows when a witness line moves between them', () => {
    const { calls, plugin } = counted();
    let state = stateFor(
      doc(seg(en('<a>x'), wit('|| Y', '1960D 8 30|'), ko('독일통일사회당 중앙위원회')), seg(en('y'), wit(), ko())),
      [plugin],
    );
    expect(segmentStates(state)).toEqual(['partial', null]);
    calls.length = 0;
    state = run(state, moveLastWitnessLineDown) as EditorState;
    expect(calls.map((w) => w.join('/')).sort()).toEqual(['1960D 8 30|', '|| Y']);
    expect(segmentStates(state)).toEqual(['consistent', 'empty']);
  });

  it('checks each line of the restoration against its witness line', () => {
    const state = stateFor(doc(seg(en('x'), wit('|| Y', '1960D 8 30|'), ko('독일통일사회당 중앙위원회', br(), '1960년 8월 30일'))), [
      buildWitnessCheckPlugin(schema),
    ]);
    expect(segmentStates(state)).toEqual(['consistent']);
  });

  it('treats gaps as placeholders for text not restored yet', () => {
    const state = stateFor(doc(seg(en('x'), wit('8 : SAPMO-BA'), ko(schema.nodes.gap.create(), ' : SAPMO-BA'))), [
      buildWitnessCheckPlugin(schema),
    ]);
    expect(segmentStates(state)).toEqual(['partial']);
  });

  it('comes back to the same state on undo', () => {
    let state = stateFor(doc(titleRow(), dateRow()), [buildWitnessCheckPlugin(schema)]);
    state = typeAt(state, '1960녀');
    undo(state, (tr) => (state = state.apply(tr)));
    expect(segmentStates(state)).toEqual(['partial', 'empty']);
    expect(statuses(state)).toEqual(['소:consistent', '련:confirmed']);
  });

  it('checks the first segments at once and the rest in the background, also across edits', () => {
    const calls: string[][] = [];
    const check: CheckFn = (lines, witness, options) => (calls.push(witness), checkLines(lines, witness, options));
    const plugin = buildWitnessCheckPlugin(schema, { check, initial: 1, chunk: 1 });
    let state = stateFor(doc(seg(en('A <a>B'), wit('|| Y'), ko()), titleRow(), seg(en('date'), wit('1960D 8 30|'), ko()), headRow()), [plugin]);
    expect(segmentStates(state)).toEqual(['empty', null, null, null]);
    // An edit in a row not checked yet checks it; splitting the first row moves the rest.
    const date = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize;
    const dateKorean = date + 1 + state.doc.child(2).child(0).nodeSize + 1 + 1;
    state = state.apply(state.tr.insertText('1960', dateKorean));
    expect(segmentStates(state)).toEqual(['empty', null, 'partial', null]);
    state = run(state, splitSegment()) as EditorState;
    state = checkRest(state);
    expect(segmentStates(state)).toEqual(['empty', null, 'partial', 'partial', 'consistent']);
    expect(calls.length).toBeLessThanOrEqual(8);
  });
});

describe('the live check of a long document', () => {
  const KOREAN = ['김일성 동지는', '조선로동당의 입장', '소련'];
  /** Rows with a witness and, every other one, their Korean. */
  const long = (rows: number) =>
    doc(...Array.from({ length: rows }, (_, i) => seg(en(`Row ${i + 1}.`), wit(garbleLine(KOREAN[i % 3])), i % 2 ? ko() : ko(KOREAN[i % 3]))));
  const checked = (state: EditorState) => segmentStates(state).filter((s) => s !== null).length;

  it('checks only the rows drawn first when the editor starts; the rest in budgeted steps, and rows the window moves to when they are drawn', () => {
    const calls: string[][] = [];
    const check: CheckFn = (lines, witness, options) => (calls.push(witness), checkLines(lines, witness, options));
    // A clock that moves 1 ms at every reading: a 20 ms budget stops a step after a few dozen checks.
    let time = 0;
    const plugin = buildWitnessCheckPlugin(schema, { check, budgetMs: 20, clock: () => time++ });
    let state = EditorState.create({ doc: long(400), plugins: [buildViewport({ windowedFrom: 20 }), plugin] });
    const drawn = viewportState(state)!.drawn.reduce((n, [a, b]) => n + b - a, 0);
    expect(drawn).toBeLessThan(40);
    expect(calls).toHaveLength(drawn);
    expect(checkComplete(state)).toBe(false);
    expect(knownProgress(state.doc)).toMatchObject({ witnessRows: 400, pending: 400 - drawn });

    // Scrolled far down: the rows drawn there are checked at once.
    state = state.apply(setWindow(state.tr, [300, 330]));
    expect(segmentStates(state).slice(300, 330).every((s) => s !== null)).toBe(true);
    expect(segmentStates(state)[200]).toBeNull();

    // One step checks what its budget allows, not everything.
    const before = checked(state);
    state = checkStep(state);
    const step = checked(state) - before;
    expect(step).toBeGreaterThan(10);
    expect(step).toBeLessThan(200);

    state = checkRest(state);
    expect(checkComplete(state)).toBe(true);
    expect(checked(state)).toBe(400);
    // Each row checked once, and its state told to the row states (nothing left for them to check).
    expect(calls).toHaveLength(400);
    expect(knownProgress(state.doc).pending).toBe(0);
    expect(knownProgress(state.doc).progress.empty).toBe(200);
  });

  it('says whether every row is checked in the editor’s attributes', () => {
    const plugin = buildWitnessCheckPlugin(schema);
    let state = EditorState.create({ doc: long(200), plugins: [buildViewport({ windowedFrom: 20 }), plugin] });
    const attribute = (s: EditorState) => (plugin.props.attributes as (s: EditorState) => Record<string, string>)(s)['data-witness-check'];
    expect(attribute(state)).toBe('running');
    state = checkRest(state);
    expect(attribute(state)).toBe('done');
    // A short document is checked whole when it opens.
    const short = buildWitnessCheckPlugin(schema);
    const shortAttribute = (short.props.attributes as (s: EditorState) => Record<string, string>)(EditorState.create({ doc: long(10), plugins: [buildViewport({ windowedFrom: 20 }), short] }));
    expect(shortAttribute['data-witness-check']).toBe('done');
  });
});
