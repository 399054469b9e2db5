import { test, expect, menu } from './fixtures';
import { Workbench } from './workbench';

test('everything is reachable from the keyboard: shortcuts overlay, regions, menu commands', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');

  // F1: every shortcut, from the one table; Escape closes and gives the focus back.
  await app.select('Seven-Year-Plan', { caret: 'before' });
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Ctrl+[');
  await expect(dialog).toContainText('Ctrl+Alt+F');
  await expect(dialog).toContainText('Ctrl+Shift+K');
  await app.screenshot('shortcuts');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.editor).toBeFocused();

  // F6 moves between the areas of the window: side panel, document list, toolbar, text.
  await page.keyboard.press('F6');
  await expect(page.locator('.side-panel :focus')).toHaveCount(1);
  await page.keyboard.press('F6');
  await expect(page.locator('.sidebar :focus')).toHaveCount(1);
  await page.keyboard.press('F6');
  await expect(page.locator('.toolbar :focus')).toHaveCount(1);
  // The focused control is visibly marked.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('F6');
  await expect(app.editor).toBeFocused();

  // The native menu's commands run the editor's commands.
  await app.select('Seven-Year-Plan', { caret: 'after' });
  await menu(page, 'footnote');
  await expect(app.editor.locator('.footnote')).toHaveCount(1);
  await page.keyboard.type('From the menu.');
  await page.keyboard.press('Escape');
  await menu(page, 'undo');
  await expect(app.editor.locator('.footnote')).toHaveCount(0);
  await menu(page, 'redo');
  await expect(app.editor.locator('.footnote')).toHaveCount(1);
  await menu(page, 'panelCorrections');
  await expect(page.getByRole('tab', { name: /Corrections/ })).toHaveAttribute('aria-selected', 'true');
  await menu(page, 'findDocument');
  await expect(page.locator('.filter input')).toBeFocused();
});

test('the dark theme follows the system, Korean still in a Korean font', async ({ page, project }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(27, 29, 33)');
  const index = await app.rowWith('SED Central Committee');
  await app.cell(index, 'korean').click();
  await app.composeKorean([
    { compose: ['ㄷ', '도', '독'], commit: '독' },
    { compose: ['ㅇ', '이', '일'], commit: '일' },
  ]);
  await app.select('Seven-Year-Plan');
  await page.keyboard.press('Control+BracketLeft');
  const fonts = await app.platformFonts('.brand-ko');
  expect(fonts.every((f) => /Noto (Sans|Serif) CJK KR/.test(f.familyName))).toBe(true);
  await app.screenshot('dark-theme');
});
