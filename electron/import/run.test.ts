import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../shared/import';
import { closeImportWorker, parseImports } from './run';

const encode = (text: string) => new TextEncoder().encode(text);
const NOW = new Date('2026-01-02T03:04:05Z');
/** A result without its random segment ids. */
const withoutIds = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/"id":"[^"]*"/g, '"id":"*"'));

/** An HTML page of `count` ordinary paragraphs (about 80 bytes each). */
function paragraphs(count: number): string {
  const p = '<p>The ambassador said that the harvest was good this year and the talks went on.</p>\n';
  return `<!DOCTYPE html><html><head><title>Big</title></head><body>${p.repeat(count)}</body></html>`;
}

afterAll(() => closeImportWorker());

describe('parsing imports in the import worker', () => {
  it('gives the same documents as the importer in this process, in order', async () => {
    const files = [
      { name: 'note.txt', bytes: encode('A short note.\n\nIts second paragraph.') },
      { name: 'page.html', bytes: encode('<html><body><h1>Title</h1><p>One.</p><p>Two.</p></body></html>') },
      { name: 'bad.bin', bytes: new Uint8Array([0, 1, 2, 3, 0, 0]) },
    ];
    const results = await parseImports(files, {}, NOW);
    expect(withoutIds(results)).toEqual(withoutIds(files.map((file) => importFile(file, { now: NOW }))));
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
  });

  it('stops a file that needs more memory than the limit, names it, and parses the files after it', async () => {
    const files = [
      { name: 'huge.html', bytes: encode(paragraphs(100_000)) },
      { name: 'after.txt', bytes: encode('Still imported.') },
    ];
    const [huge, after] = await parseImports(files, { memoryMb: 32 });
    expect(huge).toEqual({
      ok: false,
      error: 'huge.html: reading it needed more than 32 MB of memory and was stopped; the file is too large or too complex to import',
    });
    expect(after.ok).toBe(true);
  });

  it('stops a file that takes longer than the time limit, names it, and parses the files after it', async () => {
    const files = [
      { name: 'slow.html', bytes: encode(paragraphs(200_000)) },
      { name: 'after.txt', bytes: encode('Still imported.') },
    ];
    const started = Date.now();
    const [slow, after] = await parseImports(files, { timeoutMs: 300 });
    expect(slow).toEqual({
      ok: false,
      error: 'slow.html: reading it took longer than 300 ms and was stopped; the file is too large or too complex to import',
    });
    expect(after.ok).toBe(true);
    // The parse of a 16 MB page is cut short, not waited out (it takes seconds).
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('parses batches asked for at the same time one after another, each getting its own results', async () => {
    const batch = (n: number) => [{ name: `n${n}.txt`, bytes: encode(`Note ${n}.`) }];
    const all = await Promise.all([1, 2, 3].map((n) => parseImports(batch(n), {}, NOW)));
    expect(all.map(([r]) => r.ok && r.document.meta.title)).toEqual(['N1', 'N2', 'N3']);
  });
});
