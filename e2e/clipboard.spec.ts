import { test, expect } from './fixtures';
import { Workbench } from './workbench';

// Parsing the hostile HTML below (inertly, to sanitise it) makes Chromium report the
// inline handlers it would block: reports, not executions (checked with __pwned).
test.use({ expectedPageErrors: [/^Executing inline event handler violates the following Content Security Policy/] });

test('copy and paste keep insertions inside the app; other programs get bracketed text; pasted web pages arrive as plain text', async ({ page, project, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');

  // Copy a phrase holding an insertion.
  await app.select("our SED Central Committee's");
  await page.keyboard.press('Control+c');
  // Other programs get the brackets as text.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("our [SED] Central Committee's");

  // Paste into another cell: the insertion comes along as an insertion, not as brackets.
  await app.select('Department of International Relations', { caret: 'after' });
  await page.keyboard.type(' / ');
  await page.keyboard.press('Control+v');
  const cell = app.cell(1, 'english');
  await expect(cell).toHaveText("Department of International Relations / our SED Central Committee's");
  await expect(cell.locator('.insertion')).toHaveText('SED');

  // A web page's HTML is pasted as its plain text: no styles, links, images or scripts.
  await app.select('Pyongyang, 30 August 1960', { caret: 'after' });
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/html', '<p style="color:red">Hello <b>bold</b> <a href="https://example.com/">link</a><img src="x" onerror="window.__pwned=1"></p>');
    data.setData('text/plain', 'Hello bold link');
    document.querySelector('.doc-editor')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const pasted = app.cell(await app.rowWith('Pyongyang, 30 August 1960'), 'english');
  await expect(pasted).toHaveText('Pyongyang, 30 August 1960Hello bold link');
  await expect(pasted.locator('b, a, img, [style]')).toHaveCount(0);

  // HTML that claims to be ours is still sanitised: our markup stays, anything else goes.
  await app.select('SED Central Committee', { row: 0, caret: 'after' });
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData(
      'text/html',
      '<div data-interlinea-clipboard="1"><span class="insertion" data-kind="variant" onclick="window.__pwned=2" style="color:red"> of the SED</span><script>window.__pwned=3</script><img src="x" onerror="window.__pwned=4"></div>',
    );
    data.setData('text/plain', ' of the SED');
    document.querySelector('.doc-editor')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const first = app.cell(0, 'english');
  await expect(first.locator('.insertion')).toHaveText(' of the SED');
  await expect(first.locator('.insertion')).toHaveAttribute('data-kind', 'variant');
  await expect(first.locator('[onclick], [style], img, script')).toHaveCount(0);
  await page.waitForTimeout(100);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // A paste never brings witness lines: copy across rows, paste into one cell.
  const witnessBefore = await app.editor.locator('.witness').allTextContents();
  await app.selectBetween('International Relations', 'Archival Signature');
  await page.keyboard.press('Control+c');
  await app.select('Pyongyang, 30 August 1960', { caret: 'before' });
  await page.keyboard.press('Control+v');
  expect(await app.editor.locator('.witness').allTextContents()).toEqual(witnessBefore);
  await expect(app.cell(await app.rowWith('Pyongyang, 30 August 1960'), 'english')).toContainText('Archival SignaturePyongyang');
});
