/**
 * Brackets and notes: brackets typed as text (an editor's insertion is a mark, its
 * brackets drawn, never typed), brackets that do not close, insertions with nothing
 * in them, footnotes with nothing in them.
 */
import type { Node } from 'prosemirror-model';
import type { QaText } from '../text';
import { META_FIELDS } from '../text';
import type { CheckedDocument, Emit, RuleFamily } from '../context';
import type { QaRuleInfo } from '../types';

export const LITERAL: QaRuleInfo = { id: 'brackets.literal', family: 'brackets', severity: 'warning', title: 'Brackets typed as text where an insertion is meant' };
export const UNBALANCED: QaRuleInfo = { id: 'brackets.unbalanced', family: 'brackets', severity: 'warning', title: 'A bracket that is not closed or not opened' };
export const EMPTY_INSERTION: QaRuleInfo = { id: 'brackets.empty-insertion', family: 'brackets', severity: 'warning', title: 'An insertion with nothing in it' };
export const EMPTY_FOOTNOTE: QaRuleInfo = { id: 'brackets.empty-footnote', family: 'brackets', severity: 'warning', title: 'A footnote with nothing in it' };

const PAIRS: Record<string, string> = { '[': ']', '(': ')' };
const CLOSERS: Record<string, string> = { ']': '[', ')': '(' };
const BRACKET = /[[\]()]/;

function checkText(t: QaText, emit: Emit): void {
  const body = t.where.kind === 'body';
  // Literal square brackets: [text] becomes an insertion, [] goes.
  for (const m of t.text.includes('[') ? t.text.matchAll(/\[([^[\]\n]*)\]/g) : []) {
    const empty = !/[\p{L}\p{N}]/u.test(m[1]);
    if (empty) {
      emit({ rule: EMPTY_INSERTION, text: t, start: m.index, end: m.index + m[0].length, message: `Empty brackets “${m[0]}”`, fix: body ? { kind: 'delete', label: 'Remove them' } : undefined });
    } else {
      emit({
        rule: LITERAL,
        text: t,
        start: m.index,
        end: m.index + m[0].length,
        message: `“${m[0]}” is typed; an editor’s addition is an insertion (its brackets are drawn, exports mark it)`,
        fix: body && !m[1].includes('\uFFFC') ? { kind: 'insertion', label: 'Make it an insertion' } : undefined,
      });
    }
  }
  // Balance, round and square, in order (most texts hold no bracket at all).
  if (!BRACKET.test(t.text)) return;
  const stack: { char: string; at: number }[] = [];
  const unbalanced: { char: string; at: number }[] = [];
  for (let i = 0; i < t.text.length; i++) {
    const c = t.text[i];
    if (PAIRS[c]) stack.push({ char: c, at: i });
    else if (CLOSERS[c]) {
      // A closing ")" after a list letter or number ("a) ", "2) ") opens nothing.
      if (c === ')' && /(^|\s)[\p{L}\d]{1,2}$/u.test(t.text.slice(Math.max(0, i - 3), i)) && !stack.some((s) => s.char === '(')) continue;
      const open = stack.map((s) => s.char).lastIndexOf(CLOSERS[c]);
      if (open < 0) unbalanced.push({ char: c, at: i });
      else stack.splice(open);
    }
  }
  unbalanced.push(...stack);
  for (const { char, at } of unbalanced) {
    const opening = !!PAIRS[char];
    emit({ rule: UNBALANCED, text: t, start: at, end: at + 1, message: opening ? `“${char}” is not closed in this ${body ? 'cell' : 'field'}` : `“${char}” closes nothing opened before it` });
  }
}

/** Insertions whose text has no letter or digit, and footnotes with no text. */
function checkNodes(doc: CheckedDocument, emit: Emit): void {
  for (const t of doc.body) {
    if (!t.inserted || !t.positions) continue;
    for (let i = t.inserted.indexOf(1); i >= 0 && i < t.text.length; ) {
      if (!t.inserted[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < t.text.length && t.inserted[j] && (j === i || t.positions[j] === t.positions[j - 1] + 1)) j++;
      const content = t.text.slice(i, j);
      if (!/[\p{L}\p{N}\uFFFC]/u.test(content)) {
        emit({ rule: EMPTY_INSERTION, text: t, start: i, end: j, message: `An insertion holding only “${content}”`, fix: { kind: 'delete', label: 'Remove it' } });
      }
      i = j;
    }
  }
  doc.doc.descendants((node: Node, pos: number) => {
    if (node.type.name !== 'footnote') return true;
    if (!node.textContent.trim()) {
      const $pos = doc.doc.resolve(pos);
      const where = { kind: 'body' as const, segment: String($pos.node(1)?.attrs.id ?? ''), row: $pos.index(0) + 1, column: 'footnote' as const };
      const t: QaText = { where, text: '\uFFFC', positions: Int32Array.of(pos), inserted: null, corrected: null };
      emit({ rule: EMPTY_FOOTNOTE, text: t, start: 0, end: 1, message: 'A footnote with no text', fix: { kind: 'delete', label: 'Remove the footnote' } });
    }
    return false;
  });
}

/** The brackets and notes family. */
export const bracketRules: RuleFamily = {
  rules: [LITERAL, UNBALANCED, EMPTY_INSERTION, EMPTY_FOOTNOTE],
  check(doc, _ctx, emit) {
    for (const t of doc.body) if (t.where.kind === 'body' && t.where.column !== 'korean') checkText(t, emit);
    for (const t of doc.meta) if (t.where.kind === 'meta' && META_FIELDS.includes(t.where.field) && t.where.field !== 'sourceUrl') checkText(t, emit);
    checkNodes(doc, emit);
  },
};
