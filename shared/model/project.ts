/**
 * The project file (`project.json`): name, document index, glossary, settings.
 */
import { z } from 'zod';
import { NAME_TYPES } from './schema';
import { describeIssues, isoDate, type Validated } from './document';

/** Version of the project file format. */
export const PROJECT_SCHEMA_VERSION = 1;

/**
 * Where a glossary entry comes from: `termbase` when it was seeded from the starter
 * termbase (`resources/termbase/termbase.json`) and is untouched, `user` once the user
 * added or edited it. Project files written before the termbase have no origin: their
 * entries are the user's.
 */
export const GLOSSARY_ORIGINS = ['user', 'termbase'] as const;
/** Where a glossary entry comes from. */
export type GlossaryOrigin = (typeof GLOSSARY_ORIGINS)[number];

export const glossaryEntrySchema = z.object({
  id: z.string().min(1),
  /** Canonical English form, e.g. `Choe Yong-geon`. */
  en: z.string().min(1, 'glossary entry needs an English form'),
  /** English variants and romanisations, e.g. `Choe Yong Gon`. */
  variants: z.array(z.string()).default([]),
  /** Korean forms, all kept as written: `조선로동당` and `조선노동당`. */
  ko: z.array(z.string()).default([]),
  type: z.enum(NAME_TYPES).default('term'),
  note: z.string().default(''),
  /** Absent means `user` (see {@link GLOSSARY_ORIGINS}). */
  origin: z.enum(GLOSSARY_ORIGINS).optional(),
});
/**
 * A glossary entry: one name or term across both languages. The one definition of
 * the type: the Korean engine (`shared/korean`) re-exports it.
 */
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/** True when `entry` was seeded from the starter termbase and not edited since. */
export function fromTermbase(entry: Pick<GlossaryEntry, 'origin'>): boolean {
  return entry.origin === 'termbase';
}

/**
 * The entries that suggestions and drafting may use: all of them, or, when the
 * project has switched the starter termbase off, only the user's own.
 */
export function glossaryInUse<T extends Pick<GlossaryEntry, 'origin'>>(entries: readonly T[], termbase: boolean): T[] {
  return termbase ? [...entries] : entries.filter((e) => !fromTermbase(e));
}

/**
 * The starter termbase file (`resources/termbase/termbase.json`): glossary entries
 * with stable ids, and what the file is.
 */
export const termbaseFileSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  licence: z.string().min(1),
  version: z.number().int().positive(),
  entries: z.array(glossaryEntrySchema.omit({ origin: true }).strict()).min(1, 'the termbase has no entries'),
});
/** The starter termbase file. */
export type TermbaseFile = z.infer<typeof termbaseFileSchema>;

/** Validates parsed JSON as the starter termbase file. */
export function validateTermbaseFile(data: unknown): Validated<TermbaseFile> {
  const parsed = termbaseFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  return { ok: true, value: parsed.data };
}

export const documentIndexEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  date: isoDate,
});
/** What the project file knows of a document without opening it. */
export type DocumentIndexEntry = z.infer<typeof documentIndexEntrySchema>;

/**
 * An editor of the project: who stamps insertions, corrections and footnotes
 * (shared/model/provenance.ts). The id is an NCName (TEI's `@resp` points at it).
 */
export const projectEditorSchema = z.object({
  id: z.string().regex(/^ed[A-Za-z0-9_.-]{1,62}$/, 'editor id must start with “ed” and hold letters, digits, _ . -'),
  name: z.string().trim().min(1, 'an editor needs a name').max(200),
  /** Shown beside every annotation the editor made: `AB`. */
  initials: z
    .string()
    .trim()
    .regex(/^\p{L}[\p{L}.-]{0,5}$/u, 'initials must be 1 to 6 letters (dots and dashes allowed after the first)'),
});
/** An editor of the project. */
export type ProjectEditor = z.infer<typeof projectEditorSchema>;

/**
 * A new editor for a project that has `editors`: the name and initials checked
 * (initials must be unique, ignoring case, since they are what the text shows).
 */
export function newEditor(editors: readonly ProjectEditor[], input: { name: string; initials: string }, id: string): Validated<ProjectEditor> {
  const parsed = projectEditorSchema.safeParse({ id, name: input.name, initials: input.initials });
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  const taken = editors.find((e) => e.initials.toLowerCase() === parsed.data.initials.toLowerCase());
  if (taken) return { ok: false, error: `initials ${taken.initials} are taken by ${taken.name}` };
  return { ok: true, value: parsed.data };
}

export const projectSettingsSchema = z.object({
  lastDocument: z.string().default(''),
  /** Whether suggestions and drafting use the entries seeded from the starter termbase. */
  termbase: z.boolean().default(true),
  /** The project's editors (provenance of annotations); who is editing now is chosen per machine. */
  editors: z.array(projectEditorSchema).default([]),
  /** Quality-check findings ignored where they are: their keys (shared/qa/run.ts `findingKey`). */
  qaIgnored: z.array(z.string()).default([]),
  /** How the edition is published: the TEI header's publicationStmt (all optional). */
  publication: z
    .object({
      publisher: z.string().default(''),
      pubPlace: z.string().default(''),
      /** Date of the edition (ISO); empty: the date of the latest change to its documents. */
      date: isoDate.default(''),
      /** The licence, in words (`CC BY 4.0`), and its URL. */
      licence: z.string().default(''),
      licenceUrl: z.string().default(''),
    })
    .prefault({}),
});
/** The project's settings. */
export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

export const projectFileSchema = z.object({
  schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
  name: z.string(),
  createdAt: z.string().default(''),
  documents: z.array(documentIndexEntrySchema).default([]),
  glossary: z.array(glossaryEntrySchema).default([]),
  // prefault: a file without settings gets every setting's own default.
  settings: projectSettingsSchema.prefault({}),
});
/** The project file as stored in `project.json`. */
export type ProjectFile = z.infer<typeof projectFileSchema>;

/** Validates parsed JSON as a project file. */
export function validateProjectFile(data: unknown): Validated<ProjectFile> {
  const parsed = projectFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  return { ok: true, value: parsed.data };
}

/** A new, empty project file. */
export function newProjectFile(name: string, now = new Date().toISOString()): ProjectFile {
  return projectFileSchema.parse({ schemaVersion: PROJECT_SCHEMA_VERSION, name, createdAt: now });
}
