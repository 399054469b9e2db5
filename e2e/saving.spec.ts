import { test, expect } from './fixtures';
import { Workbench } from './workbench';

test('a failed save keeps the edits, shows the error without a dialog, and succeeds on a later retry', async ({ page, project, faults }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Puzanov');
  const status = page.locator('.save-state');

  faults.saveError = 'Could not write documents/1960.json: no space left on device';
  await app.select('Comrade Khrushchev recommended', { caret: 'before' });
  await page.keyboard.type('Then ');
  await expect(status).toHaveAttribute('data-status', 'error');
  await expect(status).toContainText('no space left on device');
  await expect(status).toContainText('your changes are kept');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await app.screenshot('save-error');

  // Typing goes on while saving fails; nothing is lost.
  await page.keyboard.type('also ');
  await expect(app.editor).toContainText('Then also Comrade Khrushchev recommended');
  expect(JSON.stringify((await app.stored(id)).body)).not.toContain('Then also');

  // The disk is back: the retry saves everything.
  faults.saveError = null;
  await expect(status).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
  expect(JSON.stringify((await app.stored(id)).body)).toContain('Then also Comrade Khrushchev recommended');
});
