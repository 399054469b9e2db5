import { test, expect } from './fixtures';
import { Workbench } from './workbench';

const PUZANOV = { en: 'Puzanov', variants: ['Pusanov'], ko: ['푸자노프'], type: 'person' as const, note: 'Soviet ambassador' };

test('a suggestion that fits the witness is accepted with Tab, and one undo takes it back', async ({ page, project }) => {
  // `echo 푸자노프 | npx interlinea garble` prints `xx`: the title's witness has it.
  await project.handlers.glossaryAdd(PUZANOV);
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');
  const index = await app.rowWith('about a Conversation in the Soviet Embassy');
  await expect(app.cell(index, 'witness')).toHaveText('( xx @X T]');
  const cell = app.cell(index, 'korean');
  await cell.click();
  await page.keyboard.type('소련 대사관에서 푸');

  const list = page.locator('.suggest-list');
  await expect(list).toBeVisible();
  await expect(list.locator('.suggest-token')).toHaveText('xx');
  const first = list.locator('.suggest-item').first();
  await expect(first.locator('.suggest-text')).toHaveText('푸자노프');
  await expect(first.locator('.suggest-source')).toHaveText('glossary');
  // Every suggestion completes what is typed.
  for (const text of await list.locator('.suggest-text').allTextContents()) expect(text.startsWith('푸')).toBe(true);
  await app.screenshot('restore-suggest');

  await page.keyboard.press('Tab');
  await expect(cell).toHaveText('소련 대사관에서 푸자노프');
  await expect(list).toHaveCount(0);
  // The accepted name accounts for `xx`: the witness shows it at the caret.
  await expect(app.cell(index, 'witness').locator('.wc-caret')).toHaveText(['x', 'x']);
  await expect(page.locator('.doc-editor')).toBeFocused();

  await page.keyboard.press('Control+z');
  await expect(cell).toHaveText('소련 대사관에서 푸');

  // Escape closes the list; Ctrl+. brings it back; Ctrl+2 takes the second.
  await expect(list).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await page.keyboard.press('Control+.');
  await expect(list).toBeVisible();
  const second = await list.locator('.suggest-item').nth(1).locator('.suggest-text').textContent();
  expect(second).toMatch(/^푸자노프./);
  await page.keyboard.press('Control+2');
  await expect(cell).toHaveText(`소련 대사관에서 ${second}`);
});

test('clicking a garbled word in the witness suggests words for it; a click on one puts it where the witness needs it', async ({ page, project }) => {
  await project.handlers.glossaryAdd(PUZANOV);
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');
  const index = await app.rowWith('about a Conversation in the Soviet Embassy');
  const witness = app.cell(index, 'witness');
  await witness.locator('.wc[data-col="3"]').click();
  await expect(witness.locator('.wc-picked')).toHaveText(['x', 'x']);
  const list = page.locator('.suggest-list');
  await expect(list).toBeVisible();
  await expect(list.locator('.suggest-where')).toHaveText('picked in the witness');
  await expect(list.locator('.suggest-text').first()).toHaveText('푸자노프');
  await app.screenshot('restore-suggest-witness');

  await list.locator('.suggest-item', { hasText: '푸자노프' }).first().click();
  const cell = app.cell(index, 'korean');
  // A placeholder stands for the `(` before it, which is not restored yet.
  await expect(cell.locator('.gap')).toHaveCount(1);
  await expect(cell).toHaveText('□ 푸자노프');
  await expect(cell).toHaveAttribute('data-check', 'partial');
  await expect(witness.locator('.wc-picked')).toHaveCount(0);
});

test('dragging across witness characters asks about exactly that text, spaces included', async ({ page, project }) => {
  await project.handlers.glossaryAdd({ en: 'Korean Workers’ Party', variants: ['KWP'], ko: ['조선로동당', '조선노동당'], type: 'organisation', note: '' });
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');
  const index = await app.rowWith('I provided Comrade Puzanov with a translation');
  const witness = app.cell(index, 'witness');
  // `p \X` in the body's witness is 조선로동당의: 조 keeps `p`, 선 a space, 로 `\`, 의 `X`.
  const line = (await witness.locator('.witness-line').first().textContent()) ?? '';
  const at = line.indexOf('p \\X');
  expect(at).toBeGreaterThan(0);
  const from = await witness.locator(`.wc[data-col="${at}"]`).boundingBox();
  const to = await witness.locator(`.wc[data-col="${at + 3}"]`).boundingBox();
  await page.mouse.move(from!.x + 1, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 5 });
  await page.mouse.move(to!.x + to!.width - 1, to!.y + to!.height / 2);
  await page.mouse.up();
  await expect(witness.locator('.wc-picked')).toHaveText(['p', ' ', '\\', 'X']);
  const list = page.locator('.suggest-list');
  await expect(list.locator('.suggest-token')).toHaveText('p \\X');
  // Only the spelling whose garble fits is offered: 조선로동당의 (조선노동당의 leaves `p xX`).
  const texts = await list.locator('.suggest-text').allTextContents();
  expect(texts).toContain('조선로동당의');
  expect(texts).not.toContain('조선노동당의');
  await expect(list.locator('.suggest-item', { hasText: '조선로동당의' }).locator('.suggest-source')).toHaveText('glossary');
});
