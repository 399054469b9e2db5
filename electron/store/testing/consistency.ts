/**
 * What every project on disk must be after anything (a kill, a full disk): it
 * opens for writing, every document in the index has its file and every
 * document file is in the index, no id is listed twice, every file validates,
 * and no temp file or import left aside remains. Returns the problems found.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ProjectStore } from '../project-store';

export interface ProjectCheck {
  problems: string[];
  /** Titles of the readable documents, one per document. */
  titles: string[];
  store: ProjectStore | null;
}

/** Opens the project in `dir` for writing (which recovers it) and checks it; the store is left open. */
export async function checkProject(dir: string): Promise<ProjectCheck> {
  const problems: string[] = [];
  let store: ProjectStore;
  try {
    store = await ProjectStore.open(dir, { write: true, holder: 'consistency check' });
  } catch (err) {
    return { problems: [`does not open: ${(err as Error).message}`], titles: [], store: null };
  }
  const indexed = store.project.documents.map((d) => d.id);
  if (new Set(indexed).size !== indexed.length) problems.push(`an id is listed twice in the index: ${indexed.join(', ')}`);
  const names = await readdir(join(dir, 'documents')).catch(() => [] as string[]);
  const onDisk = names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => n.slice(0, -5));
  // .interlinea/ holds derived data (the summary index): there only temp files are left behind.
  const cache = (await readdir(join(dir, '.interlinea')).catch(() => [] as string[])).filter((n) => n.startsWith('.'));
  const leftovers = [
    ...names.filter((n) => n.startsWith('.')),
    ...(await readdir(dir)).filter((n) => n.startsWith('.') && n !== '.interlinea'),
    ...cache.map((n) => `.interlinea/${n}`),
  ];
  if (leftovers.length) problems.push(`left behind: ${leftovers.join(', ')}`);
  for (const id of indexed) if (!onDisk.includes(id)) problems.push(`${id} is in the index but has no file`);
  for (const id of onDisk) if (!indexed.includes(id)) problems.push(`documents/${id}.json is not in the index`);
  const { documents, problems: damaged } = await store.listDocuments();
  for (const p of damaged) problems.push(p.message);
  // A long document's head names chunks (chunks.ts): each must be there and whole, so it is read fully.
  for (const name of names.filter((n) => n.endsWith('.chunks') && !n.startsWith('.'))) {
    const id = name.slice(0, -'.chunks'.length);
    if (!onDisk.includes(id)) continue;
    await store.readDocument(id).catch((err: Error) => problems.push(err.message));
  }
  return { problems, titles: documents.map((d) => d.title), store };
}

/** For titles "Batch <n> part <i>" (<n> any word): the batches whose parts are not all there the same number of times. */
export function partialBatches(titles: string[]): string[] {
  const counts = new Map<string, Map<string, number>>();
  for (const title of titles) {
    const match = /^Batch (\S+) part (\d+)$/.exec(title);
    if (!match) continue;
    const parts = counts.get(match[1]) ?? new Map<string, number>();
    parts.set(match[2], (parts.get(match[2]) ?? 0) + 1);
    counts.set(match[1], parts);
  }
  const partial: string[] = [];
  for (const [batch, parts] of counts) {
    const values = [...parts.values()];
    if (parts.size !== 4 || values.some((v) => v !== values[0])) partial.push(`batch ${batch}: ${JSON.stringify(Object.fromEntries(parts))}`);
  }
  return partial;
}
