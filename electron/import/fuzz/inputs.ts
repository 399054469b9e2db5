/**
 * Fuzz inputs for each target, drawn with fast-check from a seed so a run can be
 * repeated: arbitrary bytes and Unicode, token soups of the formats the importers
 * read (archive text and markdown pages, HTML, TEI), and long runs of one token
 * (20,000 to 200,000 characters) that make quadratic code hang.
 */
import fc from 'fast-check';
import { newProjectFile } from '../../../shared/model/project';
import { emptyMeta } from '../../../shared/model/document';
import { body, segment, text as inline } from '../../../shared/model/build';
import { REQUEST_NAMES } from '../../../shared/ipc/names';
import { requestSchemas } from '../../../shared/ipc/contract';
import { CHUNKED_BASE, DEEP, chunkedFixture, type FuzzInput } from './targets';

// Never empty: the IPC contract and the CLI give every file a name.
const NAMES = ['page.txt', 'page.md', 'page.html', 'page.xml', 'a.tei.xml', 'x', '1960-08-30-note.txt'];

const ARCHIVE_LINES = [
  'English HTML', 'Korean HTML', 'Translation - English', 'Transcript - Korean', 'Citation:', '• Citation', 'get citation',
  'Summary:', 'Credits:', 'Original Language:', 'German', 'Contents:', 'Archival Signature: SAPMO-BA, DY 30',
  'This document was made possible with support from X', 'August 30, 1960', 'Berlin, 20 June 1963',
  '"A Title," June 20, 1963, Wilson Center Digital Archive. Translated by Bernd Schaefer. https://example.org/d/1',
  '3x Deputy Minister', 'CC:', '(1 copy)', '[GDR Embassy]', '□□ □', 'xx 8 lP\\ t X \\', '|| Y', '', '   ', '#', '## Credits:',
  '### **Contents:**', '---', '* * *', '> quote', '```', '1. item', '- item',
];

const MD_TOKENS = ['#', '## ', '**', '*', '_', '__', '`', '```', '[', ']', '(', ')', '![', '](', '<', '>', '<!--', '-->', '<br>',
  '<script>', '</script>', '\\', '  \n', '\n', '\n\n', ' ', 'word', 'http://x.y/z', '<http://a>', '[^1]', '|'];

const HTML_TOKENS = ['<p>', '</p>', '<div>', '</div>', '<div id="a">', '<span>', '</span>', '<b>', '<i>', '<a href="#fn1">', '<a href="#a">',
  '</a>', '<sup>', '</sup>', '<br>', '<h1>', '</h1>', '<h2>', '<ul>', '<li>', '<ol>', '<table>', '<tr>', '<td>', '<pre>', '</pre>',
  '<script>', '</script>', '<style>', '</style>', '<!--', '-->', '<title>', '</title>', '<template>', '<svg>', '<math>', '<textarea>',
  '<li id="fn1">', '<p id="fn1">', '<a name="_ftn1">', '<a href="#_ftn1">', '[1]', '1', '↩', 'English HTML', 'Korean HTML',
  'Translation - English', '<div lang="ko">', '<section id="translation-english">', '<a href="#translation-english">', 'Contents',
  'Credits', 'This document was made possible with support from X', '&amp;', '&#xFFFE;', '&lt;', '\uFFFC', ' ', '\n', 'text', '"', "'", '=',
  '<p title="<script>">', '<plaintext>', '<noscript>', '<iframe>', '<img src="data:x">', '<a onclick="x()">'];

const TEI_TOKENS = ['<TEI xmlns="http://www.tei-c.org/ns/1.0">', '</TEI>', '<teiHeader>', '</teiHeader>', '<fileDesc>', '<titleStmt>',
  '<title>', '</title>', '<text>', '</text>', '<body>', '</body>', '<div>', '</div>', '<p>', '</p>', '<note>', '</note>',
  '<note target="#p1">', '<supplied>', '</supplied>', '<choice>', '<sic>', '</sic>', '<corr>', '</corr>', '</choice>', '<gap/>',
  '<lb/>', '<pb/>', '<head>', '</head>', '<opener>', '<dateline>', '<date when="1960-08-30">', '</date>', '<idno>', '</idno>',
  '<teiCorpus>', '</teiCorpus>', '<seg xml:lang="ko">', '</seg>', '<!-- c -->', '<![CDATA[x]]>', '&amp;', '&lt;', '&#0;', '&#xD800;',
  '<?pi x?>', '<!DOCTYPE TEI [<!ENTITY a "aaaa">]>', '&a;', 'text', ' ', '\n', 'xml:id="p1"', '<p xml:id="p1">'];

function soup(tokens: string[], maxLength = 400): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength }).map((parts) => parts.join(''));
}

/** A long run of one token inside some text: 20,000 to 200,000 characters (quadratic code takes minutes on them, linear code about a second). */
function run(tokens: string[]): fc.Arbitrary<string> {
  return fc
    .record({
      before: fc.constantFrom('', 'a', '# T', '<p>', 'Citation:\n', '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>'),
      token: fc.constantFrom(...tokens, ' ', '\t', '\n', '\\', '.', '-', '#', '*', '_', '[', '(', '<', '<!--', '<a', '<div id=x> ', '□'),
      count: fc.integer({ min: 20_000, max: 200_000 }),
      after: fc.constantFrom('', 'x', '\n', ']', ')', '-->', '</p>'),
    })
    .map(({ before, token, count, after }) => before + token.repeat(Math.max(1, Math.floor(count / token.length))) + after);
}

const name = fc.constantFrom(...NAMES);
const text = (arb: fc.Arbitrary<string>) => fc.record({ kind: fc.constant('text' as const), text: arb, name });

/** Text in the shape of each importer's format, with plain Unicode and long runs mixed in. */
const textFor = {
  plainText: fc.oneof(fc.string({ unit: 'binary', maxLength: 2000 }), soup(ARCHIVE_LINES.map((l) => `${l}\n`)), run(['word ', '\n\n'])),
  archiveText: fc.oneof(fc.array(fc.constantFrom(...ARCHIVE_LINES), { maxLength: 80 }).map((l) => l.join('\n')), soup(ARCHIVE_LINES.map((l) => `${l}\n`)), run(['English HTML\n', 'Korean HTML\n', 'x\n\n'])),
  archiveMarkdown: fc.oneof(soup(MD_TOKENS), soup([...MD_TOKENS, ...ARCHIVE_LINES.map((l) => `${l}\n`)]), run(MD_TOKENS)),
  archiveHtml: fc.oneof(soup(HTML_TOKENS), run(HTML_TOKENS)),
  tei: fc.oneof(soup(TEI_TOKENS).map((s) => `<TEI xmlns="http://www.tei-c.org/ns/1.0">${s}</TEI>`), soup(TEI_TOKENS), run(TEI_TOKENS)),
};

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => new TextEncoder().encode(s)),
  fc.oneof(...Object.values(textFor)).map((s) => new TextEncoder().encode(s)),
  // Legacy encodings and BOMs the decoder reads or refuses.
  fc.tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xc3, 0xa9], [0xb0, 0xa1], []), fc.uint8Array({ maxLength: 500 })).map(
    ([head, rest]) => new Uint8Array([...head, ...rest]),
  ),
);

/** Property names of every request schema, to build payloads that get past the first check. */
function keysOf(schema: unknown, into: Set<string>, depth = 0): void {
  if (depth > 4 || !schema || typeof schema !== 'object') return;
  const s = schema as { shape?: Record<string, unknown>; def?: { innerType?: unknown; element?: unknown } };
  if (s.shape) for (const [k, v] of Object.entries(s.shape)) {
    into.add(k);
    keysOf(v, into, depth + 1);
  }
  if (s.def?.innerType) keysOf(s.def.innerType, into, depth + 1);
  if (s.def?.element) keysOf(s.def.element, into, depth + 1);
}
const KEYS = (() => {
  const keys = new Set<string>();
  for (const schema of Object.values(requestSchemas)) keysOf(schema, keys);
  return [...keys];
})();

const leaf = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', 'tei', 'md', 'pdf', 'person', 'x'.repeat(5000), 'doc-1', '../etc', '\u0000'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.uint8Array({ maxLength: 20 }),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...KEYS, 'type', 'content', 'text', 'attrs', '__proto__', 'constructor'), tie('value'), { maxKeys: 6 })),
}));
/** A deeply nested document body (ProseMirror JSON), built in the worker: the recursive schemas must not blow the stack. */
const deep = fc.integer({ min: 1000, max: 20_000 });

const ipc = fc.record({
  kind: fc.constant('ipc' as const),
  request: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...REQUEST_NAMES) }, { weight: 1, arbitrary: fc.constantFrom('nope', '__proto__', 'constructor', '') }),
  payload: fc.oneof(
    { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 }) },
    { weight: 2, arbitrary: value },
    { weight: 1, arbitrary: fc.record({ id: fc.constant('doc-1'), meta: value, body: deep.map((depth) => ({ [DEEP]: depth })) }) },
    { weight: 1, arbitrary: fc.anything() },
  ),
});

/** Valid files of a project, the starting points of the readers' inputs (checked valid in fuzz.test.ts). */
export const VALID_PROJECT = {
  ...newProjectFile('Fuzz', '2026-12-05T00:00:00.000Z'),
  documents: [{ id: 'fuzz-doc', title: 'A report', date: '1963-06-20' }],
};
export const VALID_DOCUMENT = {
  schemaVersion: 1,
  id: 'fuzz-doc',
  meta: { ...emptyMeta('A report'), date: '1963-06-20', summary: 'About Kim II Sung' },
  source: { file: 'a.txt', format: 'text', importedAt: '', witness: ['abc'], notes: [] },
  body: body([
    segment({
      id: 's1',
      english: [...inline('They '), ...inline('the Koreans', [{ type: 'insertion', attrs: { resp: 'archive', when: '' } }]), ...inline(' agreed.')],
      witness: ['lP\\'],
      korean: inline('조선'),
    }),
    segment({ id: 's2', english: inline('Kim Il Sung', [{ type: 'correction', attrs: { original: 'Kim II Sung', resp: '', when: '' } }]) }),
  ]),
  updatedAt: '2026-12-05T00:00:00.000Z',
};

/** Sets the value at a path of indexes into `root` (each index taken modulo the keys there); the root itself for an empty path. */
function setAt(root: unknown, path: number[], replacement: unknown): unknown {
  if (!path.length || !root || typeof root !== 'object' || ArrayBuffer.isView(root)) return replacement;
  const keys = Object.keys(root);
  if (!keys.length) return replacement;
  const key = keys[path[0] % keys.length];
  // defineProperty, not assignment: a key `__proto__` must stay a plain property.
  const next = setAt((root as Record<string, unknown>)[key], path.slice(1), replacement);
  Object.defineProperty(root, key, { value: next, writable: true, enumerable: true, configurable: true });
  return root;
}

/** JSON text near a valid file: a value replaced anywhere, a key dropped, the text cut short, garbage, or very deep. */
function nearValid(base: object): fc.Arbitrary<string> {
  const json = JSON.stringify(base);
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.array(fc.nat(), { maxLength: 8 }), value).map(([path, v]) => JSON.stringify(setAt(structuredClone(base), path, v)) ?? 'undefined') },
    { weight: 2, arbitrary: fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), value), { minLength: 2, maxLength: 5 }).map((edits) => {
      let doc: unknown = structuredClone(base);
      for (const [path, v] of edits) doc = setAt(doc, path, v);
      return JSON.stringify(doc) ?? 'undefined';
    }) },
    { weight: 1, arbitrary: fc.nat({ max: json.length }).map((n) => json.slice(0, n)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    { weight: 1, arbitrary: deep.map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
  );
}

/** A long document's head and chunks (electron/store/chunks.ts), made from the valid document. */
export const VALID_CHUNKED = chunkedFixture(CHUNKED_BASE);

/** The arbitrary of each target's inputs. */
export const FUZZ_INPUTS: Record<string, fc.Arbitrary<FuzzInput>> = {
  importFile: fc.record({ kind: fc.constant('bytes' as const), bytes, name }),
  decodeDetect: fc.record({ kind: fc.constant('bytes' as const), bytes, name }),
  plainText: text(textFor.plainText),
  archiveText: text(textFor.archiveText),
  archiveMarkdown: text(textFor.archiveMarkdown),
  archiveHtml: text(textFor.archiveHtml),
  tei: text(textFor.tei),
  projectFile: fc.record({ kind: fc.constant('text' as const), text: nearValid(VALID_PROJECT), name: fc.constant('project.json') }),
  documentFile: fc.record({ kind: fc.constant('text' as const), text: nearValid(VALID_DOCUMENT), name: fc.constant('documents/fuzz-doc.json') }),
  chunkedDocument: fc.oneof(
    fc.record({ kind: fc.constant('text' as const), text: nearValid(VALID_CHUNKED.head), name: fc.constant('head') }),
    fc.record({ kind: fc.constant('text' as const), text: nearValid(JSON.parse([...VALID_CHUNKED.chunks.values()][0]!) as object), name: fc.constant('chunk') }),
  ),
  ipc,
};
