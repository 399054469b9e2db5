/** The importers: files in, documents out. Pure; the Node layer reads the files. */
export { importFile } from './import-file';
export type { ImportInput, ImportOptions, ImportResult } from './result';
export { importError, importOk } from './result';
export { decodeText, firstInvalidUtf8, binaryMagic, MAX_IMPORT_BYTES, type Decoded } from './decode';
export { detectFormat, type SourceFormat } from './detect';
export { importArchiveText, splitSections, lineBlocks } from './archive-text';
export { importArchiveMarkdown, markdownInline } from './archive-markdown';
export { importArchiveHtml } from './archive-html';
export { extractHtml, type HtmlBlock, type HtmlExtract } from './html-blocks';
export { importPlainText, paragraphs } from './plain-text';
export { buildArchivePage, type ArchivePage } from './archive-page';
export {
  classifyBody,
  endsSentence,
  isParagraph,
  isDistributionLine,
  type BodyBlock,
  type RoleBlock,
} from './archive-body';
export { alignWitness, type AlignOptions } from './align-witness';
export { assemble, trimBlankLines, titleFromFileName, dateFromFileName, type AssembleInput } from './assemble';
export { parseDateLine, findDate, monthNumber } from './dates';
export { isChromeLine, sectionMarker, isCreditsLine } from './chrome';
export {
  parseHeaderLines,
  completeFromCitation,
  titleFromCitation,
  translatorFromCitation,
  signatureFromLine,
  firstUrl,
} from './archive-meta';
