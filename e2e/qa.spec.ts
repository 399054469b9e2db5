import { test, expect } from './fixtures';
import { Workbench } from './workbench';

test('runs the quality checks, fixes a finding from the panel and with Alt+Enter, and undoes the fix', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Korean Workers Party');
  // The selection is within the document's scroller (what a person sees), not only selected.
  const selectionInView = () =>
    page.evaluate(() => {
      const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      const f = document.querySelector('.document-scroll')!.getBoundingClientRect();
      return r.top >= f.top && r.bottom <= f.bottom;
    });

  // The checks of the open document run by themselves; F7 checks the whole project.
  await page.getByRole('tab', { name: /Checks/ }).click();
  await page.keyboard.press('F7');
  const panel = page.locator('.qa-panel');
  const open = panel.locator('.qa-doc', { hasText: '(open)' });
  await expect(open.locator('.qa-item[data-rule="ocr.roman-il"]')).toHaveCount(3); // the summary and two rows
  await expect(open.locator('.qa-item[data-rule="ocr.letter-slip"]')).toContainText('“Im” is not a word');
  await expect(open.locator('.qa-item[data-rule="ocr.run-together"]')).toContainText('Dreemphasis');
  await expect(panel.locator('.qa-totals')).toContainText('warnings');
  await app.screenshot('qa-panel');

  // A click goes to the spot: the slip is selected in its row.
  const slip = open.locator('.qa-item[data-rule="ocr.letter-slip"]');
  await slip.locator('.qa-go').click();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Im');

  // The panel's fix: a correction keeping the source's reading.
  await expect.poll(selectionInView).toBe(true);
  await slip.locator('.qa-fix').click();
  const fixed = app.editor.locator('.correction[data-original="Im"]');
  await expect(fixed).toHaveText('In');
  await expect.poll(selectionInView).toBe(true);
  await expect(app.editor).toContainText('In the crisis in the Caribbean');
  await expect(open.locator('.qa-item[data-rule="ocr.letter-slip"]')).toHaveCount(0);
  await app.screenshot('qa-fixed');

  // Undo takes the fix back, and the live check finds the slip again.
  await page.keyboard.press('Control+z');
  await expect(fixed).toHaveCount(0);
  await expect(app.editor).toContainText('Im the crisis');
  await expect(open.locator('.qa-item[data-rule="ocr.letter-slip"]')).toHaveCount(1);
  await app.screenshot('qa-undone');

  // Alt+Enter applies the fix of the finding at the cursor.
  await app.select('II', { row: await app.rowWith("Kim II Sung's government") });
  await page.keyboard.press('Alt+Enter');
  await expect(app.editor.locator('.correction[data-original="II"]')).toHaveText('Il');
  await expect(open.locator('.qa-item[data-rule="ocr.roman-il"]')).toHaveCount(2);

  await app.saved();
  expect(JSON.stringify((await app.stored(id)).body)).toMatch(/\{"type":"text","text":"Il","marks":\[\{"type":"correction","attrs":\{"original":"II"[,}]/);
});

test('ignores a finding here, remembered in the project', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Korean Workers Party');
  await page.getByRole('tab', { name: /Checks/ }).click();
  const open = page.locator('.qa-doc', { hasText: '(open)' });
  const run = open.locator('.qa-item[data-rule="ocr.run-together"]');
  await expect(run).toHaveCount(1);
  await run.locator('.qa-ignore').click();
  await expect(run).toHaveCount(0);
  await expect.poll(() => project.store.project.settings.qaIgnored.length).toBe(1);
  await page.reload();
  await page.getByRole('tab', { name: /Checks/ }).click();
  await expect(open.locator('.qa-item[data-rule="ocr.letter-slip"]')).toHaveCount(1);
  await expect(run).toHaveCount(0);
});
