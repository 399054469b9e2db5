import { test, expect } from './fixtures';
import { Workbench } from './workbench';
import { body, segment, text } from '../shared/model/build';
import { emptyMeta } from '../shared/model/document';
import { garbleLine } from '../shared/korean/garble';
import type { TempProject } from '../electron/testing/temp-project';
import type { PMJson } from '../shared/model/document';
import { addTranslatorWork, koreanOf, longArchivePage } from '../bench/long-document';

const ROWS = 400;
const SENTENCES = [
  'Comrade Puzanov told me that Kim Il Sung visited Beijing in May 1960 upon invitation by Mao Zedong.',
  'Existing contradictions within this party must not be overestimated since those are just internal power struggles.',
  'He provided ample advice how to draft the Seven-Year-Plan and promised the Korean comrades substantial Soviet aid if they pursue correct economic policies, which they will discuss at the next plenum of the Central Committee.',
];
const KOREAN = ['김일성 동지는 1960년 5월 북경을 방문하였다.', '조선로동당의 입장에 대하여 이야기하였다.'];

/** A long report: every row has its English and a witness; every other row its Korean restored. */
async function addLongDocument(project: TempProject): Promise<void> {
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const korean = KOREAN[i % KOREAN.length];
    return segment({
      english: text(`Row ${i + 1}. ${SENTENCES[i % SENTENCES.length]}`),
      witness: [garbleLine(korean)],
      korean: i % 2 === 0 ? text(korean) : [],
    });
  });
  const meta = { ...emptyMeta('A long embassy report'), date: '1961-01-15' };
  await project.store.addDocuments([{ meta, source: { file: 'long.txt', format: 'text', importedAt: '', witness: [], notes: [] }, body: body(rows) }]);
}

test('a 400-row document draws only the rows near the screen, and scrolling, typing, Ctrl+Home/End and saving reach every row', async ({ page, project }) => {
  await addLongDocument(project);
  const app = new Workbench(page, project);
  await app.open();
  const id = await app.openDocument('A long embassy report');
  const scroller = page.locator('.document-scroll');
  const drawn = app.editor.locator(':scope > .segment:not(.segment-hidden)');

  // Every row is there, numbered; only those near the screen are drawn.
  await expect(app.editor).toHaveClass(/\bwindowed\b/);
  await expect(app.rows).toHaveCount(ROWS);
  await expect(app.row(ROWS - 1)).toHaveAttribute('data-row', String(ROWS));
  const atOpen = await drawn.count();
  expect(atOpen).toBeGreaterThan(3);
  expect(atOpen).toBeLessThan(80);

  // The live check colours the drawn rows' restorations.
  expect(await app.checkStatuses(0)).toContain('김:confirmed');

  // Scrolled to the end, the last rows are drawn and on screen.
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(app.cell(ROWS - 1, 'english')).toHaveText(`Row ${ROWS}. ${SENTENCES[(ROWS - 1) % SENTENCES.length]}`);
  await app.settle();
  const lastVisible = await app.row(ROWS - 1).evaluate((row) => {
    const r = row.getBoundingClientRect();
    const s = row.closest('.document-scroll')!.getBoundingClientRect();
    return r.bottom <= s.bottom + 2 && r.top >= s.top - 2;
  });
  expect(lastVisible).toBe(true);
  expect(await drawn.count()).toBeLessThan(80);

  // Halfway down: click into the row in the middle of the screen and type.
  await scroller.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
  await app.settle();
  const middle = await page.evaluate(() => {
    const box = document.querySelector('.document-scroll')!.getBoundingClientRect();
    const row = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('.segment');
    return row ? Array.prototype.indexOf.call(document.querySelectorAll('.doc-editor > .segment'), row) : -1;
  });
  expect(middle).toBeGreaterThan(ROWS / 4);
  expect(middle).toBeLessThan((3 * ROWS) / 4);
  // The check's colours are on the rows on screen (even rows have Korean), not on rows drawn
  // a screen away: the browser redoes every highlight on each keystroke.
  const even = middle % 2 === 0 ? middle : middle + 1;
  await expect.poll(() => app.checkStatuses(even)).toContain('김:confirmed');
  const farDrawn = await page.evaluate(() => {
    const box = document.querySelector('.document-scroll')!.getBoundingClientRect();
    const rows = [...document.querySelectorAll('.doc-editor > .segment')];
    const firstOnScreen = rows.findIndex((row) => !row.classList.contains('segment-hidden') && row.getBoundingClientRect().bottom > box.top);
    return rows.findIndex((row, i) => i % 2 === 0 && i < firstOnScreen - 5 && !row.classList.contains('segment-hidden'));
  });
  expect(farDrawn).toBeGreaterThanOrEqual(0);
  expect(await app.checkStatuses(farDrawn)).toEqual([]);
  await app.cell(middle, 'english').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Typed halfway.');
  await expect(app.cell(middle, 'english')).toContainText('Typed halfway.');
  await app.screenshot('long-document');

  // Ctrl+Home: the first row, drawn, with the caret in it.
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('First: ');
  await expect(app.cell(0, 'english')).toHaveText(/^First: Row 1\./);
  // Arrow keys walk down, line by line, past the rows drawn when it opened.
  const caretRow = () => page.evaluate(() => Number(document.getSelection()?.focusNode?.parentElement?.closest('.segment')?.getAttribute('data-row') ?? 0));
  for (let i = 0; i < 40 && (await caretRow()) <= 45; i++) {
    for (let k = 0; k < 20; k++) await page.keyboard.press('ArrowDown');
  }
  expect(await caretRow()).toBeGreaterThan(45);
  expect(await drawn.count()).toBeLessThan(80);

  // Ctrl+End: the end of the last row (its empty restoration).
  await page.keyboard.press('Control+End');
  await page.keyboard.type('끝');
  await expect(app.cell(ROWS - 1, 'korean')).toHaveText('끝');

  // Undo reaches back to the first edit, far off screen, and brings it into view; redo all.
  const halfway = app.cell(middle, 'english');
  await app.undoUntil(async () => (await halfway.count()) > 0 && !(await halfway.textContent())?.includes('Typed halfway.'), 12);
  await expect(halfway).toBeInViewport();
  const last = app.cell(ROWS - 1, 'korean');
  for (let i = 0; i < 12 && !((await last.count()) && (await last.textContent()) === '끝'); i++) {
    await page.keyboard.press('Control+y');
    await app.settle();
  }
  await expect(app.cell(ROWS - 1, 'korean')).toHaveText('끝');
  await expect(app.cell(ROWS - 1, 'korean')).toBeInViewport();

  // Everything is stored, including rows that are not drawn now.
  await app.saved();
  const stored = JSON.stringify((await app.stored(id)).body);
  for (const typed of ['Typed halfway.', 'First: Row 1.', '끝']) expect(stored).toContain(typed);
  expect((await app.stored(id)).body.content).toHaveLength(ROWS);
});

// --- A 2,000-row report, imported with the real importer (bench/long-document.ts: the scale bench's document).

const LONG_ROWS = 2000;

/** Imports the 2,000-row report and adds a translator's work (a quarter restored, notes, corrections); its id. */
async function importLongReport(project: TempProject): Promise<string> {
  const page = longArchivePage(LONG_ROWS, 'A 2,000-row report');
  const { imported } = await project.handlers.importFiles({ files: [{ name: 'long-report.txt', bytes: new TextEncoder().encode(page) }] });
  const id = imported[0]!.id;
  const doc = await project.store.readDocument(id);
  addTranslatorWork(doc.body);
  await project.store.saveDocument(id, doc.meta, doc.body);
  return id;
}

/** Scrolls the long document until row `index` is drawn and in the middle of the screen. */
async function scrollToRow(app: Workbench, index: number): Promise<void> {
  const scroller = app.page.locator('.document-scroll');
  for (let attempt = 0; attempt < 12; attempt++) {
    const at = await app.page.evaluate((row) => {
      const box = document.querySelector('.document-scroll')!.getBoundingClientRect();
      const rows = document.querySelectorAll('.doc-editor > .segment');
      const target = rows[row] as HTMLElement;
      if (!target.classList.contains('segment-hidden')) {
        const r = target.getBoundingClientRect();
        if (r.top >= box.top && r.bottom <= box.bottom) return { done: true, middle: row, perRow: 0 };
      }
      const middle = document.elementFromPoint(box.left + box.width / 3, box.top + box.height / 2)?.closest('.segment');
      const scroll = document.querySelector('.document-scroll')!;
      return { done: false, middle: middle ? Array.prototype.indexOf.call(rows, middle) : 0, perRow: scroll.scrollHeight / rows.length };
    }, index);
    if (at.done) return;
    await scroller.evaluate((el, by) => (el.scrollTop += by), (index - at.middle) * at.perRow);
    await app.settle();
  }
  throw new Error(`could not scroll to row ${index + 1}`);
}

test('a 2,000-row report opens at its first rows, checks a row typed in far down, and saves the edit', async ({ page, project }) => {
  test.setTimeout(180_000);
  const id = await importLongReport(project);
  const before = await new Workbench(page, project).stored(id);
  expect(before.body.content).toHaveLength(LONG_ROWS);

  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('A 2,000-row report');
  // The first rows, drawn; every row is there (most of them not drawn).
  await expect(app.cell(1, 'english')).toContainText('1. ');
  await expect(app.rows).toHaveCount(LONG_ROWS);
  await expect(app.editor).toHaveClass(/\bwindowed\b/);
  // The live check goes through the whole document, and the header counts every row then.
  await expect(app.editor).toHaveAttribute('data-witness-check', 'done', { timeout: 60_000 });
  const summary = page.locator('.row-states-summary');
  const restored = (before.body.content ?? []).filter((seg) => seg.content?.find((c) => c.type === 'korean')?.content?.length).length;
  expect(restored).toBeGreaterThan(400);
  await expect(summary).toHaveText(`${restored}/${LONG_ROWS} restored`);

  // Row ~1,500: one not restored yet (every fourth row is), scrolled to and typed in.
  let row = 1502;
  while (row % 4 === 0) row++;
  await scrollToRow(app, row);
  const korean = koreanOf(row - 1); // row 0 is the title; row k is paragraph k
  await expect(app.cell(row, 'english')).toContainText(`${row}. `);
  await expect(app.cell(row, 'korean')).toHaveAttribute('data-check', 'empty');
  await app.cell(row, 'korean').click();
  // The wrong number first (digits survive the garbling): the check marks it as contradicting the witness.
  const wrong = `${row + 1}.`;
  await page.keyboard.insertText(wrong);
  await expect(app.cell(row, 'korean')).toHaveAttribute('data-check', 'contradicted');
  await expect.poll(() => app.checkStatuses(row)).toContain(`${String(row + 1).at(-1)}:contradicted`);
  for (let i = 0; i < wrong.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.insertText(korean);
  await expect(app.cell(row, 'korean')).toHaveText(korean);
  await expect(app.cell(row, 'korean')).toHaveAttribute('data-check', 'consistent');
  const statuses = await app.checkStatuses(row);
  expect(statuses.length).toBeGreaterThan(5);
  expect(statuses.every((s) => !s.endsWith(':contradicted'))).toBe(true);
  await expect(summary).toHaveText(`${restored + 1}/${LONG_ROWS} restored`);
  await app.screenshot('long-document-2000');
  await app.saved();

  // On disk: that row restored, every other row as it was.
  const stored = await app.stored(id);
  expect(stored.body.content).toHaveLength(LONG_ROWS);
  const text = (seg: PMJson | undefined, column: string) => (seg?.content?.find((c) => c.type === column)?.content ?? []).map((n) => n.text ?? '').join('');
  expect(text(stored.body.content?.[row], 'korean')).toBe(korean);
  const others = (doc: typeof stored) => JSON.stringify((doc.body.content ?? []).filter((_, i) => i !== row));
  expect(others(stored)).toBe(others(before));

  // Reopened (the window reloaded): the edit is there.
  await page.reload();
  await expect(app.editor).toBeVisible();
  await expect(page.locator('.document-heading')).toContainText('A 2,000-row report');
  await scrollToRow(app, row);
  await expect(app.cell(row, 'korean')).toHaveText(korean);
  await expect(app.cell(row, 'korean')).toHaveAttribute('data-check', 'consistent');
});
