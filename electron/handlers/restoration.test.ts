import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTempProject, type TempProject } from '../testing/temp-project';
import { dispatch } from '../../shared/ipc/dispatch';
import { DRAFT_MAX_CHARS, DRAFT_MAX_ROWS } from '../../shared/ipc/contract';
import { check } from '../../shared/korean/check';
import { DRAFT_GAP } from '../../shared/korean/draft';
import { garble } from '../../shared/korean/garble';
import { body, segment, text } from '../../shared/model/build';
import { emptyMeta } from '../../shared/model/document';
import { inProcessSuggestService, type SuggestService } from '../suggest/client';
import type { SyncRequest } from '../suggest/protocol';
import { restorationHandlers, WARM_AFTER_MS } from './restoration';

let project: TempProject | null = null;
afterEach(async () => {
  await project?.close();
  project = null;
});

// Lines of the 1960 sample's witness and their English.
const rows = [
  {
    witness: ['1960D 8 30|', '8 : SAPMO-BA, DY 30, IV 2/20/137'],
    english: 'August 30, 1960. SAPMO-BA, DY 30, IV 2/20/137',
  },
  {
    witness: ['xx lP\\ ( Y XX | .'],
    english: 'Comrade Puzanov informed me orally about the CPSU Central Committee plenum.',
  },
];

describe('draftRows', () => {
  it('drafts every line of every row so that it fits its witness, with the project glossary and the English', async () => {
    project = await createTempProject({ samples: false });
    await dispatch(project.handlers, 'glossaryAdd', {
      en: 'Puzanov',
      ko: ['푸자노프'],
      type: 'person',
      variants: [],
      note: '',
    });
    const result = await dispatch(project.handlers, 'draftRows', { rows });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rows.map((r) => r.lines.length)).toEqual([2, 1]);
    rows.forEach((row, r) =>
      row.witness.forEach((w, l) => {
        const line = result.value.rows[r]?.lines[l];
        expect(check(line?.text ?? '', [w], { wildcard: DRAFT_GAP }).contradictions).toEqual([]);
        expect(
          line?.words
            .filter((x) => x.witness)
            .map((x) => x.witness)
            .join(' '),
        ).toBe(w);
      }),
    );
    expect(result.value.rows[0]?.lines[0]?.text).toBe('1960년 8월 30일');
    expect(result.value.rows[1]?.lines[0]?.words[0]).toMatchObject({ text: '푸자노프', source: 'glossary' });
  });

  it('drafts a row whose English is left out, and an empty witness line as an empty draft', async () => {
    project = await createTempProject({ samples: false });
    const result = await dispatch(project.handlers, 'draftRows', { rows: [{ witness: ['', '1958D 3 12|'] }] });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rows[0]?.lines.map((l) => l.text)).toEqual(['', '1958년 3월 12일']);
  });

  it('refuses a request that is too large, saying how much one request may hold', async () => {
    project = await createTempProject({ samples: false });
    const many = Array.from({ length: DRAFT_MAX_ROWS + 1 }, () => ({ witness: ['X'], english: '' }));
    const tooMany = await dispatch(project.handlers, 'draftRows', { rows: many });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!tooMany.ok) expect(tooMany.error.message).toContain(`at most ${DRAFT_MAX_ROWS} rows per request`);
    const long = 'X '.repeat(DRAFT_MAX_CHARS / 4);
    const tooLong = await dispatch(project.handlers, 'draftRows', {
      rows: [{ witness: [long, long, long], english: '' }],
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!tooLong.ok)
      expect(tooLong.error.message).toContain(`at most ${DRAFT_MAX_CHARS} witness characters per request`);
    const none = await dispatch(project.handlers, 'draftRows', { rows: [] });
    if (!none.ok) expect(none.error.message).toContain('no rows to draft');
    expect(none.ok).toBe(false);
  });
});

describe('the suggester behind the handlers', () => {
  /** The engine in process, with every sync it is sent recorded. */
  function recording(): { service: SuggestService; syncs: SyncRequest[] } {
    const inner = inProcessSuggestService();
    const syncs: SyncRequest[] = [];
    return { syncs, service: { ...inner, sync: (req) => (syncs.push(req), inner.sync(req)) } };
  }

  it('learns the Korean of a saved document, and is sent only what changed', async () => {
    project = await createTempProject({ samples: false });
    const store = project.store;
    const source = { file: 'x.txt', format: 'text', importedAt: '', witness: [], notes: [] };
    const [a, b] = await store.addDocuments([
      { meta: emptyMeta('A'), source, body: body([segment({ english: text('one'), korean: text('그들의 립장을 지지한다.') })]) },
      { meta: emptyMeta('B'), source, body: body([segment({ english: text('two') })]) },
    ]);
    if (!a || !b) throw new Error('no documents');
    const { service, syncs } = recording();
    const handlers = restorationHandlers({ store: () => store, suggestService: () => service });
    const token = garble('결정을');
    const before = await handlers.suggest({ token, limit: 20, context: {} });
    expect(before.map((s) => s.text)).not.toContain('결정을');
    expect(syncs).toHaveLength(1);

    await store.saveDocument(b.id, emptyMeta('B'), body([segment({ english: text('two'), korean: text('회의 결정을 보았다. 결정을 읽었다.') })]));
    const after = await handlers.suggest({ token, limit: 3, context: {} });
    expect(after[0]).toMatchObject({ text: '결정을', source: 'project' });
    // Only document B's text travels: A's is where it was.
    expect(syncs[1]).toEqual({ project: syncs[0]?.project, corpus: { start: 1, remove: 0, insert: ['회의 결정을 보았다. 결정을 읽었다.'] } });

    // A write that changes no Korean and no glossary (the English) sends nothing.
    await store.saveDocument(b.id, emptyMeta('B'), body([segment({ english: text('two, changed'), korean: text('회의 결정을 보았다. 결정을 읽었다.') })]));
    await handlers.suggest({ token, limit: 3, context: {} });
    expect(syncs).toHaveLength(2);
  });
});

describe('waking the suggester', () => {
  it('is done by the app (a handler table with a platform) soon after it starts, and not by the CLI', () => {
    vi.useFakeTimers();
    try {
      const woken: string[] = [];
      const service = (name: string) => (): SuggestService => ({ ...inProcessSuggestService(), warm: () => void woken.push(name) });
      const store = () => {
        throw new Error('no project needed');
      };
      restorationHandlers({ store, platform: {} as never, suggestService: service('app') });
      restorationHandlers({ store, suggestService: service('cli') });
      expect(woken).toEqual([]);
      vi.advanceTimersByTime(WARM_AFTER_MS);
      expect(woken).toEqual(['app']);
    } finally {
      vi.useRealTimers();
    }
  });
});
