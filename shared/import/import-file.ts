/**
 * The importer's entry point: bytes in, a document or a clear error out. Pure:
 * it reads nothing and writes nothing, so a bad input can never leave anything
 * behind.
 */
import { importArchiveHtml } from './archive-html';
import { importArchiveMarkdown } from './archive-markdown';
import { importArchiveText } from './archive-text';
import { decodeText } from './decode';
import { detectFormat } from './detect';
import { importPlainText } from './plain-text';
import { importTei } from './tei';
import { importError, type ImportInput, type ImportOptions, type ImportResult } from './result';
import { repair } from '../korean/mojibake';

/**
 * Imports one file. Checks, in order: empty (no bytes or only white space), over
 * 20 MB, binary, invalid UTF-8; then reads it as an archive HTML page, TEI, the
 * archive's markdown-like or plain-text page, or generic plain text. The error of
 * a failed import names the file and the reason.
 */
export function importFile(input: ImportInput, options: ImportOptions = {}): ImportResult {
  const name = input.name;
  const decoded = decodeText(input.bytes);
  if (!decoded.ok) return importError(name, decoded.reason);
  // Reversible mojibake (UTF-8 or EUC-KR/CP949 bytes read as Latin-1/cp1252) is
  // repaired where the repair is clearly better; the lossy witness is plain ASCII
  // and never matches. What was repaired is recorded in the document's source notes.
  const fixed = repair(decoded.text);
  const text = fixed.text;
  const notes = fixed.changed ? [...decoded.notes, `repaired encoding: ${describeRepair(fixed.runs)}`] : decoded.notes;
  const opts = { ...options, notes };

  let result: ImportResult;
  switch (detectFormat(text, name)) {
    case 'tei':
      result = importTei(text, name, opts);
      break;
    case 'html':
      result = importArchiveHtml(text, name, opts);
      break;
    case 'markdown':
      result = importArchiveMarkdown(text, name, opts);
      break;
    case 'text':
      result = importArchiveText(text, name, opts);
      break;
    default:
      result = importPlainText(text, name, opts);
  }
  // The body is valid by construction (the tests hold every importer to that); the
  // store validates each document file again when it writes it.
  return result;
}

function describeRepair(runs: { original: string; repaired: string; kind: string }[]): string {
  const kinds = [...new Set(runs.map((r) => r.kind))].join(', ');
  const examples = runs
    .slice(0, 3)
    .map((r) => `${r.original} → ${r.repaired}`)
    .join('; ');
  return `${runs.length} stretch(es), ${kinds} (${examples}${runs.length > 3 ? '; …' : ''})`;
}
