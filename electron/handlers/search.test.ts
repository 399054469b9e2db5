import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTempProject, type TempProject } from '../testing/temp-project';
import { dispatch } from '../../shared/ipc/dispatch';
import type { Responses } from '../../shared/ipc/contract';
import { body, segment, text } from '../../shared/model/build';
import { emptyMeta } from '../../shared/model/document';

let project: TempProject;
beforeEach(async () => {
  project = await createTempProject();
});
afterEach(async () => {
  await project.close();
});

async function searchAll(query: object, extra: object = {}): Promise<{ pages: Responses['searchProject'][]; documents: Responses['searchProject']['documents'] }> {
  const pages: Responses['searchProject'][] = [];
  let from: number | null = 0;
  while (from !== null) {
    const result: Awaited<ReturnType<typeof dispatch<'searchProject'>>> = await dispatch(project.handlers, 'searchProject', { query, from, ...extra });
    if (!result.ok) throw new Error(result.error.message);
    pages.push(result.value);
    from = result.value.next;
  }
  return { pages, documents: pages.flatMap((p) => p.documents) };
}

describe('project search', () => {
  it('counts Kim per document of the samples, with hits in context', async () => {
    const { documents } = await searchAll({ pattern: 'Kim II Sung', caseSensitive: true });
    expect(documents).toHaveLength(1);
    expect(documents[0].title).toMatch(/Policy/);
    expect(documents[0].counts).toMatchObject({ total: 3, meta: 1, english: 2 });
    expect(documents[0].hits[1].before).toMatch(/surrounding Comrade $/);

    const kim = await searchAll({ pattern: 'Kim', wholeWord: true, scope: 'english' });
    expect(kim.documents.map((d) => d.counts.english).reduce((a, b) => a + b)).toBe(8);
  });

  it('pages through the project with progress, one document at least per page', async () => {
    const { pages } = await searchAll({ pattern: 'the' }, { budgetMs: 1 });
    expect(pages).toHaveLength(2);
    expect(pages.map((p) => [p.scanned, p.total, p.next])).toEqual([
      [1, 2, 1],
      [2, 2, null],
    ]);
  });

  it('leaves out the excluded (open) document and caps the hits sent, never the counts', async () => {
    const ids = project.store.project.documents.map((d) => d.id);
    const { documents } = await searchAll({ pattern: 'e' }, { exclude: [ids[0]], maxHits: 5 });
    expect(documents.map((d) => d.id)).toEqual([ids[1]]);
    expect(documents[0].hits).toHaveLength(5);
    expect(documents[0].counts.total).toBeGreaterThan(100);
  });

  it('says why an invalid regular expression finds nothing', async () => {
    const result = await dispatch(project.handlers, 'searchProject', { query: { pattern: 'Kim (II', regex: true } });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-pattern', message: 'Not a valid regular expression: Unterminated group.' } });
    const empty = await dispatch(project.handlers, 'searchProject', { query: { pattern: '' } });
    expect(!empty.ok && empty.error.message).toMatch(/type something to find/);
  });

  it('reports a damaged file and searches the rest', async () => {
    const ids = project.store.project.documents.map((d) => d.id);
    await writeFile(join(project.dir, 'documents', `${ids[0]}.json`), '{ not json');
    const { pages, documents } = await searchAll({ pattern: 'Kim' });
    expect(pages.flatMap((p) => p.problems).map((p) => p.file)).toEqual([`documents/${ids[0]}.json`]);
    expect(documents.map((d) => d.id)).toEqual([ids[1]]);
  });
});

describe('project replace', () => {
  it('replaces as corrections, one save per changed document, in the body and the summary, recording the editor', async () => {
    const [extra] = await project.store.addDocuments([
      { meta: emptyMeta('No match here'), source: { file: 'x.txt', format: 'text', importedAt: '', witness: [], notes: [] }, body: body([segment({ english: text('Nothing') })]) },
    ]);
    const added = await dispatch(project.handlers, 'projectEditors', { add: { name: 'Anna Berg', initials: 'AB' } });
    if (!added.ok) throw new Error(added.error.message);
    const ids = project.store.project.documents.map((d) => d.id);
    const query = { pattern: 'Kim II Sung', caseSensitive: true };
    const unknown = await dispatch(project.handlers, 'replaceInDocuments', { query, replacement: 'Kim Il Sung', ids, asCorrection: true, editor: 'ZZ' });
    expect(unknown.ok ? null : unknown.error.message).toBe('No editor ZZ in this project; its editors: AB (Anna Berg)');
    const before = project.store.revision;
    const result = await dispatch(project.handlers, 'replaceInDocuments', { query, replacement: 'Kim Il Sung', ids, asCorrection: true, editor: 'ab' });
    if (!result.ok) throw new Error(result.error.message);
    const changed = result.value.documents.filter((d) => d.replaced);
    expect(changed).toHaveLength(1);
    expect(changed[0].replaced).toBe(3);
    expect(changed[0].skipped).toEqual([]);
    expect(result.value.documents.find((d) => d.id === extra.id)?.replaced).toBe(0);
    expect(project.store.revision - before).toBe(1);

    const after = await searchAll(query);
    expect(after.documents).toEqual([]);
    const stored = await project.store.readDocument(changed[0].id);
    const editor = added.value.added!.id;
    const corrections = JSON.stringify(stored).match(/"type":"correction","attrs":\{[^}]*\}/g) ?? [];
    expect(corrections.filter((c) => c.includes('"original":"Kim II Sung"') && c.includes(`"resp":"${editor}"`))).toHaveLength(3);
    expect(stored.meta.summary).toContain('Kim Il Sung');
  });
});
