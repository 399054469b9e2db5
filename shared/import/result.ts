/**
 * The result of an import: a document with warnings, or an error that names the
 * file and the reason. Every importer returns this; none throws for bad input.
 */
import type { ImportedDocument } from '../model/document';

/** A file handed to the importer: its name (for messages and titles) and its bytes. */
export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

/**
 * What an import gives back. `warnings` are for the person importing (a missing
 * date, an ignored section); `error` names the file and says what is wrong with it.
 */
export type ImportResult =
  | {
      ok: true;
      document: ImportedDocument;
      warnings: string[];
      /** Every document of a file that holds several (a TEI `teiCorpus`); `document` is the first. */
      documents?: ImportedDocument[];
    }
  | { ok: false; error: string };

/** Options shared by the importers. */
export interface ImportOptions {
  /** Clock for `source.importedAt` (tests pass a fixed date). */
  now?: Date;
}

/** A failed import whose message reads `name: reason`. */
export function importError(name: string, reason: string): ImportResult {
  return { ok: false, error: `${name || '(unnamed file)'}: ${reason}` };
}

/** A successful import. */
export function importOk(document: ImportedDocument, warnings: string[] = []): ImportResult {
  return { ok: true, document, warnings };
}
