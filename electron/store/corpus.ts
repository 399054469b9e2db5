/**
 * What a project knows that helps restore Korean: its glossary and the Korean
 * already restored in any of its documents.
 */
import { glossaryInUse, type GlossaryEntry } from '../../shared/model/project';
import { ProjectStore } from './project-store';

/** Loads the glossary in use (without the starter termbase when it is switched off) and restored Korean of the project in `dir`, read-only. */
export async function loadProjectCorpus(dir: string): Promise<{ glossary: GlossaryEntry[]; koreanTexts: string[] }> {
  const store = await ProjectStore.open(dir);
  try {
    return { glossary: glossaryInUse(store.glossary, store.project.settings.termbase), koreanTexts: await store.restoredKorean() };
  } finally {
    await store.close();
  }
}
