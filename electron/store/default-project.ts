/**
 * The default project: created on first launch with the sample documents.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { samplesDir } from '../paths';
import { readImportFile } from './read-input';
import { ProjectStore } from './project-store';
import { importInto } from '../handlers/documents';
import { fillProject } from './create-project';

/** The sample files shipped in resources/samples. */
export async function sampleFiles(): Promise<string[]> {
  const dir = samplesDir();
  return (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort().map((n) => join(dir, n));
}

/**
 * Opens the project in `dir` for writing, first creating it with the sample
 * documents when it does not exist yet (whole or not at all: create-project.ts).
 * An existing project is backed up as `backup` says (ProjectStore.open; the app: in the background).
 */
export async function openOrCreateDefaultProject(
  dir: string,
  holder: string,
  backup: true | 'background' = true,
): Promise<ProjectStore> {
  const fresh = !existsSync(join(dir, 'project.json'));
  if (fresh) {
    const files: { name: string; bytes: Uint8Array }[] = [];
    for (const path of await sampleFiles()) files.push(await readImportFile(path));
    await fillProject(dir, { holder, name: 'Sample documents' }, (store) => importInto(store, files));
  }
  return ProjectStore.open(dir, { write: true, holder, backup: fresh ? false : backup });
}
