import { test, expect } from './fixtures';
import { Workbench } from './workbench';

test('footnotes are numbered in document order live, edited in place and in the panel, and undone one by one', async ({ page, project }) => {
  const app = new Workbench(page, project);
  await app.open();
  await app.openDocument('Puzanov');

  const addNote = async (after: string, text: string) => {
    await app.select(after, { caret: 'after' });
    await page.keyboard.press('Control+Alt+f');
    // The note's own editor opens under the anchor with the focus in it.
    const popup = app.editor.locator('.footnote-popup .footnote-text');
    await expect(popup).toBeFocused();
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
    await expect(app.editor.locator('.footnote-popup')).toHaveCount(0);
  };

  await addNote('some oral information', 'First note.');
  await addNote('the decisions made in Bucharest', 'Second note.');
  expect(await app.footnoteNumbers()).toEqual(['1', '2']);
  expect(await app.panelFootnotes()).toEqual(['First note.', 'Second note.']);
  await app.screenshot('footnotes-two');

  // A note before both: it becomes 1, the others 2 and 3.
  await addNote('SAPMO-BA', 'Earlier note.');
  expect(await app.footnoteNumbers()).toEqual(['1', '2', '3']);
  expect(await app.panelFootnotes()).toEqual(['Earlier note.', 'First note.', 'Second note.']);
  await expect(app.editor.locator('.footnote').first()).toHaveAttribute('title', 'Footnote 1: Earlier note.');

  // Edited in the panel, the note changes in the text too.
  const field = page.locator('.footnote-item').nth(2).locator('.footnote-text');
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Edited.');
  await expect(app.editor.locator('.footnote').nth(2)).toHaveAttribute('title', 'Footnote 3: Second note. Edited.');
  await app.screenshot('footnotes-three');

  // Undo, from the text: the panel edit, then each note, the numbering following.
  await app.editor.focus();
  await app.undoUntil(async () => (await app.panelFootnotes())[2] === 'Second note.');
  await app.undoUntil(async () => (await app.footnoteNumbers()).length === 2);
  expect(await app.panelFootnotes()).toEqual(['First note.', 'Second note.']);
  await app.undoUntil(async () => (await app.footnoteNumbers()).length === 1);
  expect(await app.panelFootnotes()).toEqual(['First note.']);
  await app.undoUntil(async () => (await app.footnoteNumbers()).length === 0);
  await expect(page.locator('.footnote-item')).toHaveCount(0);

  // Redo brings the first back; deleting its anchor deletes the note.
  await page.keyboard.press('Control+y');
  await expect(app.editor.locator('.footnote')).toHaveCount(1);
  await app.select('some oral information', { caret: 'after' });
  await page.keyboard.press('Delete');
  await expect(app.editor.locator('.footnote')).toHaveCount(0);
  await expect(page.locator('.footnote-item')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(app.editor.locator('.footnote')).toHaveCount(1);
});
