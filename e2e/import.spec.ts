import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { Workbench } from './workbench';

const SEED = join(__dirname, '..', 'resources', 'samples', '1963-06-20-kwp-policy-information.txt');

async function dropFiles(page: import('@playwright/test').Page, files: { name: string; text: string }[]) {
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    const target = document.querySelector('.main')!;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, files);
}

test('files dropped on the window are imported, listed and opened', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await expect(page.locator('.document-row')).toHaveCount(2);

  await dropFiles(page, [{ name: 'kwp-policy.txt', text: await readFile(SEED, 'utf8') }]);
  await expect(page.locator('.document-row')).toHaveCount(3);
  await expect(page.locator('.notice-success')).toContainText('Imported');
  await expect(page.locator('.document-heading')).toContainText('Information About the Policy of the Korean Workers Party');
  await expect(app.editor).toBeVisible();
});

test('a bad file dropped on the window is reported by name and nothing is imported', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await dropFiles(page, [{ name: 'empty.txt', text: '' }]);
  await expect(page.locator('.notice-error')).toContainText('empty.txt');
  await expect(page.locator('.document-row')).toHaveCount(2);
  await app.screenshot('import-error');
});
