import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { Workbench } from './workbench';

/** A one-paragraph archive page whose Korean witness mentions Puzanov (`xx`). */
const SECOND_CONVERSATION = `Digital Archive International History Declassified

September 2, 1960

  • Citation

    "Note on a Second Conversation with Comrade Puzanov," September 2, 1960, test document.

English HTML

Comrade Puzanov informed orally about some information of the CPSU Central Committee meeting.

Korean HTML

xx lP\\ ( Y XX | .
`;

async function glossaryOnDisk(dir: string): Promise<{ en: string; ko: string[]; type: string }[]> {
  return (JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')) as { glossary: { en: string; ko: string[]; type: string }[] }).glossary;
}

test('a name added to the glossary from an English selection is suggested in another document', async ({ page, project }) => {
  await project.handlers.importFiles({ files: [{ name: 'second-conversation.txt', bytes: new TextEncoder().encode(SECOND_CONVERSATION) }] });
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Conversation in the Soviet Embassy');

  const index = await app.rowWith('about a Conversation in the Soviet Embassy');
  await app.select('Puzanov', { column: 'english', row: index });
  await page.getByRole('button', { name: '+ Glossary' }).click();
  await expect(page.getByRole('tab', { name: /Glossary/ })).toHaveAttribute('aria-selected', 'true');
  const form = page.getByRole('form', { name: 'New glossary entry' });
  await expect(form.getByLabel('English (canonical)')).toHaveValue('Puzanov');
  await form.getByLabel('Korean forms').fill('푸자노프');
  await form.getByLabel('English variants and romanisations').fill('Pusanov');
  await expect(form.getByLabel('Type')).toHaveValue('person');
  await form.getByLabel('Note').fill('Soviet ambassador in Pyongyang');
  await app.screenshot('restore-glossary-form');
  await form.getByRole('button', { name: 'Add to glossary' }).click();

  const item = page.locator('.glossary-item', { hasText: 'Puzanov' });
  await expect(item.locator('.glossary-ko')).toHaveText('푸자노프');
  await expect.poll(() => glossaryOnDisk(project.dir)).toEqual([expect.objectContaining({ en: 'Puzanov', ko: ['푸자노프'], type: 'person' })]);

  // Another document: its witness begins with `xx`, the garble of 푸자노프.
  await app.openDocument('Second Conversation');
  const cell = app.cell(0, 'korean');
  await expect(app.cell(0, 'witness')).toHaveText('xx lP\\ ( Y XX | .');
  await cell.click();
  const list = page.locator('.suggest-list');
  await expect(list).toBeVisible();
  const first = list.locator('.suggest-item').first();
  await expect(first.locator('.suggest-text')).toHaveText('푸자노프');
  await expect(first.locator('.suggest-source')).toHaveText('glossary');
  await app.screenshot('restore-glossary-suggested');
  await page.keyboard.press('Tab');
  await expect(cell).toHaveText('푸자노프');
  await expect(cell).toHaveAttribute('data-check', 'partial');
});

test('the glossary panel: a Korean selection prefills the Korean form; filter, edit and delete entries', async ({ page, project }) => {
  await project.handlers.glossaryAdd({ en: 'Korean Workers’ Party', variants: ['KWP'], ko: ['조선로동당', '조선노동당'], type: 'organisation', note: '' });
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');
  const index = await app.rowWith('about a Conversation in the Soviet Embassy');
  await app.cell(index, 'korean').click();
  await page.keyboard.type('소련');
  // (Selected with the keyboard: the live check splits the text into runs.)
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+Alt+g');
  const form = page.getByRole('form', { name: 'New glossary entry' });
  await expect(form.getByLabel('Korean forms')).toHaveValue('소련');
  await expect(form.getByLabel('English (canonical)')).toBeFocused();
  await form.getByLabel('English (canonical)').fill('Soviet Union');
  await form.getByLabel('Type').selectOption('place');
  await form.getByRole('button', { name: 'Add to glossary' }).click();
  await expect(page.locator('.glossary-item')).toHaveCount(2);
  // Both spellings of the party are kept as written.
  await expect(page.locator('.glossary-item', { hasText: 'Workers' }).locator('.glossary-ko')).toHaveText('조선로동당 · 조선노동당');

  const filter = page.getByLabel('Filter the glossary');
  await filter.fill('노동당');
  await expect(page.locator('.glossary-item')).toHaveCount(1);
  await filter.fill('');

  const soviet = page.locator('.glossary-item', { hasText: 'Soviet Union' });
  await soviet.getByRole('button', { name: 'Edit Soviet Union' }).click();
  const edit = page.getByRole('form', { name: 'Edit glossary entry Soviet Union' });
  await edit.getByLabel('English variants and romanisations').fill('USSR\nSoviet');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(soviet.locator('.glossary-variants')).toHaveText('USSR · Soviet');
  await app.screenshot('restore-glossary-panel');

  await soviet.getByRole('button', { name: 'Delete Soviet Union' }).click();
  await soviet.getByRole('button', { name: 'Really delete Soviet Union' }).click();
  await expect(page.locator('.glossary-item')).toHaveCount(1);
  await expect.poll(async () => (await glossaryOnDisk(project.dir)).map((e) => e.en)).toEqual(['Korean Workers’ Party']);
});
