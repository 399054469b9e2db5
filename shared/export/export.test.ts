import { describe, expect, it } from 'vitest';
import { isUserError } from '../errors';
import { exportEdition, type EditionFormat } from './export';
import { GLOSSARY, kitchenSink } from './testing/fixtures';

const FORMATS: [EditionFormat, string, string][] = [
  ['tei', 'kitchen-sink.tei.xml', 'application/tei+xml'],
  ['html', 'kitchen-sink.html', 'text/html; charset=utf-8'],
  ['pdf-html', 'kitchen-sink.html', 'text/html; charset=utf-8'],
  ['md', 'kitchen-sink.md', 'text/markdown; charset=utf-8'],
  ['txt', 'kitchen-sink.txt', 'text/plain; charset=utf-8'],
  ['docx', 'kitchen-sink.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
];

describe('exportEdition', () => {
  it.each(FORMATS)('exports %s with a file name and MIME type', async (format, fileName, mime) => {
    const file = await exportEdition(format, { documents: [kitchenSink()], glossary: GLOSSARY }, {});
    expect(file).toMatchObject({ fileName, mime });
    expect(file.bytes.length).toBeGreaterThan(500);
  });

  it('names a whole-project edition after its title', async () => {
    const file = await exportEdition(
      'md',
      { documents: [kitchenSink('a'), kitchenSink('b')], glossary: [], title: 'Puzanov Papers' },
      {},
    );
    expect(file.fileName).toBe('puzanov-papers.md');
    const titled = await exportEdition(
      'md',
      { documents: [kitchenSink()], glossary: [] },
      { editionTitle: 'My Edition' },
    );
    expect(titled.fileName).toBe('my-edition.md');
  });

  it('gives the print HTML the chosen page size', async () => {
    const file = await exportEdition('pdf-html', { documents: [kitchenSink()], glossary: [] }, { pageSize: 'Letter' });
    expect(new TextDecoder().decode(file.bytes)).toMatch(/@page \{\s*size: Letter;/);
  });

  it('rejects an empty edition with an error for the user', async () => {
    const err = await exportEdition('html', { documents: [], glossary: [] }, {}).catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
  });

  it('does not change the documents it exports', async () => {
    const doc = kitchenSink();
    const before = JSON.stringify(doc);
    for (const [format] of FORMATS)
      await exportEdition(format, { documents: [doc], glossary: GLOSSARY }, { witness: true });
    expect(JSON.stringify(doc)).toBe(before);
  });
});
