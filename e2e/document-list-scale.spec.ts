/**
 * The document list at archive scale: 10,000 documents (summaries generated here, served by
 * the real handlers for everything else) draw only the rows near the view, scroll anywhere,
 * and filter on every keystroke.
 */
import { test as base, expect } from '@playwright/test';
import { createTempProject, type TempProject } from '../electron/testing/temp-project';
import type { DocumentSummary } from '../shared/ipc/contract';
import { injectApi } from './fixtures';
import { Workbench } from './workbench';

const COUNT = 10_000;
const TOPICS = ['the Seven-Year Plan', 'a conversation with Comrade Puzanov', 'the Chollima movement', 'Zürich trade talks', 'the harvest in Hwanghae'];

function summaries(): DocumentSummary[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const year = 1955 + (i % 15);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const witness = i % 4 === 0 ? 0 : 10 + (i % 30);
    const restored = Math.floor(witness / 3);
    const partial = witness ? 2 : 0;
    return {
      id: `doc-${String(i).padStart(5, '0')}`,
      title: `Report ${String(i).padStart(5, '0')} on ${TOPICS[i % TOPICS.length]}`,
      date: `${year}-${month}-${day}`,
      segments: 20 + (i % 40),
      witnessSegments: witness,
      restoredSegments: restored,
      progress: { consistent: restored, partial, contradicted: 0, proposed: 0, empty: witness - restored - partial },
    };
  });
}

const test = base.extend<{ project: TempProject }>({
  // eslint-disable-next-line no-empty-pattern
  project: async ({}, use) => {
    const project = await createTempProject({ samples: false });
    const documents = summaries();
    const handlers = {
      ...project.handlers,
      listDocuments: async () => ({ documents, problems: [] }),
      projectInfo: async () => ({ ...(await project.handlers.projectInfo({})), documentCount: COUNT }),
    };
    await use({ ...project, handlers });
    await project.close();
  },
});

test('a list of 10,000 documents draws only the rows near the view, scrolls anywhere and filters', async ({ page, project }) => {
  await injectApi(page, project);
  const app = new Workbench(page, project);
  await app.open();
  const rows = page.locator('.document-row');
  const sidebar = page.locator('nav.sidebar');
  await expect(page.locator('.list-count')).toHaveText('10000 documents');
  const drawn = await rows.count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(80);

  // The whole list's height is there to scroll through: the scrollbar is honest.
  const scrollHeight = await sidebar.evaluate((el) => el.scrollHeight);
  expect(scrollHeight).toBeGreaterThan(COUNT * 40);

  // Halfway down: the rows drawn are the middle of the sorted list, and they are on screen.
  await sidebar.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect
    .poll(async () => {
      const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      return ids.length;
    })
    .toBeLessThan(80);
  const sorted = summaries().sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  const onScreen = await page.evaluate(() => {
    const box = document.querySelector('nav.sidebar')?.getBoundingClientRect();
    return Array.from(document.querySelectorAll('.document-row'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return box && r.bottom > box.top && r.top < box.bottom;
      })
      .map((el) => el.getAttribute('data-id'));
  });
  expect(onScreen.length).toBeGreaterThan(5);
  const middle = sorted.findIndex((d) => d.id === onScreen[0]);
  expect(middle).toBeGreaterThan(COUNT * 0.4);
  expect(middle).toBeLessThan(COUNT * 0.6);
  await app.screenshot('document-list-10000-middle');

  // To the end: the last document is drawn.
  await sidebar.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.locator(`.document-row[data-id="${sorted[COUNT - 1]?.id}"]`)).toBeVisible();

  // The filter, accent- and case-insensitive, on the prepared text.
  await sidebar.evaluate((el) => (el.scrollTop = 0));
  await page.keyboard.press('Control+p');
  await page.keyboard.type('zurich 07');
  await expect(page.locator('.list-count')).toHaveText(/^\d+ of 10000 documents$/);
  const expected = sorted.filter((d) => d.title.includes('Zürich') && `${d.title} ${d.date} ${d.id}`.includes('07'));
  await expect(page.locator('.list-count')).toHaveText(`${expected.length} of 10000 documents`);
  await expect(rows.first()).toHaveAttribute('data-id', expected[0]?.id ?? '');
  await page.keyboard.press('Escape');
  await page.keyboard.type('Report 04242');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Report 04242');
  await app.screenshot('document-list-10000-filtered');
});
