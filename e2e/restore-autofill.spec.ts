import { test, expect } from './fixtures';
import { Workbench } from './workbench';

test('auto-fill proposes the date the witness proves, marked proposed; accept, typing and undo', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Puzanov');
  const index = await app.rowWith('Pyongyang, 30 August 1960');
  const cell = app.cell(index, 'korean');
  await cell.click();
  const autofill = page.getByRole('button', { name: 'Auto-fill', exact: true });
  await expect(autofill).toBeEnabled();
  await autofill.click();

  // `1960D 8 30|` is 1960년 8월 30일: digits survive, 년 keeps D, 월 vanishes, 일 keeps |.
  const proposed = cell.locator('.proposed');
  await expect(proposed).toHaveText(['1960년 8월 30일']);
  const text = (await proposed.allTextContents()).join(' ');
  for (const n of ['1960', '8', '30']) expect(text).toContain(n);
  const look = await proposed.first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { fontStyle: s.fontStyle, outline: s.outlineStyle };
  });
  expect(look).toEqual({ fontStyle: 'italic', outline: 'dashed' });
  await expect(cell).toHaveAttribute('data-check', 'consistent');
  await app.screenshot('restore-autofill');

  // One undo removes the whole auto-fill; redo brings it back.
  await page.keyboard.press('Control+z');
  await expect(cell).toHaveText('');
  await page.keyboard.press('Control+y');
  await expect(proposed).toHaveText(['1960년 8월 30일']);

  // Typing inside a proposal is the translator's own text, never proposed.
  await app.select('1960년', { column: 'korean', row: index, caret: 'after' });
  await page.keyboard.type('X');
  await expect(cell).toHaveText('1960년X 8월 30일');
  await expect(cell.locator('.proposed', { hasText: 'X' })).toHaveCount(0);
  await expect.poll(async () => (await app.checkStatuses(index)).filter((s) => s.endsWith(':contradicted'))).toEqual(['X:contradicted']);
  await page.keyboard.press('Backspace');

  // Accept at the caret (Ctrl+Alt+Y): the text stays, the mark goes.
  await page.keyboard.press('Control+Alt+y');
  await expect(cell.locator('.proposed')).toHaveCount(0);
  await expect(cell).toHaveText('1960년 8월 30일');
  await app.saved();
  const stored = JSON.stringify((await app.stored(id)).body);
  expect(stored).toContain('{"type":"text","text":"1960년 8월 30일"}');
});

test('fill all: every empty restoration gets what its witness proves, placeholders for the rest, in one undo step', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');
  await app.cell(0, 'korean').click();
  await page.getByRole('button', { name: 'Fill all', exact: true }).click();

  const signature = app.cell(await app.rowWith('Archival Signature'), 'korean');
  await expect(signature.locator('.proposed')).toHaveText([':', 'SAPMO-BA,', 'DY', '30,', 'IV', '2/20/137']);
  await expect(signature.locator('.gap')).toHaveCount(1);
  await expect(signature).toHaveAttribute('data-check', 'partial');
  const embassy = app.cell(await app.rowWith('GDR Embassy in DPRK'), 'korean');
  await expect(embassy.locator('.proposed')).toHaveText(['[', ']']);
  // `|| Y` proves nothing: that row stays empty.
  await expect(app.cell(0, 'korean')).toHaveText('');
  await app.screenshot('restore-fill-all');

  // Accept the row's proposals from the toolbar.
  await app.select('SAPMO-BA', { column: 'korean', caret: 'after' });
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(signature.locator('.proposed')).toHaveCount(0);
  await expect(embassy.locator('.proposed')).toHaveCount(2);

  await app.undoUntil(async () => (await signature.locator('.proposed').count()) === 6);
  await page.keyboard.press('Control+z');
  await expect(signature).toHaveText('');
  await expect(embassy).toHaveText('');
});

test('repair encoding turns EUC-KR mojibake back into Korean, and says so when there is nothing to repair', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');
  const index = await app.rowWith('Department of International Relations');
  const cell = app.cell(index, 'korean');
  await cell.click();
  await page.keyboard.insertText('±èÀÏ¼º 동지');
  await app.select('±èÀÏ¼º', { column: 'korean', row: index });
  await page.getByRole('button', { name: 'Repair', exact: true }).click();
  await expect(cell).toHaveText('김일성 동지');
  await expect(page.locator('.notices .notice')).toContainText('repaired 1 stretch (euckr-as-latin1)');

  // Normal text is left alone, with the reason in a notice (not a dialog).
  await app.select('International', { column: 'english', row: index });
  await page.keyboard.press('Control+Alt+r');
  await expect(page.locator('.notices .notice').last()).toContainText('Encoding left as it is: no reversible mojibake found');
  await expect(app.cell(index, 'english')).toHaveText('Department of International Relations');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await app.screenshot('restore-repair');
});
