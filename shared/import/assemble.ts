/**
 * Puts an import together: metadata, English rows with roles, and the witness
 * lines aligned to them, as an {@link ImportedDocument}.
 */
import { emptyMeta, type DocumentMeta, type ImportedDocument } from '../model/document';
import { body, segment } from '../model/build';
import { inlineWithNotes, withoutCalls } from './footnote-calls';
import { ARCHIVE_RESP } from '../model/provenance';
import type { RoleBlock } from './archive-body';
import { alignWitness } from './align-witness';

/** Everything an importer has read from a file. */
export interface AssembleInput {
  /** File name, for `source.file` and the fallback title. */
  name: string;
  /** Importer that read it: `text`, `markdown`, `html`, `plain` (or `tei`). */
  format: string;
  meta: Partial<DocumentMeta>;
  rows: RoleBlock[];
  /** The witness section exactly as imported, line by line (blank lines included). */
  witness: string[];
  /** Footnotes the rows call (`footnote-calls.ts`), note n at index n - 1. */
  footnotes?: string[];
  notes?: string[];
  now?: Date;
}

/** True for a line that holds no text (white space only). */
export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** A section of lines without its leading and trailing blank lines. */
export function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start])) start++;
  while (end > start && isBlank(lines[end - 1])) end--;
  return lines.slice(start, end);
}

/** A readable title from a file name: no folders, no extension, no leading ISO date. */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const words = stem
    .replace(/^\d{4}-\d{2}-\d{2}[-_ ]*/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : stem || 'Untitled';
}

/** The ISO date a file name starts with (`1960-08-30-puzanov.txt`), if any. */
export function dateFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const m = /^(\d{4}-\d{2}-\d{2})(?!\d)/.exec(base);
  return m ? m[1] : '';
}

/**
 * Builds the document: the English rows become segments (bracketed text as
 * `insertion` marks, `□` as gaps), the non-blank witness lines are aligned to
 * them in order, and empty metadata fields get their defaults. A witness without
 * English rows gives one row per witness line.
 */
export function assemble(input: AssembleInput): { document: ImportedDocument; warnings: string[] } {
  const warnings: string[] = [];
  const meta: DocumentMeta = { ...emptyMeta(''), ...stripUndefined(input.meta) };
  if (!meta.title) {
    meta.title = titleFromFileName(input.name);
    warnings.push(`no title found; using the file name "${meta.title}"`);
  }
  if (!meta.date) {
    meta.date = dateFromFileName(input.name);
    if (!meta.date) warnings.push('no date found');
  }

  const witness = trimBlankLines(input.witness);
  const lines: string[] = [];
  const blankBefore: number[] = [];
  let blanks = 0;
  for (const line of witness) {
    if (isBlank(line)) {
      blanks++;
      continue;
    }
    lines.push(line);
    blankBefore.push(blanks);
    blanks = 0;
  }

  const rows = input.rows.length || lines.length ? input.rows : [{ role: 'p' as const, text: '' }];
  let segments;
  if (rows.length === 0) {
    segments = lines.map((line) => segment({ role: 'p', witness: [line] }));
    warnings.push('the file has a Korean version but no English one');
  } else {
    const owner = alignWitness(
      rows.map((r) => withoutCalls(r.text)),
      lines,
      { blankBefore },
    );
    const groups: string[][] = rows.map(() => []);
    owner.forEach((row, i) => groups[row].push(lines[i]));
    segments = rows.map((row, i) =>
      // The brackets of the archive's page are its translator's (provenance: 'archive').
      segment({ role: row.role, english: inlineWithNotes(row.text, input.footnotes ?? [], { resp: ARCHIVE_RESP }), witness: groups[i] }),
    );
  }

  const document: ImportedDocument = {
    meta,
    source: {
      file: input.name,
      format: input.format,
      importedAt: (input.now ?? new Date()).toISOString(),
      witness,
      notes: input.notes ?? [],
    },
    body: body(segments),
  };
  return { document, warnings };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
