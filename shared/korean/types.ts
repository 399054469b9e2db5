/**
 * Types the Korean engine shares with the rest of the app. The glossary entry is defined
 * here for now; it mirrors the document model's glossary entry.
 */

/** A project glossary entry: a name or term aligned between English and Korean. */
export interface GlossaryEntry {
  /** Stable id. */
  id: string;
  /** Canonical English form (e.g. `Choe Yong-geon`). */
  en: string;
  /** English variants and romanisations (`Choe Yong Gon`). */
  variants: string[];
  /** Korean forms, every spelling the project uses (`조선로동당`, `조선노동당`). */
  ko: string[];
  /** What it names. */
  type: 'person' | 'organisation' | 'place' | 'term';
  /** Free note. */
  note: string;
}
