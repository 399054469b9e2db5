import { describe, expect, it } from 'vitest';
import { exportEdition } from './export';
import { body, segment, text } from '../model/build';
import { DOCUMENT_SCHEMA_VERSION, emptyMeta, type DocumentFile } from '../model/document';


/** A document whose one witness line the translator split into three pieces over two rows. */
function splitDocument(): DocumentFile {
  const first = segment({ english: text('One. Two.'), witness: ['head', 'xx lP . '] });
  first.content![1].attrs!.continues = [false, true];
  const second = segment({ english: text('Three.'), witness: ['Y XX | .', 'tail'] });
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    id: 'split',
    meta: { ...emptyMeta('Split'), date: '1960-08-30' },
    source: { file: '', format: '', importedAt: '', witness: ['head', 'xx lP . Y XX | .', 'tail'], notes: [] },
    body: body([first, second]),
    updatedAt: '',
  };
}

async function exported(format: Parameters<typeof exportEdition>[0]): Promise<string> {
  const result = await exportEdition(format, { documents: [splitDocument()], glossary: [], title: 'Edition' }, { witness: true });
  return new TextDecoder().decode(result.bytes);
}

describe('exports of a witness split into pieces', () => {
  it('write each imported line whole, byte for byte, in plain text, Markdown, HTML and TEI', async () => {
    expect(await exported('txt')).toContain('    | head\n    | xx lP . Y XX | .');
    expect(await exported('md')).toContain('head\nxx lP . Y XX | .');
    expect(await exported('html')).toContain('head\nxx lP . Y XX | .');
    const tei = await exported('tei');
    expect(tei).toContain('xx lP . Y XX | .');
    expect(tei).not.toContain('xx lP . <');
  });
});
