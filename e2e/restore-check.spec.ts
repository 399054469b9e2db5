import { test, expect } from './fixtures';
import { Workbench } from './workbench';

test('a wrong syllable turns red with a wavy underline, the right one green; the row goes partial → consistent', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');
  const index = await app.rowWith('Pyongyang, 30 August 1960');
  await expect(app.cell(index, 'witness')).toHaveText('1960D 8 30|');
  const cell = app.cell(index, 'korean');
  await expect(cell).toHaveAttribute('data-check', 'empty');
  await cell.click();

  // 녀 (U+B140) leaves `@` where the witness has `D`: contradicted.
  await page.keyboard.type('1960');
  await app.composeKorean([{ compose: ['ㄴ', '녀'], commit: '녀' }]);
  await expect.poll(() => app.checkStatuses(index)).toEqual(['1:confirmed', '9:confirmed', '6:confirmed', '0:confirmed', '녀:contradicted']);
  await expect(cell).toHaveAttribute('data-check', 'contradicted');
  const red = await app.checkStyle('contradicted');
  expect(red).toEqual({ color: 'rgb(180, 35, 24)', line: 'underline', style: 'wavy' });
  // Why, on hover.
  await app.hoverCheck(index, 'contradicted');
  await expect(page.locator('.check-tooltip')).toBeVisible();
  await expect(page.locator('.check-tooltip')).toHaveText(/“녀” leaves “@”; the witness has “D” here/);
  const badge = await cell.evaluate((el) => getComputedStyle(el, '::after').content);
  expect(badge).toBe('"✗ contradicted"');
  // The witness shows the `D` nothing accounts for now.
  await expect(app.cell(index, 'witness').locator('.wc-pending, .wc-missing').first()).toHaveText('D');
  await app.screenshot('restore-contradicted');

  // Fixed: 년 (U+B144) leaves `D`. Green, solid underline; the row is partial.
  await page.keyboard.press('Backspace');
  await app.composeKorean([{ compose: ['ㄴ', '녀', '년'], commit: '년' }]);
  await expect.poll(() => app.checkStatuses(index)).toEqual(['1:confirmed', '9:confirmed', '6:confirmed', '0:confirmed', '년:confirmed']);
  const green = await app.checkStyle('confirmed');
  expect(green).toEqual({ color: 'rgb(23, 117, 58)', line: 'underline', style: 'solid' });
  await expect(cell).toHaveAttribute('data-check', 'partial');
  await expect(cell).toHaveAttribute('aria-description', /partial/);
  // What is still to restore is marked in the witness.
  await expect(app.cell(index, 'witness').locator('.wc-pending')).toHaveText(['8', ' ', '3', '0', '|']);

  await page.keyboard.type(' 8');
  await app.composeKorean([{ compose: ['ㅇ', '워', '월'], commit: '월' }]);
  await page.keyboard.type(' 30');
  await app.composeKorean([{ compose: ['ㅇ', '이', '일'], commit: '일' }]);
  await expect(cell).toHaveText('1960년 8월 30일');
  await expect(cell).toHaveAttribute('data-check', 'consistent');
  // 월 vanishes, and the witness allows it: consistent (grey, dotted).
  await expect.poll(() => app.checkStatuses(index)).toContain('월:consistent');
  expect((await app.checkStyle('consistent')).style).toBe('dotted');
  await expect(app.cell(index, 'witness').locator('.wc-pending, .wc-missing')).toHaveCount(0);

  // The caret's word: its witness characters are highlighted.
  await app.select('1960년', { column: 'korean', row: index, caret: 'after' });
  await expect(app.cell(index, 'witness').locator('.wc-caret')).toHaveText(['1', '9', '6', '0', 'D']);
  await app.select('30일', { column: 'korean', row: index, caret: 'after' });
  await expect(app.cell(index, 'witness').locator('.wc-caret')).toHaveText(['3', '0', '|']);
  await app.screenshot('restore-consistent');

  // Hangul is drawn with a Korean font, not boxes.
  const fonts = await app.platformFonts(`.doc-editor > .segment:nth-child(${index + 1}) > .korean`);
  expect(fonts.some((f) => /CJK KR|KR/.test(f.familyName) && f.glyphCount > 0), JSON.stringify(fonts)).toBe(true);
});

test('the first head row restored in full is consistent with its witness `|| Y`', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');
  const cell = app.cell(0, 'korean');
  await expect(app.cell(0, 'witness')).toHaveText('|| Y');
  await cell.click();
  await page.keyboard.type('독일통일사회당');
  await expect(cell).toHaveAttribute('data-check', 'partial');
  await expect(app.cell(0, 'witness').locator('.wc-caret')).toHaveText(['|', '|']);
  await page.keyboard.type(' 중앙위원회');
  await expect(cell).toHaveAttribute('data-check', 'consistent');
  await expect.poll(() => app.checkStatuses(0)).toEqual([
    '독:consistent',
    '일:confirmed',
    '통:consistent',
    '일:confirmed',
    '사:consistent',
    '회:consistent',
    '당:consistent',
    '중:consistent',
    '앙:confirmed',
    '위:consistent',
    '원:consistent',
    '회:consistent',
  ]);
  // A row without witness lines is not checked at all.
  await expect(app.cell(1, 'korean')).not.toHaveAttribute('data-check', /.*/);
});
