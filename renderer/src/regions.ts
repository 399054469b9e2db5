/**
 * F6 and Shift+F6: the focus moves between the window's regions (document list,
 * toolbar, editor, side panel), each marked `data-region`.
 */

/** Moves the focus to the next (1) or previous (-1) visible region. */
export function cycleRegion(direction: 1 | -1): void {
  const regions = Array.from(document.querySelectorAll<HTMLElement>('[data-region]')).filter((el) => el.offsetParent !== null);
  if (!regions.length) return;
  const current = regions.findIndex((el) => el.contains(document.activeElement));
  const next = regions[(current + direction + regions.length) % regions.length];
  const target =
    next.querySelector<HTMLElement>('[data-region-focus]') ??
    next.querySelector<HTMLElement>('button:not([disabled]), input, select, textarea, [contenteditable="true"], a[href]');
  (target ?? next).focus();
}
