import { test, expect } from './fixtures';
import { Workbench } from './workbench';
import { body, segment, text } from '../shared/model/build';
import { emptyMeta } from '../shared/model/document';
import { dispatch } from '../shared/ipc/dispatch';
import type { TempProject } from '../electron/testing/temp-project';

const POLICY = 'Information About the Policy of the Korean Workers Party';

/** Matches per document as the main process counts them (what the panel must show). */
async function storedCounts(project: TempProject, pattern: string): Promise<Map<string, number>> {
  const result = await dispatch(project.handlers, 'searchProject', { query: { pattern }, budgetMs: 5000 });
  if (!result.ok) throw new Error(result.error.message);
  return new Map(result.value.documents.map((d) => [d.id, d.counts.total]));
}

test('search the project for Kim, replace one Kim II Sung as a correction, undo', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const policyId = await app.openDocument(POLICY);
  const expected = await storedCounts(project, 'Kim');
  expect(expected.size).toBe(2);

  // Ctrl+Shift+F: find in every document of the project.
  await app.focusEditor();
  await page.keyboard.press('Control+Shift+F');
  const panel = page.locator('.find-panel');
  await expect(panel).toBeVisible();
  await expect(page.locator('#find-input')).toBeFocused();
  await page.keyboard.type('Kim');
  const groups = panel.locator('.find-doc');
  await expect(groups).toHaveCount(2);
  // Counts per document, before anything changes: the open one from its editor, the other from the store.
  for (const [id, count] of expected) {
    await expect(panel.locator(`.find-doc[data-id="${id}"] .find-doc-head .tab-count`)).toHaveText(String(count));
  }
  await expect(panel.locator('.find-summary')).toContainText(`in 2 documents`);
  await expect(panel.locator(`.find-doc[data-id="${policyId}"] .find-hit`).first()).toContainText('Kim');
  await app.screenshot('find-project-kim');

  // Narrow to the slip, open the replacement (Ctrl+H keeps the project search), as a correction.
  await page.locator('#find-input').fill('Kim II Sung');
  await panel.getByRole('button', { name: 'Match case' }).click();
  await page.keyboard.press('Control+h');
  await expect(page.locator('#replace-input')).toBeFocused();
  await page.keyboard.type('Kim Il Sung');
  await panel.getByLabel('as correction').check();
  const open = panel.locator(`.find-doc[data-id="${policyId}"]`);
  await expect(open.locator('.find-doc-head .tab-count')).toHaveText('3');
  await expect(open.locator('.find-doc-counts')).toHaveText('English 2 · metadata 1');
  await expect(open.locator('.find-hit ins').first()).toHaveText('Kim Il Sung');

  // The first match in the text: click it in the list, then Replace.
  await open.locator('.find-hit', { hasText: 'row' }).first().click();
  await expect(app.editor.locator('.find-current')).toHaveText('Kim II Sung');
  await panel.getByRole('button', { name: 'Replace', exact: true }).click();
  const correction = app.editor.locator('.correction[data-original="Kim II Sung"]');
  await expect(correction).toHaveCount(1);
  await expect(correction).toHaveText('Kim Il Sung');
  await expect(open.locator('.find-doc-head .tab-count')).toHaveText('2');
  // The other match is the current one now.
  await expect(app.editor.locator('.find-current')).toHaveText('Kim II Sung');
  await app.screenshot('find-replaced-as-correction');

  // Undo in the editor: one step puts the slip back.
  await app.focusEditor();
  await page.keyboard.press('Control+z');
  await expect(correction).toHaveCount(0);
  await expect(open.locator('.find-doc-head .tab-count')).toHaveText('3');
  await expect(app.editor.locator('.find-match', { hasText: 'Kim II Sung' })).toHaveCount(2);
  await app.screenshot('find-replace-undone');

  // Esc closes the panel and the highlights go.
  await page.locator('#find-input').focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(app.editor.locator('.find-match')).toHaveCount(0);
});

test('an invalid regular expression says why inline; replace all in the project saves the other document', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument(POLICY);
  // Find in Documents (Ctrl+P) filters titles; its link searches the documents' text.
  await page.keyboard.press('Control+p');
  await page.keyboard.type('Pusanov');
  await page.getByRole('button', { name: /Search the text of every document for “Pusanov”/ }).click();
  await expect(page.locator('#find-input')).toHaveValue('Pusanov');
  await expect(page.locator('.find-summary')).toContainText('in 1 document');
  await page.locator('#find-input').fill('');
  await page.locator('.find-panel').getByRole('button', { name: 'Regular expression' }).click();
  await page.locator('#find-input').fill('Kim (I');
  await expect(page.locator('#find-error')).toHaveText('Not a valid regular expression: Unterminated group.');
  await expect(page.locator('#find-input')).toHaveAttribute('aria-invalid', 'true');
  await app.screenshot('find-invalid-regex');

  await page.locator('#find-input').fill('Comrade (Puzanov)');
  await page.keyboard.press('Control+h');
  await page.keyboard.type('Ambassador $1');
  const panel = page.locator('.find-panel');
  const others = panel.locator('.find-doc').filter({ hasNotText: '(open)' });
  await expect(others).toHaveCount(1);
  const otherId = (await others.getAttribute('data-id'))!;
  const count = Number(await others.locator('.find-doc-head .tab-count').textContent());
  expect(count).toBeGreaterThan(3);
  await expect(others.locator('.find-hit ins').first()).toHaveText('Ambassador Puzanov');
  await page.keyboard.press('Control+Enter');
  await expect(panel.locator('.find-status[role="status"]')).toHaveText(`Replaced ${count} in 1 document.`);
  const stored = JSON.stringify((await app.stored(otherId)).body);
  expect(stored).not.toContain('Comrade Puzanov');
  expect(stored).toContain('Ambassador Puzanov');
  await expect(panel.locator('.find-doc')).toHaveCount(0);
});

test('replace all in the project as corrections reaches the summary of a document that is not open', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Note about a Conversation');
  const policyId = (await storedCounts(project, 'Kim II Sung')).keys().next().value as string;
  await app.focusEditor();
  await page.keyboard.press('Control+Shift+F');
  await page.keyboard.type('Kim II Sung');
  const panel = page.locator('.find-panel');
  await panel.getByRole('button', { name: 'Match case' }).click();
  await page.keyboard.press('Control+h');
  await page.keyboard.type('Kim Il Sung');
  await panel.getByLabel('as correction').check();
  await expect(panel.locator(`.find-doc[data-id="${policyId}"] .find-doc-counts`)).toHaveText('English 2 · metadata 1');
  await panel.getByRole('button', { name: 'All in project (3)' }).click();
  await expect(panel.locator('.find-status[role="status"]')).toHaveText('Replaced 3 in 1 document.');

  // Stored: the body's two and the summary's one are corrections keeping the source's reading.
  const stored = await app.stored(policyId);
  expect(JSON.stringify(stored.body).match(/"original":"Kim II Sung"/g)).toHaveLength(2);
  expect(stored.meta.summary).toContain("Kim Il Sung's personality cult");
  expect(JSON.stringify(stored.meta.rich?.summary)).toContain('"original":"Kim II Sung"');

  // Opened, the summary shows the correction like any other.
  await page.keyboard.press('Escape');
  await app.openDocument(POLICY);
  await page.getByRole('button', { name: 'Details' }).click();
  const corrected = page.locator('#meta-summary .correction[data-original="Kim II Sung"]');
  await expect(corrected).toHaveText('Kim Il Sung');
  await page.locator('#meta-summary').scrollIntoViewIfNeeded();
  await app.screenshot('find-project-replaced-summary');
});

/** A long report whose far rows are not drawn when it opens. */
async function addLongDocument(project: TempProject): Promise<void> {
  const rows = Array.from({ length: 400 }, (_, i) => segment({ english: text(`Row ${i + 1}. Comrade Puzanov spoke with the delegation.`), witness: [], korean: [] }));
  const meta = { ...emptyMeta('A long embassy report'), date: '1961-01-15' };
  await project.store.addDocuments([{ meta, source: { file: 'long.txt', format: 'text', importedAt: '', witness: [], notes: [] }, body: body(rows) }]);
}

test('find in a 400-row document reaches rows that are not drawn', async ({ page, project }) => {
  await addLongDocument(project);
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('A long embassy report');
  const drawn = app.editor.locator(':scope > .segment:not(.segment-hidden)');
  await expect(app.editor).toHaveClass(/\bwindowed\b/);
  // Row 399 is not drawn at first.
  await expect(app.row(398)).toHaveClass(/segment-hidden/);

  await app.focusEditor();
  await page.keyboard.press('Control+f');
  await page.locator('.find-panel').getByRole('button', { name: 'Regular expression' }).click();
  await page.locator('#find-input').fill('Row 3\\d\\d\\.');
  // The current match is the first after the caret: row 300 (the caret is in row 1).
  await expect(page.locator('.find-summary')).toHaveText('1 of 100 in this document');
  await page.locator('#find-input').fill('Row 399.');
  await page.locator('.find-panel').getByRole('button', { name: 'Regular expression' }).click();
  await expect(page.locator('.find-summary')).toHaveText('1 of 1 in this document');
  await expect(app.row(398)).toHaveClass(/segment-hidden/);
  await page.locator('#find-input').press('Enter');
  await expect(page.locator('.find-summary')).toHaveText('1 of 1 in this document');
  // The row is drawn now, on screen, with its match highlighted as the current one.
  await expect(app.row(398)).not.toHaveClass(/segment-hidden/);
  await expect(app.row(398).locator('.find-current')).toHaveText('Row 399.');
  const onScreen = await app.row(398).evaluate((row) => {
    const r = row.getBoundingClientRect();
    const s = row.closest('.document-scroll')!.getBoundingClientRect();
    return r.top >= s.top - 2 && r.bottom <= s.bottom + 2;
  });
  expect(onScreen).toBe(true);
  expect(await drawn.count()).toBeLessThan(80);
  await app.screenshot('find-long-document');

  // F3 wraps to the same single match; Shift+F3 too.
  await page.keyboard.press('F3');
  await expect(page.locator('.find-summary')).toHaveText('1 of 1 in this document');
});
