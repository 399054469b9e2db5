import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { body, segment, text } from '../model/build';
import type { DocumentFile } from '../model/document';
import { garbleLine } from '../korean/garble';
import { exportEdition, type EditionFormat } from './export';
import { MIN_SHARE, prepareEdition } from './edition';
import { defaultExportOptions, type ExportOptionsInput } from './options';
import { correctionLabel } from './legend';
import { documentFile } from './testing/fixtures';

const RESTORED = '평양에서 만났다';
const PARTIAL_FULL = '독일사회주의통일당 중앙위원회';

/** One row in each state the reader must be warned about, and one verified row. */
function rows(): DocumentFile {
  return documentFile(
    'states',
    { title: 'Rows in every state', date: '1960-08-30', translator: 'B. Schaefer', summary: 'Four rows.' },
    body([
      segment({
        id: 'ok',
        english: text('They met in Pyongyang.'),
        korean: text(RESTORED),
        witness: [garbleLine(RESTORED)],
      }),
      segment({ id: 'bad', english: text('Wrong Korean.'), korean: text('김일성'), witness: [garbleLine(RESTORED)] }),
      segment({
        id: 'half',
        english: text('Half restored.'),
        korean: text('독일사회주의통일당'),
        witness: [garbleLine(PARTIAL_FULL)],
      }),
      segment({
        id: 'draft',
        english: text('A proposal.'),
        korean: [...text('평양', [{ type: 'proposed', attrs: { id: 'w1' } }]), ...text('에서 만났다')],
        witness: [garbleLine(RESTORED)],
      }),
    ]),
  );
}

async function out(format: EditionFormat, options: ExportOptionsInput = {}, doc = rows()): Promise<string> {
  const file = await exportEdition(format, { documents: [doc], glossary: [], title: 'project-folder' }, options);
  if (format !== 'docx') return new TextDecoder().decode(file.bytes);
  return strFromU8(unzipSync(file.bytes)['word/document.xml']);
}

describe('Korean not verified against the witness', () => {
  it('is found from the row states: contradicted, partial and proposed, never the verified row', () => {
    const ed = prepareEdition({ documents: [rows()], glossary: [] }, defaultExportOptions(), {
      dropEmptyColumns: true,
    });
    expect(ed.documents[0].segments.map((seg) => [seg.id, seg.state, seg.unverified])).toEqual([
      ['ok', 'consistent', null],
      ['bad', 'contradicted', 'contradicted'],
      ['half', 'partial', 'partial'],
      ['draft', 'proposed', 'proposed'],
    ]);
  });

  it.each<EditionFormat>(['html', 'pdf-html', 'md', 'txt', 'docx'])(
    'is marked in %s, with a legend',
    async (format) => {
      const s = await out(format);
      for (const state of ['contradicted', 'partial', 'proposed']) {
        expect(s, state).toContain(`†${state}`);
        expect(s).toContain(`Korean not verified: `);
      }
      expect(s).toContain('Editorial conventions');
      // In the text (after the legend), exactly one mark per unverified row, in row order; the verified row has none.
      const inText = s.slice(s.indexOf('They met in Pyongyang.'));
      expect(inText.match(/†(contradicted|partial|proposed)\b/g)).toEqual(['†contradicted', '†partial', '†proposed']);
      expect(s).toContain(RESTORED);
    },
  );

  it.each<EditionFormat>(['html', 'md', 'txt', 'docx'])(
    'is left out of %s by the unverified option, its mark kept',
    async (format) => {
      const s = await out(format, { unverified: 'omit' });
      expect(s).toContain(RESTORED); // the verified row
      expect(s).not.toContain('김일성');
      expect(s).not.toContain('독일사회주의통일당');
      expect(s).toContain('†contradicted');
      expect(s).toContain('Korean not verified, left out');
      expect(s).toContain('Its Korean is left out of this edition.');
    },
  );

  it('gets a tooltip and a shaded cell in HTML', async () => {
    const html = await out('html');
    expect(html).toMatch(
      /<td class="col-korean seg role-p unverified uv-contradicted" lang="ko"><span class="uv-mark" lang="en" title="Not verified: some of the restored Korean cannot have produced the witness/,
    );
  });
});

describe('titles and metadata', () => {
  it('title one document by its own title, never the project folder', async () => {
    const html = await out('html');
    expect(html).toContain('<title>Rows in every state</title>');
    expect(html).not.toContain('project-folder');
    expect(html).toContain('<meta name="author" content="B. Schaefer">');
    expect(html).toContain('<meta name="description" content="Four rows.">');
    const file = await exportEdition('docx', { documents: [rows()], glossary: [], title: 'project-folder' }, {});
    const core = strFromU8(unzipSync(file.bytes)['docProps/core.xml']);
    expect(core).toContain('<dc:title>Rows in every state</dc:title>');
    expect(core).toContain('<dc:creator>B. Schaefer</dc:creator>');
    expect(core).not.toContain('project-folder');
  });
});

describe('corrections', () => {
  it('are lettered a … z, aa, ab', () => {
    expect([1, 2, 26, 27, 28, 52, 53].map(correctionLabel)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
  });
});

describe('column widths', () => {
  it('follow the content: a nearly empty restoration does not take a third of the page', () => {
    const long = 'A long English paragraph that goes on and on. '.repeat(40);
    const doc = documentFile(
      'w',
      { title: 'W' },
      body([
        segment({ id: 'a', english: text(long), korean: text('평양'), witness: [garbleLine('평양')] }),
        segment({ id: 'b', english: text(long), witness: [garbleLine(RESTORED)] }),
      ]),
    );
    const ed = prepareEdition({ documents: [doc], glossary: [] }, defaultExportOptions({ witness: true }), {
      dropEmptyColumns: true,
    });
    const [english, korean, witness] = ed.documents[0].widths;
    expect(english + korean + witness).toBeCloseTo(1, 6);
    expect(english).toBeCloseTo(1 - 2 * MIN_SHARE, 6);
    expect(korean).toBeCloseTo(MIN_SHARE, 6);
    expect(witness).toBeCloseTo(MIN_SHARE, 6);
  });
});
