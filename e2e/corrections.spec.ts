import { test, expect } from './fixtures';
import { Workbench } from './workbench';
import { isoToday } from '../shared/model/provenance';

test('corrects “Kim II Sung” to “Kim Il Sung” in the 1963 sample, shows the source reading, and reverts it', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Korean Workers Party');

  await app.select('Kim II Sung');
  await page.keyboard.press('Control+Shift+K');
  const input = page.locator('#correction-input');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('Kim II Sung');
  await input.fill('Kim Il Sung');
  await page.keyboard.press('Enter');

  const correction = app.editor.locator('.correction').first();
  await expect(correction).toHaveText('Kim Il Sung');
  await expect(correction).toHaveAttribute('title', 'source: Kim II Sung'); // shown on hover
  await expect(correction).toHaveAttribute('data-original', 'Kim II Sung');
  await expect(app.editor).toBeFocused(); // the focus is back in the text

  // The side note: the Corrections panel lists it with the source's reading.
  await page.getByRole('tab', { name: /Corrections/ }).click();
  const note = page.locator('.correction-item').first();
  await expect(note.locator('.correction-reading')).toHaveText('Kim Il Sung');
  await expect(note.locator('.correction-source')).toContainText('Kim II Sung');
  await correction.hover();
  await app.screenshot('correction');

  await app.saved();
  const saved = JSON.stringify((await app.stored(id)).body);
  // Made with no editor chosen: dated, no one credited (e2e/provenance.spec.ts chooses one).
  expect(saved).toContain(`{"type":"text","text":"Kim Il Sung","marks":[{"type":"correction","attrs":{"original":"Kim II Sung","resp":"","when":"${isoToday()}"}}]}`);

  // One command reverts it: the source's reading again, no mark.
  await app.select('Il Sung', { caret: 'before' });
  await page.keyboard.press('Control+Alt+K');
  await expect(app.editor.locator('.correction')).toHaveCount(0);
  await expect(app.editor).toContainText('surrounding Comrade Kim II Sung');
  await expect(page.locator('.correction-item')).toHaveCount(0);
  await app.screenshot('correction-reverted');

  // And undo gives the correction back.
  await page.keyboard.press('Control+z');
  await expect(app.editor.locator('.correction')).toHaveText('Kim Il Sung');
});
