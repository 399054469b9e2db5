import { afterAll, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../testing/temp-project';
import { glossaryInUse } from '../../shared/model/project';
import type { PMJson } from '../../shared/model/document';
import { loadTermbase } from '../store/termbase';
import { inProcessLiveChecker, workerLiveChecker, type LiveCheckInput, type QaWords } from './client';

const projects: TempProject[] = [];
const worker = workerLiveChecker();
afterAll(async () => {
  await worker.close();
  for (const p of projects) await p.close();
});

async function samples(): Promise<{ inputs: LiveCheckInput[]; words: QaWords }> {
  const project = await createTempProject({ termbase: true });
  projects.push(project);
  const { store } = project;
  const glossary = glossaryInUse(store.glossary, store.project.settings.termbase);
  const words: QaWords = { key: `test-${glossary.length}`, glossary, extra: (await loadTermbase()).entries };
  const docs = await Promise.all(store.project.documents.map((d) => store.readDocument(d.id)));
  // Each document checked against the others' spellings of Puzanov, as the project would count them.
  const otherForms = new Map([[glossary.find((e) => e.en.includes('Puzanov'))!.id, new Map([['Puzanov', 15]])]]);
  const inputs = docs.map((doc) => {
    // A slip the rules must find in every document, and a name spelled as the project does not.
    const body = JSON.parse(JSON.stringify(doc.body).replace(/Kim Il Sung/, 'Kim II Sung').replace(/\bthe\b/, 'Comrade Pusanov and the')) as PMJson;
    return { document: doc.id, meta: doc.meta, body, words, otherForms, ignored: [] };
  });
  return { inputs, words };
}

describe('the live quality check in its worker', () => {
  it('finds exactly what the check in this process finds, and the document’s own spellings', async () => {
    const { inputs } = await samples();
    const here = inProcessLiveChecker();
    for (const input of inputs) {
      const [there, local] = await Promise.all([worker.check(input), here.check(input)]);
      expect(there).toEqual(local);
      expect(there.findings.map((f) => f.text)).toEqual(expect.arrayContaining(['II', 'Pusanov']));
      expect(there.findings.find((f) => f.text === 'Pusanov')?.message).toMatch(/“Pusanov” here, “Puzanov” \d+ times in (this document|the project)/);
      expect([...there.own.values()].some((forms) => forms.has('Pusanov'))).toBe(true);
    }
  });

  it('leaves out the findings ignored here, and counts them', async () => {
    const { inputs } = await samples();
    const all = await worker.check(inputs[0]);
    const ignored = all.findings.filter((f) => f.text === 'II').map((f) => f.key);
    expect(ignored.length).toBeGreaterThan(0);
    const after = await worker.check({ ...inputs[0], ignored });
    expect(after.findings.map((f) => f.key)).not.toEqual(expect.arrayContaining(ignored));
    expect(after.ignoredCount).toBe(all.ignoredCount + ignored.length);
  });

  it('starts a new worker after its worker stopped, sending it the words again', async () => {
    const { inputs } = await samples();
    const checker = workerLiveChecker();
    try {
      const first = await checker.check(inputs[0]);
      // The worker now holds the words: a second check sends their key only.
      expect(await checker.check(inputs[0])).toEqual(first);
      await checker.close();
      expect(await checker.check(inputs[0])).toEqual(first);
    } finally {
      await checker.close();
    }
  });

  it('refuses a body that is not a document, naming why', async () => {
    const { inputs } = await samples();
    await expect(worker.check({ ...inputs[0], body: { type: 'doc', content: [{ type: 'nonsense' }] } })).rejects.toThrow(/The document to check is not valid: .*nonsense/);
  });

  it('keeps the main loop free while a long document is checked', async () => {
    const { inputs } = await samples();
    // About 2,000 rows: the samples' rows again and again.
    const rows = inputs.flatMap((i) => i.body.content ?? []);
    const long = { ...inputs[0], body: { type: 'doc', content: Array.from({ length: Math.ceil(2000 / rows.length) }, () => rows).flat() } };
    await worker.check(inputs[0]); // the worker started and holding the words
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const result = await worker.check(long);
      expect(result.findings.length).toBeGreaterThan(inputs.length);
    } finally {
      clearInterval(timer);
    }
    // Checked in this process, the whole check would be one task and no tick could run before it answered.
    expect(ticks).toBeGreaterThan(1);
  }, 60_000);
});
