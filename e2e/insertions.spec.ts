import { test, expect } from './fixtures';
import { Workbench } from './workbench';

test('Mod-[ marks a phrase as an editorial insertion with brackets drawn by the app; kind editable; undoable', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Puzanov');

  await app.select('Seven-Year-Plan');
  await page.keyboard.press('Control+BracketLeft');
  const insertion = app.editor.locator('.insertion', { hasText: 'Seven-Year-Plan' });
  await expect(insertion).toHaveText('Seven-Year-Plan'); // the text has no brackets...
  const brackets = await insertion.evaluate((el) => [getComputedStyle(el, '::before').content, getComputedStyle(el, '::after').content]);
  expect(brackets).toEqual(['"["', '"]"']); // ...the view draws them
  await expect(insertion).toHaveAttribute('data-kind', 'clarification');

  // The kind, from the popover at the caret.
  const kind = page.locator('.mark-bubble select');
  await expect(kind).toHaveValue('clarification');
  await kind.selectOption('variant');
  await expect(insertion).toHaveAttribute('data-kind', 'variant');
  await app.screenshot('insertion');

  // Mod-[ inside the insertion removes it: plain text again.
  await app.select('Year', { caret: 'after' });
  await page.keyboard.press('Control+BracketLeft');
  await expect(app.editor.locator('.insertion', { hasText: 'Seven-Year-Plan' })).toHaveCount(0);
  await expect(app.editor).toContainText("the DPRK's Seven-Year-Plan and promised");

  // Undo brings it back, undo again removes the kind change, and again the mark.
  await page.keyboard.press('Control+z');
  await expect(app.editor.locator('.insertion', { hasText: 'Seven-Year-Plan' })).toHaveAttribute('data-kind', 'variant');
  await page.keyboard.press('Control+z');
  await expect(app.editor.locator('.insertion', { hasText: 'Seven-Year-Plan' })).toHaveAttribute('data-kind', 'clarification');
  await page.keyboard.press('Control+z');
  await expect(app.editor.locator('.insertion', { hasText: 'Seven-Year-Plan' })).toHaveCount(0);

  // Typing [text] in the English converts it; Backspace right after keeps the literal brackets.
  await app.select('promised the Korean comrades', { caret: 'before' });
  const cell = app.cell(await app.rowWith('promised the Korean comrades'), 'english');
  await page.keyboard.type('[firmly]');
  await expect(app.editor.locator('.insertion', { hasText: 'firmly' })).toHaveCount(1);
  await expect(cell).toContainText('Seven-Year-Plan and firmlypromised the Korean comrades');
  await page.keyboard.press('Backspace'); // right after: undoes the conversion
  await expect(app.editor.locator('.insertion', { hasText: 'firmly' })).toHaveCount(0);
  await expect(cell).toContainText('[firmly]promised the Korean comrades');

  // An empty insertion at the caret: a selected placeholder replaced by typing.
  await app.select('Comrade Khrushchev recommended', { caret: 'before' });
  await page.keyboard.press('Control+BracketLeft');
  await page.keyboard.type('later');
  await expect(app.editor.locator('.insertion', { hasText: 'later' })).toHaveText('later');

  await app.saved();
  const stored = JSON.stringify((await app.stored(id)).body);
  expect(stored).toContain('"text":"later","marks":[{"type":"insertion"');
});
