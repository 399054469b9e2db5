/**
 * A document whose annotations carry recorded provenance (the archive's, two
 * editors', one not recorded, with dates) and whose rows carry review states: the
 * TEI exporter's and importer's tests of @resp, @change and review round trips.
 */
import { body, segment, text } from '../../model/build';
import type { DocumentFile } from '../../model/document';
import { documentFile } from './fixtures';

/** Annotations with recorded provenance (the archive's, editors', unrecorded) and reviewed rows. */
export function provenanceDocument(): DocumentFile {
  const mark = (type: string, attrs: Record<string, string>) => [{ type, attrs }];
  const doc = documentFile(
    'provenance',
    { title: 'Provenance', translator: 'A. Translator' },
    body([
      segment({
        id: 'r1',
        english: [
          ...text("the archive's", mark('insertion', { kind: 'clarification', resp: 'archive' })),
          ...text(' and ', []),
          ...text("an editor's", mark('insertion', { kind: 'variant', resp: 'ed1', when: '2024-05-02' })),
          ...text(' and ', []),
          ...text('unrecorded', mark('insertion', { kind: 'expansion' })),
          ...text(' ', []),
          ...text('fixed', mark('correction', { original: 'fxied', resp: 'ed.x', when: '2024-05-03' })),
          { type: 'footnote', attrs: { id: 'n1', resp: 'ed1', when: '2024-05-02' }, content: text('A note.') },
        ],
        korean: text('한국어'),
      }),
      segment({ id: 'r2', english: text('Second.'), witness: ['x'] }),
    ]),
  );
  const [first, second] = doc.body.content ?? [];
  first.attrs = { ...first.attrs, review: 'approved' };
  second.attrs = { ...second.attrs, review: 'reviewed' };
  return doc;
}
