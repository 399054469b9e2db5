/**
 * What a project knows that helps restore Korean: its glossary and the Korean
 * already restored in any of its documents.
 */
import type { GlossaryEntry } from '../../shared/model/project';
import { columnOf, plainText, segmentsOf } from '../../shared/model/build';
import { ProjectStore } from './project-store';

/** The restored Korean of every readable document, one string per segment. */
export async function koreanTextsOf(store: ProjectStore): Promise<string[]> {
  const texts: string[] = [];
  const { documents } = await store.listDocuments();
  for (const summary of documents) {
    const doc = await store.readDocument(summary.id);
    for (const seg of segmentsOf(doc.body)) {
      const korean = plainText(columnOf(seg, 'korean')?.content).trim();
      if (korean) texts.push(korean);
    }
  }
  return texts;
}

/** Loads the glossary and restored Korean of the project in `dir`, read-only. */
export async function loadProjectCorpus(dir: string): Promise<{ glossary: GlossaryEntry[]; koreanTexts: string[] }> {
  const store = await ProjectStore.open(dir);
  try {
    return { glossary: store.glossary, koreanTexts: await koreanTextsOf(store) };
  } finally {
    await store.close();
  }
}
