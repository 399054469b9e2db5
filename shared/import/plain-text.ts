/**
 * Generic plain UTF-8 text: paragraphs separated by blank lines become rows, the
 * lines inside a paragraph are joined (hard-wrapped text is unwrapped). The title
 * is a short first line, else the file name.
 */
import type { BodyBlock } from './archive-body';
import { classifyBody } from './archive-body';
import { assemble, dateFromFileName, titleFromFileName } from './assemble';
import { parseDateLine } from './dates';
import { importError, importOk, type ImportOptions, type ImportResult } from './result';
import { oversizeReason } from './limits';

/** Paragraphs of a text: runs of non-blank lines, joined with a space. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean);
}

/** Imports a plain text file. Bracketed text becomes insertions and `□` gaps, as everywhere. */
export function importPlainText(
  text: string,
  name: string,
  options: ImportOptions & { notes?: string[] } = {},
): ImportResult {
  const paras = paragraphs(text);
  const oversize = oversizeReason(paras.length);
  if (oversize) return importError(name, oversize);
  const first = paras[0] ?? '';
  const firstIsTitle = paras.length > 1 && first.length <= 120 && !/[.!?;,]$/.test(first);
  const title = firstIsTitle ? first : titleFromFileName(name);
  let date = dateFromFileName(name);
  for (const p of paras.slice(0, 4)) {
    const iso = parseDateLine(p);
    if (iso) {
      date = iso;
      break;
    }
  }
  const blocks: BodyBlock[] = paras.map((p, i) => ({ text: p, heading: i === 0 && firstIsTitle }));
  const { blocks: rows } = classifyBody(blocks);
  const { document, warnings } = assemble({
    name,
    format: 'plain',
    meta: { title, date },
    rows,
    witness: [],
    notes: options.notes,
    now: options.now,
  });
  return importOk(document, warnings);
}
