import { describe, expect, it } from 'vitest';
import { body, segment, text } from '../model/build';
import { isUserError } from '../errors';
import { defaultExportOptions } from './options';
import { formatDate, inDateOrder, languageTag, prepareEdition, slug } from './edition';
import { documentFile, kitchenSink } from './testing/fixtures';

const doc = (id: string, date: string) => documentFile(id, { title: id, date }, body([segment({ english: text(id) })]));

describe('preparing an edition', () => {
  it('orders documents by date, undated last, keeping ties in the given order', () => {
    const order = inDateOrder([
      doc('c', ''),
      doc('b', '1963-06-20'),
      doc('a', '1960'),
      doc('d', '1960-08-30'),
      doc('e', '1963-06-20'),
    ]);
    expect(order.map((d) => d.id)).toEqual(['a', 'd', 'b', 'e', 'c']);
  });

  it('numbers footnotes per document, English before Korean within a row, in row order', () => {
    const ed = prepareEdition(
      { documents: [kitchenSink('one'), kitchenSink('two')], glossary: [] },
      defaultExportOptions(),
      {
        dropEmptyColumns: true,
      },
    );
    for (const prepared of ed.documents) {
      expect(prepared.footnotes.map((note) => [note.n, note.id, note.column])).toEqual([
        [1, 'f1', 'english'],
        [2, 'f2', 'korean'],
      ]);
    }
    expect(ed.documents[1].footnotes[0].anchor).toBe('d2-fn1');
    expect(ed.documents[1].footnotes[0].refAnchor).toBe('d2-fnref1');
  });

  it('uses plain anchors for a single document', () => {
    const ed = prepareEdition({ documents: [kitchenSink()], glossary: [] }, defaultExportOptions(), {
      dropEmptyColumns: true,
    });
    expect(ed.single).toBe(true);
    expect(ed.documents[0].footnotes.map((note) => note.anchor)).toEqual(['fn1', 'fn2']);
    expect(ed.fileBase).toBe('kitchen-sink');
  });

  it('skips the footnotes of columns that are not exported', () => {
    const ed = prepareEdition(
      { documents: [kitchenSink()], glossary: [] },
      defaultExportOptions({ columns: { english: true, korean: false } }),
      {
        dropEmptyColumns: true,
      },
    );
    expect(ed.documents[0].footnotes.map((note) => note.id)).toEqual(['f1']);
    expect(ed.documents[0].segments[1].korean).toBeNull();
  });

  it('drops a column that is empty in every row for reading formats but keeps it for TEI', () => {
    const plain = doc('x', '1960');
    const opts = defaultExportOptions();
    expect(
      prepareEdition({ documents: [plain], glossary: [] }, opts, { dropEmptyColumns: true }).documents[0].columns,
    ).toEqual(['english']);
    expect(
      prepareEdition({ documents: [plain], glossary: [] }, opts, { dropEmptyColumns: false }).documents[0].columns,
    ).toEqual(['english', 'korean']);
  });

  it('gives rows with missing or repeated ids a positional stand-in', () => {
    const d = documentFile(
      'x',
      { title: 'x' },
      body([segment({ id: '' }), segment({ id: 'a' }), segment({ id: 'a' })]),
    );
    const ed = prepareEdition({ documents: [d], glossary: [] }, defaultExportOptions(), { dropEmptyColumns: false });
    expect(ed.documents[0].segments.map((s) => s.id)).toEqual(['seg1', 'a', 'seg3']);
  });

  it('refuses, with a message for the user, to export nothing', () => {
    const attempt = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return err;
      }
      return null;
    };
    const none = attempt(() =>
      prepareEdition({ documents: [], glossary: [] }, defaultExportOptions(), { dropEmptyColumns: true }),
    );
    expect(isUserError(none)).toBe(true);
    const noColumns = attempt(() =>
      prepareEdition(
        { documents: [kitchenSink()], glossary: [] },
        defaultExportOptions({ columns: { english: false, korean: false, original: false } }),
        { dropEmptyColumns: true },
      ),
    );
    expect(isUserError(noColumns)).toBe(true);
    expect((noColumns as Error).message).toMatch(/column/);
  });

  it('titles an edition from the options, then the project, then the single document', () => {
    const one = { documents: [kitchenSink()], glossary: [] };
    expect(prepareEdition(one, defaultExportOptions(), { dropEmptyColumns: true }).title).toBe(
      kitchenSink().meta.title,
    );
    expect(
      prepareEdition({ ...one, title: 'Project' }, defaultExportOptions({ editionTitle: 'Chosen' }), {
        dropEmptyColumns: true,
      }).title,
    ).toBe('Chosen');
    const two = { documents: [kitchenSink('a'), kitchenSink('b')], glossary: [], title: 'Project' };
    const ed = prepareEdition(two, defaultExportOptions(), { dropEmptyColumns: true });
    expect([ed.title, ed.fileBase]).toEqual(['Project', 'project']);
  });
});

describe('edition helpers', () => {
  it('writes dates for readers', () => {
    expect(formatDate('1960-08-30')).toBe('30 August 1960');
    expect(formatDate('1963-06')).toBe('June 1963');
    expect(formatDate('1963')).toBe('1963');
    expect(formatDate('')).toBe('');
  });

  it('makes file names from titles', () => {
    expect(slug('Note about a Conversation, 1960!')).toBe('note-about-a-conversation-1960');
    expect(slug('조선')).toBe('edition');
  });

  it('maps language names to BCP 47 tags', () => {
    expect(languageTag('German')).toBe('de');
    expect(languageTag('ru')).toBe('ru');
    expect(languageTag('Klingon')).toBe('und');
  });
});
