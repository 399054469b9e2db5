import { describe, expect, it } from 'vitest';
import { undo } from 'prosemirror-history';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { schema } from '../../shared/model/schema';
import { stateFor } from '../editor/test-builders';
import { batchesOf, DraftRunner, draftCommand, type DraftProgress } from './draft-runner';
import type { DraftFetch, DraftLine, DraftRowRequest } from './draft-content';

/** A document of `n` rows with ids, each with a one-line witness and an empty restoration. */
function rows(n: number): EditorState {
  const content = Array.from({ length: n }, (_, i) => ({
    type: 'segment',
    attrs: { id: `s${i}` },
    content: [{ type: 'english', content: [{ type: 'text', text: `row ${i}` }] }, { type: 'witness', attrs: { lines: [`w${i}`] } }, { type: 'korean' }],
  }));
  return stateFor(schema.nodeFromJSON({ type: 'doc', content }));
}

/** A host like an EditorView: the state it holds and its dispatch. */
function host(state: EditorState) {
  const h = {
    state,
    dispatched: 0,
    dispatch(tr: Transaction) {
      h.state = h.state.apply(tr);
      h.dispatched++;
    },
  };
  return h;
}

/** A decoder the test answers by hand: each request waits until released. */
function manualDecoder() {
  const pending: { rows: DraftRowRequest[]; resolve: (answer: { lines: DraftLine[] }[]) => void; reject: (err: Error) => void }[] = [];
  const fetch: DraftFetch = (requested) => new Promise((resolve, reject) => pending.push({ rows: requested, resolve, reject }));
  /** Answers the oldest request, waiting for it to be made. */
  const answer = async () => {
    for (let i = 0; i < 200 && pending.length === 0; i++) await tick();
    const next = pending.shift()!;
    next.resolve(next.rows.map((row) => ({ lines: row.witness.map((w) => ({ text: `한${w}`, words: [{ text: `한${w}`, witness: w, alternatives: [], undecided: false, source: 'lexicon' as const, confidence: 1 }] })) })));
    return next.rows;
  };
  return { fetch, pending, answer };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const restored = (state: EditorState) => {
  const out: string[] = [];
  state.doc.forEach((segment) => out.push(segment.child(2).textContent));
  return out;
};

describe('drafting the whole document', () => {
  it('asks for a few rows at a time and applies each batch as it arrives, counting progress', async () => {
    const decoder = manualDecoder();
    const seen: DraftProgress[] = [];
    const runner = new DraftRunner(decoder.fetch, () => undefined, 2);
    runner.subscribe(() => seen.push(runner.getProgress()));
    const h = host(rows(5));
    expect(draftCommand(runner, 'all', h)(h.state)).toBe(true);
    draftCommand(runner, 'all', h)(h.state, () => undefined);
    expect(runner.getProgress()).toMatchObject({ running: true, done: 0, total: 5 });
    // A second draft cannot start while one runs.
    expect(draftCommand(runner, 'all', h)(h.state)).toBe(false);
    await tick();
    expect((await decoder.answer()).map((r) => r.witness)).toEqual([['w0'], ['w1']]);
    await tick();
    expect(restored(h.state)).toEqual(['한w0', '한w1', '', '', '']);
    expect(runner.getProgress()).toMatchObject({ running: true, done: 2, total: 5 });
    await decoder.answer();
    await tick();
    await decoder.answer();
    await tick();
    expect(restored(h.state)).toEqual(['한w0', '한w1', '한w2', '한w3', '한w4']);
    expect(runner.getProgress()).toMatchObject({ running: false, done: 5, total: 5, drafted: 5, cancelled: false });
    expect(seen.map((p) => p.done)).toContain(4);
    // One undo step per batch.
    let state = h.state;
    undo(state, (tr) => (state = state.apply(tr)));
    expect(restored(state)).toEqual(['한w0', '한w1', '한w2', '한w3', '']);
  });

  it('cancel stops before the next batch and drops the answer on its way; what was drafted stays', async () => {
    const decoder = manualDecoder();
    const notices: string[] = [];
    const runner = new DraftRunner(decoder.fetch, (_kind, text) => notices.push(text), 2);
    const h = host(rows(6));
    draftCommand(runner, 'all', h)(h.state, () => undefined);
    await tick();
    await decoder.answer();
    await tick();
    runner.cancel();
    expect(runner.getProgress()).toMatchObject({ running: false, cancelled: true, done: 2 });
    // The batch asked for before Cancel arrives late: it is not applied, and nothing more is asked.
    await decoder.answer();
    await tick();
    expect(restored(h.state)).toEqual(['한w0', '한w1', '', '', '', '']);
    expect(decoder.pending).toHaveLength(0);
    expect(notices[0]).toMatch(/cancelled: 2 of 6 rows drafted/);
  });

  it('stops on a failed request with a notice, keeping what was drafted', async () => {
    const decoder = manualDecoder();
    const notices: [string, string][] = [];
    const runner = new DraftRunner(decoder.fetch, (kind, text) => notices.push([kind, text]), 1);
    const h = host(rows(3));
    draftCommand(runner, 'all', h)(h.state, () => undefined);
    await tick();
    await decoder.answer();
    await tick();
    await tick();
    decoder.pending.shift()!.reject(new Error('the decoder is not loaded'));
    await tick();
    expect(restored(h.state)).toEqual(['한w0', '', '']);
    expect(runner.getProgress()).toMatchObject({ running: false, error: 'the decoder is not loaded' });
    expect(notices).toEqual([['error', 'The draft stopped: the decoder is not loaded']]);
  });

  it('drafts only the row at the caret for the row command', async () => {
    const decoder = manualDecoder();
    const runner = new DraftRunner(decoder.fetch);
    const h = host(rows(3));
    draftCommand(runner, 'row', h)(h.state, () => undefined);
    await tick();
    expect((await decoder.answer()).map((r) => r.english)).toEqual(['row 0']);
    await tick();
    expect(restored(h.state)).toEqual(['한w0', '', '']);
  });

  it('does not apply without a decoder or without rows to draft', () => {
    const h = host(rows(2));
    expect(draftCommand(new DraftRunner(manualDecoder().fetch), 'all', h)(stateFor(schema.nodeFromJSON({ type: 'doc', content: [{ type: 'segment', content: [{ type: 'english' }, { type: 'witness' }, { type: 'korean' }] }] })))).toBe(false);
    const runner = new DraftRunner(null);
    expect(draftCommand(runner, 'all', h)(h.state)).toBe(false);
  });
});

describe('batches', () => {
  const target = (chars: number, i: number) => ({ id: `s${i}`, pos: i, witness: ['x'.repeat(chars)], english: '' });

  it('hold at most the rows and witness characters one request takes, and set aside a row too long for any', () => {
    const targets = [target(10, 0), target(10, 1), target(10, 2), target(3000, 3), target(1500, 4), target(5000, 5), target(1, 6)];
    const { batches, tooLong } = batchesOf(targets, 2, 4000);
    expect(batches.map((b) => b.map((t) => t.id))).toEqual([['s0', 's1'], ['s2', 's3'], ['s4', 's6']]);
    expect(tooLong.map((t) => t.id)).toEqual(['s5']);
  });
});

describe('drafting the row at the caret', () => {
  it('puts the caret at the start of the draft, ready for Tab', async () => {
    const decoder = manualDecoder();
    const runner = new DraftRunner(decoder.fetch);
    let state = rows(2);
    // The caret in the second row's (empty) Korean cell.
    const second = state.doc.child(0).nodeSize;
    const korean = second + 1 + state.doc.child(1).child(0).nodeSize + state.doc.child(1).child(1).nodeSize + 1;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, korean)));
    const h = host(state);
    draftCommand(runner, 'row', h)(h.state, () => undefined);
    await decoder.answer();
    await tick();
    expect(restored(h.state)).toEqual(['', '한w1']);
    expect(h.state.selection.head).toBe(korean);
  });

  it('stops when the editor is gone before the answer arrives', async () => {
    const decoder = manualDecoder();
    const runner = new DraftRunner(decoder.fetch);
    const h = Object.assign(host(rows(1)), { isDestroyed: true });
    draftCommand(runner, 'all', h)(h.state, () => undefined);
    await decoder.answer();
    await tick();
    expect(h.dispatched).toBe(0);
    expect(runner.running).toBe(false);
  });
});
