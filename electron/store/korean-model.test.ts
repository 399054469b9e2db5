import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKoreanModel } from './korean-model';
import { fixtureModel } from '../../shared/korean/testdata/model-fixture';
import { KOREAN_MODEL_TABLES } from '../../shared/korean/model';

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'interlinea-model-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('readKoreanModel', () => {
  it('reads the five tables of a folder', async () => {
    const dir = await folderWith(Object.fromEntries(KOREAN_MODEL_TABLES.map((t) => [`${t}.tsv`, fixtureModel[t]])));
    try {
      const model = await readKoreanModel(dir);
      expect(model.forms.get('영화')).toBe(5000);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('names the table that is missing', async () => {
    const dir = await folderWith({ 'words.tsv': fixtureModel.words });
    try {
      await expect(readKoreanModel(dir)).rejects.toThrow(/could not be read \(stems\.tsv\)/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('refuses a wrong file in place of a table with a clear error', async () => {
    const files = Object.fromEntries(KOREAN_MODEL_TABLES.map((t) => [`${t}.tsv`, fixtureModel[t]]));
    files['english.tsv'] = 'english\tkorean\nhello\t안녕\n';
    const dir = await folderWith(files);
    try {
      await expect(readKoreanModel(dir)).rejects.toThrow(/not an Interlinea Korean model table \(english\.tsv\)/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
