/**
 * Random documents for property tests (fast-check): every node and mark the
 * schema allows, marks on inline nodes, and text full of the characters that
 * need care somewhere (brackets, `<`, `&`, control characters, CR, emoji, Hangul).
 */
import fc from 'fast-check';
import { body, segment, text } from '../../model/build';
import type { DocumentFile, PMJson } from '../../model/document';
import { documentFile } from './fixtures';

const chars = fc.constantFrom(
  'a',
  'Z',
  ' ',
  '  ',
  '[',
  ']',
  '<',
  '&',
  '"',
  '\u001b',
  '\r',
  '\t',
  '김',
  '일',
  '😀',
  '□',
  '*',
  '_',
  '\\',
);
const str = fc.array(chars, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const markSet = fc.subarray([
  { type: 'insertion', attrs: { kind: 'variant' } },
  { type: 'correction', attrs: { original: 'Orig <&> ' } },
  { type: 'name', attrs: { type: 'place', ref: 'g x' } },
  { type: 'proposed' },
]);
const leaf: fc.Arbitrary<PMJson> = fc.oneof(
  fc.tuple(str, markSet).map(([t, marks]) => text(t, marks)[0]),
  fc.constant({ type: 'hard_break' }),
  fc.integer({ min: 1, max: 4 }).map((quantity) => ({ type: 'gap', attrs: { reason: 'illegible', quantity } })),
  str.map((t) => ({ type: 'unclear', attrs: { reason: '' }, content: text(t) })),
  // uuids keep footnote ids unique within a document, as the editor does.
  fc.tuple(str, fc.uuid()).map(([t, id]) => ({ type: 'footnote', attrs: { id }, content: text(t) })),
);
// Marks sit on inline nodes too (a gap or a footnote inside an insertion).
const marked = fc
  .tuple(leaf, markSet)
  .map(([node, marks]) => (node.type !== 'text' && marks.length ? { ...node, marks } : node));
const inline = fc.array(marked, { maxLength: 6 });
const seg = fc.record({
  role: fc.constantFrom('head', 'p', 'closer', 'distribution' as const),
  english: inline,
  korean: inline,
  witness: fc.array(str, { maxLength: 3 }),
  original: fc.option(inline, { nil: null }),
});

/** A random document of one to five rows, with odd ids, metadata and witness. */
export const arbitraryDocument: fc.Arbitrary<DocumentFile> = fc
  .array(seg, { minLength: 1, maxLength: 5 })
  .map((segs) =>
    documentFile(
      'prop',
      { title: 'T <&>', summary: 'a\nb', originalLanguage: 'German' },
      body(segs.map((s, i) => segment({ ...s, id: `s${i}/${i}` }))),
      ['w <1>', '', ' w2 '],
    ),
  );
