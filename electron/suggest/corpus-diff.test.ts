import { describe, expect, it } from 'vitest';
import { corpusSplice } from './corpus-diff';
import { applySplice } from './engine';

describe('corpusSplice', () => {
  it('is null when nothing changed', () => {
    expect(corpusSplice(['a', 'b'], ['a', 'b'])).toBeNull();
    expect(corpusSplice([], [])).toBeNull();
  });

  it('sends only the run that changed, which turns the old texts into the new', () => {
    const cases: [string[], string[]][] = [
      [['a', 'b', 'c', 'd'], ['a', 'x', 'y', 'c', 'd']],
      [['a', 'b', 'c'], ['a', 'c']],
      [[], ['a', 'b']],
      [['a', 'b'], []],
      [['a', 'a', 'a'], ['a', 'a']],
      [['a', 'b'], ['b', 'a']],
      [['a', 'b', 'c'], ['a', 'b', 'c', 'd']],
    ];
    for (const [before, after] of cases) {
      const splice = corpusSplice(before, after);
      expect(applySplice(before, splice ?? undefined), JSON.stringify([before, after])).toEqual(after);
    }
    expect(corpusSplice(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd'])).toEqual({ start: 1, remove: 1, insert: ['x'] });
  });
});
