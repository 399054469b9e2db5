import { test, expect } from './fixtures';
import { Workbench } from './workbench';

test('a document’s history lists its saved versions, newest first, and restores one after a confirmation', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Puzanov');
  const original = await app.stored(id);

  // Two saved edits: each save keeps the version it replaces.
  await app.select('Seven-Year-Plan');
  await page.keyboard.type('Five-Year-Plan');
  await app.saved();
  expect(JSON.stringify((await app.stored(id)).body)).toContain('Five-Year-Plan');
  await app.select('Bucharest Meeting');
  await page.keyboard.type('Bucharest Conference');
  await app.saved();

  // The toolbar's History… (the same command as File > Document History…).
  await page.locator('.toolbar .tool-documentHistory').click();
  const dialog = page.getByRole('dialog', { name: 'Document history' });
  await expect(dialog).toBeVisible();
  const rows = dialog.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  // Newest first: the version after the first edit, then the imported one.
  const versions = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-version') ?? ''));
  expect([...versions].sort().reverse()).toEqual(versions);
  await expect(rows.first()).toContainText('Note about a Conversation');
  const savedAt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(original.updatedAt));
  await expect(rows.nth(1)).toContainText(savedAt);
  await app.screenshot('history-dialog');

  // Restore the imported version: asked to confirm first.
  await rows.nth(1).getByRole('button', { name: /^Restore the version of/ }).click();
  await expect(dialog.getByText(/It replaces the current text, which is kept in the history/)).toBeVisible();
  await app.screenshot('history-confirm');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.notice', { hasText: 'Restored the version of' })).toBeVisible();

  // The editor shows the restored text; the file holds it.
  await expect(app.editor).toContainText('Seven-Year-Plan');
  await expect(app.editor).toContainText('Bucharest Meeting');
  await expect(app.editor).not.toContainText('Five-Year-Plan');
  await expect(app.editor).not.toContainText('Bucharest Conference');
  expect((await app.stored(id)).body).toEqual(original.body);

  // The restore is undone by restoring the version it replaced (now the newest of three).
  await page.locator('.toolbar .tool-documentHistory').click();
  await expect(rows).toHaveCount(3);
  await rows.first().getByRole('button', { name: /^Restore the version of/ }).click();
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(app.editor).toContainText('Five-Year-Plan');
  await expect(app.editor).toContainText('Bucharest Conference');

  // The restored document is edited and saved as ever.
  await app.select('Five-Year-Plan');
  await page.keyboard.type('Ten-Year-Plan');
  await app.saved();
  const json = JSON.stringify((await app.stored(id)).body);
  expect(json).toContain('Ten-Year-Plan');
  expect(json).toContain('Bucharest Conference');
});

test('an edit not yet saved is saved before the history opens, and a damaged version cannot be restored', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Puzanov');
  await app.select('Seven-Year-Plan');
  await page.keyboard.type('Plan');
  // At once, before the autosave's pause.
  await page.locator('.toolbar .tool-documentHistory').click();
  const dialog = page.getByRole('dialog', { name: 'Document history' });
  await expect(dialog.locator('tbody tr')).toHaveCount(1);
  expect(JSON.stringify((await app.stored(id)).body)).toContain('DPRK\'s Plan');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const { readdir, rm, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const folder = join(project.dir, 'history', id);
  const [file] = await readdir(folder);
  await rm(join(folder, file));
  await writeFile(join(folder, file), '{"broken": ');
  await page.locator('.toolbar .tool-documentHistory').click();
  const row = dialog.locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('is damaged and was left untouched');
  await expect(row.getByRole('button', { name: /^Restore the version of/ })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
