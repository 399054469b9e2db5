import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segment } from './build';
import { cutOffset, importedWitness, importedWitnessByRow, joinPiece, joinedLines, linesToCheck, splitPiece } from './witness-pieces';

const row = (lines: string[], continues: boolean[] = []) => {
  const seg = segment({ witness: lines });
  seg.content![1].attrs!.continues = continues;
  return seg;
};

describe('witness pieces', () => {
  it('moves a cut at a space past the spaces, so the space ends the first piece', () => {
    expect(cutOffset('ab . cd', 4)).toBe(5);
    expect(cutOffset('ab . cd', 3)).toBe(3);
    expect(cutOffset('ab', 0)).toBeNull();
    expect(cutOffset('ab  ', 2)).toBeNull();
    expect(cutOffset(' ab', 1)).toBeNull();
  });

  it('splits and joins as exact inverses, keeping the flags of the lines around', () => {
    const split = splitPiece({ lines: ['x', 'ab cd', 'y'], continues: [] }, 1, 3)!;
    expect(split).toEqual({ lines: ['x', 'ab ', 'cd', 'y'], continues: [false, true] });
    expect(joinPiece(split, 1)).toEqual({ lines: ['x', 'ab cd', 'y'], continues: [] });
    expect(joinPiece(split, 0)).toBeNull();
  });

  it('gives the check the pieces without the spaces at a cut, and the same array when nothing was cut', () => {
    const lines = ['ab . ', 'cd'];
    expect(linesToCheck({ lines, continues: [true] })).toEqual(['ab .', 'cd']);
    const plain = ['ab . cd'];
    expect(linesToCheck({ lines: plain, continues: [] })).toBe(plain);
  });

  it('reads the imported lines back whole, in the row where each begins, across rows', () => {
    const rows = [row(['l0', 'one . '], [false, true]), row(['two . '], [true]), row(['three', 'l2'])];
    expect(importedWitnessByRow(rows)).toEqual([['l0', 'one . two . three'], [], ['l2']]);
    expect(importedWitness(rows)).toEqual(['l0', 'one . two . three', 'l2']);
  });

  it('joins any split of any line back byte for byte', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'a .|Z'.split('')), minLength: 1, maxLength: 40 }), fc.array(fc.nat()), (line, offsets) => {
        let pieces = { lines: [line], continues: [] as boolean[] };
        for (const offset of offsets) {
          const index = offset % pieces.lines.length;
          pieces = splitPiece(pieces, index, offset % (pieces.lines[index].length + 1)) ?? pieces;
        }
        expect(joinedLines(pieces)).toEqual([line]);
        expect(pieces.lines.join('')).toBe(line);
      }),
    );
  });
});
