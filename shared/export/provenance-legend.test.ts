/**
 * Exports say who made the annotations: the archive translator's insertion and
 * an editor's insertion, correction and note look different in HTML (classes,
 * initials, tooltips), and HTML, Markdown, plain text and DOCX carry a legend
 * naming them; a document without recorded provenance exports as before.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { exportEdition, type EditionFormat } from './export';
import { prepareEdition } from './edition';
import { defaultExportOptions } from './options';
import { provenanceLine } from './legend';
import { body, segment, text } from '../model/build';
import type { DocumentFile } from '../model/document';
import { documentFile } from './testing/fixtures';

const EDITORS = [
  { id: 'edAnna', name: 'Anna Berg', initials: 'AB' },
  { id: 'edKim', name: 'Kim Min-jun', initials: 'KMJ' },
];

const mark = (type: string, attrs: Record<string, string>) => [{ type, attrs }];

/** An archive insertion, an editor's insertion, correction and note. */
function edited(id = 'edited'): DocumentFile {
  return documentFile(
    id,
    { title: 'Edited', date: '1960-08-30' },
    body([
      segment({
        id: 'r1',
        english: [
          ...text('Comrade ', []),
          ...text('Puzanov', mark('insertion', { kind: 'clarification', resp: 'archive' })),
          ...text(' met ', []),
          ...text('the Premier', mark('insertion', { kind: 'clarification', resp: 'edAnna', when: '2026-12-05' })),
          ...text(' and ', []),
          ...text('Kim Il Sung', mark('correction', { original: 'Kim II Sung', resp: 'edAnna', when: '2026-12-05' })),
          { type: 'footnote', attrs: { id: 'n1', resp: 'edAnna', when: '2026-12-06' }, content: text('A note.') },
          ...text('.', []),
        ],
      }),
    ]),
  );
}

/** The same words with nothing recorded (a document from before provenance). */
function unrecorded(): DocumentFile {
  const doc = edited('plain');
  const strip = (node: { attrs?: Record<string, unknown> | null; marks?: { attrs?: Record<string, unknown> }[]; content?: unknown[] }) => {
    if (node.attrs) node.attrs = { ...node.attrs, resp: '', when: '' };
    for (const m of node.marks ?? []) if (m.attrs) m.attrs = { ...m.attrs, resp: '', when: '' };
    for (const child of (node.content ?? []) as (typeof node)[]) strip(child);
  };
  strip(doc.body as Parameters<typeof strip>[0]);
  return doc;
}

async function exported(format: EditionFormat, documents: DocumentFile[], editors = EDITORS) {
  const project = { name: 'Project', editors };
  return exportEdition(format, { documents, glossary: [], title: 'Project', project }, {});
}
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('provenance in the reading exports', () => {
  it('HTML: archive and editor insertions differ in class, initials and title; the legend names the editor', async () => {
    const html = decode((await exported('html', [edited()])).bytes);
    expect(html).toContain(
      '<span class="ins ins-clarification by-archive" title="Clarification by the archive’s translator">[Puzanov]</span> met',
    );
    expect(html).toContain(
      '<span class="ins ins-clarification by-editor" title="Clarification inserted by AB, 5 Dec 2026">[the Premier]</span>' +
        '<sup class="resp-sigil" title="Inserted by AB, 5 Dec 2026">AB</sup>',
    );
    expect(html).toContain('<span class="corr by-editor" title="Corrected by AB, 5 Dec 2026; the source reads: Kim II Sung">Kim Il Sung</span>');
    expect(html).toMatch(/<sup class="fnref by-editor" title="Note by AB, 6 Dec 2026">/);
    // The apparatus and the notes list say whose they are too (print has no tooltips).
    expect(html).toContain('<span class="app-resp"> (corrected by AB, 5 Dec 2026)</span>');
    expect(html).toMatch(/A note\.<sup class="resp-sigil"[^>]*>AB<\/sup><\/li>/);
    expect(html).toContain('Annotations by: the archive’s translator; AB = Anna Berg.');
    expect(html).toContain('<dt>ᴬᴮ</dt>');
    // An editor who made nothing here is not in the legend.
    expect(html).not.toContain('Kim Min-jun');
    // The print HTML (what the PDF prints) carries the same legend.
    expect(decode((await exported('pdf-html', [edited()])).bytes)).toContain('AB = Anna Berg');
  });

  it('Markdown, plain text and DOCX carry the legend line', async () => {
    const md = decode((await exported('md', [edited()])).bytes);
    expect(md).toMatch(/## Editorial conventions\n\n(- .*\n)*- Annotations by: the archive’s translator; AB = Anna Berg\.\n/);
    const txt = decode((await exported('txt', [edited()])).bytes);
    expect(txt).toContain('Annotations by: the archive’s translator; AB = Anna Berg.');
    const zip = unzipSync((await exported('docx', [edited()])).bytes);
    const document = strFromU8(zip['word/document.xml']);
    expect(document).toContain('Annotations by: the archive’s translator; AB = Anna Berg.');
    // The editor's insertion and correction are Word comments by the editor; the archive's insertion is not commented.
    const comments = strFromU8(zip['word/comments.xml']);
    expect(comments).toMatch(/w:initials="AB" w:author="Anna Berg"[^>]*><w:p><w:r><w:t[^>]*>Inserted by AB, 5 Dec 2026\.</);
    expect(comments).toContain('Corrected by AB, 5 Dec 2026. The source reads: Kim II Sung');
    expect(comments.match(/<w:comment /g)).toHaveLength(2);
  });

  it('names an editor the project no longer lists, and annotations not recorded, in order', () => {
    const line = provenanceLine(['', 'edGone', 'edKim', 'archive', 'edAnna'], EDITORS);
    expect(line?.text).toBe(
      'Annotations by: the archive’s translator; AB = Anna Berg; KMJ = Kim Min-jun; edGone = an editor the project no longer lists; ' +
        'not recorded (made before the project kept provenance).',
    );
    expect(provenanceLine(['', ''], EDITORS)).toBeNull();
  });

  it('leaves out the annotations of columns not exported', () => {
    const doc = edited();
    const options = defaultExportOptions({ columns: { english: false, korean: true } });
    const korean = doc.body.content![0].content!.find((node) => node.type === 'korean')!;
    korean.content = text('한국어');
    const edition = prepareEdition({ documents: [doc], glossary: [], project: { name: 'P', editors: EDITORS } }, options, {
      dropEmptyColumns: true,
    });
    expect(edition.provenance).toEqual([]);
    expect(edition.legend.map((entry) => entry.text).join(' ')).not.toContain('Annotations by');
  });

  it('exports a document without recorded provenance exactly as before: no classes, titles, initials or legend line', async () => {
    const html = decode((await exported('html', [unrecorded()])).bytes);
    expect(html).toContain('<span class="ins ins-clarification" title="Editor&#39;s clarification">[the Premier]</span> and');
    expect(html).toContain('<span class="corr" title="Corrected; the source reads: Kim II Sung">');
    expect(html).toContain('<sup class="fnref"><a');
    expect(html).not.toMatch(/by-editor|by-archive|resp-sigil|app-resp|Annotations by|ᴬᴮ/);
    const md = decode((await exported('md', [unrecorded()])).bytes);
    expect(md).not.toContain('Annotations by');
    const comments = strFromU8(unzipSync((await exported('docx', [unrecorded()])).bytes)['word/comments.xml']);
    expect(comments).toContain('>Corrected. The source reads: Kim II Sung<');
    expect(comments.match(/<w:comment /g)).toHaveLength(1);
  });
});
