import { describe, expect, it } from 'vitest';
import { doc, en, ko, seg, stateFor, wit } from '../editor/test-builders';
import { addToGlossary, glossaryPrefill } from './commands';
import { RestoreUi } from './restore-ui';
import { GlossaryStore, type GlossaryApi } from './glossary-store';
import type { GlossaryEntry } from '../../shared/model/project';

describe('add to glossary from a selection', () => {
  it('prefills the English form from an English selection and the Korean form from a Korean one', () => {
    const d = () => doc(seg(en('Comrade <a>Puzanov<b> said'), wit('xx'), ko('푸자노프')));
    expect(glossaryPrefill(stateFor(d()))).toEqual({ en: 'Puzanov' });
    const k = doc(seg(en('Comrade Puzanov'), wit('xx'), ko('<a>푸자노프<b> 동지')));
    expect(glossaryPrefill(stateFor(k))).toEqual({ ko: '푸자노프' });
  });

  const restoreUi = new RestoreUi(() => undefined);
  const add = addToGlossary(restoreUi);

  it('does not apply to an empty selection or one across cells', () => {
    expect(add(stateFor(doc(seg(en('Puz<a>anov'), wit(), ko()))))).toBe(false);
    expect(add(stateFor(doc(seg(en('Puz<a>anov'), wit(), ko('푸<b>자'))))) ).toBe(false);
  });

  it('asks the UI for the glossary form, once', () => {
    const state = stateFor(doc(seg(en('Comrade <a>Puzanov<b>'), wit(), ko())));
    expect(add(state, () => undefined)).toBe(true);
    expect(restoreUi.peekPrefill()).toEqual({ en: 'Puzanov' });
    expect(restoreUi.takePrefill()).toEqual({ en: 'Puzanov' });
    expect(restoreUi.takePrefill()).toBeNull();
  });
});

describe('the glossary store', () => {
  it('loads, adds, edits and removes through the app, and changes its generation each time', async () => {
    let entries: GlossaryEntry[] = [];
    let next = 1;
    const api: GlossaryApi = {
      glossaryList: async () => entries,
      glossaryAdd: async (e) => {
        const entry = { ...e, id: `g${next++}` };
        entries = [...entries, entry];
        return entry;
      },
      glossaryUpdate: async (e) => {
        entries = entries.map((x) => (x.id === e.id ? e : x));
        return e;
      },
      glossaryRemove: async ({ id }) => {
        entries = entries.filter((x) => x.id !== id);
        return { removed: true };
      },
    };
    const store = new GlossaryStore(() => api);
    await store.refresh();
    const g0 = store.generation;
    const added = await store.add({ en: 'Korean Workers’ Party', variants: ['KWP'], ko: ['조선로동당', '조선노동당'], type: 'organisation', note: '' });
    expect(store.list().map((e) => e.ko)).toEqual([['조선로동당', '조선노동당']]);
    expect(store.generation).toBeGreaterThan(g0);
    await store.update({ ...added, note: 'both spellings in use' });
    expect(store.list()[0]?.note).toBe('both spellings in use');
    await store.remove(added.id);
    expect(store.list()).toEqual([]);
    expect(store.getSnapshot().status).toBe('ready');
  });

  it('says so when there is no app to ask', async () => {
    const store = new GlossaryStore(() => null);
    await store.refresh();
    expect(store.getSnapshot().status).toBe('idle');
    await expect(store.add({ en: 'x', variants: [], ko: [], type: 'term', note: '' })).rejects.toThrow(/not connected/);
  });
});
