/**
 * Types the Korean engine shares with the rest of the app. The glossary entry has one
 * definition, the project model's (inferred from the schema that validates
 * `project.json`); the import is type-only, so the engine loads no validation code.
 */
export type { GlossaryEntry } from '../model/project';
