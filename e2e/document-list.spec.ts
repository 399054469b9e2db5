import { test, expect } from './fixtures';
import { Workbench } from './workbench';

test('the app opens on the project’s documents, with Hangul drawn in a real Korean font', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();

  const rows = page.locator('.document-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Note about a Conversation in the Soviet Embassy with Comrade Puzanov');
  await expect(rows.nth(0)).toContainText('30 Aug 1960');
  await expect(rows.nth(1)).toContainText('Information About the Policy of the Korean Workers Party');
  await expect(rows.nth(1)).toContainText('20 Jun 1963');
  // Restoration progress: rows with a witness, and how many are restored.
  await expect(rows.nth(0).locator('.progress-label')).toHaveText(/복원 0\/\d+/);

  // The Korean labels are drawn with a Korean font (Noto CJK KR), not boxes or a fallback.
  for (const selector of ['.brand-ko', '.document-row .progress-label [lang="ko"]', '.empty-state-ko']) {
    const fonts = await app.platformFonts(selector);
    expect(fonts.length, selector).toBeGreaterThan(0);
    expect(fonts.every((f) => /Noto (Sans|Serif)( Mono)? CJK KR/.test(f.familyName)), `${selector}: ${JSON.stringify(fonts)}`).toBe(true);
  }
  await app.screenshot('document-list');

  // The filter narrows the list.
  await page.keyboard.press('Control+p');
  await expect(page.locator('.filter input')).toBeFocused();
  await page.keyboard.type('1963');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Korean Workers Party');
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(2);
});

test('a document opens from the list, and its Korean column and inputs use the Korean font', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');
  await expect(app.rows.first()).toBeVisible();
  // Witness cells: one span per character, addressable by line and column.
  const witness = app.cell(await app.rowWith('Pyongyang, 30 August 1960'), 'witness');
  await expect(witness.locator('.wc')).toHaveCount('1960D 8 30|'.length);
  await expect(witness.locator('.wc[data-line="0"][data-col="4"]')).toHaveText('D');
  await expect(witness).toHaveText('1960D 8 30|');
  const monoFonts = await app.platformFonts('.doc-editor .witness .wc');
  expect(monoFonts[0].familyName).toMatch(/Mono/);

  // Form controls do not inherit fonts: they are told to use the Korean font too.
  const fontFamily = await page.locator('.filter input').evaluate((el) => getComputedStyle(el).fontFamily);
  expect(fontFamily).toContain('Noto Sans CJK KR');
  await app.screenshot('document-open');
});
