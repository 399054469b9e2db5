/**
 * The English version of an archive page as rows with roles: the heading lines
 * above the first paragraph (`head`), paragraphs (`p`), the signature block after
 * the last paragraph (`closer`) and the distribution list (`distribution`).
 */
import type { SegmentRole } from '../model/schema';
import { isChromeLine, sectionMarker } from './chrome';
import { FOOTNOTE_CALL } from './footnote-calls';

/** A block of text as the page has it: one paragraph or one heading line. */
export interface BodyBlock {
  /** The text; `\n` is a line break inside the block (HTML `<br>`). */
  text: string;
  /** Two or more blank lines came before it in a text page (a stronger break). */
  breakBefore?: boolean;
  /** The page marks it as a heading (`<h3>`, `## ...`). */
  heading?: boolean;
}

/** A row of the English version with its role. */
export interface RoleBlock {
  role: SegmentRole;
  text: string;
}

/** Rows with roles, and how many paragraphs broken across a blank line were joined. */
export interface ClassifiedBody {
  blocks: RoleBlock[];
  joined: number;
}

/** Closing quotes and brackets that may follow the punctuation ending a sentence. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);

/** The last character of a text that is not white space or a closing quote or bracket. */
function lastMark(text: string): string {
  let k = text.length - 1;
  for (;;) {
    while (k >= 0 && (text[k] === ' ' || text[k] === '\n' || text[k] === '\t')) k--;
    // A footnote call (`.\uFFFC1\uFFFC`, see footnote-calls.ts) stands after the sentence's end.
    if (k < 0 || text[k] !== FOOTNOTE_CALL) break;
    k = text.lastIndexOf(FOOTNOTE_CALL, k - 1) - 1;
  }
  while (k >= 0 && CLOSERS.has(text[k])) k--;
  return k >= 0 ? text[k] : '';
}

/** True when the text ends a sentence (`.`, `!`, `?`, `:`, `;`, maybe before a closing quote or bracket). */
export function endsSentence(text: string): boolean {
  return '.!?:;…'.includes(lastMark(text) || '#');
}

/** Like {@link endsSentence}, but a colon does not count (it ends a heading such as `Summary:`). */
function endsStrictly(text: string): boolean {
  return '.!?;…'.includes(lastMark(text) || '#');
}

/** True for a running paragraph rather than a heading or a signature line. */
export function isParagraph(text: string): boolean {
  const value = text.trim();
  return value.length >= 200 || (value.length >= 80 && endsSentence(value));
}

/** True for a line that opens or continues a distribution list (`3x Deputy Minister`, `CC:`). */
export function isDistributionLine(text: string): boolean {
  const value = text.trim();
  return (
    /^\d+\s*[x×]\s*\S/i.test(value) ||
    /^\d+\s+(?:cop(?:y|ies)|ex\.?|exemplare?)\b/i.test(value) ||
    isDistributionLabel(value)
  );
}

function isDistributionLabel(value: string): boolean {
  return /^(?:cc|bcc|c\.c\.|copies(?: to)?|copy to|distribution(?: list)?|verteiler)\s*:/i.test(value);
}

function isParenthesised(value: string): boolean {
  return /^\(.*\)$/.test(value) && value.length <= 200;
}

function isFullyBracketed(value: string): boolean {
  return /^\[[^\]]*\]$/.test(value);
}

/**
 * Drops chrome, joins a paragraph that the page broke across a blank line
 * mid-sentence (it does not end a sentence and the next one starts in lower
 * case), and gives each block its role.
 */
export function classifyBody(input: BodyBlock[]): ClassifiedBody {
  const blocks: BodyBlock[] = [];
  let joined = 0;
  for (const block of input) {
    const text = block.text.trim();
    if (!text || isChromeLine(text) || sectionMarker(text)) continue;
    const prev = blocks[blocks.length - 1];
    if (
      prev &&
      !prev.heading &&
      !block.heading &&
      !block.breakBefore &&
      prev.text.length >= 60 &&
      !endsSentence(prev.text) &&
      /^\p{Ll}/u.test(text)
    ) {
      blocks[blocks.length - 1] = { ...prev, text: `${prev.text} ${text}` };
      joined++;
      continue;
    }
    blocks.push({ ...block, text });
  }

  const roles: SegmentRole[] = blocks.map((b) => (b.heading ? 'head' : 'p'));
  const n = blocks.length;
  const firstPara = blocks.findIndex((b) => !b.heading && isParagraph(b.text));

  // Heading lines above the first paragraph.
  const headEnd = firstPara === -1 ? 0 : Math.min(firstPara, 12);
  for (let i = 0; i < headEnd; i++) roles[i] = 'head';

  // Distribution lists: an opening line, then lines that continue it.
  const runStarts: number[] = [];
  for (let i = Math.max(firstPara, 0); i < n; i++) {
    if (roles[i] !== 'p' || !isDistributionLine(blocks[i].text)) continue;
    runStarts.push(i);
    let afterLabel = isDistributionLabel(blocks[i].text);
    roles[i] = 'distribution';
    for (let k = i + 1; k < n; k++) {
      const value = blocks[k].text;
      const continues =
        isDistributionLine(value) ||
        isParenthesised(value) ||
        (afterLabel && value.length <= 80 && !endsStrictly(value) && !value.endsWith(':') && !isFullyBracketed(value));
      if (!continues || blocks[k].heading) break;
      if (isDistributionLabel(value)) afterLabel = true;
      roles[k] = 'distribution';
      i = k;
    }
  }

  // The signature block: short lines right after the last paragraph of a part,
  // before a distribution list or the end.
  if (firstPara !== -1) {
    for (const end of [...runStarts, n]) {
      let i = end - 1;
      let count = 0;
      while (
        i > firstPara &&
        count < 6 &&
        roles[i] === 'p' &&
        !isParagraph(blocks[i].text) &&
        blocks[i].text.length <= 60 &&
        !endsStrictly(blocks[i].text)
      ) {
        i--;
        count++;
      }
      if (count > 0 && roles[i] === 'p' && isParagraph(blocks[i].text)) {
        for (let k = i + 1; k < end; k++) roles[k] = 'closer';
      }
    }
  }

  // Section headings inside the text: a short line that does not end a sentence,
  // followed by a paragraph.
  for (let i = Math.max(firstPara, 0) + 1; i < n - 1; i++) {
    const value = blocks[i].text;
    if (
      roles[i] === 'p' &&
      value.length <= 100 &&
      !isParagraph(value) &&
      !endsStrictly(value) &&
      roles[i + 1] === 'p' &&
      isParagraph(blocks[i + 1].text)
    ) {
      roles[i] = 'head';
    }
  }

  return { blocks: blocks.map((b, i) => ({ role: roles[i], text: b.text })), joined };
}
