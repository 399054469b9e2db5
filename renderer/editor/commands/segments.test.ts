import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { apply, de, expectDoc, doc, en, fn, ins, ko, run, seg, stateFor, wit, withoutIds } from '../test-builders';
import {
  joinWitnessLine,
  mergeWithNext,
  moveFirstWitnessLineUp,
  moveLastWitnessLineDown,
  splitSegment,
  splitWitnessLine,
} from './segments';
import { linesOf, witnessSequence } from '../positions';
import { undoDepth } from 'prosemirror-history';
import { schema } from '../../../shared/model/schema';

describe('splitSegment', () => {
  it('splits the English at the cursor; the witness and the Korean stay with the first part', () => {
    apply(
      doc(seg(en('Comrade <a>Puzanov'), wit('xx', 'lP\\'), ko('푸자노프'))),
      splitSegment(),
      doc(seg(en('Comrade '), wit('xx', 'lP\\'), ko('푸자노프')), seg(en('Puzanov'), wit(), ko())),
    );
  });

  it('splits the Korean at the cursor, leaving the English with the first part', () => {
    apply(
      doc(seg(en('two sentences'), wit('a'), ko('첫째 <a>둘째'))),
      splitSegment(),
      doc(seg(en('two sentences'), wit('a'), ko('첫째 ')), seg(en(), wit(), ko('둘째'))),
    );
  });

  it('splits the witness at a chosen line', () => {
    apply(
      doc(seg(en('one <a>two'), wit('l1', 'l2', 'l3'), ko())),
      splitSegment({ witnessLine: 1 }),
      doc(seg(en('one '), wit('l1'), ko()), seg(en('two'), wit('l2', 'l3'), ko())),
    );
  });

  it('keeps marks and footnotes on both sides of the cut', () => {
    apply(
      doc(seg(en(ins('SED'), ' Central<a> Committee', fn('note')), wit(), ko())),
      splitSegment(),
      doc(seg(en(ins('SED'), ' Central'), wit(), ko()), seg(en(' Committee', fn('note')), wit(), ko())),
    );
  });

  it('gives the new part an empty original cell when the row has one', () => {
    apply(
      doc(seg(en('a<a>b'), wit(), ko(), de('Gespräch'))),
      splitSegment(),
      doc(seg(en('a'), wit(), ko(), de('Gespräch')), seg(en('b'), wit(), ko(), de())),
    );
  });

  it('replaces a selection inside one cell, as Enter does', () => {
    apply(
      doc(seg(en('keep<a>drop<b>rest'), wit(), ko())),
      splitSegment(),
      doc(seg(en('keep'), wit(), ko()), seg(en('rest'), wit(), ko())),
    );
  });

  it('splits a row by index from a witness line handle, text staying in the first part', () => {
    apply(
      doc(seg(en('first'), wit('l1', 'l2'), ko()), seg(en('<a>cursor here'), wit(), ko())),
      splitSegment({ segmentIndex: 0, witnessLine: 1 }),
      doc(seg(en('first'), wit('l1'), ko()), seg(en(), wit('l2'), ko()), seg(en('cursor here'), wit(), ko())),
    );
  });

  it('puts the cursor at the start of the new part', () => {
    const state = run(stateFor(doc(seg(en('ab'), wit(), ko('가<a>나')))), splitSegment()) as EditorState;
    expect(state.selection.$from.parent.type.name).toBe('korean');
    expect(state.selection.$from.parent.textContent).toBe('나');
    expect(state.selection.$from.parentOffset).toBe(0);
  });

  it('gives the new segment a fresh id', () => {
    const state = run(stateFor(doc(seg({ id: 's1' }, en('a<a>b'), wit(), ko()))), splitSegment()) as EditorState;
    expect(state.doc.child(0).attrs.id).toBe('s1');
    expect(state.doc.child(1).attrs.id).not.toBe('s1');
    expect(state.doc.child(1).attrs.id).not.toBe('');
  });

  it('does not apply to a selection spanning rows', () => {
    apply(doc(seg(en('a<a>b'), wit(), ko()), seg(en('c<b>d'), wit(), ko())), splitSegment(), null);
  });

  it('rejects a witness line out of range', () => {
    apply(doc(seg(en('a<a>b'), wit('x'), ko())), splitSegment({ witnessLine: 2 }), null);
  });
});

describe('mergeWithNext', () => {
  it('concatenates every column and joins the witness lines in order', () => {
    apply(
      doc(seg(en('Comrade <a>'), wit('l1'), ko('동지')), seg(en('Puzanov'), wit('l2', 'l3'), ko('는'))),
      mergeWithNext,
      doc(seg(en('Comrade Puzanov'), wit('l1', 'l2', 'l3'), ko('동지는'))),
    );
  });

  it('is the inverse of split', () => {
    const before = doc(seg(en('one <a>two'), wit('l1', 'l2'), ko('하나 둘')), seg(en('three'), wit('l3'), ko()));
    const split = run(stateFor(before), splitSegment({ witnessLine: 1 })) as EditorState;
    const back = split.apply(split.tr.setSelection(TextSelection.create(split.doc, 3)));
    const merged = run(back, mergeWithNext) as EditorState;
    expect(merged.doc.child(0).textContent).toBe(before.child(0).textContent);
    expect(witnessSequence(merged.doc)).toEqual(['l1', 'l2', 'l3']);
    expect(merged.doc.childCount).toBe(2);
  });

  it('keeps the original of either row', () => {
    apply(
      doc(seg(en('<a>a'), wit(), ko()), seg(en('b'), wit(), ko(), de('zwei'))),
      mergeWithNext,
      doc(seg(en('ab'), wit(), ko(), de('zwei'))),
    );
    apply(
      doc(seg(en('<a>a'), wit(), ko(), de('eins ')), seg(en('b'), wit(), ko(), de('zwei'))),
      mergeWithNext,
      doc(seg(en('ab'), wit(), ko(), de('eins zwei'))),
    );
  });

  it('does not apply to the last row', () => {
    apply(doc(seg(en('a'), wit(), ko()), seg(en('<a>b'), wit(), ko())), mergeWithNext, null);
  });

  it('keeps the cursor where it was', () => {
    const state = stateFor(doc(seg(en('ab'), wit('x'), ko('가')), seg(en('cd'), wit('y'), ko('나다'))));
    const inFirst = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)));
    const merged = run(inFirst, mergeWithNext) as EditorState;
    expect(merged.selection.$from.parent.textContent).toBe('abcd');
    expect(merged.selection.$from.parentOffset).toBe(1);
  });
});

describe('moving witness lines', () => {
  it('moves the last line of this row to the start of the next', () => {
    apply(
      doc(seg(en('<a>a'), wit('l1', 'l2'), ko()), seg(en('b'), wit('l3'), ko())),
      moveLastWitnessLineDown,
      doc(seg(en('a'), wit('l1'), ko()), seg(en('b'), wit('l2', 'l3'), ko())),
    );
  });

  it('pulls the first line of the next row to the end of this one', () => {
    apply(
      doc(seg(en('<a>a'), wit('l1'), ko()), seg(en('b'), wit('l2', 'l3'), ko())),
      moveFirstWitnessLineUp,
      doc(seg(en('a'), wit('l1', 'l2'), ko()), seg(en('b'), wit('l3'), ko())),
    );
  });

  it('does nothing without a line to move or a next row', () => {
    apply(doc(seg(en('<a>a'), wit(), ko()), seg(en('b'), wit('l'), ko())), moveLastWitnessLineDown, null);
    apply(doc(seg(en('<a>a'), wit('l'), ko()), seg(en('b'), wit(), ko())), moveFirstWitnessLineUp, null);
    apply(doc(seg(en('<a>a'), wit('l'), ko())), moveLastWitnessLineDown, null);
  });
});

describe('the witness invariant', () => {
  const commands: Record<string, (arg: number) => Command> = {
    split: (line) => splitSegment({ witnessLine: line }),
    splitAtCursor: () => splitSegment(),
    merge: () => mergeWithNext,
    down: () => moveLastWitnessLineDown,
    up: () => moveFirstWitnessLineUp,
    splitWitness: (arg) => (state, dispatch) =>
      splitWitnessLine({ row: state.doc.resolve(state.selection.from).index(0), line: arg % 3, offset: 1 })(state, dispatch),
    joinWitness: (arg) => (state, dispatch) => joinWitnessLine(state.doc.resolve(state.selection.from).index(0), arg % 3)(state, dispatch),
  };

  it('holds for any sequence of structural commands at any cursor, and undo restores the document', () => {
    const initial = doc(
      seg(en('First paragraph'), wit('a1', 'a2'), ko('첫')),
      seg(en('Second'), wit('b1'), ko()),
      seg(en(''), wit(), ko('셋')),
      seg(en('Fourth one'), wit('d1', 'd2', 'd3'), ko('넷째')),
    );
    const expected = witnessSequence(initial);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.constantFrom(...Object.keys(commands)),
            place: fc.nat(),
            arg: fc.nat({ max: 4 }),
          }),
          { maxLength: 25 },
        ),
        (ops) => {
          let state = stateFor(initial);
          for (const op of ops) {
            // Put the cursor somewhere inside a text cell.
            const cells: number[] = [];
            state.doc.descendants((node, pos) => {
              if (node.isTextblock) for (let i = 0; i <= node.content.size; i++) cells.push(pos + 1 + i);
              return !node.isTextblock;
            });
            const at = cells[op.place % cells.length];
            state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
            state = run(state, commands[op.name](op.arg)) ?? state;
            state.doc.check();
            expect(witnessSequence(state.doc)).toEqual(expected);
          }
          for (let guard = 0; guard < 100 && undo(state, (tr) => (state = state.apply(tr))); guard++);
          expectDoc(state.doc, initial);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** A witness cell with pieces: `continues` flags as stored. */
const pieces = (lines: string[], continues: boolean[]) => schema.nodes.witness.create({ lines, continues });

describe('splitWitnessLine and joinWitnessLine', () => {
  it('splits a witness line before a character; the first piece continues in the second', () => {
    apply(
      doc(seg(en('<a>x'), wit('ab . cd'), ko())),
      splitWitnessLine({ row: 0, line: 0, offset: 5 }),
      doc(seg(en('x'), pieces(['ab . ', 'cd'], [true]), ko())),
    );
  });

  it('keeps a space at the cut at the end of the first piece', () => {
    const state = run(stateFor(doc(seg(en('<a>x'), wit('ab . cd'), ko()))), splitWitnessLine({ row: 0, line: 0, offset: 4 }))!;
    expect(linesOf(state.doc.child(0))).toEqual(['ab . ', 'cd']);
  });

  it('refuses a cut that leaves an empty or blank piece', () => {
    const d = doc(seg(en('<a>x'), wit('ab  '), ko()));
    for (const offset of [0, 2, 3, 4, 9]) apply(d, splitWitnessLine({ row: 0, line: 0, offset }), null);
  });

  it('joins the pieces back into the identical document, one undo step each', () => {
    const before = doc(seg(en('<a>x'), wit('l0', 'ab . cd', 'l2'), ko()));
    const split = run(stateFor(before), splitWitnessLine({ row: 0, line: 1, offset: 5 }))!;
    const joined = run(split, joinWitnessLine(0, 1))!;
    expect(joined.doc.eq(before)).toBe(true);
    expect(undoDepth(joined)).toBe(2);
  });

  it('does not join lines that were not split', () => {
    apply(doc(seg(en('<a>x'), wit('a', 'b'), ko())), joinWitnessLine(0, 0), null);
  });

  it('moves a piece to the next row with its flag, and back', () => {
    const split = doc(seg(en('<a>x'), pieces(['one . ', 'two'], [true]), ko()), seg(en('y'), wit(), ko()));
    const moved = apply(split, moveLastWitnessLineDown, doc(seg(en('x'), pieces(['one . '], [true]), ko()), seg(en('y'), wit('two'), ko())))!;
    expect(witnessSequence(moved.doc)).toEqual(['one . two']);
    const back = run(moved, moveFirstWitnessLineUp)!;
    expect(back.doc.eq(split)).toBe(true);
  });

  it('keeps flags when rows are merged and split at a witness line', () => {
    const d = doc(seg(en('<a>x'), pieces(['a ', 'b'], [true]), ko()), seg(en('y'), pieces(['c ', 'd'], [true]), ko()));
    const merged = apply(d, mergeWithNext, doc(seg(en('xy'), pieces(['a ', 'b', 'c ', 'd'], [true, false, true]), ko())))!;
    const again = run(merged, splitSegment({ segmentIndex: 0, witnessLine: 2 }))!;
    expect(witnessSequence(again.doc)).toEqual(['a b', 'c d']);
    expect(withoutIds(again.doc).child(1).child(1).attrs.continues).toEqual([true]);
  });

  it('splitting then joining at any positions gives the identical document, and the pieces join to the line', () => {
    const witnessChar = fc.constantFrom(...'ab .,xY|0\\'.split(''));
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: witnessChar, minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ line: fc.nat(), offset: fc.nat() }), { minLength: 1, maxLength: 6 }),
        (lines, cuts) => {
          const before = doc(seg(en('<a>x'), wit(...lines), ko()));
          let state = stateFor(before);
          let splits = 0;
          for (const cut of cuts) {
            const row = linesOf(state.doc.child(0));
            const line = cut.line % row.length;
            const next = run(state, splitWitnessLine({ row: 0, line, offset: cut.offset % (row[line].length + 1) }));
            if (!next) continue;
            state = next;
            splits++;
            expect(witnessSequence(state.doc)).toEqual(lines);
          }
          // The pieces of each line, joined, are the line byte for byte.
          expect(witnessSequence(state.doc).join('\n')).toBe(lines.join('\n'));
          expect(linesOf(state.doc.child(0)).length).toBe(lines.length + splits);
          // Join every continuing piece from the end.
          for (;;) {
            const flags = state.doc.child(0).child(1).attrs.continues as boolean[];
            const at = flags.lastIndexOf(true);
            if (at < 0) break;
            state = run(state, joinWitnessLine(0, at))!;
          }
          expect(state.doc.eq(before)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
