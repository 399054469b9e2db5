import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { body, segment, text } from '../model/build';
import type { DocumentFile } from '../model/document';
import { importTei } from '../import/tei';
import { exportEdition, type EditionFormat } from './export';
import { documentFile } from './testing/fixtures';
import { buildInline, PROPOSED_REASON } from './walk';

/** A drafted row: 소련 proposed by the draft (with alternatives), 푸자노프 accepted, a placeholder after. */
function drafted(): DocumentFile {
  const proposed = { type: 'proposed', attrs: { id: 'w1', alternatives: ['소련측'], source: 'lexicon' } };
  return documentFile(
    'drafted',
    { title: 'Drafted', date: '1960-08-30' },
    body([
      segment({
        id: 's1',
        english: text('Soviet Puzanov'),
        korean: [...text('소련', [proposed]), ...text(' 푸자노프 '), { type: 'gap', attrs: { reason: 'not restored yet', quantity: 1 } }],
        witness: ['( xx'],
      }),
    ]),
  );
}

async function exported(format: EditionFormat): Promise<Uint8Array> {
  return (await exportEdition(format, { documents: [drafted()], glossary: [] }, {})).bytes;
}
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('proposals in exports', () => {
  it('the walker turns proposed text into an unverified reading and leaves accepted text as text', () => {
    const korean = (drafted().body.content?.[0]?.content ?? []).find((c) => c.type === 'korean');
    expect(buildInline(korean?.content)).toEqual([
      { type: 'unclear', reason: PROPOSED_REASON, text: '소련', proposed: true },
      { type: 'text', text: ' 푸자노프 ' },
      { type: 'gap', reason: 'not restored yet', quantity: 1 },
    ]);
  });

  it('plain text writes a proposed word with (?) and accepted text as it is', async () => {
    const out = decode(await exported('txt'));
    expect(out).toContain('소련(?) 푸자노프 □');
    expect(out).not.toMatch(/소련 /);
  });

  it('Markdown writes a proposed word with (?) and accepted text as it is', async () => {
    const out = decode(await exported('md'));
    expect(out).toContain('소련(?) 푸자노프 □');
    expect(out).not.toMatch(/소련 /);
  });

  it('HTML (and the PDF printed from it) shows a proposed word as an unclear reading that says it is not accepted', async () => {
    for (const format of ['html', 'pdf-html'] as const) {
      const out = decode(await exported(format));
      expect(out).toContain('<span class="unclear" title="Unclear reading (proposed, not accepted)">소련<span class="q">(?)</span></span> 푸자노프 ');
      expect(out).not.toMatch(/>소련 /);
    }
  });

  it('DOCX underlines a proposed word as unclear and adds (?); accepted text is a plain run', async () => {
    const zip = unzipSync(await exported('docx'));
    const xml = strFromU8(zip['word/document.xml']);
    const run = xml.match(/<w:r>(?:(?!<\/w:r>).)*소련(?:(?!<\/w:r>).)*<\/w:r>/)?.[0] ?? '';
    expect(run).toContain('w:val="dotted"');
    expect(xml.slice(xml.indexOf(run) + run.length)).toMatch(/^<w:r>(?:(?!<\/w:r>).)*\(\?\)/);
    const accepted = xml.match(/<w:r>(?:(?!<\/w:r>).)*푸자노프(?:(?!<\/w:r>).)*<\/w:r>/)?.[0] ?? '';
    expect(accepted).not.toContain('w:u ');
  });

  it('TEI marks a proposed word as a low-certainty proposal that reads back as one; accepted text is text', async () => {
    const xml = decode(await exported('tei'));
    expect(xml).toContain('<seg type="proposed" cert="low">소련</seg> 푸자노프 <gap reason="not restored yet"');
    const back = importTei(xml, 'drafted.tei.xml');
    if (!back.ok) throw new Error(back.error);
    const korean = JSON.stringify(back.document.body);
    expect(korean).toContain('{"type":"text","marks":[{"type":"proposed","attrs":{"id":"","alternatives":[],"source":""}}],"text":"소련"}');
    expect(korean).toContain('{"type":"text","text":" 푸자노프 "}');
  });
});
