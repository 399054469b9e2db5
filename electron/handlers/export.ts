/**
 * The export handler: gathers the chosen documents and the glossary into an
 * edition and runs the pure exporter; PDF goes through a printer (Electron's
 * hidden window in the app, a system Chromium in the CLI and tests).
 */
import type { HandlerTable } from '../../shared/ipc/contract';
import type { DocumentFile } from '../../shared/model/document';
import { UserError } from '../../shared/errors';
import type { HandlerContext } from './index';
import type { PdfPrinter } from '../export/pdf';
import { loadExporters } from '../export/exporters';

export type { PdfPrinter };

export function exportHandlers(ctx: HandlerContext): Pick<HandlerTable, 'exportEdition'> {
  return {
    async exportEdition({ ids, format, options }) {
      const { exportEdition, finishPdf, type3Warning } = await loadExporters();
      const store = ctx.store();
      const documents: DocumentFile[] = [];
      for (const id of ids) documents.push(await store.readDocument(id));
      const { name, settings } = store.project;
      // The project's name setting titles the edition; its publication settings and editors fill the TEI header.
      const project = { name, publication: settings.publication, editors: settings.editors };
      const edition = { documents, glossary: store.glossary, title: options.editionTitle || name, project };
      if (format !== 'pdf') return exportEdition(format, edition, options);
      if (!ctx.printPdf)
        throw new UserError('PDF export needs a printer: run inside the app, or install Chromium', 'no-printer');
      const html = await exportEdition('pdf-html', edition, options);
      const printed = await ctx.printPdf(new TextDecoder().decode(html.bytes), { pageSize: options.pageSize });
      // The browser writes only a title: the document's metadata and language go in after.
      const finished = await finishPdf(printed, html.print!);
      const type3 = type3Warning(finished.type3Fonts);
      return {
        fileName: html.fileName.replace(/\.html$/, '.pdf'),
        mime: 'application/pdf',
        bytes: finished.bytes,
        warnings: type3 ? [...html.warnings, type3] : html.warnings,
      };
    },
  };
}
