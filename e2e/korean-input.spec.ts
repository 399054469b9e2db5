import { test, expect } from './fixtures';
import { Workbench } from './workbench';

test('Korean typed through IME composition lands in the restoration once: no doubled or lost syllables', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('Puzanov');
  const index = await app.rowWith('Pyongyang, 30 August 1960');
  const cell = app.cell(index, 'korean');
  await cell.click();

  // 평양: ㅍ 펴 평 | ㅇ 야 양 (each syllable composed, then committed).
  await app.composeKorean([
    { compose: ['ㅍ', '펴', '평'], commit: '평' },
    { compose: ['ㅇ', '야', '양'], commit: '양' },
  ]);
  await page.keyboard.type(', ');
  // 1960년: digits typed, 년 composed.
  await page.keyboard.type('1960');
  await app.composeKorean([{ compose: ['ㄴ', '녀', '년'], commit: '년' }]);
  await page.keyboard.type(' 8');
  await app.composeKorean([{ compose: ['ㅇ', '워', '월'], commit: '월' }]);
  await page.keyboard.type(' 30');
  await app.composeKorean([{ compose: ['ㅇ', '이', '일'], commit: '일' }]);
  await expect(cell).toHaveText('평양, 1960년 8월 30일');

  // A final consonant that moves on: 하 + ㄴ shows 한, then ㅏ makes it 하 + 나.
  await page.keyboard.type(' ');
  await app.composeKorean([
    { compose: ['ㅎ', '하', '한'], commit: '하' },
    { compose: ['나'], commit: '나' },
  ]);
  await expect(cell).toHaveText('평양, 1960년 8월 30일 하나');
  // Backspace after composing deletes one syllable.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(cell).toHaveText('평양, 1960년 8월 30일');

  const fonts = await app.platformFonts(`.doc-editor > .segment:nth-child(${index + 1}) > .korean`);
  expect(fonts.some((f) => /Noto (Sans|Serif) CJK KR/.test(f.familyName) && f.glyphCount > 0), JSON.stringify(fonts)).toBe(true);
  await app.screenshot('korean-ime');

  await app.saved();
  const stored = await app.stored(id);
  const korean = stored.body.content![index].content!.find((c) => c.type === 'korean');
  expect(korean?.content).toEqual([{ type: 'text', text: '평양, 1960년 8월 30일' }]);
  // The document list counts the row honestly: its witness `1960D 8 30|` has no
  // place name and no comma, so "평양, " contradicts it and nothing is restored yet.
  const current = page.locator('.document-row[aria-current="page"]');
  await expect(current.locator('.state-badge[data-state="contradicted"]')).toHaveText(/^\D*1\b/);
  await expect(current.locator('.progress-label')).toHaveText(/복원 0\/\d+/);
  // Deleting the place name leaves the date the witness proves: restored.
  await cell.click();
  await page.keyboard.press('Home');
  for (let i = 0; i < '평양, '.length; i++) await page.keyboard.press('Delete');
  await expect(cell).toHaveText('1960년 8월 30일');
  await expect(current.locator('.progress-label')).toHaveText(/복원 1\/\d+/);
  await expect(current.locator('.state-badge[data-state="contradicted"]')).toHaveCount(0);
});
