// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { test, expect } from './fixtures';
import { Workbench } from './workbench';
import { garbleLine } from '../shared/korean';
import type { TempProject } from '../electron/testing/temp-project';
import type { HandlerTable } from '../shared/ipc/contract';

// The decoder runs in the test's Node process through the real handler; its first
// call loads the word model, and the 1960 body row alone is 325 witness characters.
test.setTimeout(240_000);

/**
 * Counts the draftRows requests made and answered. With `hold`, each request waits
 * for the test to release it before the decoder starts: the decoder runs in this
 * test's own Node process (the app runs it in the main process) and would keep
 * Playwright from acting while it works, so the test chooses when batches arrive.
 */
function watchDrafts(project: TempProject, hold = false) {
  const handlers = project.handlers as HandlerTable;
  const original = handlers.draftRows.bind(handlers);
  const gates: (() => void)[] = [];
  const seen = {
    asked: 0,
    answered: 0,
    rows: [] as number[],
    /** Lets the oldest held request go on to the decoder. */
    release: async () => {
      await expect.poll(() => gates.length, { timeout: 60_000 }).toBeGreaterThan(0);
      gates.shift()?.();
    },
  };
  handlers.draftRows = async (input) => {
    seen.asked++;
    seen.rows.push(input.rows.length);
    if (hold) await new Promise<void>((resolve) => gates.push(resolve));
    const answer = await original(input);
    seen.answered++;
    return answer;
  };
  return seen;
}

test('draft a row, accept it word by word with Tab; accepted words are saved, the suggester learns them, and they reappear after reload', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Puzanov');
  const index = await app.rowWith('( xx @X T]', 'witness');
  const cell = app.cell(index, 'korean');
  await cell.click();
  await page.keyboard.press('Control+Alt+d');

  const proposed = cell.locator('.proposed');
  await expect(proposed.first()).toBeVisible({ timeout: 120_000 });
  // Word by word: each drafted word is its own proposed range.
  const words = await proposed.allTextContents();
  const placeholders = await cell.locator('.gap').count();
  expect(words.length).toBeGreaterThan(1);
  for (const word of words) expect(word).not.toMatch(/\s/);
  // What a person sees: Korean glyphs from a CJK font, the draft set apart from accepted text.
  const fonts = await app.platformFonts(`.segment:nth-child(${index + 1}) > .korean .proposed`);
  expect(fonts.some((f) => /CJK|Noto Sans KR|Noto Serif KR/i.test(f.familyName) && f.glyphCount > 0)).toBe(true);
  await expect(cell).not.toHaveAttribute('data-check', 'contradicted');

  // Tab accepts the first word (the caret is at the draft's start) and moves after it.
  await page.keyboard.press('Tab');
  await expect(proposed).toHaveCount(words.length - 1);
  await expect(proposed.first()).toHaveText(words[1]);
  expect((await cell.textContent())?.startsWith(`${words[0]} `)).toBe(true);
  await app.screenshot('restore-draft-row');

  // Undo gives the word back to the draft; Tab again, then through the rest (placeholders are stops).
  await page.keyboard.press('Control+z');
  await expect(proposed).toHaveCount(words.length);
  for (let i = 0; i < words.length + placeholders; i++) await page.keyboard.press('Tab');
  await expect(proposed).toHaveCount(0);
  const accepted = (await cell.textContent()) ?? '';
  for (const word of words) expect(accepted).toContain(word);
  await app.screenshot('restore-draft-accepted');

  // Saved like any edit: plain restored text, no proposal left in the file.
  await app.saved();
  const korean = JSON.stringify((await app.stored(id)).body.content?.[index]);
  expect(korean).not.toContain('"proposed"');
  expect(korean).toContain(words[0]);

  // The project's suggester sees the accepted text once it is saved.
  const word = words.find((w) => garbleLine(w).trim() !== '' && /^[가-힣]+$/.test(w));
  expect(word, 'a drafted Hangul word that leaves witness text').toBeDefined();
  if (word) {
    const answer = (await page.evaluate(
      (token) => window.__interlineaInvoke('suggest', { token, limit: 50, context: {} }),
      garbleLine(word).trim(),
    )) as { ok: boolean; value?: { text: string; source: string }[] };
    expect(answer.value?.some((s) => s.text === word && s.source === 'project')).toBe(true);
  }

  await page.reload();
  await app.openDocument('Puzanov');
  await expect(app.cell(index, 'korean')).toHaveText(accepted);
  await expect(app.cell(index, 'korean').locator('.proposed')).toHaveCount(0);
});

test('the alternatives of a drafted word: the key lists them, Esc closes, choosing one replaces the word, accepted', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');
  const index = await app.rowWith('( xx @X T]', 'witness');
  const cell = app.cell(index, 'korean');
  await cell.click();
  await page.keyboard.press('Control+Alt+d');
  const withAlternatives = cell.locator('.proposed[data-alternatives]');
  await expect(withAlternatives.first()).toBeVisible({ timeout: 120_000 });
  const word = withAlternatives.first();
  const text = (await word.textContent()) ?? '';
  const alternatives = JSON.parse((await word.getAttribute('data-alternatives')) ?? '[]') as string[];
  expect(alternatives.length).toBeGreaterThan(0);
  expect(alternatives).not.toContain(text);

  await app.select(text, { column: 'korean', row: index, caret: 'after' });
  await page.keyboard.press('Control+Alt+Space');
  const list = page.locator('.draft-alternatives');
  await expect(list).toBeVisible();
  await expect(list.locator('.draft-alternative')).toHaveText(alternatives.map((a) => new RegExp(`${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)));
  await app.screenshot('restore-draft-alternatives');
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);

  await page.keyboard.press('Control+Alt+Space');
  await expect(list).toBeVisible();
  const choice = alternatives.length > 1 ? 1 : 0;
  if (choice) await page.keyboard.press('ArrowDown');
  await expect(list.locator('.draft-alternative.selected')).toContainText(alternatives[choice]);
  await page.keyboard.press('Enter');
  await expect(list).toHaveCount(0);
  // The chosen reading took the word's place and is accepted (no longer proposed).
  await expect(cell).toContainText(alternatives[choice]);
  await expect(cell.locator('.proposed', { hasText: alternatives[choice] })).toHaveCount(0);
  // One undo brings the drafted word back, still proposed.
  await page.keyboard.press('Control+z');
  await expect(cell.locator('.proposed', { hasText: text }).first()).toBeVisible();

  // Drop the row's draft: proposals and placeholders go.
  await page.keyboard.press('Control+Alt+Shift+n');
  await expect(cell.locator('.proposed')).toHaveCount(0);
  await expect(cell.locator('.gap')).toHaveCount(0);
  await expect(cell).toHaveText('');
});

test('draft the whole 1960 sample: progress, a responsive window, Cancel stops further batches, what was drafted stays and undoes', async ({ page, project }) => {
  const app = new Workbench(page, project);
  const drafts = watchDrafts(project, true);
  await app.open();
  await app.openDocument('Puzanov');
  const witnessRows = await app.editor.evaluate((editor) =>
    Array.from(editor.querySelectorAll(':scope > .segment')).flatMap((row, i) => ((row.querySelector(':scope > .witness')?.textContent ?? '').trim() ? [i] : [])),
  );
  expect(witnessRows.length).toBeGreaterThan(4);
  const drafted = async () => Promise.all(witnessRows.map((i) => app.cell(i, 'korean').locator('.proposed, .gap').count()));
  await app.cell(0, 'english').click();
  await page.getByRole('button', { name: 'Draft all', exact: true }).click();

  const progress = page.locator('.draft-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(`Drafting 0 / ${witnessRows.length} rows`);
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await app.screenshot('restore-draft-progress');

  // The window stays responsive while a batch is on its way: typing lands at once.
  const other = await app.rowWith('Department of International Relations');
  const english = app.cell(other, 'english');
  await app.select('International Relations', { column: 'english', row: other, caret: 'after' });
  await page.keyboard.type(' (typed while drafting)');
  await expect(english).toContainText('International Relations (typed while drafting)');

  // The first batch (a few rows) arrives and is applied at once.
  await drafts.release();
  const firstBatch = drafts.rows[0];
  expect(firstBatch).toBeLessThan(witnessRows.length);
  await expect(progress).toContainText(`Drafting ${firstBatch} / ${witnessRows.length} rows`, { timeout: 120_000 });
  await expect.poll(async () => (await drafted()).filter((n) => n > 0).length).toBeGreaterThan(0);
  await expect.poll(() => drafts.asked).toBe(2);
  await app.screenshot('restore-draft-progress-batch');

  // Cancel while the second batch is on its way: its answer is dropped, nothing more is asked.
  const before = await drafted();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await expect(page.locator('.notice').last()).toContainText('Draft cancelled');
  await drafts.release();
  await expect.poll(() => drafts.answered, { timeout: 120_000 }).toBe(2);
  await page.waitForTimeout(300);
  expect(drafts.asked).toBe(2);
  const after = await drafted();
  expect(after).toEqual(before);
  expect(after.filter((n) => n > 0).length).toBeLessThan(witnessRows.length);
  await app.screenshot('restore-draft-cancelled');

  // What was drafted is one undo step (one batch); the typing before it is its own.
  await app.focusEditor();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await drafted()).every((n) => n === 0)).toBe(true);
  await expect(english).toContainText('International Relations (typed while drafting)');
});
