import { test, expect } from './fixtures';
import { Workbench } from './workbench';
import { isoToday } from '../shared/model/provenance';
import { shortDate } from '../shared/model/dates';
import type { PMJson } from '../shared/model/document';

/** Every insertion mark of a stored body with its text. */
function insertions(body: PMJson): { text: string; attrs: Record<string, unknown> }[] {
  const out: { text: string; attrs: Record<string, unknown> }[] = [];
  const walk = (node: PMJson) => {
    const mark = node.marks?.find((m) => m.type === 'insertion');
    if (node.type === 'text' && mark) out.push({ text: node.text ?? '', attrs: mark.attrs ?? {} });
    node.content?.forEach(walk);
  };
  walk(body);
  return out;
}

test('provenance: the archive’s brackets and a new editor’s insertion say who made them; the editor is asked once; rows reviewed and filtered', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Puzanov');
  const today = isoToday();

  // An archive bracket: grey, and on hover "archive translator".
  const archive = app.editor.locator('.insertion[data-resp="archive"]', { hasText: 'SED' }).first();
  await archive.scrollIntoViewIfNeeded();
  await archive.hover();
  const hover = page.locator('.provenance-hover');
  await expect(hover).toHaveText('Insertion archive translator');
  await expect(hover).toHaveAttribute('data-source', 'archive');
  await app.screenshot('provenance-archive-hover');

  // A new insertion with no editor chosen: made at once, and a prompt that leaves the focus in the text.
  await app.select('Seven-Year-Plan');
  await page.keyboard.press('Control+BracketLeft');
  const mine = app.editor.locator('.insertion', { hasText: 'Seven-Year-Plan' });
  await expect(mine).toHaveAttribute('data-when', today);
  await expect(mine).not.toHaveAttribute('data-resp', /.+/);
  const ask = page.locator('.editor-ask');
  await expect(ask).toContainText('Who is editing?');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.doc-editor'))).toBe(true);

  // Choose…: add yourself; the insertion just made is credited to you.
  await ask.getByRole('button', { name: 'Choose…' }).click();
  const dialog = page.locator('dialog.editor-chooser');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill('Anna Berg');
  await dialog.getByLabel('Initials').fill('AB');
  await app.screenshot('provenance-chooser');
  await dialog.getByRole('button', { name: 'Add and use' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.editor-badge')).toHaveText('AB');
  const editorId = await mine.getAttribute('data-resp');
  expect(editorId).toMatch(/^ed/);

  // It looks different from the archive's brackets and says who made it.
  const colours = await Promise.all([archive, mine].map((l) => l.evaluate((el) => getComputedStyle(el).color)));
  expect(colours[0]).not.toBe(colours[1]);
  await page.mouse.move(0, 0);
  await mine.hover();
  await expect(hover).toHaveText(`Insertion inserted by AB, ${shortDate(today)}`);
  await expect(hover).toHaveAttribute('data-source', 'editor');
  await app.screenshot('provenance-editor-hover');

  // A footnote now is stamped at once, and the panel says whose it is.
  await app.select('Seven-Year-Plan', { caret: 'after' });
  await page.keyboard.press('Control+Alt+f');
  await page.keyboard.type('Planned for 1961–67.');
  await page.keyboard.press('Escape');
  await expect(page.locator('.footnote-item .provenance-line').last()).toHaveText(`note by AB, ${shortDate(today)}`);

  // Review: mark the row reviewed (Ctrl+Alt+2), see it in the margin, show only reviewed rows.
  const row = await app.rowWith('Seven-Year-Plan');
  await app.select('Seven-Year-Plan', { caret: 'before' });
  await page.keyboard.press('Control+Alt+2');
  await expect(app.row(row)).toHaveAttribute('data-review', 'reviewed');
  const mark = await app.row(row).evaluate((el) => getComputedStyle(el, '::before').content);
  expect(mark).toContain('✓');
  await expect(page.locator('.review-button.review-reviewed')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.review-button.review-reviewed .review-count')).toHaveText('1');
  await page.getByLabel('Show rows by review state').selectOption({ label: 'Reviewed only' });
  await expect(app.editor.locator(':scope > .segment:not(.row-filtered-out)')).toHaveCount(1);
  await expect(app.editor.locator(':scope > .segment:not(.row-filtered-out)')).toContainText('Seven-Year-Plan');
  await page.mouse.move(0, 0);
  await app.row(row).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await app.screenshot('provenance-review-filter');
  await page.getByLabel('Show rows by review state').selectOption({ label: 'All rows' });
  await expect(app.editor.locator(':scope > .segment.row-filtered-out')).toHaveCount(0);

  // Saved with the document: who, when, and the row's review state.
  await app.saved();
  const stored = await app.stored(id);
  const found = insertions(stored.body);
  expect(found.find((i) => i.text === 'Seven-Year-Plan')?.attrs).toEqual({ kind: 'clarification', resp: editorId, when: today });
  expect(found.find((i) => i.text === 'SED')?.attrs).toMatchObject({ resp: 'archive', when: '' });
  expect(stored.body.content?.[row]?.attrs?.review).toBe('reviewed');

  // Remembered on this machine: after a reload the editor is still AB, and is not asked for again.
  await page.reload();
  await app.openDocument('Puzanov');
  await expect(page.locator('.editor-badge')).toHaveText('AB');
  await app.select('promised the Korean comrades');
  await page.keyboard.press('Control+BracketLeft');
  await expect(app.editor.locator('.insertion', { hasText: 'promised the Korean comrades' })).toHaveAttribute('data-resp', editorId!);
  await expect(page.locator('.editor-ask')).toHaveCount(0);
});
