/**
 * Metadata that can be corrected: the 1963 sample's summary reads `Kim II Sung`
 * (an OCR slip). Corrected in the details as the rows are (Ctrl+Shift+K), it
 * shows as a correction with the source's reading kept, undoes and redoes in the
 * field, is stored rich in the document and plain in the index, and is still
 * there after a reload; the Checks panel's fix of the same slip is a correction
 * in the field too, undone there.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { Workbench } from './workbench';

/** Selects `text` in the metadata field `field` (its editor has the focus). */
async function selectInField(page: Page, field: string, text: string): Promise<void> {
  const editor = page.locator(`#meta-${field}`);
  await editor.click();
  await editor.evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(t);
      if (at >= 0) {
        window.getSelection()!.setBaseAndExtent(node, at, node, at + t.length);
        return;
      }
    }
    throw new Error(`no “${t}” in the field`);
  }, text);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(text);
}

test('corrects Kim II Sung in the summary as a correction, undoes and redoes it, and keeps it across a reload', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Korean Workers Party');
  await page.getByRole('button', { name: 'Details' }).click();
  const summary = page.locator('#meta-summary');
  await expect(summary).toHaveAttribute('role', 'textbox');
  await expect(summary).toContainText("Kim II Sung's personality cult");

  // The row's command, in the field: the correction form opens on the selected slip.
  await selectInField(page, 'summary', 'Kim II Sung');
  await page.keyboard.press('Control+Shift+K');
  const form = page.locator('.correction-form');
  await expect(form).toContainText('Correct Kim II Sung to');
  await page.locator('#correction-input').fill('Kim Il Sung');
  await page.keyboard.press('Enter');
  const corrected = summary.locator('.correction[data-original="Kim II Sung"]');
  await expect(corrected).toHaveText('Kim Il Sung');
  await expect(corrected).toHaveAttribute('title', 'source: Kim II Sung');
  await expect(summary).toContainText("Kim Il Sung's personality cult");
  await app.screenshot('meta-summary-corrected');

  // Undo and redo are the field's own.
  await expect(summary).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(corrected).toHaveCount(0);
  await expect(summary).toContainText("Kim II Sung's personality cult");
  await app.screenshot('meta-summary-undone');
  await page.keyboard.press('Control+y');
  await expect(corrected).toHaveText('Kim Il Sung');

  // Stored: the plain summary reads the correction, the rich form keeps the source's reading; the index stays plain.
  await app.saved();
  const stored = await app.stored(id);
  expect(stored.meta.summary).toContain("Kim Il Sung's personality cult");
  expect(stored.meta.summary).not.toContain('Kim II Sung');
  expect(JSON.stringify(stored.meta.rich?.summary)).toMatch(/"text":"Kim Il Sung","marks":\[\{"type":"correction","attrs":\{"original":"Kim II Sung"/);
  const index = JSON.parse(await readFile(join(project.dir, 'project.json'), 'utf8')) as { documents: unknown[] };
  expect(JSON.stringify(index.documents)).not.toMatch(/rich|correction/);

  // After a reload the correction is there, the source's reading with it.
  await page.reload();
  await expect(app.editor).toBeVisible();
  await page.getByRole('button', { name: 'Details' }).click();
  await expect(page.locator('#meta-summary .correction[data-original="Kim II Sung"]')).toHaveText('Kim Il Sung');
  await page.locator('#meta-summary').scrollIntoViewIfNeeded();
  await app.screenshot('meta-summary-after-reload');
});

test('fixes the summary’s slip from the Checks panel as a correction in the field, and undoes it there', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Korean Workers Party');
  await page.getByRole('tab', { name: /Checks/ }).click();
  const open = page.locator('.qa-panel .qa-doc', { hasText: '(open)' });
  const inSummary = open.locator('.qa-item[data-rule="ocr.roman-il"]', { hasText: 'details: summary' });
  await expect(inSummary).toHaveCount(1);
  await inSummary.locator('.qa-fix').click();

  const summary = page.locator('#meta-summary');
  await expect(summary).toBeVisible();
  const fixed = summary.locator('.correction[data-original="II"]');
  await expect(fixed).toHaveText('Il');
  await expect(summary).toContainText("Kim Il Sung's personality cult");
  await expect(inSummary).toHaveCount(0);
  await app.screenshot('meta-qa-fixed');

  // Undone in the field: the slip is back, and the live check finds it again.
  await summary.click();
  await page.keyboard.press('Control+z');
  await expect(fixed).toHaveCount(0);
  await expect(summary).toContainText("Kim II Sung's personality cult");
  await expect(inSummary).toHaveCount(1);
});
