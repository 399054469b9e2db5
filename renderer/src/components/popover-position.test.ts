import { describe, expect, it } from 'vitest';
import { popoverPosition } from './popover-position';

const screen = { width: 1000, height: 800 };

describe('popoverPosition', () => {
  it('puts the popover under its anchor, the gap below it', () => {
    expect(popoverPosition({ left: 100, top: 200, bottom: 220 }, { width: 300, gap: 6 }, screen)).toEqual({ left: 100, top: 226 });
  });

  it('moves the popover left to fit the window, and never past its left edge', () => {
    expect(popoverPosition({ left: 900, top: 0, bottom: 20 }, { width: 300, gap: 4 }, screen)?.left).toBe(692);
    expect(popoverPosition({ left: -50, top: 0, bottom: 20 }, { width: 300, gap: 4 }, screen)?.left).toBe(8);
  });

  it('moves the popover up to leave the room it asks for below its top', () => {
    expect(popoverPosition({ left: 0, top: 740, bottom: 760 }, { width: 300, gap: 6, height: 140 }, screen)?.top).toBe(660);
  });

  it('hides the popover while its anchor is scrolled out of the visible area', () => {
    const visible = { top: 100, bottom: 500 };
    expect(popoverPosition({ left: 0, top: 60, bottom: 80 }, { width: 300, gap: 6 }, screen, visible)).toBeNull();
    expect(popoverPosition({ left: 0, top: 520, bottom: 540 }, { width: 300, gap: 6 }, screen, visible)).toBeNull();
    expect(popoverPosition({ left: 0, top: 90, bottom: 110 }, { width: 300, gap: 6 }, screen, visible)).toEqual({ left: 0 + 8, top: 116 });
  });
});
