import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, valueOf, type TempProject } from '../testing/temp-project';
import { dispatch } from '../../shared/ipc/dispatch';

let project: TempProject | null = null;
afterEach(async () => {
  await project?.close();
  project = null;
});


describe('the QA handlers over the sample project', () => {
  it('run over the project, and remember "ignore here" in project.json', async () => {
    project = await createTempProject({ termbase: true });
    const run = valueOf(await dispatch(project.handlers, 'qaRun', { severity: 'warning' }));
    const texts = run.documents.flatMap((d) => d.findings.map((f) => f.text));
    expect(texts.filter((t) => t === 'II')).toHaveLength(3);
    expect(texts).toEqual(expect.arrayContaining(['Pusanov', 'Im', 'Dreemphasis']));

    const pusanov = run.documents.flatMap((d) => d.findings).find((f) => f.text === 'Pusanov')!;
    valueOf(await dispatch(project.handlers, 'qaIgnore', { key: pusanov.key, ignore: true }));
    expect(project.store.project.settings.qaIgnored).toEqual([pusanov.key]);
    const again = valueOf(await dispatch(project.handlers, 'qaRun', { severity: 'warning' }));
    expect(again.documents.flatMap((d) => d.findings.map((f) => f.text))).not.toContain('Pusanov');
    expect(again.ignored).toBe(1);
    valueOf(await dispatch(project.handlers, 'qaIgnore', { key: pusanov.key, ignore: false }));
    expect(project.store.project.settings.qaIgnored).toEqual([]);
  });

  it('checks a document as the editor holds it, with the other documents’ spellings', async () => {
    project = await createTempProject({ termbase: true });
    const doc = valueOf(await dispatch(project.handlers, 'getDocument', { id: project.store.project.documents[1].id }));
    // The 1963 report never names Puzanov; written as Pusanov there, the project's fifteen Puzanov count.
    const body = JSON.parse(JSON.stringify(doc.body).replace('The DPRK foreign policy course', 'Comrade Pusanov said the DPRK foreign policy course'));
    const { findings } = valueOf(await dispatch(project.handlers, 'qaCheck', { id: doc.id, meta: doc.meta, body }));
    expect(findings.find((f) => f.text === 'Pusanov')?.message).toBe('“Pusanov” here, “Puzanov” 15 times in the project (glossary: Alexander Puzanov)');
  });

  it('refuses a body that is not a document', async () => {
    project = await createTempProject();
    const doc = valueOf(await dispatch(project.handlers, 'getDocument', { id: project.store.project.documents[0].id }));
    const result = await dispatch(project.handlers, 'qaCheck', { id: doc.id, meta: doc.meta, body: { type: 'doc', content: [{ type: 'nonsense' }] } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('not valid');
  });
});
