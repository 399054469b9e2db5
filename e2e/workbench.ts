/**
 * A page object for the workbench: what a person does (open a document, select
 * a phrase, press a shortcut, compose Korean) and what they see, plus reading
 * the project's files from disk.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Locator, Page } from '@playwright/test';
import type { TempProject } from '../electron/testing/temp-project';
import type { DocumentFile } from '../shared/model/document';
import { readDocumentParts } from '../electron/store/document-file';
import { folderFiles } from '../electron/store/project-files';
import { expect } from './fixtures';

export type Column = 'english' | 'witness' | 'korean' | 'original';

export class Workbench {
  constructor(
    readonly page: Page,
    readonly project: TempProject,
  ) {}

  get editor(): Locator {
    return this.page.locator('.doc-editor');
  }

  get rows(): Locator {
    return this.editor.locator(':scope > .segment');
  }

  row(index: number): Locator {
    return this.rows.nth(index);
  }

  cell(index: number, column: Column): Locator {
    return this.row(index).locator(`:scope > .${column}`);
  }

  /** Opens the app and waits for the document list. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.locator('.document-row').first()).toBeVisible();
  }

  /** Opens the document whose title contains `title`; returns its id. */
  async openDocument(title: string): Promise<string> {
    const link = this.page.locator('.document-row', { hasText: title });
    await link.click();
    await expect(this.editor).toBeVisible();
    await expect(this.page.locator('.document-heading')).toContainText(title);
    const id = await link.getAttribute('data-id');
    if (!id) throw new Error(`no id for ${title}`);
    return id;
  }

  /** Index of the first row whose cell of `column` contains `text`. */
  async rowWith(text: string, column: Column = 'english'): Promise<number> {
    const index = await this.editor.evaluate(
      (editor, [t, c]) => Array.from(editor.querySelectorAll(':scope > .segment')).findIndex((row) => row.querySelector(`:scope > .${c}`)?.textContent?.includes(t)),
      [text, column] as const,
    );
    if (index < 0) throw new Error(`no row with “${text}” in ${column}`);
    return index;
  }

  /**
   * Selects the first occurrence of `text` in a column (as a person would with the
   * mouse), or puts the caret before/after it.
   */
  async select(text: string, options: { column?: Column; row?: number; caret?: 'before' | 'after'; attempt?: number } = {}): Promise<void> {
    await this.focusEditor();
    const found = await this.editor.evaluate(
      (editor, { text, column, row, caret }) => {
        const rows = Array.from(editor.querySelectorAll(':scope > .segment'));
        const scope = row === undefined ? rows : [rows[row]];
        for (const r of scope) {
          const cell = r?.querySelector(`:scope > .${column}`);
          if (!cell) continue;
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT, {
            // Skip text inside footnote anchors (their numbers).
            acceptNode: (node) => (node.parentElement?.closest('.footnote') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
          });
          // The cell's text across its text nodes (marks split it), then back to nodes.
          const nodes: globalThis.Node[] = [];
          let whole = '';
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            nodes.push(node);
            whole += node.textContent ?? '';
          }
          const at = whole.indexOf(text);
          if (at < 0) continue;
          const locate = (offset: number, preferNext: boolean) => {
            let seen = 0;
            for (const node of nodes) {
              const length = (node.textContent ?? '').length;
              if (offset < seen + length || (offset === seen + length && !preferNext)) return { node, offset: offset - seen };
              seen += length;
            }
            const last = nodes[nodes.length - 1];
            return { node: last, offset: (last.textContent ?? '').length };
          };
          // A caret right after the text stays in its text node (not past a footnote that follows).
          const start = caret === 'after' ? locate(at + text.length, false) : locate(at, true);
          const end = caret ? start : locate(at + text.length, false);
          const selection = document.getSelection()!;
          selection.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
          (r as HTMLElement).scrollIntoView({ block: 'center' });
          return true;
        }
        return false;
      },
      { text, column: options.column ?? 'english', row: options.row, caret: options.caret },
    );
    if (!found) throw new Error(`“${text}” not found in ${options.column ?? 'english'}`);
    await this.settle();
    const selected = await this.page.evaluate(() => document.getSelection()?.toString() ?? '');
    const wanted = options.caret ? '' : text;
    // A redraw that lands before the editor has read a new DOM selection (e.g. the
    // background witness check finishing a step) puts the editor's old selection
    // back, as it would after a click at that instant: then select again.
    if (selected !== wanted && (options.attempt ?? 0) < 3) {
      return this.select(text, { ...options, attempt: (options.attempt ?? 0) + 1 });
    }
    expect(selected).toBe(wanted);
  }

  /** Selects from the start of `from` to the end of `to` (English cells, document order), across rows. */
  async selectBetween(from: string, to: string): Promise<void> {
    await this.focusEditor();
    const ok = await this.editor.evaluate(
      (editor, [a, b]) => {
        const find = (text: string) => {
          const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.parentElement?.closest('.english')) continue;
            const at = (node.textContent ?? '').indexOf(text);
            if (at >= 0) return { node, at };
          }
          return null;
        };
        const start = find(a);
        const end = find(b);
        if (!start || !end) return false;
        document.getSelection()!.setBaseAndExtent(start.node, start.at, end.node, end.at + b.length);
        return true;
      },
      [from, to] as const,
    );
    if (!ok) throw new Error(`could not select from “${from}” to “${to}”`);
    await this.settle();
  }

  /**
   * Focuses the editor, if it is not focused, and waits for ProseMirror to settle:
   * on focus it puts its own selection back into the DOM a moment later, which
   * would undo a selection made in between.
   */
  async focusEditor(): Promise<void> {
    const focused = await this.editor.evaluate((el) => el === document.activeElement);
    if (focused) return;
    await this.editor.evaluate((el) => (el as HTMLElement).focus());
    await this.page.waitForTimeout(60);
  }

  /** Waits two frames: selection changes and renders have landed. */
  async settle(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }

  /** Waits until the open document is saved. */
  async saved(): Promise<void> {
    await expect(this.page.locator('.save-state')).toHaveAttribute('data-status', 'saved', { timeout: 10_000 });
  }

  /** The document as stored in the project folder (a long one's head with its chunks put back, as the store reads it). */
  async stored(id: string): Promise<DocumentFile> {
    const name = `documents/${id}.json`;
    const head = await readFile(join(this.project.dir, name), 'utf8');
    return (await readDocumentParts(folderFiles(this.project.dir), id, name, head)).data as DocumentFile;
  }

  /** Footnote numbers shown in the text, in order. */
  async footnoteNumbers(): Promise<string[]> {
    return this.editor.locator('.footnote .footnote-number').allTextContents();
  }

  /** Texts of the notes listed in the footnotes panel, in order. */
  async panelFootnotes(): Promise<string[]> {
    return this.page.locator('.footnote-list .footnote-item .footnote-text').allTextContents();
  }

  /** Presses Mod-z until `check` holds (history may group quick edits), at most `max` times. */
  async undoUntil(check: () => Promise<boolean>, max = 6): Promise<number> {
    for (let i = 1; i <= max; i++) {
      await this.page.keyboard.press('Control+z');
      await this.settle();
      if (await check()) return i;
    }
    throw new Error(`still not there after ${max} undos`);
  }

  async screenshot(name: string): Promise<void> {
    await this.settle();
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png` });
  }

  /** A DevTools protocol session on the page. */
  async cdp(): Promise<CDPSession> {
    return this.page.context().newCDPSession(this.page);
  }

  /**
   * The live check's status of each syllable of a row's restoration, as
   * `syllable:status`, in text order: read from the page's CSS highlights
   * (`ck-confirmed`, `ck-consistent`, `ck-contradicted`), which is what is painted.
   */
  async checkStatuses(index: number): Promise<string[]> {
    return this.cell(index, 'korean').evaluate((cell) => {
      const found: { range: AbstractRange; status: string }[] = [];
      for (const status of ['confirmed', 'consistent', 'contradicted']) {
        for (const range of CSS.highlights.get(`ck-${status}`) ?? []) {
          if (cell.contains(range.startContainer) && !range.collapsed) found.push({ range, status });
        }
      }
      const live = (r: AbstractRange) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range;
      };
      found.sort((a, b) => live(a.range).compareBoundaryPoints(Range.START_TO_START, live(b.range)));
      const out: string[] = [];
      for (const { range, status } of found) for (const ch of live(range).toString()) if (ch.trim()) out.push(`${ch}:${status}`);
      return out;
    });
  }

  /** Moves the mouse over the first run of syllables with a check status in a row's restoration. */
  async hoverCheck(index: number, status: 'confirmed' | 'consistent' | 'contradicted'): Promise<void> {
    const box = await this.cell(index, 'korean').evaluate((cell, name) => {
      for (const r of CSS.highlights.get(name) ?? []) {
        if (!cell.contains(r.startContainer)) continue;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    }, `ck-${status}`);
    if (!box) throw new Error(`no ${status} syllables in row ${index + 1}`);
    await this.page.mouse.move(box.x, box.y);
  }

  /** How a check status is painted: the `::highlight(ck-STATUS)` style's colour and underline. */
  async checkStyle(status: 'confirmed' | 'consistent' | 'contradicted'): Promise<{ color: string; line: string; style: string }> {
    return this.editor.evaluate((el, name) => {
      const s = getComputedStyle(el, `::highlight(${name})`);
      return { color: s.color, line: s.textDecorationLine, style: s.textDecorationStyle };
    }, `ck-${status}`);
  }

  /** The platform fonts Chromium used to draw a node's text. */
  async platformFonts(selector: string): Promise<{ familyName: string; glyphCount: number }[]> {
    const client = await this.cdp();
    await client.send('DOM.enable');
    await client.send('CSS.enable');
    const { root } = await client.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await client.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no node for ${selector}`);
    const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId });
    await client.detach();
    return fonts;
  }

  /**
   * Types Korean the way a Korean keyboard's IME does: each syllable is composed
   * jamo by jamo (`Input.imeSetComposition`) and committed (`Input.insertText`).
   * `steps` lists, per committed piece, the compositions shown before it.
   */
  async composeKorean(steps: { compose: string[]; commit: string }[]): Promise<void> {
    const client = await this.cdp();
    for (const step of steps) {
      for (const text of step.compose) {
        await client.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      }
      await client.send('Input.insertText', { text: step.commit });
    }
    await client.detach();
    await this.settle();
  }
}
