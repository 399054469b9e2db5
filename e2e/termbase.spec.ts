import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, expect } from './fixtures';
import { Workbench } from './workbench';
import { createTempProject } from '../electron/testing/temp-project';

/** A new project as the app creates one: its glossary starts from the starter termbase. */
const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  project: async ({}, use) => {
    const project = await createTempProject({ termbase: true });
    await use(project);
    await project.close();
  },
});

/** A one-paragraph archive page whose Korean witness begins with `xx`, the garble of 푸자노프. */
const SECOND_CONVERSATION = `Digital Archive International History Declassified

September 2, 1960

  • Citation

    "Note on a Second Conversation with Comrade Puzanov," September 2, 1960, test document.

English HTML

Comrade Puzanov informed orally about some information of the CPSU Central Committee meeting.

Korean HTML

xx lP\\ ( Y XX | .
`;

async function projectFile(dir: string): Promise<{ settings: { termbase: boolean }; glossary: { en: string; origin?: string }[] }> {
  return JSON.parse(await readFile(join(dir, 'project.json'), 'utf8'));
}

test('the starter termbase: listed in the glossary panel, suggested, switched off, and an edited entry becomes the user’s', async ({ page, project }) => {
  const seeded = project.store.glossary.length;
  expect(seeded).toBeGreaterThanOrEqual(400);
  await project.handlers.importFiles({ files: [{ name: 'second-conversation.txt', bytes: new TextEncoder().encode(SECOND_CONVERSATION) }] });
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Second Conversation');

  // A name from the termbase is suggested for its garble, as a glossary entry.
  const cell = app.cell(0, 'korean');
  await cell.click();
  const list = page.locator('.suggest-list');
  await expect(list).toBeVisible({ timeout: 30_000 });
  await expect(list.locator('.suggest-item').first().locator('.suggest-text')).toHaveText('푸자노프');
  await expect(list.locator('.suggest-item').first().locator('.suggest-source')).toHaveText('glossary');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: /Glossary/ }).click();
  const toggle = page.getByRole('checkbox', { name: `Starter termbase (${seeded} entries)` });
  await expect(toggle).toBeChecked();
  await expect(page.locator('.glossary-panel .list-count')).toHaveText(`${seeded} entries`);
  await expect(page.locator('.glossary-item[data-origin="termbase"]')).toHaveCount(seeded);
  const filter = page.getByLabel('Filter the glossary');
  await filter.fill('조선로동당');
  const kwp = page.locator('.glossary-item', { hasText: "Korean Workers' Party" }).first();
  await expect(kwp.locator('.glossary-ko')).toHaveText('조선로동당 · 조선노동당');
  await expect(kwp.locator('.glossary-origin')).toHaveText('termbase');
  await filter.fill('Puzanov');
  const puzanov = page.locator('.glossary-item', { hasText: 'Alexander Puzanov' });
  await expect(puzanov.locator('.glossary-note')).toContainText('Soviet ambassador in Pyongyang 1957–62');
  await app.screenshot('termbase-on');

  // Switched off: kept in the list, marked off, stored in the project, no longer suggested.
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(puzanov).toHaveClass(/is-off/);
  await expect(puzanov.locator('.glossary-origin')).toHaveText('termbase · off');
  await expect.poll(async () => (await projectFile(project.dir)).settings.termbase).toBe(false);
  await filter.fill('');
  await expect(page.locator('.glossary-item.is-off')).toHaveCount(seeded);
  await app.screenshot('termbase-off');

  await cell.click();
  // Escape hid the list for this cell; Ctrl+. shows it again.
  await page.keyboard.press('Control+.');
  await expect
    .poll(async () => {
      const texts = await page.locator('.suggest-list .suggest-item .suggest-text').allTextContents();
      return texts.length > 0 && !texts.includes('푸자노프');
    })
    .toBe(true);
  await page.keyboard.press('Escape');

  // Editing a termbase entry makes it the user's: in use although the termbase is off.
  await filter.fill('Puzanov');
  await puzanov.getByRole('button', { name: 'Edit Alexander Puzanov' }).click();
  const edit = page.getByRole('form', { name: 'Edit glossary entry Alexander Puzanov' });
  await edit.getByLabel('Note').fill('Soviet ambassador in Pyongyang, 1957–62; checked against the embassy journal');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(puzanov).not.toHaveClass(/is-off/);
  await expect(puzanov).toHaveAttribute('data-origin', 'user');
  await expect(puzanov.locator('.glossary-origin')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: `Starter termbase (${seeded - 1} entries)` })).not.toBeChecked();
  await expect
    .poll(async () => (await projectFile(project.dir)).glossary.find((e) => e.en === 'Alexander Puzanov')?.origin)
    .toBe('user');
  await app.screenshot('termbase-edited');

  await cell.click();
  await page.keyboard.press('Control+.');
  await expect(page.locator('.suggest-list .suggest-item').first().locator('.suggest-text')).toHaveText('푸자노프');
});
