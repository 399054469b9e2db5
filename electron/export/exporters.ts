/**
 * The exporters (docx, xmlbuilder2) and the PDF finisher (pdf-lib), loaded on
 * the first export rather than with every CLI command or app start.
 */
import type * as SharedExport from '../../shared/export';
import type * as PdfMeta from './pdf-meta';

export interface Exporters {
  exportEdition: typeof SharedExport.exportEdition;
  finishPdf: typeof PdfMeta.finishPdf;
  type3Warning: typeof PdfMeta.type3Warning;
}

let loading: Promise<Exporters> | null = null;

/** The exporters, loaded once. */
export function loadExporters(): Promise<Exporters> {
  loading ??= Promise.all([import('../../shared/export'), import('./pdf-meta')]).then(([exporter, pdf]) => ({
    exportEdition: exporter.exportEdition,
    finishPdf: pdf.finishPdf,
    type3Warning: pdf.type3Warning,
  }));
  return loading;
}

/**
 * Hands over exporters already loaded, for a process that cannot load
 * TypeScript modules lazily (the browser tests' Node side runs the handlers
 * under Playwright's require-only transform, where `import()` of a .ts file fails).
 */
export function provideExporters(exporters: Exporters): void {
  loading = Promise.resolve(exporters);
}
