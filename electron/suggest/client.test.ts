import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { garble } from '../../shared/korean/garble';
import { createSuggester } from '../../shared/korean/suggest';
import { loadLexicon } from '../store/lexicon';
import { loadKoreanModel } from '../store/korean-model';
import { DraftCancelled, inProcessSuggestService, UnknownProject, workerSuggestService, type SuggestService } from './client';
import { SuggestEngine } from './engine';

// One worker for most tests (each its own project; building the lexical index is the slow part).
const shared = workerSuggestService();
afterAll(() => shared.close());
let service: SuggestService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

const glossary = [
  { id: 'g1', en: 'Puzanov', variants: [], ko: ['푸자노프'], type: 'person' as const, note: '' },
];
// A long witness: many lines keep the draft busy long enough to cancel it and ask in between.
const witnessLines = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'xx lP\\ ( Y XX | .' : '1960D 8 30|'));

describe('the suggester in a worker thread', () => {
  it('answers as the suggester does in this process, and learns what a sync sends', async () => {
    const service = shared;
    await service.sync({ project: 1, reset: true, glossary, corpus: { start: 0, remove: 0, insert: ['그들의 립장을 지지한다.'] } });
    const [lexicon, model] = await Promise.all([loadLexicon(), loadKoreanModel()]);
    const local = createSuggester({ lexicon, model, glossary, corpus: ['그들의 립장을 지지한다.'] });
    const options = { limit: 8, context: { english: 'Comrade Puzanov' } };
    for (const token of ['xx', 'lP\\', garble('립장을')]) expect(await service.suggest(1, token, options)).toEqual(local.suggest(token, options));

    const token = garble('결정을');
    expect((await service.suggest(1, token, { limit: 20 })).map((s) => s.text)).not.toContain('결정을');
    await service.sync({ project: 1, corpus: { start: 1, remove: 0, insert: ['회의 결정을 보았다.', '결정을 읽었다.'] } });
    expect((await service.suggest(1, token, { limit: 3 }))[0]).toMatchObject({ text: '결정을', source: 'project' });
  });

  it('answers a suggestion while a long draft runs, and stops the draft when it is cancelled', async () => {
    const service = shared;
    await service.sync({ project: 2, reset: true, glossary, corpus: { start: 0, remove: 0, insert: [] } });
    const controller = new AbortController();
    const order: string[] = [];
    const draft = service.draft(2, [{ witness: witnessLines, english: 'Comrade Puzanov informed me orally.' }], controller.signal).then(
      () => order.push('draft done'),
      (err: unknown) => order.push(err instanceof DraftCancelled ? 'draft cancelled' : `draft failed: ${String(err)}`),
    );
    const suggestion = await service.suggest(2, 'xx', { limit: 3 });
    order.push('suggested');
    controller.abort();
    await draft;
    expect(suggestion[0]?.text).toBe('푸자노프');
    expect(order).toEqual(['suggested', 'draft cancelled']);
  });

  it('drafts the same lines as the engine in this process', async () => {
    const service = shared;
    const local = inProcessSuggestService();
    const rows = [{ witness: ['1960D 8 30|', 'xx lP\\ ( Y XX | .'], english: 'Comrade Puzanov informed me orally.' }];
    for (const s of [service, local]) await s.sync({ project: 3, reset: true, glossary, corpus: { start: 0, remove: 0, insert: [] } });
    const [inWorker, inProcess] = await Promise.all([service.draft(3, rows), local.draft(3, rows)]);
    expect(inWorker).toEqual(inProcess);
    expect(inWorker[0]?.[0]?.text).toBe('1960년 8월 30일');
  });

  it('starts a new worker with the projects as last synced when its worker was stopped', async () => {
    service = workerSuggestService();
    await service.sync({ project: 1, reset: true, glossary, corpus: { start: 0, remove: 0, insert: [] } });
    await service.sync({ project: 2, reset: true, glossary: [], corpus: { start: 0, remove: 0, insert: ['그들의 립장을 지지한다.'] } });
    await service.close();
    expect((await service.suggest(1, 'xx', { limit: 1 }))[0]?.text).toBe('푸자노프');
    // A change to a project the new worker has not seen yet: it gets the whole project, this change included.
    await service.sync({ project: 2, corpus: { start: 1, remove: 0, insert: ['회의 결정을 보았다.', '결정을 읽었다.'] } });
    expect((await service.suggest(2, garble('결정을'), { limit: 3 }))[0]).toMatchObject({ text: '결정을', source: 'project' });
    // The text synced before the worker stopped is there too (립장을 and 결정을 leave the same witness).
    expect((await service.suggest(2, garble('립장을'), { limit: 5 })).map((s) => s.text)).toEqual(expect.arrayContaining(['결정을', '립장을']));
  });

  it('serves several projects from one engine, each with its own words, and refuses a change to a project it never held', async () => {
    const local = inProcessSuggestService();
    await local.sync({ project: 7, reset: true, corpus: { start: 0, remove: 0, insert: ['그들의 립장을 지지한다.'] } });
    await local.sync({ project: 8, reset: true, corpus: { start: 0, remove: 0, insert: [] } });
    expect((await local.suggest(7, garble('립장을'), { limit: 3 }))[0]?.text).toBe('립장을');
    expect((await local.suggest(8, garble('립장을'), { limit: 20 })).map((s) => s.text)).not.toContain('립장을');
    await expect(local.suggest(99, 'xx', {})).rejects.toBeInstanceOf(UnknownProject);
    const engine = new SuggestEngine();
    await expect(engine.sync({ project: 5, corpus: { start: 3, remove: 0, insert: ['x'] } })).rejects.toBeInstanceOf(UnknownProject);
  });
});
