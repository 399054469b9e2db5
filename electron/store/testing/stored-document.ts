/**
 * Test helper: a document as stored in a project folder on disk, read as the store reads it
 * (its head, and for a long document the chunks it names: chunks.ts), and fully validated.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { validateDocumentFile, type DocumentFile } from '../../../shared/model/document';
import { readDocumentParts } from '../document-file';
import { documentFileName, folderFiles } from '../project-files';
import { chunkFolder, chunksNamed } from '../chunks';

/** The document `id` of the project in `dir`; throws naming what is wrong with it. */
export async function readStoredDocument(dir: string, id: string): Promise<DocumentFile> {
  const files = folderFiles(dir);
  const name = documentFileName(id);
  const text = await files.file(name).read();
  if (text === null) throw new Error(`${name} is missing`);
  const { data } = await readDocumentParts(files, id, name, text);
  const valid = validateDocumentFile(data);
  if (!valid.ok) throw new Error(`${name}: ${valid.error}`);
  return valid.value;
}

/** The chunk files of document `id` on disk, and those its head names. */
export async function chunkFilesOf(dir: string, id: string): Promise<{ onDisk: string[]; named: string[] }> {
  const onDisk = (await readdir(join(dir, chunkFolder(id))).catch(() => [] as string[])).sort();
  const text = await folderFiles(dir).file(documentFileName(id)).read();
  return { onDisk, named: (text === null ? [] : (chunksNamed(text) ?? [])).map((n) => `${n}.json`).sort() };
}
