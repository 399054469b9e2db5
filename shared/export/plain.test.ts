import { describe, expect, it } from 'vitest';
import { exportEdition } from './export';
import type { ExportOptionsInput } from './options';
import { GLOSSARY, kitchenSink } from './testing/fixtures';
import type { DocumentFile } from '../model/document';

async function txt(documents: DocumentFile[], options: ExportOptionsInput = {}): Promise<string> {
  return new TextDecoder().decode(
    (await exportEdition('txt', { documents, glossary: GLOSSARY, title: 'Edition' }, options)).bytes,
  );
}

describe('plain-text export', () => {
  it('writes insertions in brackets and footnote references as [n], with the notes at the end', async () => {
    const out = await txt([kitchenSink()]);
    expect(out).toContain('met Smith & <Sons> in [Pyongyang] about Juche[1]. Literal [brackets]');
    expect(out).toContain('    †contradicted: 김일성 동지는 [평양]에서 [2]만났다. 제안(?)');
    expect(out.trimEnd().endsWith('Notes\n-----\n[1] See the [SED] files & <notes>.\n[2] 한국어 각주입니다.')).toBe(
      true,
    );
  });

  it('leaves brackets out when asked, and shows corrections as chosen', async () => {
    const out = await txt([kitchenSink()], { brackets: false, corrections: 'silent' });
    expect(out).toContain('Comrade Kim Il Sung met Smith & <Sons> in Pyongyang about');
    expect(out).not.toContain('source:');
    expect(await txt([kitchenSink()], { corrections: 'original' })).toContain('Comrade Kim II Sung met');
    const noted = await txt([kitchenSink()]);
    expect(noted).toContain('Comrade Kim Il Sung^a met');
    expect(noted).toContain('Corrections\n-----------\n^a  Kim Il Sung — the source reads: Kim II Sung\n');
  });

  it('puts the metadata on top and the witness, when asked, indented under its row', async () => {
    const out = await txt([kitchenSink()], { witness: true });
    expect(
      out.startsWith('A <Test> & "Everything" Document\n================================\n\nDate: May 1961\n'),
    ).toBe(true);
    expect(out).toContain('Summary: Line one.\n         Line two & <three>.');
    expect(out).toContain(
      '    | xx 8 lP\\ t X \\ || YX\n    |   double  spaced  \n    | \n    | ctrl\u241b and cr\u240d and ]]> & <',
    );
  });

  it('lists the documents of an edition, each with its own notes', async () => {
    const out = await txt([kitchenSink('a'), kitchenSink('b')]);
    expect(out.startsWith('Edition\n=======\n\nContents\n  1. A <Test>')).toBe(true);
    expect(out.match(/^Notes$/gm)).toHaveLength(2);
  });
});
