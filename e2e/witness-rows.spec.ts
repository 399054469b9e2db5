import { test, expect } from './fixtures';
import { Workbench } from './workbench';
import { segmentsOf } from '../shared/model/build';
import { importedWitness, piecesOf } from '../shared/model/witness-pieces';
import { dispatch } from '../shared/ipc/dispatch';

const BODY_START = 'xx 8 lP\\ t X';
/** The second sentence of the body witness: `푸자노프 동지는 … 제공했다.` */
const SECOND = 'xx lP\\ ( Y XX | .';

test('the body witness of the 1960 sample splits at a sentence end and joins back, byte-exact on disk and in exports', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Puzanov');
  const before = await app.stored(id);
  const imported = importedWitness(segmentsOf(before.body));
  const row = await app.rowWith(BODY_START, 'witness');
  const witness = app.cell(row, 'witness');
  const line = (await witness.locator('.witness-line').first().textContent()) ?? '';
  const cut = line.indexOf(SECOND);
  expect(cut).toBeGreaterThan(0);

  // Alt+click on the first character of the second sentence: split before it.
  await witness.locator(`.witness-line[data-line="0"] .wc[data-col="${cut}"]`).click({ modifiers: ['Alt'] });
  await expect(witness.locator('.witness-line')).toHaveCount(2);
  await expect(witness.locator('.witness-line').nth(0)).toHaveClass(/witness-line-continues/);
  // The space after the period ends the first piece; joined, the pieces are the line.
  const pieces = await witness.locator('.witness-line').allTextContents();
  expect(pieces[0].endsWith('| . ')).toBe(true);
  expect(pieces[1].startsWith(SECOND)).toBe(true);
  expect(pieces.join('')).toBe(line);
  await app.screenshot('witness-split');

  await app.saved();
  const split = await app.stored(id);
  expect(piecesOf(segmentsOf(split.body)[row]).lines).toEqual(pieces);
  expect(importedWitness(segmentsOf(split.body))).toEqual(imported);
  expect(split.source.witness).toEqual(before.source.witness);
  // Exports of the witness give the imported line back, whole.
  const exported = await dispatch(project.handlers, 'exportEdition', { ids: [id], format: 'txt', options: { witness: true } });
  if (!exported.ok) throw new Error(exported.error.message);
  expect(new TextDecoder().decode(exported.value.bytes)).toContain(`    | ${line}\n`);

  // Join back with the button between the pieces: the document as it was.
  await witness.locator('.witness-join').click();
  await expect(witness.locator('.witness-line')).toHaveCount(1);
  await expect(witness.locator('.witness-line')).toHaveText(line);
  await app.saved();
  const joined = await app.stored(id);
  expect(joined.body).toEqual(before.body);

  // Each was one step: undo twice gives the split, then the original.
  await app.focusEditor();
  await page.keyboard.press('Control+z');
  await expect(witness.locator('.witness-line')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(witness.locator('.witness-line')).toHaveCount(1);
});

test('proposed sentence rows for the 1960 body are shown, then accepted into rows, the witness still byte-exact', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Puzanov');
  const before = await app.stored(id);
  const imported = importedWitness(segmentsOf(before.body));
  const rowCount = await app.rows.count();
  const row = await app.rowWith(BODY_START, 'witness');

  await app.select('Comrade Puzanov gave me', { caret: 'before' });
  await page.keyboard.press('Control+Alt+s');
  const cuts = app.cell(row, 'english').locator('.sentence-cut');
  await expect(cuts.first()).toBeVisible();
  const proposed = await cuts.count();
  expect(proposed).toBeGreaterThan(3);
  await expect(app.cell(row, 'witness').locator('.wc-cut')).toHaveCount(proposed);
  await expect(app.row(row).locator('.sentence-rows-bar')).toContainText(`${proposed + 1} sentence rows proposed`);
  await app.row(row).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await app.screenshot('sentence-rows-proposed');

  // Dismissed with Esc, proposed again, accepted with the bar's button.
  await page.keyboard.press('Escape');
  await expect(cuts).toHaveCount(0);
  await page.keyboard.press('Control+Alt+s');
  await expect(cuts).toHaveCount(proposed);
  await app.row(row).locator('.sentence-rows-bar button[data-action="accept"]').click();
  await expect(app.rows).toHaveCount(rowCount + proposed);
  await expect(app.cell(row + 1, 'english')).toHaveText(/^Comrade Puzanov gave me some oral information/);
  await expect(app.cell(row + 1, 'witness')).toHaveText(SECOND + ' ');
  await app.row(row + 1).scrollIntoViewIfNeeded();
  await app.screenshot('sentence-rows-accepted');

  await app.saved();
  const after = await app.stored(id);
  expect(importedWitness(segmentsOf(after.body))).toEqual(imported);

  // One undo step.
  await page.keyboard.press('Control+z');
  await expect(app.rows).toHaveCount(rowCount);
});
