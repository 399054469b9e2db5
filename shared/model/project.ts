/**
 * The project file (`project.json`): name, document index, glossary, settings.
 */
import { z } from 'zod';
import { NAME_TYPES } from './schema';
import { describeIssues, isoDate, type Validated } from './document';

/** Version of the project file format. */
export const PROJECT_SCHEMA_VERSION = 1;

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
});
/** A glossary entry: one name or term across both languages. */
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

export const documentIndexEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  date: isoDate,
});
/** What the project file knows of a document without opening it. */
export type DocumentIndexEntry = z.infer<typeof documentIndexEntrySchema>;

export const projectSettingsSchema = z.object({
  lastDocument: z.string().default(''),
});

export const projectFileSchema = z.object({
  schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
  name: z.string(),
  createdAt: z.string().default(''),
  documents: z.array(documentIndexEntrySchema).default([]),
  glossary: z.array(glossaryEntrySchema).default([]),
  settings: projectSettingsSchema.default({ lastDocument: '' }),
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
