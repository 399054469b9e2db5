/**
 * The archive's markdown-like document page: `# June 20, 1963`, `#### Title`,
 * labelled headings (`#### Citation:`, `### Summary:`, `## Credits:`,
 * `### **Original Language:**`, `### **Contents:**`), then the English version,
 * optionally followed by a Korean one after `Korean HTML` or `Translation - Korean`.
 */
import type { DocumentMeta } from '../model/document';
import type { BodyBlock } from './archive-body';
import { firstUrl, labelOf } from './archive-meta';
import { buildArchivePage } from './archive-page';
import { isChromeLine, isCreditsLine, sectionMarker } from './chrome';
import { findDate, parseDateLine } from './dates';
import type { ImportOptions, ImportResult } from './result';
import { trailingRun } from '../model/trim';

interface MdBlock {
  text: string;
  heading: boolean;
  /** Index of the block's first and last line in the file. */
  start: number;
  end: number;
}

/**
 * Markdown inline syntax to plain text: emphasis (`**D**reemphasis` → `Dreemphasis`),
 * links to their text, images and raw HTML dropped (`<br>` becomes a line break),
 * code spans and backslash escapes to their characters. Brackets that are not
 * links stay: they are the editor's insertions.
 */
export function markdownInline(value: string): string {
  if (!/[<*_`[!\\]/.test(value)) return value;
  if (!value.includes('\\')) return stripInline(value);
  // Escaped punctuation is set aside in the private use area so no rule below reads it
  // as syntax (unless the text itself uses those code points).
  if (/[\ue021-\ue07e]/.test(value)) return stripInline(value).replace(/\\([!-/:-@[-`{-~])/g, '$1');
  const hidden = value.replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
  return stripInline(hidden).replace(/[\ue021-\ue07e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
}

// Each pattern below is linear: a class never runs over the character that starts
// the next match (`[` for links, `<` for autolinks), so no character is scanned from
// many starts; comments and raw elements are cut by `cutBetween`. (`/\[([^\]]*)\]\(/`
// or `/<!--[\s\S]*?-->/` on thousands of unclosed openers took minutes.)
function stripInline(value: string): string {
  let out = value;
  if (out.includes('<')) {
    out = cutBetween(out, /<!--/g, () => /-->/g);
    out = cutBetween(out, /<(script|style|iframe|object|template)\b/gi, (m) => new RegExp(`</${m[1]}\\s*>`, 'gi'));
    out = out
      .replace(/<(https?:\/\/[^<>\s]+)>/g, '$1')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?[A-Za-z][^<>]*>/g, '');
  }
  if (out.includes('](')) {
    out = out
      .replace(/!\[[^[\]]*\]\([^()[]*\)/g, '')
      .replace(/\[([^[\]]*)\]\((?:[^()[\]\s]|\([^()[\]\s]*\))*(?:\s+"[^"]*")?\)/g, '$1');
  }
  if (out.includes('`')) out = out.replace(/`([^`]+)`/g, '$1');
  if (out.includes('*')) {
    out = out.replace(/\*\*([^*]+?)\*\*/g, '$1').replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1$2');
  }
  if (out.includes('_')) {
    out = out.replace(/__([^_]+?)__/g, '$1').replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2');
  }
  return out;
}

/**
 * `text` without each stretch from an `open` match to the first match of its
 * `close` after it (an unclosed opener keeps the rest, as before). Linear: the
 * search for a closer never goes back, and once one is missing no later opener of
 * the same kind can find one either.
 */
function cutBetween(text: string, open: RegExp, close: (opened: RegExpExecArray) => RegExp): string {
  let out = '';
  let from = 0;
  const missing = new Set<string>();
  open.lastIndex = 0;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const closer = close(m);
    if (missing.has(closer.source)) continue;
    closer.lastIndex = m.index + m[0].length;
    const end = closer.exec(text);
    if (!end) {
      missing.add(closer.source);
      continue;
    }
    out += text.slice(from, m.index);
    from = end.index + end[0].length;
    open.lastIndex = from;
  }
  return out + text.slice(from);
}

/** A heading's text without an optional closing sequence of `#` (` ## Title ##` → `Title`). */
function withoutClosingHashes(text: string): string {
  const trimmed = text.trimEnd();
  const hashes = trailingRun(trimmed, '#');
  const before = trimmed.length - hashes;
  if (!hashes || before === 0 || !/\s/.test(trimmed[before - 1])) return trimmed;
  return trimmed.slice(0, before).trimEnd();
}

/** Splits the lines into paragraphs and ATX headings, dropping thematic breaks. */
function markdownBlocks(lines: string[]): MdBlock[] {
  const blocks: MdBlock[] = [];
  let para: { lines: string[]; start: number } | null = null;
  const close = (end: number) => {
    if (!para) return;
    // A line ending in two spaces or a backslash is a hard break; other line ends are soft.
    const text = para.lines
      .map((l, k) =>
        k < para!.lines.length - 1 && /( {2,}|\\)$/.test(l) ? `${l.replace(/( {2,}|\\)$/, '')}\n` : `${l.trim()} `,
      )
      .join('')
      .trim();
    blocks.push({ text, heading: false, start: para.start, end });
    para = null;
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') close(index - 1);
    else if (/^\s{0,3}#{1,6}(\s|$)/.test(line) || sectionMarker(line)) {
      close(index - 1);
      const text = withoutClosingHashes(line.trim().replace(/^#{1,6}\s*/, ''));
      blocks.push({ text, heading: true, start: index, end: index });
    } else if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) close(index - 1);
    else if (para) para.lines.push(line);
    else para = { lines: [line], start: index };
  });
  close(lines.length - 1);
  return blocks;
}

/** A line of the page's `Contents:` list (`Translation - English`, `Original Scan`). */
function isContentsItem(text: string): boolean {
  return text.length <= 50 && /^(?:Translation|Transcript|Transcription|Original Scan|Scan|Original)\b/i.test(text);
}

/** Imports an archive markdown-like page (the form of `1963-06-20-kwp-policy-information.txt`). */
export function importArchiveMarkdown(
  text: string,
  name: string,
  options: ImportOptions & { notes?: string[] } = {},
): ImportResult {
  const lines = text.split('\n');
  const blocks = markdownBlocks(lines);
  const known: Partial<DocumentMeta> = {};
  const header: string[] = [];
  const english: BodyBlock[] = [];
  const witness: string[] = [];
  const ignored = new Set<string>();

  const setField = (field: keyof DocumentMeta | 'skip', value: string) => {
    if (field === 'date') known.date ??= parseDateLine(value) ?? findDate(value) ?? undefined;
    else if (field === 'sourceUrl') known.sourceUrl ??= firstUrl(value) || undefined;
    else if (field !== 'skip') known[field] = value;
  };

  let phase: 'header' | 'contents' | 'body' = 'header';
  let pending: keyof DocumentMeta | 'skip' | null = null;
  let section = 'english';

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const value = markdownInline(block.text).trim();
    const marker = sectionMarker(value);
    if (marker) {
      section = marker;
      phase = 'body';
      if (marker === 'korean') {
        // The witness is taken from the raw lines, untouched by any markdown cleaning.
        let next = b + 1;
        while (next < blocks.length && !sectionMarker(markdownInline(blocks[next].text))) next++;
        const end = next < blocks.length ? blocks[next].start : lines.length;
        witness.push(...lines.slice(block.end + 1, end));
        b = next - 1;
      }
      continue;
    }

    if (phase === 'header') {
      if (block.heading) {
        pending = null;
        if (/^contents:?$/i.test(value)) {
          phase = 'contents';
          continue;
        }
        const label = labelOf(value);
        if (label) {
          if (label.value) setField(label.field, label.value);
          else pending = label.field;
          continue;
        }
        const date = parseDateLine(value);
        if (date) {
          known.date ??= date;
          continue;
        }
        if (!known.title) {
          known.title = value;
          continue;
        }
      } else if (pending) {
        setField(pending, value);
        pending = null;
        continue;
      } else if (isCreditsLine(value) || parseDateLine(value) || isChromeLine(value)) {
        header.push(value);
        continue;
      }
      phase = 'body';
    } else if (phase === 'contents') {
      if (!block.heading && (isContentsItem(value) || isChromeLine(value))) continue;
      phase = 'body';
    }

    if (section === 'english') english.push({ text: value, heading: block.heading });
    else if (section !== 'korean') ignored.add(section);
  }

  return buildArchivePage({
    name,
    format: 'markdown',
    header,
    known,
    english,
    witness,
    ignoredSections: [...ignored],
    notes: options.notes,
    now: options.now,
  });
}
