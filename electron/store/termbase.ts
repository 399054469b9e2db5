/**
 * The starter termbase shipped in `resources/termbase/termbase.json`: names and
 * terms of Cold War Korea, the GDR, the USSR and China that a new project's
 * glossary starts from. Read and validated once per process; every project gets
 * its own copies with fresh ids, marked as coming from the termbase so the user can
 * switch them off (`settings.termbase`) or make one their own by editing it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newId } from '../../shared/model/build';
import { validateTermbaseFile, type GlossaryEntry, type TermbaseFile } from '../../shared/model/project';
import { resourcesDir } from '../paths';

/** Where the termbase is. */
export function termbasePath(): string {
  return join(resourcesDir(), 'termbase', 'termbase.json');
}

/** Parses and validates the text of a termbase file; the error names the file and the problem. */
export function parseTermbase(text: string, file = 'termbase.json'): TermbaseFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`The starter termbase ${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  const result = validateTermbaseFile(data);
  if (!result.ok) throw new Error(`The starter termbase ${file} is not valid: ${result.error}`);
  const seen = new Set<string>();
  for (const entry of result.value.entries) {
    if (seen.has(entry.id)) throw new Error(`The starter termbase ${file} has two entries with the id ${entry.id}`);
    seen.add(entry.id);
  }
  return result.value;
}

let loading: Promise<TermbaseFile> | null = null;

/** The termbase file, read and validated on first use. */
export function loadTermbase(): Promise<TermbaseFile> {
  const path = termbasePath();
  loading ??= readFile(path, 'utf8').then(
    (text) => parseTermbase(text, path),
    (err: Error) => {
      loading = null;
      throw new Error(`The starter termbase could not be read: ${err.message}`);
    },
  );
  return loading;
}

/**
 * Glossary entries for a new project: one per termbase entry, each with a fresh id
 * (a project's ids are its own) and `origin: 'termbase'`.
 */
export async function termbaseGlossary(): Promise<GlossaryEntry[]> {
  const { entries } = await loadTermbase();
  return entries.map((entry) => ({
    ...entry,
    id: newId('g'),
    variants: [...entry.variants],
    ko: [...entry.ko],
    origin: 'termbase' as const,
  }));
}
