/**
 * Notes at the foot of the page where they are called (#14 item 3; `notes: 'page'`,
 * the PDF default), printed by the headless Chromium the CLI uses and read back
 * with poppler: each page's text (`pdftotext -layout -f N -l N`) holds the notes
 * whose calls are on it, below the body text and above the bottom margin; the
 * paginator's pages are the PDF's sheets; `end` puts the notes after the body;
 * the Korean stays in CID fonts; text that looks like script prints as text.
 * Page renders go to e2e/screenshots/export-pdf-page-notes-*.png.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportEdition, type ExportOptionsInput } from '../../shared/export';
import { prepareEdition } from '../../shared/export/edition';
import { defaultExportOptions } from '../../shared/export/options';
import { GLOSSARY, addFootnote, documentFile } from '../../shared/export/testing/fixtures';
import { body, segment, text } from '../../shared/model/build';
import { hostileDocument, longDocument } from '../../shared/export/testing/long-edition';
import { textOf } from '../../shared/export/walk';
import { PAGE_MARGINS } from '../../shared/export/html-style';
import type { DocumentFile } from '../../shared/model/document';
import { chromiumArgs, findBrowser, printPdf, type PageSize } from './pdf';
import { finishPdf } from './pdf-meta';
import { SCREENSHOTS, annotatedSamples, hasCommand, requireTool, run } from './testing/tools';

const work = mkdtempSync(join(tmpdir(), 'interlinea-page-notes-'));
// A clean clone has no screenshots folder (it is not committed).
mkdirSync(SCREENSHOTS, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tools =
  requireTool('chromium', 'printing the PDF') &&
  requireTool('pdftotext', 'reading the PDF pages') &&
  requireTool('pdftoppm', 'rendering PDF pages');

interface Printed {
  pdf: string;
  html: string;
  pages: number;
}

async function print(tag: string, docs: DocumentFile[], options: ExportOptionsInput & { pageSize?: PageSize } = {}): Promise<Printed> {
  const file = await exportEdition('pdf-html', { documents: docs, glossary: GLOSSARY }, options);
  const html = join(work, `${tag}.html`);
  writeFileSync(html, file.bytes);
  const printed = await printPdf(new TextDecoder().decode(file.bytes), { pageSize: options.pageSize ?? 'A4' });
  const { bytes } = await finishPdf(printed, file.print!);
  const pdf = join(work, `${tag}.pdf`);
  writeFileSync(pdf, bytes);
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [pdf]).output)?.[1]);
  return { pdf, html, pages };
}

/** The DOM after the page's scripts ran (headless Chromium, the printer's flags). */
async function dumpDom(htmlFile: string): Promise<string> {
  const browser = await findBrowser();
  const args = chromiumArgs(htmlFile, join(work, 'unused.pdf'), join(work, `profile-${Math.random()}`))
    .filter((arg) => !arg.startsWith('--print-to-pdf'));
  return run(browser, ['--dump-dom', ...args]).output;
}

/** A page's text (`pdftotext -layout`) without its page number (the last line, in the bottom margin). */
function pageText(pdf: string, page: number): string {
  const lines = run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-']).output.trimEnd().split('\n');
  if (/^\s*\d+\s*$/.test(lines[lines.length - 1])) lines.pop();
  return lines.join('\n');
}

/** A page's text split at its first note line: the body above, the foot below. */
function splitPage(text: string, noteLine: RegExp): { body: string[]; foot: string[] } {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => noteLine.test(line));
  if (first < 0) return { body: lines, foot: [] };
  return { body: lines.slice(0, first), foot: lines.slice(first) };
}

/** Words of a page with their boxes (`pdftotext -bbox`), and the page height, in points. */
function words(pdf: string, page: number): { height: number; words: { yMin: number; yMax: number; text: string }[] } {
  const out = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']).output;
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(out)?.[1]);
  const list = [...out.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    (m) => ({ yMin: Number(m[1]), yMax: Number(m[2]), text: m[3] }),
  );
  return { height, words: list };
}

/** Nothing but the page number in the bottom margin: the notes sit above it. */
function expectAboveBottomMargin(pdf: string, page: number): void {
  const { height, words: list } = words(pdf, page);
  const marginTop = height - (PAGE_MARGINS.bottom * 72) / 25.4;
  const low = list.filter((w) => w.yMax > marginTop + 1 && !/^\d+$/.test(w.text));
  expect(low, `page ${page}: text in the bottom margin`).toEqual([]);
}

const NOTE_LINE = /^\s*(\d+)\.\s+Note (\d+) on row \d+:/;

describe.skipIf(!tools)('PDF notes at the foot of the page where they are called', () => {
  it(
    'puts each note of a long document on the page of its call, below the text and above the margin',
    async () => {
      const { doc, noteRows, corrections } = longDocument({ rows: 90, longRows: [9, 40, 41] });
      const printed = await print('long', [doc], {});
      expect(printed.pages).toBeGreaterThan(15);
      // The paginator's pages are the sheets: none spilled onto another.
      const dom = await dumpDom(printed.html);
      expect(dom).toContain(`data-paginated="${printed.pages}"`);
      const notePage = new Map<number, number>();
      const callPage = new Map<number, number>();
      let apparatus = 0;
      for (let page = 1; page <= printed.pages; page++) {
        const { body, foot } = splitPage(pageText(printed.pdf, page), NOTE_LINE);
        // Calls: numbers standing alone in the rows (row numbers end in '.'); the column heads start the rows.
        const heads = body.findIndex((line) => /\bENGLISH\b/.test(line));
        expect(heads, `page ${page} has the column heads`).toBeGreaterThanOrEqual(0);
        const rows = body.slice(heads + 1);
        for (const line of rows) for (const m of line.matchAll(/(?<![\w.])(\d{1,3})(?![\w.])/g)) callPage.set(Number(m[1]), page);
        for (const line of foot) {
          const m = NOTE_LINE.exec(line);
          if (m) {
            expect(m[1]).toBe(m[2]); // numbered as in the document
            expect(notePage.has(Number(m[1])), `note ${m[1]} printed twice`).toBe(false);
            notePage.set(Number(m[1]), page);
          }
          // Below the notes nothing of the body: no row starts there.
          expect(line, `page ${page}: body text under the notes`).not.toMatch(/^\s*\d+\.\s+(?!Note)[a-z]/);
          if (/the source reads: Kim II Sung/.test(line)) apparatus++;
        }
        expectAboveBottomMargin(printed.pdf, page);
      }
      expect([...notePage.keys()].sort((a, b) => a - b)).toEqual(noteRows.map((_, i) => i + 1));
      for (const [n, page] of notePage) expect(callPage.get(n), `the call of note ${n}`).toBe(page);
      // Notes fall on many pages, not all on one.
      expect(new Set(notePage.values()).size).toBeGreaterThan(10);
      expect(apparatus).toBe(corrections);
      // A row longer than a page runs over two pages: row 10 starts on one page and row 11 on a later one.
      const rowPage = (row: number) => {
        for (let page = 1; page <= printed.pages; page++) if (new RegExp(`^\\s*${row}\\. [a-z]`, 'm').test(pageText(printed.pdf, page))) return page;
        return -1;
      };
      expect(rowPage(11) - rowPage(10)).toBeGreaterThanOrEqual(1);
      // The Korean is in real (CID) fonts, never Type 3.
      const fonts = run('pdffonts', [printed.pdf]).output;
      expect(fonts, fonts).not.toMatch(/Type 3/);
      expect(fonts).toMatch(/Nanum\w*\s+CID TrueType\s+Identity-H\s+yes/);
      // Renders to look at: the first page, and the pages where the long row 10 breaks.
      const long = rowPage(10);
      for (const [page, name] of [
        [1, 'long-page1'],
        [long, `long-page${long}`],
      ] as const) {
        render(printed.pdf, page, name);
      }
      // With the witness as a third column: the same pages-to-sheets match, all notes once, renders.
      const witness = await print('long-witness', [doc], { witness: true });
      expect(await dumpDom(witness.html)).toContain(`data-paginated="${witness.pages}"`);
      const all = run('pdftotext', ['-layout', witness.pdf, '-']).output;
      for (let n = 1; n <= noteRows.length; n++) expect(all.match(new RegExp(`^\\s*${n}\\.\\s+Note ${n} on row`, 'gm'))).toHaveLength(1);
      render(witness.pdf, 3, 'long-witness-page3');
      render(witness.pdf, 4, 'long-witness-page4');
    },
    180_000,
  );

  it(
    'does so for the 1963 sample with notes on several pages, on Letter and A4',
    async () => {
      const doc = annotatedSamples()[1];
      const extra: [string, string][] = [
        ['Soviet credits', 'Credits granted by the USSR for 1963–1965.'],
        ['Romanian ambassador', 'The Romanian ambassador in Pyongyang.'],
        ['5th KWP Plenum', 'Held in December 1962.'],
        ['Caribbean', 'The Cuban missile crisis of October 1962.'],
        ['Latin America', 'Diplomatic relations established in 1962–1963.'],
      ];
      for (const [i, [after, note]] of extra.entries()) expect(addFootnote(doc, after, note, `x${i}`)).toBe(true);
      const prepared = prepareEdition({ documents: [doc], glossary: GLOSSARY }, defaultExportOptions(), { dropEmptyColumns: true });
      const notes = prepared.documents[0].footnotes.map((note) => ({ n: note.n, text: textOf(note.content) }));
      expect(notes).toHaveLength(7);
      const anchorOf = (text: string) =>
        [['Chollima movement', 'The Chollima'], ['Comecon', 'Council for Mutual'], ...extra].find(([, t]) => text.startsWith(t.slice(0, 12)))![0];
      for (const [tag, options] of [
        ['1963-letter', { pageSize: 'Letter' as const }],
        ['1963-a4', { pageSize: 'A4' as const }],
      ] as const) {
        const printed = await print(tag, [doc], options);
        const dom = await dumpDom(printed.html);
        expect(dom).toContain(`data-paginated="${printed.pages}"`);
        const texts = Array.from({ length: printed.pages }, (_, i) => pageText(printed.pdf, i + 1));
        const flat = (s: string) => s.replace(/\s+/g, ' ');
        const pagesOfNotes = new Set<number>();
        for (const { n, text } of notes) {
          const start = text.slice(0, 24);
          const notePages = texts.flatMap((t, i) => (flat(t).includes(start) ? [i + 1] : []));
          expect(notePages, `note ${n} (${start}) printed once`).toHaveLength(1);
          const word = anchorOf(text).split(' ').pop()!;
          const call = new RegExp(`${word}\\s?${n}(?!\\d)`);
          const callPages = texts.flatMap((t, i) => (call.test(flat(t)) ? [i + 1] : []));
          expect(callPages, `call ${n} after “${word}”`).toEqual(notePages);
          // Below the body: the note's line comes after every line of rows on its page.
          const page = texts[notePages[0] - 1];
          const { foot } = splitPage(page, new RegExp(`^\\s*${n}\\.\\s+${start.slice(0, 10).replace(/[()]/g, '.')}`));
          expect(foot.length, `note ${n} is a line of the page foot`).toBeGreaterThan(0);
          expect(foot.join('\n')).not.toMatch(/\bENGLISH\b/);
          pagesOfNotes.add(notePages[0]);
          expectAboveBottomMargin(printed.pdf, notePages[0]);
        }
        expect(pagesOfNotes.size).toBeGreaterThanOrEqual(4);
        const fonts = run('pdffonts', [printed.pdf]).output;
        expect(fonts, fonts).not.toMatch(/Type 3/);
        expect(fonts).toMatch(/Nanum\w*\s+CID TrueType\s+Identity-H\s+yes/);
        if (tag === '1963-letter') {
          render(printed.pdf, 1, '1963-page1');
          render(printed.pdf, 2, '1963-page2');
        }
      }
    },
    180_000,
  );

  it(
    'puts them after the body with notes: end, and under the row with notes: foot',
    async () => {
      const { doc, noteRows } = longDocument({ rows: 40, longRows: [9] });
      const printed = await print('long-end', [doc], { notes: 'end' });
      const all = run('pdftotext', ['-layout', printed.pdf, '-']).output;
      const lastRow = all.search(/^\s*40\. [a-z]/m);
      const heading = all.search(/^\s*Notes\s*$/m);
      expect(lastRow).toBeGreaterThan(0);
      expect(heading).toBeGreaterThan(lastRow);
      const positions = noteRows.map((_, i) => all.search(new RegExp(`^\\s*${i + 1}\\.\\s+Note ${i + 1} on row`, 'm')));
      for (const at of positions) expect(at).toBeGreaterThan(heading);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(readFileSync(printed.html, 'utf8')).not.toContain('<script');
      // Under the row: note 1 directly after row 2's text, before row 3 begins.
      const foot = run('pdftotext', ['-layout', (await print('long-foot', [doc], { notes: 'foot' })).pdf, '-']).output;
      const note1 = foot.search(/^\s*1\.\s+Note 1 on row 2/m);
      expect(note1).toBeGreaterThan(foot.search(/^\s*2\. [a-z]/m));
      expect(note1).toBeLessThan(foot.search(/^\s*3\. [a-z]/m));
    },
    120_000,
  );

  it(
    'lists a correction made inside a note at the foot of the note’s page, after the notes',
    async () => {
      const doc = documentFile(
        'nested',
        { title: 'Nested' },
        body([
          segment({
            id: 'a',
            english: [
              ...text('Row one '),
              {
                type: 'footnote',
                attrs: { id: 'f1' },
                content: [...text('A note about '), ...text('Kim Il Sung', [{ type: 'correction', attrs: { original: 'Kim II Sung' } }]), ...text('.')],
              },
              ...text(' end.'),
            ],
          }),
          segment({ id: 'b', english: text('Row two.') }),
        ]),
      );
      const printed = await print('nested', [doc], {});
      expect(printed.pages).toBe(1);
      const { foot } = splitPage(pageText(printed.pdf, 1), /^\s*1\.\s+A note about/);
      expect(foot.join('\n')).toMatch(/1\.\s+A note about Kim Il Sung ?a ?\.\n\s*a\s+Kim Il Sung — the source reads: Kim II Sung/);
    },
    60_000,
  );

  it(
    'loses nothing when a note is longer than a page or a row calls more notes than a page holds',
    async () => {
      const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ');
      const doc = documentFile(
        'edge',
        { title: 'Edge cases' },
        body([
          segment({ id: 'a', english: text('Intro row.') }),
          segment({
            id: 'b',
            english: [...text('Row with a huge note '), { type: 'footnote', attrs: { id: 'h' }, content: text(words(1500, 'huge')) }, ...text(' end of b.')],
          }),
          segment({
            id: 'c',
            english: Array.from({ length: 40 }, (_, i) => [
              ...text(` w${i} `),
              { type: 'footnote', attrs: { id: `m${i}` }, content: text(`Many ${i} ${words(14, `m${i}x`)}`) },
            ]).flat(),
          }),
          segment({ id: 'd', english: text('Last row.') }),
        ]),
      );
      const printed = await print('edge', [doc], {});
      const all = run('pdftotext', [printed.pdf, '-']).output.split(/\s+/);
      const seen = new Set(all);
      const missing = [
        ...Array.from({ length: 1500 }, (_, i) => `huge${i}`),
        ...Array.from({ length: 40 }, (_, i) => `m${i}x13`),
        'Intro',
        'Last',
      ].filter((word) => !seen.has(word));
      expect(missing).toEqual([]);
      // Each of the 40 notes printed once.
      expect(all.filter((word) => word === 'Many')).toHaveLength(40);
      expect(await dumpDom(printed.html)).toMatch(/data-paginated="\d+"/);
    },
    60_000,
  );

  it(
    'prints text that looks like script as text, and runs nothing of it',
    async () => {
      const printed = await print('hostile', [hostileDocument()], {});
      const dom = await dumpDom(printed.html);
      expect(dom).toContain(`data-paginated="${printed.pages}"`); // the paginator ran
      expect(dom.match(/<script[\s>]/g)).toHaveLength(1);
      expect(dom).not.toMatch(/<img[\s>]/);
      expect(dom).toMatch(/<title>A &lt;script&gt;alert\(1\)&lt;\/script&gt; title<\/title>/);
      expect(dom).not.toContain('<title>RAN');
      const text = run('pdftotext', [printed.pdf, '-']).output.replace(/\s+/g, ' ');
      expect(text).toContain('<script>document.title="RAN"</script>');
      expect(text).toContain(`<img src=x onerror="document.title='RAN'">`);
      expect(text).toContain('A note with <img src=y onerror=alert(2)> in it.');
    },
    60_000,
  );

  it(
    'falls back to notes after the document, saying so, when the paginator cannot lay out the pages',
    async () => {
      const { doc } = longDocument({ rows: 12, longRows: [] });
      const file = await exportEdition('pdf-html', { documents: [doc], glossary: GLOSSARY }, {});
      // The page box's rule taken away: the paginator finds no page height and gives up.
      const broken = new TextDecoder().decode(file.bytes).replace('.pg { box-sizing', '.pg-gone { box-sizing');
      const html = join(work, 'broken.html');
      writeFileSync(html, broken);
      const dom = await dumpDom(html);
      expect(dom).toContain('data-paginated="failed"');
      expect(dom).toContain('The notes could not be placed at the foot of each page (the page box has no height)');
      expect(dom).toContain('<section class="notes" aria-label="Notes">');
      expect(dom).not.toContain('class="pg"');
      const pdf = join(work, 'broken.pdf');
      writeFileSync(pdf, await printPdf(broken, { pageSize: 'A4' }));
      const text = run('pdftotext', ['-layout', pdf, '-']).output;
      expect(text.search(/^\s*1\.\s+Note 1 on row 2/m)).toBeGreaterThan(text.search(/^\s*12\. [a-z]/m));
    },
    60_000,
  );
});

/** Renders one page at 60 dpi to e2e/screenshots/export-pdf-page-notes-NAME.png. */
function render(pdf: string, page: number, name: string): void {
  if (!hasCommand('pdftoppm')) return;
  const prefix = join(SCREENSHOTS, `export-pdf-page-notes-${name}`);
  const result = run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
  expect(result.status, result.output).toBe(0);
}
