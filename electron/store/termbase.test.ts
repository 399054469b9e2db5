import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTermbase, parseTermbase, termbaseGlossary, termbasePath } from './termbase';
import { ProjectStore } from './project-store';
import { loadProjectCorpus } from './corpus';
import { createTempProject, type TempProject } from '../testing/temp-project';
import { dispatch } from '../../shared/ipc/dispatch';
import { garble } from '../../shared/korean/garble';
import { NAME_TYPES } from '../../shared/model/schema';
import { fromTermbase, glossaryInUse, type GlossaryEntry } from '../../shared/model/project';

/** Hangul syllables, digits and single spaces between words: no jamo, Latin, punctuation or hanja. */
const PURE_KOREAN = /^[가-힣0-9]+( [가-힣0-9]+)*$/;

let project: TempProject | null = null;
let root: string | null = null;
afterEach(async () => {
  await project?.close();
  project = null;
  if (root) await rm(root, { recursive: true, force: true });
  root = null;
});

async function tempRoot(): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'interlinea-termbase-'));
  return root;
}

function byEn(entries: readonly GlossaryEntry[], en: string): GlossaryEntry {
  const entry = entries.find((e) => e.en === en);
  if (!entry) throw new Error(`no entry ${en}`);
  return entry;
}

describe('the starter termbase file', () => {
  it('is valid against the glossary schema, with at least 400 entries of every type and unique ids', async () => {
    const termbase = parseTermbase(await readFile(termbasePath(), 'utf8'));
    expect(termbase.licence).toBe('MIT');
    expect(termbase.entries.length).toBeGreaterThanOrEqual(400);
    expect(new Set(termbase.entries.map((e) => e.id)).size).toBe(termbase.entries.length);
    for (const type of NAME_TYPES) expect(termbase.entries.filter((e) => e.type === type).length, type).toBeGreaterThanOrEqual(50);
  });

  it('writes every Korean form in composed Hangul syllables (digits and spaces allowed), and gives every entry one', async () => {
    const { entries } = await loadTermbase();
    const bad = entries.flatMap((e) => e.ko.filter((ko) => !PURE_KOREAN.test(ko) || ko.normalize('NFC') !== ko).map((ko) => `${e.en}: ${ko}`));
    expect(bad).toEqual([]);
    expect(entries.filter((e) => e.ko.length === 0).map((e) => e.en)).toEqual([]);
  });

  it('has no two entries with the same English form and type, and no form repeated within an entry', async () => {
    const { entries } = await loadTermbase();
    const keys = entries.map((e) => `${e.type}:${e.en}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    for (const e of entries) {
      expect(new Set(e.ko).size, e.en).toBe(e.ko.length);
      expect(new Set(e.variants).size, e.en).toBe(e.variants.length);
      expect(e.variants, e.en).not.toContain(e.en);
      // `Kim II Sung` (capital i for l) is an OCR slip, not a romanisation.
      for (const v of [e.en, ...e.variants]) expect(v, e.en).not.toMatch(/\bII\b/);
    }
  });

  it('holds the names and terms of the archive with North Korean spelling first and the South Korean form after', async () => {
    const { entries } = await loadTermbase();
    expect(byEn(entries, "Korean Workers' Party")).toMatchObject({ type: 'organisation', ko: ['조선로동당', '조선노동당'] });
    expect(byEn(entries, "Korean Workers' Party").variants).toEqual(expect.arrayContaining(['KWP', 'Workers\' Party of Korea']));
    expect(byEn(entries, 'Socialist Unity Party of Germany').ko).toEqual(['독일사회주의통일당', '독일통일사회당']);
    expect(byEn(entries, 'Kim Il Sung')).toMatchObject({ type: 'person', ko: ['김일성'] });
    expect(byEn(entries, 'Kim Il Sung').variants).toContain('Kim Il-sung');
    expect(byEn(entries, 'Choe Yong-geon').variants).toEqual(expect.arrayContaining(['Choe Yong Gon', "Ch'oe Yong-gŏn"]));
    expect(byEn(entries, 'Bucharest')).toMatchObject({ type: 'place', ko: ['부카레스트', '부쿠레슈티'] });
    expect(byEn(entries, 'Soviet Union').ko.slice(0, 2)).toEqual(['쏘련', '소련']);
    expect(byEn(entries, 'Syngman Rhee').ko).toEqual(['리승만', '이승만']);
    expect(byEn(entries, "chargé d'affaires").ko).toContain('대리대사');
    expect(byEn(entries, 'Seven-Year Plan').ko).toContain('7개년계획');
    expect(byEn(entries, 'Chollima')).toMatchObject({ type: 'term', ko: ['천리마'] });
    expect(byEn(entries, 'Military Armistice Commission').ko).toEqual(['군사정전위원회']);
    expect(byEn(entries, 'Alexander Puzanov').note).toMatch(/1957–62/);
  });

  it('is rejected with the file named and the problem said when an entry is malformed', () => {
    const good = { name: 't', licence: 'MIT', version: 1, entries: [{ id: 'tb-a', en: 'A', variants: [], ko: ['가'], type: 'term', note: '' }] };
    expect(parseTermbase(JSON.stringify(good)).entries).toHaveLength(1);
    expect(() => parseTermbase('{', 'x/termbase.json')).toThrow(/x\/termbase\.json is not valid JSON/);
    const badType = { ...good, entries: [{ ...good.entries[0], type: 'animal' }] };
    expect(() => parseTermbase(JSON.stringify(badType))).toThrow(/termbase\.json is not valid: .*type/);
    const typo = { ...good, entries: [{ ...good.entries[0], kor: ['가'] }] };
    expect(() => parseTermbase(JSON.stringify(typo))).toThrow(/kor/);
    const twice = { ...good, entries: [good.entries[0], { ...good.entries[0], en: 'B' }] };
    expect(() => parseTermbase(JSON.stringify(twice))).toThrow(/two entries with the id tb-a/);
  });
});

describe('seeding a new project from the termbase', () => {
  it('gives each project its own entries with fresh ids, marked as from the termbase', async () => {
    const [a, b] = [await termbaseGlossary(), await termbaseGlossary()];
    expect(a.length).toBe((await loadTermbase()).entries.length);
    expect(a.every(fromTermbase)).toBe(true);
    expect(new Set([...a, ...b].map((e) => e.id)).size).toBe(a.length * 2);
    a[0].ko.push('변경');
    expect(b[0].ko).not.toContain('변경');
  });

  it('starts a new project (created by the store, as the app and `interlinea import` create one) with the termbase in its glossary', async () => {
    const dir = join(await tempRoot(), 'p');
    const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'test' });
    await store.close();
    const onDisk = JSON.parse(await readFile(join(dir, 'project.json'), 'utf8'));
    expect(onDisk.glossary.length).toBeGreaterThanOrEqual(400);
    expect(onDisk.glossary.every((e: GlossaryEntry) => e.origin === 'termbase')).toBe(true);
    expect(onDisk.settings.termbase).toBe(true);
    // Opening it again does not seed it again.
    const again = await ProjectStore.open(dir, { write: true, holder: 'test' });
    expect(again.glossary).toHaveLength(onDisk.glossary.length);
    await again.close();
  });

  it('seeds the default project with its sample documents too', async () => {
    project = await createTempProject({ termbase: true });
    expect(project.store.glossary.filter(fromTermbase).length).toBeGreaterThanOrEqual(400);
  });

  it('lets test projects start without it unless they ask', async () => {
    project = await createTempProject({ samples: false });
    expect(project.store.glossary).toEqual([]);
  });

  it('opens a project file written before the termbase: no origin, no termbase setting, and its entries count as the user’s', async () => {
    const dir = join(await tempRoot(), 'old');
    await mkdir(join(dir, 'documents'), { recursive: true });
    const old = {
      schemaVersion: 1,
      name: 'Old',
      createdAt: '2026-01-01T00:00:00.000Z',
      documents: [],
      glossary: [{ id: 'g1', en: 'Puzanov', variants: [], ko: ['푸자노프'], type: 'person', note: '' }],
      settings: { lastDocument: '' },
    };
    await writeFile(join(dir, 'project.json'), JSON.stringify(old));
    const store = await ProjectStore.open(dir, { write: true, holder: 'test' });
    try {
      expect(store.glossary).toEqual([old.glossary[0]]);
      expect(store.project.settings.termbase).toBe(true);
      expect(glossaryInUse(store.glossary, false)).toEqual(store.glossary);
    } finally {
      await store.close();
    }
  });
});

describe('switching the termbase off and editing its entries', () => {
  async function seededProject(): Promise<TempProject> {
    project = await createTempProject({ samples: false, termbase: true });
    return project;
  }

  it('reads and flips the switch through the glossaryTermbase request, stored in project.json', async () => {
    const { handlers, dir, store } = await seededProject();
    const seeded = store.glossary.length;
    expect(await dispatch(handlers, 'glossaryTermbase', {})).toEqual({ ok: true, value: { enabled: true, entries: seeded } });
    expect(await dispatch(handlers, 'glossaryTermbase', { enabled: false })).toEqual({ ok: true, value: { enabled: false, entries: seeded } });
    expect(JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')).settings.termbase).toBe(false);
    // The entries stay in the glossary (the panel shows them as switched off).
    const list = await dispatch(handlers, 'glossaryList', {});
    expect(list.ok && list.value.length).toBe(seeded);
    const bad = await dispatch(handlers, 'glossaryTermbase', { enabled: 'no' } as never);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/enabled/);
  });

  it('suggests a termbase name while it is on, and not once it is switched off', async () => {
    const { handlers } = await seededProject();
    const token = garble('푸자노프');
    const on = await dispatch(handlers, 'suggest', { token, limit: 5, context: { english: 'Comrade Puzanov said' } });
    expect(on.ok && on.value[0]).toMatchObject({ text: '푸자노프', source: 'glossary' });

    await dispatch(handlers, 'glossaryTermbase', { enabled: false });
    const off = await dispatch(handlers, 'suggest', { token, limit: 50, context: { english: 'Comrade Puzanov said' } });
    expect(off.ok && off.value.map((s) => s.text)).not.toContain('푸자노프');
    const corpus = await dispatch(handlers, 'projectCorpus', {});
    expect(corpus.ok && corpus.value.glossary).toEqual([]);
  });

  it('keeps an entry the user edited in use when the termbase is off: editing makes it theirs', async () => {
    const { handlers, store, dir } = await seededProject();
    const puzanov = byEn(store.glossary, 'Alexander Puzanov');
    const unchanged = await dispatch(handlers, 'glossaryUpdate', { ...puzanov });
    expect(unchanged.ok && unchanged.value.origin).toBe('termbase');
    const edited = await dispatch(handlers, 'glossaryUpdate', { ...puzanov, variants: [...puzanov.variants, 'Puzanow'] });
    expect(edited.ok && edited.value.origin).toBe('user');
    await dispatch(handlers, 'glossaryTermbase', { enabled: false });

    const off = await dispatch(handlers, 'suggest', { token: garble('푸자노프'), limit: 5, context: { english: 'Comrade Puzanov said' } });
    expect(off.ok && off.value[0]).toMatchObject({ text: '푸자노프', source: 'glossary' });
    const corpus = await loadProjectCorpus(dir);
    expect(corpus.glossary.map((e) => e.en)).toEqual(['Alexander Puzanov']);
  });

  it('weighs the termbase below the user’s own entries: a user’s name is not outranked by two termbase terms that fit the same garble', async () => {
    const { handlers } = await seededProject();
    await dispatch(handlers, 'glossaryAdd', { en: "Korean Workers' Party", ko: ['조선로동당', '조선노동당'], variants: [], type: 'organisation', note: '' });
    const result = await dispatch(handlers, 'suggest', { token: garble('조선로동당의'), limit: 5 });
    expect(result.ok && result.value[0]).toMatchObject({ text: '조선로동당의', source: 'glossary' });
  });

  it('makes a termbase entry the user’s when the user adds to it', async () => {
    const { handlers, store } = await seededProject();
    const added = await dispatch(handlers, 'glossaryAdd', { en: 'Kim Il Sung', ko: ['김일성'], variants: ['Kim Il-sŏng'], type: 'person', note: '' });
    expect(added.ok && added.value).toMatchObject({ id: byEn(store.glossary, 'Kim Il Sung').id, origin: 'user' });
    const fresh = await dispatch(handlers, 'glossaryAdd', { en: 'Pak Tal', ko: ['박달'], variants: [], type: 'person', note: '' });
    expect(fresh.ok && fresh.value.origin).toBe('user');
  });
});
