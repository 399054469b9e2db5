/**
 * Options every exporter understands. Exporters are pure: model in, text or bytes out.
 *
 * TEI is the complete scholarly record: it honours `columns` and `editionTitle`,
 * always carries the witness, and encodes insertions and corrections as TEI
 * elements, so `brackets`, `witness` and `corrections` apply to the reading
 * formats (HTML, PDF, DOCX, Markdown, plain text) only.
 */
import { z } from 'zod';

export const EXPORT_FORMATS = ['tei', 'html', 'md', 'docx', 'pdf', 'txt'] as const;
/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportOptionsSchema = z.object({
  /** Which columns to include. */
  columns: z
    .object({
      english: z.boolean().default(true),
      korean: z.boolean().default(true),
      original: z.boolean().default(false),
    })
    .default({ english: true, korean: true, original: false }),
  /** Draw insertions with brackets (otherwise only a distinct style, or nothing in plain formats). */
  brackets: z.boolean().default(true),
  /** Show the witness (the garbled Korean) as a column or block beside each row. */
  witness: z.boolean().default(false),
  /**
   * How corrections show: `noted` gives the corrected text with the source's reading
   * noted (`Kim Il Sung [source: Kim II Sung]`; a Word comment too in DOCX), `silent`
   * the corrected text alone, `original` the source's reading (corrections left out).
   */
  corrections: z.enum(['noted', 'silent', 'original']).default('noted'),
  /**
   * Korean that is not verified against the witness (rows contradicted, partial or
   * holding proposals): `mark` shows it with the sign of its state (explained in the
   * legend), `omit` leaves its text out and shows only the sign.
   */
  unverified: z.enum(['mark', 'omit']).default('mark'),
  /**
   * Where PDF prints footnotes: `page`, at the foot of the page where they are
   * called, above the bottom margin under a short rule, as printed editions set
   * them (with the noted corrections of that page; laid out by the paginator,
   * `paginator.ts`); `foot`, at the foot of the row (or paragraph) that calls them;
   * `end`, after each document. Other reading formats: HTML lists them after the
   * document, DOCX uses Word's own footnotes, Markdown and plain text list them at
   * the end.
   */
  notes: z.enum(['page', 'foot', 'end']).default('page'),
  /** Page size for PDF. */
  pageSize: z.enum(['A4', 'Letter']).default('A4'),
  /** Title of a whole-project edition. */
  editionTitle: z.string().default(''),
});
/** Export options after defaults are applied. */
export type ExportOptions = z.infer<typeof exportOptionsSchema>;
/** Export options as given: any of them, at any depth, may be left to its default. */
export type ExportOptionsInput = z.input<typeof exportOptionsSchema>;

/** Options with every default applied. */
export function defaultExportOptions(partial: unknown = {}): ExportOptions {
  return exportOptionsSchema.parse(partial ?? {});
}

/** File extension and MIME type of each format. */
export const FORMAT_FILES: Record<ExportFormat, { ext: string; mime: string }> = {
  tei: { ext: 'xml', mime: 'application/tei+xml' },
  html: { ext: 'html', mime: 'text/html' },
  md: { ext: 'md', mime: 'text/markdown' },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { ext: 'pdf', mime: 'application/pdf' },
  txt: { ext: 'txt', mime: 'text/plain' },
};
