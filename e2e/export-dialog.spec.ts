/**
 * Export from the app: File > Export opens the dialog, the editor picks a format
 * and options, and the edition is written where the (test) save dialog says,
 * through the real handlers and a real PDF printer (Debian's Chromium).
 */
import { test as base, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTempProject, type TempProject } from '../electron/testing/temp-project';
import { createChromiumPrinter } from '../electron/export/pdf';
import { writeFileDurable } from '../electron/store/durable-file';
import { injectApi } from './fixtures';

const test = base.extend<{ project: TempProject; saved: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  saved: async ({}, use) => use([]),
  project: async ({ saved }, use) => {
    let dir = '';
    const project = await createTempProject({
      context: {
        printPdf: createChromiumPrinter(),
        platform: {
          // The native save dialog, answered as a person would: a file in the project's folder.
          chooseSavePath: async (name) => {
            const path = join(dir, '..', name);
            saved.push(path);
            return path;
          },
          writeFile: (path, bytes) => writeFileDurable(path, bytes),
          chooseFiles: async () => [],
          openProject: async () => null,
          newProject: async () => null,
          recentProjects: async () => [],
        },
      },
    });
    dir = project.dir;
    await use(project);
    await project.close();
  },
});

test('exports the open document to PDF on US Letter with the chosen options', async ({ page, project, saved }) => {
  await injectApi(page, project);
  await page.goto('/');
  await page.locator('.document-row', { hasText: 'Puzanov' }).click();
  await expect(page.locator('.doc-editor')).toBeVisible();
  await page.getByRole('button', { name: 'Export…' }).first().click();
  const dialog = page.locator('dialog.export-dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('select').first().selectOption('pdf');
  await dialog.getByLabel('Page size').selectOption('Letter');
  await dialog.getByLabel('Witness (garbled Korean)').check();
  // PDF notes go to the foot of the page where they are called unless asked otherwise.
  await expect(dialog.getByLabel('Footnotes')).toHaveValue('page');
  await page.screenshot({ path: 'e2e/screenshots/export-dialog.png' });
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByText(/Exported to .*\.pdf/)).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toBeHidden();

  expect(saved).toHaveLength(1);
  const pdf = await readFile(saved[0]);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const info = execFileSync('pdfinfo', [saved[0]], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  const text = execFileSync('pdftotext', [saved[0], '-'], { encoding: 'utf8' });
  expect(text).toContain('Note about a Conversation in the Soviet Embassy');
  // The witness was asked for: its date line (garbled, found nowhere else) is in the edition.
  expect(text).toContain('1960D 8 30|');
});

test('export needs at least one column', async ({ page, project }) => {
  await injectApi(page, project);
  await page.goto('/');
  await page.locator('.document-row', { hasText: 'Puzanov' }).click();
  await page.getByRole('button', { name: 'Export…' }).first().click();
  const dialog = page.locator('dialog.export-dialog');
  await dialog.getByLabel('English translation').uncheck();
  await dialog.getByLabel('Korean restoration').uncheck();
  await expect(dialog.getByRole('button', { name: 'Export…' })).toBeDisabled();
  await dialog.getByLabel('English translation').check();
  await expect(dialog.getByRole('button', { name: 'Export…' })).toBeEnabled();
});
