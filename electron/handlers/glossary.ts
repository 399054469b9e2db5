/**
 * Handlers for the project glossary, stored in project.json.
 */
import type { HandlerTable } from '../../shared/ipc/contract';
import { newId } from '../../shared/model/build';
import { UserError } from '../../shared/errors';
import { fromTermbase, type GlossaryEntry } from '../../shared/model/project';
import type { ProjectStore } from '../store/project-store';
import type { HandlerContext } from './index';

type GlossaryRequests = 'glossaryList' | 'glossaryAdd' | 'glossaryUpdate' | 'glossaryRemove' | 'glossaryTermbase';

function tidy(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** True when `a` and `b` say the same (ids and origins aside). */
function sameContent(a: GlossaryEntry, b: GlossaryEntry): boolean {
  const key = (e: GlossaryEntry) => JSON.stringify([e.en, e.variants, e.ko, e.type, e.note]);
  return key(a) === key(b);
}

/** Adds an entry to the glossary of `store`, or merges its forms into the entry with the same English form and type. */
export async function addGlossaryEntry(store: ProjectStore, entry: Omit<GlossaryEntry, 'id'>): Promise<GlossaryEntry> {
  const en = entry.en.trim();
  if (!en) throw new UserError('A glossary entry needs an English form', 'invalid-glossary');
  const existing = store.glossary.find((e) => e.en === en && e.type === entry.type);
  // What the user adds is theirs, also when it merges into an entry seeded from the termbase.
  const merged: GlossaryEntry = existing
    ? {
        ...existing,
        variants: tidy([...existing.variants, ...entry.variants]),
        ko: tidy([...existing.ko, ...entry.ko]),
        note: existing.note || entry.note,
        origin: 'user',
      }
    : { ...entry, id: newId('g'), en, variants: tidy(entry.variants), ko: tidy(entry.ko), origin: 'user' };
  await store.updateProject((project) => {
    const index = project.glossary.findIndex((e) => e.id === merged.id);
    if (index >= 0) project.glossary[index] = merged;
    else project.glossary.push(merged);
  });
  return merged;
}

export function glossaryHandlers(ctx: HandlerContext): Pick<HandlerTable, GlossaryRequests> {
  return {
    async glossaryList() {
      return ctx.store().glossary;
    },
    async glossaryAdd(entry) {
      return addGlossaryEntry(ctx.store(), entry);
    },
    async glossaryUpdate(entry) {
      const store = ctx.store();
      if (!store.glossary.some((e) => e.id === entry.id)) {
        throw new UserError(`No glossary entry ${entry.id}`, 'not-found');
      }
      const previous = store.glossary.find((e) => e.id === entry.id)!;
      const tidied: GlossaryEntry = { ...entry, en: entry.en.trim(), variants: tidy(entry.variants), ko: tidy(entry.ko) };
      // Editing an entry makes it the user's: it stays in use when the starter termbase is switched off.
      tidied.origin = fromTermbase(previous) && sameContent(tidied, previous) ? 'termbase' : 'user';
      await store.updateProject((project) => {
        project.glossary = project.glossary.map((e) => (e.id === entry.id ? tidied : e));
      });
      return tidied;
    },
    async glossaryRemove({ id }) {
      const store = ctx.store();
      const removed = store.glossary.some((e) => e.id === id);
      if (removed) {
        await store.updateProject((project) => {
          project.glossary = project.glossary.filter((e) => e.id !== id);
        });
      }
      return { removed };
    },
    async glossaryTermbase({ enabled }) {
      const store = ctx.store();
      if (enabled !== undefined && enabled !== store.project.settings.termbase) {
        await store.updateProject((project) => {
          project.settings.termbase = enabled;
        });
      }
      return { enabled: store.project.settings.termbase, entries: store.glossary.filter(fromTermbase).length };
    },
  };
}
