import { test, expect } from './fixtures';
import { Workbench } from './workbench';

test('every change is stored in the project files and is there after a reload', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Puzanov');
  const rowCount = await app.rows.count();

  // Insertion.
  await app.select('Seven-Year-Plan');
  await page.keyboard.press('Control+BracketLeft');
  // Correction (of a reading the translator doubts).
  await app.select('Mao Zedong');
  await page.keyboard.press('Control+Shift+K');
  await page.locator('#correction-input').fill('Mao Tse-tung');
  await page.keyboard.press('Enter');
  // Footnote.
  await app.select('Bucharest Meeting', { caret: 'after' });
  await page.keyboard.press('Control+Alt+f');
  await page.keyboard.type('The June 1960 meeting of communist parties.');
  await page.keyboard.press('Escape');
  // Split.
  await app.select('Comrade Khrushchev recommended', { caret: 'before' });
  await page.keyboard.press('Control+Enter');
  // Korean restoration.
  const index = await app.rowWith('SED Central Committee');
  await app.cell(index, 'korean').click();
  await app.composeKorean([
    { compose: ['ㄷ', '도', '독'], commit: '독' },
    { compose: ['ㅇ', '이', '일'], commit: '일' },
  ]);
  // Metadata.
  await page.getByRole('button', { name: 'Details' }).click();
  await page.locator('#meta-translator').fill('Bernd Schaefer');
  await page.locator('#meta-translatorNotes').fill('독일어 원문 대조 필요');

  await app.saved();
  const stored = await app.stored(id);
  const json = JSON.stringify(stored.body);
  // New annotations carry their provenance: no editor chosen yet (resp ''), made today.
  expect(json).toMatch(/\{"type":"text","text":"Seven-Year-Plan","marks":\[\{"type":"insertion","attrs":\{"kind":"clarification","resp":"","when":"\d{4}-\d{2}-\d{2}"\}\}\]\}/);
  expect(json).toMatch(/"marks":\[\{"type":"correction","attrs":\{"original":"Mao Zedong","resp":"","when":"\d{4}-\d{2}-\d{2}"\}\}\]/);
  expect(json).toContain('{"type":"footnote","attrs":{"id":');
  expect(json).toContain('"text":"The June 1960 meeting of communist parties."');
  expect(json).toContain('{"type":"text","text":"독일"}');
  expect(stored.body.content).toHaveLength(rowCount + 1);
  expect(stored.meta.translator).toBe('Bernd Schaefer');
  expect(stored.meta.translatorNotes).toBe('독일어 원문 대조 필요');

  // Reload: the same document opens (remembered in the URL) with everything in it.
  await page.reload();
  await expect(app.editor).toBeVisible();
  await expect(app.rows).toHaveCount(rowCount + 1);
  await expect(app.editor.locator('.insertion', { hasText: 'Seven-Year-Plan' })).toHaveCount(1);
  await expect(app.editor.locator('.correction')).toHaveText('Mao Tse-tung');
  await expect(app.editor.locator('.footnote')).toHaveAttribute('title', 'Footnote 1: The June 1960 meeting of communist parties.');
  await expect(app.cell(index, 'korean')).toHaveText('독일');
  await page.getByRole('button', { name: 'Details' }).click();
  await expect(page.locator('#meta-translatorNotes')).toHaveText('독일어 원문 대조 필요'); // an editor that takes corrections, not a textarea
  await app.screenshot('after-reload');
});

test('an edit made just before the page goes away is still saved (the save runs on unload)', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Puzanov');
  const index = await app.rowWith('Pyongyang, 30 August 1960');
  await app.cell(index, 'korean').click();
  await app.composeKorean([
    { compose: ['ㅍ', '펴', '평'], commit: '평' },
    { compose: ['ㅇ', '야', '양'], commit: '양' },
  ]);
  await expect(page.locator('.save-state')).toHaveAttribute('data-status', 'unsaved');
  // Reload at once, well before the autosave's quiet time is over.
  await page.reload();
  await expect(app.editor).toBeVisible();
  await expect
    .poll(async () => JSON.stringify((await app.stored(id)).body.content![index]))
    .toContain('{"type":"korean","content":[{"type":"text","text":"평양"}]}');
  await expect(app.cell(index, 'korean')).toHaveText('평양');
});
