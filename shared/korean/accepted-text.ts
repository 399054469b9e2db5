/**
 * The Korean a project has accepted, as the suggester's cache should learn it: restoration
 * content flattened to text where words under the `proposed` mark (drafts and auto-fill not
 * yet accepted) and gaps become `□` boxes. A box makes its word a non-Hangul token that the
 * cache skips, and breaks word bigrams across it, so an unaccepted proposal never teaches
 * the suggester its own guesses.
 */

/** The shape of ProseMirror JSON this needs (the document model's PMJson fits it). */
export interface InlineJson {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string }[];
  content?: InlineJson[];
}

/** Mark type of text proposed but not accepted. */
export const PROPOSED_MARK = 'proposed';

/** Accepted text of inline content: proposals and gaps as `□` (spaces kept), hard breaks as `\n`. */
export function acceptedText(nodes: InlineJson[] | undefined): string {
  let out = '';
  for (const node of nodes ?? []) {
    if (node.type === 'text') {
      const text = node.text ?? '';
      out += (node.marks ?? []).some((m) => m.type === PROPOSED_MARK) ? text.replace(/\S/g, '□') : text;
    } else if (node.type === 'hard_break') out += '\n';
    else if (node.type === 'gap') out += '□'.repeat(Math.max(1, Number(node.attrs?.quantity ?? 1)));
    else out += acceptedText(node.content);
  }
  return out;
}
