import { test, expect } from './fixtures';
import { Workbench } from './workbench';
import { body, segment, text } from '../shared/model/build';
import { emptyMeta } from '../shared/model/document';
import type { PMJson } from '../shared/model/document';
import type { TempProject } from '../electron/testing/temp-project';

const WITNESS = 'xx lP\\ ( Y XX | .';
const RESTORED = '푸자노프 동지는 구두로 소련공산당 중앙위원회 회의의 몇 가지 정보를 제공했다.';
const proposed = (value: string): PMJson[] => text(value, [{ type: 'proposed' }]);
const source = { file: 'made.txt', format: 'text', importedAt: '', witness: [], notes: [] };

/** Row `i` of a made-up report: consistent, contradicted, proposed, partial or empty, in turn. */
function rowOf(i: number): PMJson {
  const english = text(`Row ${i + 1}. Comrade Puzanov gave me some oral information about the meeting of the CPSU Central Committee.`);
  switch (i % 5) {
    case 0:
      return segment({ english, witness: [WITNESS], korean: text(RESTORED) });
    case 1:
      return segment({ english, witness: [WITNESS], korean: text('김일성 동지는 구두로') });
    case 2:
      return segment({ english, witness: [WITNESS], korean: [...text('푸자노프 동지는 '), ...proposed('구두로 소련공산당 중앙위원회 회의의 몇 가지 정보를 제공했다.')] });
    case 3:
      return segment({ english, witness: [WITNESS], korean: text('푸자노프 동지는') });
    default:
      return segment({ english, witness: [WITNESS] });
  }
}

async function addDocuments(project: TempProject, rows: number): Promise<void> {
  await project.store.addDocuments([
    { meta: { ...emptyMeta('Made-up report with every state'), date: '1961-03-01' }, source, body: body(Array.from({ length: rows }, (_, i) => rowOf(i))) },
    { meta: { ...emptyMeta('English-only memo'), date: '1961-04-01' }, source, body: body([segment({ english: text('No Korean version of this memo survives.') })]) },
  ]);
}

test('the document list and the header count the rows in each state; a document without a witness has no bar', async ({ page, project }) => {
  await addDocuments(project, 10);
  const app = new Workbench(page, project);
  await app.open();
  const made = page.locator('.document-row', { hasText: 'Made-up report' });
  for (const [state, count] of [['consistent', 2], ['contradicted', 2], ['proposed', 2], ['partial', 2], ['empty', 2]] as const) {
    await expect(made.locator(`.state-badge[data-state="${state}"]`)).toHaveText(new RegExp(`^\\D*${count}\\b`));
  }
  await expect(made.locator('[role="progressbar"]')).toHaveAttribute('aria-valuenow', '2');
  await expect(made).toContainText('복원 2/10');
  const memo = page.locator('.document-row', { hasText: 'English-only memo' });
  await expect(memo.locator('.state-bar, .state-badges, .progress-label')).toHaveCount(0);

  await app.openDocument('Made-up report');
  const header = page.locator('.row-states');
  await expect(header.locator('.row-state-button[data-state="contradicted"]')).toContainText('2');
  await expect(header).toContainText('2/10 restored');
  await app.screenshot('row-states-list');

  // Accepting nothing but fixing a contradiction: the counts follow the edit.
  await app.select('김일성', { column: 'korean' });
  await page.keyboard.type('푸자노프');
  await expect(header.locator('.row-state-button[data-state="contradicted"]')).toContainText('1');

  await app.openDocument('English-only memo');
  await expect(page.locator('.row-states')).toHaveCount(0);
});

test('Alt+PageDown and Alt+PageUp go to the next and previous contradicted row of a 400-row document, and the filter shows only those rows', async ({ page, project }) => {
  await addDocuments(project, 400);
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Made-up report');
  await expect(app.editor).toHaveClass(/\bwindowed\b/);
  await app.select('Row 1.', { caret: 'before' });

  const caretRow = () => app.editor.evaluate(() => {
    const sel = document.getSelection();
    const row = sel?.anchorNode && (sel.anchorNode.nodeType === 1 ? (sel.anchorNode as Element) : sel.anchorNode.parentElement)?.closest('.segment');
    return row ? Number((row as HTMLElement).dataset.row) : -1;
  });
  const inView = async (row: number) => {
    const box = await app.row(row - 1).boundingBox();
    const frame = await page.locator('.document-scroll').boundingBox();
    return !!box && !!frame && box.y < frame.y + frame.height && box.y + box.height > frame.y;
  };

  await page.keyboard.press('Alt+PageDown');
  await expect.poll(caretRow).toBe(2);
  for (const expected of [7, 12, 17]) {
    await page.keyboard.press('Alt+PageDown');
    await expect.poll(caretRow).toBe(expected);
  }
  await page.keyboard.press('Alt+PageUp');
  await expect.poll(caretRow).toBe(12);
  // Around the end: the last contradicted row, far below anything drawn so far.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Alt+PageUp');
  await expect.poll(caretRow).toBe(397);
  await expect.poll(() => inView(397)).toBe(true);
  await expect(app.cell(396, 'korean')).toContainText('김일성');
  await app.screenshot('row-states-next-contradicted');

  // Choose "proposed" with the header's button, then show only those rows.
  await page.locator('.row-state-button[data-state="proposed"]').click();
  await expect.poll(caretRow).toBe(398);
  await page.locator('.row-filter-toggle').click();
  await expect(page.locator('.row-filter-toggle')).toHaveAttribute('aria-pressed', 'true');
  const shown = app.editor.locator(':scope > .segment:not(.row-filtered-out):not(.segment-hidden)');
  await expect(shown).toHaveCount(80);
  // Every row shown is a proposed one, drawn in full, one under the other without the hidden rows' height.
  const rows = await shown.evaluateAll((els) => els.map((el) => ({ row: Number((el as HTMLElement).dataset.row), height: el.getBoundingClientRect().height })));
  expect(rows.every(({ row }) => row % 5 === 3)).toBe(true);
  expect(rows.every(({ height }) => height > 20)).toBe(true);
  // Rows far from where the window was carry the check's decorations too (its row label).
  const labels = await shown.evaluateAll((els) => els.map((el) => el.querySelector('[data-check-label]')?.getAttribute('data-check-label') ?? ''));
  expect(labels.every((label) => label.includes('proposed')), JSON.stringify(labels)).toBe(true);
  const scrollHeight = await page.locator('.document-scroll').evaluate((el) => el.scrollHeight);
  expect(scrollHeight).toBeLessThan(rows.reduce((sum, r) => sum + r.height, 0) + 400);
  await page.locator('.document-scroll').evaluate((el) => (el.scrollTop = 0));
  await app.screenshot('row-states-filtered');

  // Off again: every row back, windowed drawing as before.
  await page.keyboard.press('Control+Alt+Shift+F');
  await expect(page.locator('.row-filter-toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(app.editor.locator('.row-filtered-out')).toHaveCount(0);
  await expect(app.rows).toHaveCount(400);
  expect(await app.editor.locator(':scope > .segment:not(.segment-hidden)').count()).toBeLessThan(120);
});
