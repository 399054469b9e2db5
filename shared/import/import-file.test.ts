import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importFile } from './import-file';
import { fileOf, fixtures, rowsOf, validate, witnessLinesOf } from './fixtures';

const encode = (text: string) => new TextEncoder().encode(text);

/**
 * Milliseconds of CPU time of this test process (vitest runs each file in its own
 * process), so that other work on a busy machine does not count; wall time where
 * the runtime has no such clock.
 */
function clock(): number {
  const cpu = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process?.cpuUsage;
  if (!cpu) return performance.now();
  const { user, system } = cpu();
  return (user + system) / 1000;
}

/** Best time of up to `attempts` runs, stopping at the first run under `limit` ms. */
function bestTime(run: () => void, limit: number, attempts = 8): number {
  let best = Infinity;
  for (let k = 0; k < attempts && best >= limit; k++) {
    const start = clock();
    run();
    best = Math.min(best, clock() - start);
  }
  return best;
}

/** The 1960 page grown to about `size` bytes by repeating its English and Korean versions. */
function bigTextPage(size: number): string {
  const seed = fixtures.seed1960.text;
  const english = seed.slice(seed.indexOf('English HTML') + 13, seed.indexOf('Korean HTML'));
  const korean = seed.slice(seed.indexOf('Korean HTML') + 12);
  let e = '';
  let k = '';
  while (e.length + k.length < size) {
    e += `${english}\n\n`;
    k += `${korean}\n\n`;
  }
  return `${seed.slice(0, seed.indexOf('English HTML'))}English HTML\n\n${e}Korean HTML\n\n${k}`;
}

describe('importing a file', () => {
  it('imports every fixture into a document that passes the document file validation', () => {
    for (const fixture of Object.values(fixtures)) {
      const result = importFile(fileOf(fixture));
      if (!result.ok) throw new Error(result.error);
      expect(validate(result.document), fixture.name).toMatchObject({ ok: true });
    }
  });

  it('names the source format it used', () => {
    const format = (fixture: { name: string; text: string }) => {
      const result = importFile(fileOf(fixture));
      return result.ok ? result.document.source.format : result.error;
    };
    expect([fixtures.seed1960, fixtures.seed1963, fixtures.html1960].map(format)).toEqual(['text', 'markdown', 'html']);
  });

  it('never throws on arbitrary bytes: it gives a document or an error naming the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = importFile({ name: 'random.bin', bytes });
        if (result.ok) expect(validate(result.document)).toMatchObject({ ok: true });
        else expect(result.error).toMatch(/^random\.bin: ./);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text, and always yields a valid document', () => {
    const piece = fc.constantFrom(
      'English HTML',
      'Korean HTML',
      '',
      '[x]',
      '□',
      '#### Citation:',
      '<p>',
      '3x CC:',
      'K. Name',
      '1960D 8 30|',
      'August 30, 1960',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 30 }), piece), { maxLength: 30 }), (parts) => {
        const text = parts.join('\n');
        const result = importFile({ name: 'fuzz.txt', bytes: encode(text) });
        if (result.ok) expect(validate(result.document)).toMatchObject({ ok: true });
        else expect(result.error).toMatch(/^fuzz\.txt: /);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every witness line of a text page, in order, whatever the English (property)', () => {
    const englishLine = fc.oneof(
      fc.constantFrom('SED Central Committee', '[GDR Embassy]', 'Pyongyang, 30 August 1960', 'K. Name', '3x Minister'),
      fc.lorem({ maxCount: 40 }),
    );
    const witnessLine = fc.oneof(
      fc.constant(''),
      fc.constantFrom('|| Y', '[ |Tm ]', '1960D 8 30|'),
      fc.string({ minLength: 1, maxLength: 60 }).filter((s) => !/[\n\r]/.test(s)),
    );
    fc.assert(
      fc.property(
        fc.array(englishLine, { maxLength: 12 }),
        fc.array(witnessLine, { maxLength: 15 }),
        (english, witness) => {
          const page = [
            'Search in',
            '',
            'August 30, 1960',
            '',
            'English HTML',
            '',
            ...english.flatMap((l) => [l, '']),
            'Korean HTML',
            '',
            ...witness,
          ].join('\n');
          const result = importFile({ name: 'page.txt', bytes: encode(page) });
          if (!result.ok) throw new Error(result.error);
          const section = [...witness];
          while (section.length && section[0].trim() === '') section.shift();
          while (section.length && section[section.length - 1].trim() === '') section.pop();
          expect(result.document.source.witness).toEqual(section);
          expect(witnessLinesOf(result.document)).toEqual(section.filter((l) => l.trim() !== ''));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('imports a 1 MB archive text page with its Korean version well under 100 ms', () => {
    const bytes = encode(bigTextPage(1024 * 1024));
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const result = importFile({ name: 'big.txt', bytes });
    if (!result.ok) throw new Error(result.error);
    expect(rowsOf(result.document).length).toBeGreaterThan(2000);
    expect(bestTime(() => importFile({ name: 'big.txt', bytes }), 100)).toBeLessThan(100);
  });

  it('imports a 1 MB markdown page and a 1 MB plain text well under 100 ms', () => {
    const seed = fixtures.seed1963.text;
    let markdown = seed;
    while (markdown.length < 1024 * 1024) markdown += `\n\n${seed.slice(seed.indexOf('Translation - English') + 22)}`;
    const plain = markdown.replace(/^#+ .*$/gm, '');
    expect(bestTime(() => importFile({ name: 'big.md', bytes: encode(markdown) }), 100)).toBeLessThan(100);
    expect(bestTime(() => importFile({ name: 'big-notes.txt', bytes: encode(plain) }), 100)).toBeLessThan(100);
  });

  it('imports a 1 MB HTML page in a few hundred ms, most of it parse5 parsing', () => {
    const page = fixtures.html1960.text;
    const start = page.indexOf('<div id="english-html"');
    const end = page.indexOf('</article>');
    let html = page.slice(0, start);
    while (html.length < 1024 * 1024) html += page.slice(start, end);
    html += page.slice(end);
    const bytes = encode(html);
    expect(bestTime(() => importFile({ name: 'big.html', bytes }), 600, 4)).toBeLessThan(600);
  });
});
