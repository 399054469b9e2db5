import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, valueOf, type TempProject } from '../testing/temp-project';
import { dispatch } from '../../shared/ipc/dispatch';
import type { QaDocumentFindings } from '../../shared/ipc/contract';

let project: TempProject | null = null;
afterEach(async () => {
  await project?.close();
  project = null;
});


/** Adds copies of the samples so a run has more than one page. */
async function moreDocuments(p: TempProject, copies: number): Promise<void> {
  const docs = await Promise.all(p.store.project.documents.map((d) => p.store.readDocument(d.id)));
  const added = Array.from({ length: copies }, (_, i) => {
    const doc = docs[i % docs.length];
    return { meta: { ...doc.meta, title: `${doc.meta.title} (copy ${i})` }, source: doc.source, body: doc.body };
  });
  await p.store.addDocuments(added);
}

const messages = (docs: QaDocumentFindings[]) => docs.map((d) => [d.id, d.findings.map((f) => `${f.key}@${f.place.from}: ${f.message}`)]);

describe('the project run in pages', () => {
  it('gives, page by page with progress, exactly the findings of the whole run', async () => {
    project = await createTempProject({ termbase: true });
    await moreDocuments(project, 6);
    const whole = valueOf(await dispatch(project.handlers, 'qaRun', {}));
    expect(whole).toMatchObject({ scanned: 8, total: 8, next: null });

    const pages: QaDocumentFindings[] = [];
    const progress: number[] = [];
    let from: number | null = 0;
    while (from !== null) {
      const page: { total: number; scanned: number; next: number | null; documents: QaDocumentFindings[] } = valueOf(await dispatch(project.handlers, 'qaRun', { from, budgetMs: 1 }));
      expect(page.total).toBe(8);
      expect(page.documents.length).toBeGreaterThanOrEqual(1);
      pages.push(...page.documents);
      progress.push(page.scanned);
      from = page.next;
    }
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1]).toBe(8);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(messages(pages)).toEqual(messages(whole.documents));
  });

  it('counts a document’s names again once it is saved, even at the same size', async () => {
    project = await createTempProject({ termbase: true });
    const [first, second] = project.store.project.documents.map((d) => d.id);
    const projectWide = (docs: QaDocumentFindings[]) => docs.find((d) => d.id === second)!.findings.find((f) => f.text === 'Pusanov')?.message;
    // The 1963 report names Puzanov once, misspelt; the 1960 record has fifteen Puzanov and one Pusanov.
    const report = await project.store.readDocument(second);
    await project.store.saveDocument(second, report.meta, JSON.parse(JSON.stringify(report.body).replace('The DPRK foreign policy course', 'Comrade Pusanov said the DPRK foreign policy course')));
    const before = valueOf(await dispatch(project.handlers, 'qaRun', {}));
    expect(projectWide(before.documents)).toBe('“Pusanov” here, “Puzanov” 15 times in the project (glossary: Alexander Puzanov)');
    // The record's Pusanov corrected: same length, same file size, one more Puzanov in the project.
    const record = await project.store.readDocument(first);
    await project.store.saveDocument(first, record.meta, JSON.parse(JSON.stringify(record.body).replaceAll('Pusanov', 'Puzanov')));
    const after = valueOf(await dispatch(project.handlers, 'qaRun', { from: 0, budgetMs: 5000 }));
    expect(projectWide(after.documents)).toBe('“Pusanov” here, “Puzanov” 16 times in the project (glossary: Alexander Puzanov)');
  });
});
