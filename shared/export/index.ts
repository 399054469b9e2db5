/**
 * Exporters: model in, text or bytes out. See `export.ts` for the entry point.
 */
export { exportEdition, type EditionFormat, type ExportedFile } from './export';
export { prepareEdition, inDateOrder, formatDate, type Edition, type PreparedEdition } from './edition';
export {
  EXPORT_FORMATS,
  FORMAT_FILES,
  defaultExportOptions,
  exportOptionsSchema,
  type ExportFormat,
  type ExportOptions,
  type ExportOptionsInput,
} from './options';
export { teiString } from './tei';
export { htmlString } from './html';
export { markdownString } from './markdown';
export { plainString } from './plain';
export { docxBytes } from './docx';
