import { test, expect } from './fixtures';
import { Workbench } from './workbench';

test('a row splits at the cursor and merges back, witness lines kept in order; all undoable', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');

  const rowCount = await app.rows.count();
  // A sample document is short: every row is drawn.
  await expect(app.editor).not.toHaveClass(/\bwindowed\b/);
  await expect(app.editor.locator('.segment-hidden')).toHaveCount(0);
  const index = await app.rowWith('Comrade Khrushchev recommended');
  const englishBefore = (await app.cell(index, 'english').textContent()) ?? '';
  const witnessBefore = await app.editor.locator('.witness').allTextContents();

  await app.select('Comrade Khrushchev recommended', { caret: 'before' });
  await page.keyboard.press('Control+Enter');
  await expect(app.rows).toHaveCount(rowCount + 1);
  await expect(app.cell(index + 1, 'english')).toHaveText(/^Comrade Khrushchev recommended/);
  await expect(app.cell(index, 'english')).not.toContainText('Khrushchev recommended');
  // The witness stays with the first part; the new row has none yet.
  await expect(app.cell(index, 'witness')).toHaveText(witnessBefore[index]);
  await expect(app.cell(index + 1, 'witness')).toHaveClass(/witness-empty/);
  // Rows stay aligned: every cell of a row starts at the row's top.
  const tops = await app.row(index + 1).evaluate((row) =>
    Array.from(row.children).map((cell) => Math.round(cell.getBoundingClientRect().top)),
  );
  expect(new Set(tops).size).toBe(1);
  await app.screenshot('row-split');

  // Move the witness line down to the new row and back up.
  await app.select('Kim Il Sung visited Beijing', { caret: 'before' });
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(app.cell(index, 'witness')).toHaveClass(/witness-empty/);
  await expect(app.cell(index + 1, 'witness')).toHaveText(witnessBefore[index]);
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect(app.cell(index, 'witness')).toHaveText(witnessBefore[index]);

  // Merge with the next row: the English is whole again, witness lines joined in order.
  await page.keyboard.press('Control+Shift+M');
  await expect(app.rows).toHaveCount(rowCount);
  await expect(app.cell(index, 'english')).toHaveText(englishBefore);
  expect(await app.editor.locator('.witness').allTextContents()).toEqual(witnessBefore);
  await app.screenshot('row-merged');

  // Undo: merge, both line moves, split.
  await page.keyboard.press('Control+z');
  await expect(app.rows).toHaveCount(rowCount + 1);
  await app.undoUntil(async () => (await app.rows.count()) === rowCount);
  await expect(app.cell(index, 'english')).toHaveText(englishBefore);
  expect(await app.editor.locator('.witness').allTextContents()).toEqual(witnessBefore);

  // A selection across rows cannot take witness lines with it: Backspace clears the text only.
  await app.selectBetween('International Relations', 'Archival Signature');
  await page.keyboard.press('Backspace');
  await expect(app.cell(1, 'english')).toHaveText('Department of ');
  await expect(app.cell(2, 'english')).toHaveText(/^: SAPMO-BA/);
  await expect(app.rows).toHaveCount(rowCount);
  expect(await app.editor.locator('.witness').allTextContents()).toEqual(witnessBefore);
});
