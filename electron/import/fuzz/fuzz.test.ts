import { describe, expect, it } from 'vitest';
import { runFuzz } from './run';
import { FUZZ_INPUTS, VALID_CHUNKED, VALID_DOCUMENT, VALID_PROJECT } from './inputs';
import { CHUNKED_BASE } from './targets';
import { memoryFiles } from '../../store/project-files';
import { readDocumentParts } from '../../store/document-file';
import { validateDocumentFile } from '../../../shared/model/document';
import { validateProjectFile } from '../../../shared/model/project';

// The short setting: a few dozen inputs per fuzzer, each in a worker thread with a
// time limit (a hang fails). `npm run fuzz` runs the long one (bench/fuzz.ts).
const INPUTS = Number(process.env.INTERLINEA_FUZZ_INPUTS ?? 25);
const SEED = Number(process.env.INTERLINEA_FUZZ_SEED ?? Date.now() % 100_000);

describe('fuzzing the importers and the IPC payload validation', () => {
  it('covers every importer, the project and document readers and the IPC dispatch', () => {
    expect(Object.keys(FUZZ_INPUTS).sort()).toEqual(
      ['archiveHtml', 'archiveMarkdown', 'archiveText', 'chunkedDocument', 'decodeDetect', 'documentFile', 'importFile', 'ipc', 'plainText', 'projectFile', 'tei'].sort(),
    );
  });

  it('starts the readers’ inputs from files that are valid (so a mutation is what breaks them)', async () => {
    expect(validateProjectFile(VALID_PROJECT).ok).toBe(true);
    expect(validateDocumentFile(VALID_DOCUMENT).ok).toBe(true);
    // The long document's head and chunks read back as the document they were made from.
    expect(validateDocumentFile(CHUNKED_BASE).ok).toBe(true);
    const files = memoryFiles();
    for (const [name, text] of VALID_CHUNKED.chunks) await files.file(name).write(text);
    const head = JSON.stringify(VALID_CHUNKED.head);
    const { data } = await readDocumentParts(files, 'fuzz-doc', 'documents/fuzz-doc.json', head);
    expect(data).toEqual(JSON.parse(JSON.stringify(CHUNKED_BASE)));
  });

  it(`runs ${INPUTS} inputs per fuzzer (seed ${SEED}) with no error, crash or hang`, async () => {
    const report = await runFuzz({ inputsPerTarget: INPUTS, seed: SEED, timeoutMs: 20_000 });
    expect(report.inputs).toBe(INPUTS * Object.keys(FUZZ_INPUTS).length);
    expect(report.failures).toEqual([]);
  }, 600_000);
});
