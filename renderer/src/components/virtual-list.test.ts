import { describe, expect, it } from 'vitest';
import { rowOffsets, visibleRows } from './virtual-list';

describe('the virtual list', () => {
  const offsets = rowOffsets(10_000, (i) => (i % 3 === 0 ? 80 : 50));

  it('adds the heights up', () => {
    expect(offsets[0]).toBe(0);
    expect(offsets[3]).toBe(180);
    expect(offsets[10_000]).toBe(3334 * 80 + 6666 * 50);
  });

  it('draws only the rows in view and a margin either side', () => {
    expect(visibleRows(offsets, 0, 600, 0)).toEqual({ start: 0, end: 10 }); // row 9 spans 540–620
    const { start, end } = visibleRows(offsets, 180_000, 600, 300);
    expect((offsets[start] ?? 0) <= 180_000 - 300).toBe(true);
    expect((offsets[start + 1] ?? 0) > 180_000 - 300).toBe(true);
    expect((offsets[end] ?? 0) >= 180_000 + 600 + 300).toBe(true);
    expect(end - start).toBeLessThan(40);
  });

  it('stays inside the list past its end and for an empty list', () => {
    expect(visibleRows(offsets, 1e9, 600, 300)).toEqual({ start: 9999, end: 10_000 });
    expect(visibleRows(rowOffsets(0, () => 50), 0, 600, 300)).toEqual({ start: 0, end: 0 });
    expect(visibleRows(rowOffsets(3, () => 50), 0, 600, 300)).toEqual({ start: 0, end: 3 });
  });
});
