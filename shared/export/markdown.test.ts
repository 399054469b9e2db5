import { describe, expect, it } from 'vitest';
import { Parser, type Node as MdNode } from 'commonmark';
import fc from 'fast-check';
import { annotatedSamples } from '../../electron/export/testing/tools';
import { body, insertion, segment, text } from '../model/build';
import type { DocumentFile, PMJson } from '../model/document';
import { exportEdition } from './export';
import type { ExportOptionsInput } from './options';
import { GLOSSARY, documentFile, kitchenSink } from './testing/fixtures';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function md(documents: DocumentFile[], options: ExportOptionsInput = {}): Promise<string> {
  return decode((await exportEdition('md', { documents, glossary: GLOSSARY, title: 'Edition' }, options)).bytes);
}

/** Blocks of a CommonMark document with their text (soft and hard breaks as line breaks). */
function blocks(source: string) {
  const root = new Parser().parse(source);
  const out: { type: string; text: string; node: MdNode }[] = [];
  const textOf = (node: MdNode): string => {
    let s = '';
    for (let child = node.firstChild; child; child = child.next) {
      if (child.type === 'text' || child.type === 'code') s += child.literal ?? '';
      else if (child.type === 'softbreak' || child.type === 'linebreak') s += '\n';
      else s += textOf(child);
    }
    return s;
  };
  const walker = root.walker();
  let links = 0;
  const urls: string[] = [];
  for (let ev = walker.next(); ev; ev = walker.next()) {
    if (!ev.entering) continue;
    const { node } = ev;
    // Autolinks of the metadata's source URL are the only links an export may contain.
    if (node.type === 'link' && /^https?:/.test(node.destination ?? '') && textOf(node) === node.destination)
      urls.push(node.destination!);
    else if (node.type === 'link' || node.type === 'image' || node.type === 'html_inline' || node.type === 'html_block')
      links++;
    if (['paragraph', 'heading', 'code_block'].includes(node.type)) {
      out.push({ type: node.type, text: node.type === 'code_block' ? (node.literal ?? '') : textOf(node), node });
    }
  }
  return { blocks: out, links, urls };
}

/** Footnote references and definitions as a reader of the source sees them. */
function footnotes(source: string) {
  const defs = [...source.matchAll(/^\[\^([^\]]+)\]: /gm)].map((m) => m[1]);
  const refs = [...source.matchAll(/(?<!\\)\[\^([^\]]+)\](?!:)/g)].map((m) => m[1]);
  return { defs, refs };
}

describe('Markdown export', () => {
  it('parses as CommonMark with footnote references and definitions that pair up', async () => {
    const source = await md([kitchenSink()]);
    const { defs, refs } = footnotes(source);
    expect(defs).toEqual(['1', '2']);
    expect(refs).toEqual(['1', '2']);
    const parsed = blocks(source);
    // Each definition is its own paragraph (not swallowed as a link reference definition).
    expect(
      parsed.blocks.filter((b) => b.type === 'paragraph' && /^\[\^\d\]: /.test(b.text)).map((b) => b.text),
    ).toEqual(['[^1]: See the [SED] files & <notes>.', '[^2]: 한국어 각주입니다.']);
    expect(parsed.links).toBe(0);
  });

  it('writes insertions in brackets and escapes literal Markdown in the text', async () => {
    const source = await md([kitchenSink()]);
    expect(source).toContain('in [Pyongyang] about');
    expect(source).toContain('Literal \\[brackets\\] and \\*stars\\* \\_under\\_ \\`ticks\\` \\\\ back');
    const para = blocks(source).blocks.find((b) => b.text.startsWith('Comrade'))!;
    expect(para.text).toContain(
      'Kim Il Sung^a met Smith & <Sons> in [Pyongyang] about Juche[^1]. Literal [brackets] and *stars* _under_ `ticks` \\ back, 1960. □□□ then maybe(?)\ntwo  spaces  [variant reading]',
    );
  });

  it('lays several languages out segment by segment, the others as quotes and the witness fenced', async () => {
    const source = await md([kitchenSink()], { witness: true });
    expect(source).toContain('**A \\<Report\\> & "Notes"**\n\n> *†partial*: 보고서\n\n``` text\n|| Y\n```');
    const code = blocks(source)
      .blocks.filter((b) => b.type === 'code_block')
      .map((b) => b.text);
    expect(code).toContain('xx 8 lP\\ t X \\ || YX\n  double  spaced  \n\nctrl\u241b and cr\u240d and ]]> & <\n');
  });

  it('numbers footnotes per document in an edition with distinct labels', async () => {
    const source = await md([kitchenSink('a'), kitchenSink('b')]);
    const { defs, refs } = footnotes(source);
    expect(defs).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(refs).toEqual(defs);
    expect(source.startsWith('# Edition\n\n1. A \\<Test\\>')).toBe(true);
  });

  it('keeps any text literal: CommonMark reads back exactly what the plain text says (property test)', async () => {
    const token = fc.constantFrom(
      'a',
      'Wort',
      ' ',
      '  ',
      '#',
      '# ',
      '>',
      '- ',
      '+ ',
      '=',
      '===',
      '---',
      '*',
      '**',
      '_',
      '`',
      '```',
      '~~~',
      '[',
      ']',
      '(',
      ')',
      '!',
      '<',
      '<a href="x">',
      '&',
      '&amp;',
      '&#65;',
      '|',
      '~',
      '\\',
      '1.',
      '2)',
      ':',
      '김일성',
      '□',
      'http://x.org',
    );
    const str = fc.array(token, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    const node: fc.Arbitrary<PMJson[]> = fc.oneof(
      str.map((t) => text(t)),
      str.map((t) => insertion(t)),
      fc.constant<PMJson[]>([{ type: 'hard_break' }]),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(node, { minLength: 1, maxLength: 6 }), async (parts) => {
        const doc = documentFile('p', { title: 'T' }, body([segment({ id: 's1', english: parts.flat() })]));
        const options = { columns: { english: true, korean: false } };
        const plain = decode((await exportEdition('txt', { documents: [doc], glossary: [] }, options)).bytes)
          .split('\n')
          .slice(3);
        const parsed = blocks(await md([doc], options));
        const norm = (lines: string[]) =>
          lines
            .map((line) => line.trim())
            .filter((line) => line && !/^[-=]+$/.test(line)) // plain text underlines its headings
            .join('\n');
        expect(parsed.links).toBe(0);
        expect(norm(parsed.blocks.slice(1).flatMap((b) => b.text.split('\n')))).toBe(norm(plain));
      }),
      { numRuns: 200 },
    );
  });

  it('exports both samples as CommonMark whose footnotes pair up', async () => {
    for (const sample of annotatedSamples()) {
      const source = await md([sample]);
      const { defs, refs } = footnotes(source);
      expect(defs).toEqual(['1', '2']);
      expect(refs).toEqual(['1', '2']);
      const parsed = blocks(source);
      expect(parsed.links).toBe(0);
      expect(parsed.urls).toEqual(sample.meta.sourceUrl ? [sample.meta.sourceUrl] : []);
      const all = parsed.blocks.map((b) => b.text).join('\n');
      expect((all.match(/\[[^\]^][^\]]*\]/g) ?? []).length).toBeGreaterThanOrEqual(19);
      expect(all).toContain('Kim Il Sung^a');
      expect(all).toContain('Kim Il Sung — the source reads: Kim II Sung');
      expect(all).not.toContain('[source:');
    }
  });

  // Quadratic trimming (`/[ \t]+$/`, `/\\+$/`) took 11 s at 40,000 characters; at 200,000 it
  // would take minutes, so these finish within the test timeout only when trimming is linear.
  it('exports long runs of spaces and backslashes inside a line in linear time, keeping them', async () => {
    const N = 200_000;
    const doc = documentFile(
      'runs',
      { title: 'Runs' },
      body([
        segment({ english: [...text(`a${' '.repeat(N)}b  `), { type: 'hard_break' }] }),
        segment({ english: text(`c${'\\'.repeat(N)}d${'\t'.repeat(N)}`) }),
      ]),
    );
    const source = await md([doc]);
    // The run inside the line stays; trailing blanks and a closing hard break go.
    expect(source).toContain(`\n\na${' '.repeat(N)}b\n\n`);
    expect(source).toContain(`\n\nc${'\\\\'.repeat(N)}d\n`);
    const parsed = blocks(source).blocks.map((b) => b.text);
    expect(parsed).toContain(`c${'\\'.repeat(N)}d`);
  });
});
