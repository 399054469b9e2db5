/**
 * OCR slips in the English and the metadata: `II` read for `Il` in names,
 * letters read one for another (`Im the`), words run together (`Dreemphasis`)
 * or not English at all (an English spelling check: the hunspell dictionary, the
 * glossary and the termbase), `□` typed where a gap is meant, doubled words,
 * markdown left in the text (`**D**`), bullets lost as a leading `. `.
 */
import { GAP_GLYPH } from '../../model/gap';
import { anyFlag, type QaText } from '../text';
import { isAcronym, isCapitalised, nextIsLower, startsSentence } from '../words';
import { PROSE_FIELDS, type CheckedDocument, type Emit, type QaContext, type RuleFamily } from '../context';
import { META_FIELDS } from '../text';
import type { QaRuleInfo } from '../types';

export const ROMAN_IL: QaRuleInfo = { id: 'ocr.roman-il', family: 'ocr', severity: 'warning', title: '“II” (Roman two) read for “Il” in a name: Kim II Sung' };
export const LETTER_SLIP: QaRuleInfo = { id: 'ocr.letter-slip', family: 'ocr', severity: 'warning', title: 'A letter read for another: “Im the” for “In the”' };
export const RUN_TOGETHER: QaRuleInfo = { id: 'ocr.run-together', family: 'ocr', severity: 'warning', title: 'Words run together: “Dreemphasis”, “theparty”' };
export const SPELLING: QaRuleInfo = { id: 'ocr.spelling', family: 'ocr', severity: 'info', title: 'Not in the English dictionary, the glossary or the termbase' };
export const GAP_TEXT: QaRuleInfo = { id: 'ocr.gap-glyph', family: 'ocr', severity: 'warning', title: '“□” typed as text, not yet a gap' };
export const DOUBLED: QaRuleInfo = { id: 'ocr.doubled-word', family: 'ocr', severity: 'warning', title: 'A word written twice: “the the”' };
export const MARKDOWN: QaRuleInfo = { id: 'ocr.markdown', family: 'ocr', severity: 'warning', title: 'Markdown left in the text: “**D**”' };
export const LOST_BULLET: QaRuleInfo = { id: 'ocr.lost-bullet', family: 'ocr', severity: 'warning', title: 'A bullet lost as “. ”' };

/** Doubles that English allows. */
const ALLOWED_DOUBLES = new Set(['had', 'that', 'is', 'bye', 'so', 'very', 'ha', 'no', 'far', 'again', 'more', 'many', 'long', 'on']);

function checkRomanIl(t: QaText, ctx: QaContext, emit: Emit): void {
  if (!t.text.includes('II')) return;
  for (const m of t.text.matchAll(/\bII\b/g)) {
    const start = m.index;
    if (anyFlag(t.corrected, start, start + 2)) continue;
    const before = /(\p{Lu}[\p{Ll}'’-]*)\s+$/u.exec(t.text.slice(Math.max(0, start - 40), start));
    const after = /^\s+(\p{Lu}[\p{Ll}-]*)/u.exec(t.text.slice(start + 2, start + 42));
    const glossary = before !== null && ctx.glossary.some((e) => [e.en, ...e.variants].some((f) => f.includes(`${before[1]} Il`)));
    // World War II, Pius II: a Roman two ends a name; in "Kim II Sung" a name goes on after it.
    if (!(before && after) && !glossary) continue;
    emit({ rule: ROMAN_IL, text: t, start, end: start + 2, message: `“II” here is probably “Il” misread (${before ? before[1] + ' ' : ''}Il${after ? ' ' + after[1] : ''})`, fix: { kind: 'correct', label: 'Correct to “Il”', text: 'Il' } });
  }
}

function checkWords(doc: CheckedDocument, t: QaText, ctx: QaContext, emit: Emit): void {
  const words = doc.wordsOf(t);
  words.forEach((w, index) => {
    if (/\d/.test(w.text) || isAcronym(w.text) || anyFlag(t.corrected, w.start, w.end)) return;
    const { lexicon } = ctx;
    if (lexicon.known(w.text)) return;
    const capital = isCapitalised(w.text);
    const sentence = startsSentence(t.text, w.start);
    // A capital inside a sentence, or a capital followed by another: a name (names.ts). Two letters before a lower-case word are a slip, not a name (`Im the`, but `Im Chol`).
    const proseWord = !capital || (nextIsLower(t.text, words, index) && (sentence || w.text.length < 3));
    if (proseWord) {
      const slip = lexicon.ocrCandidate(w.text);
      if (slip) {
        emit({ rule: LETTER_SLIP, text: t, start: w.start, end: w.end, message: `“${w.text}” is not a word: probably “${slip}” misread`, fix: { kind: 'correct', label: `Correct to “${slip}”`, text: slip } });
        return;
      }
    }
    const split = lexicon.split(w.text);
    if (split && proseWord) {
      emit({ rule: RUN_TOGETHER, text: t, start: w.start, end: w.end, message: `“${w.text}” looks like two words run together: “${split}”`, fix: { kind: 'correct', label: `Correct to “${split}”`, text: split } });
      return;
    }
    const tail = lexicon.runTogetherTail(w.text);
    if (tail && proseWord) {
      emit({ rule: RUN_TOGETHER, text: t, start: w.start, end: w.end, message: `“${w.text}” is not a word: “${tail}” run together with a slip before it?` });
      return;
    }
    if (proseWord) emit({ rule: SPELLING, text: t, start: w.start, end: w.end, message: `“${w.text}” is not in the English dictionary, the glossary or the termbase` });
  });
}

const GAP_RUN = new RegExp(`${GAP_GLYPH}+`, 'g');

function checkGlyphs(t: QaText, emit: Emit): void {
  if (!t.text.includes(GAP_GLYPH)) return;
  for (const m of t.text.matchAll(GAP_RUN)) {
    const body = t.where.kind === 'body';
    emit({
      rule: GAP_TEXT,
      text: t,
      start: m.index,
      end: m.index + m[0].length,
      message: `${m[0].length === 1 ? '“□” is' : `${m[0].length} “□” are`} typed text, not a gap: exports print ${m[0].length === 1 ? 'it' : 'them'} as a character`,
      fix: body ? { kind: 'gap', label: 'Make it a gap' } : undefined,
    });
  }
}

function checkDoubled(doc: CheckedDocument, t: QaText, emit: Emit): void {
  const words = doc.wordsOf(t);
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1];
    const b = words[i];
    if (a.text.toLowerCase() !== b.text.toLowerCase() || !/^\s+$/.test(t.text.slice(a.end, b.start))) continue;
    if (ALLOWED_DOUBLES.has(a.text.toLowerCase()) || anyFlag(t.inserted, a.start, b.end)) continue;
    emit({ rule: DOUBLED, text: t, start: a.start, end: b.end, message: `“${a.text}” is written twice`, fix: { kind: 'correct', label: `Correct to “${a.text}”`, text: a.text } });
  }
}

function checkMarkdown(t: QaText, emit: Emit): void {
  // Most texts hold neither mark: the patterns are only run when one may match.
  const bold = t.text.includes('**') || t.text.includes('__');
  for (const m of bold ? t.text.matchAll(/(\*\*|__)(?=\S)([^*_\n]{1,200}?)(?<=\S)\1/g) : []) {
    emit({ rule: MARKDOWN, text: t, start: m.index, end: m.index + m[0].length, message: `Markdown bold “${m[0]}” left in the text`, fix: { kind: 'correct', label: `Correct to “${m[2]}”`, text: m[2] } });
  }
  for (const m of t.text.includes('#') ? t.text.matchAll(/^(#{1,6}) +(?=\S)/gm) : []) {
    emit({ rule: MARKDOWN, text: t, start: m.index, end: m.index + m[0].length, message: 'A markdown heading mark left at the start of the line' });
  }
}

function checkBullets(t: QaText, emit: Emit): void {
  const lead = /^\s*\. (?=\p{Lu})/u.exec(t.text);
  if (lead) {
    const start = lead[0].indexOf('.');
    emit({ rule: LOST_BULLET, text: t, start, end: start + 2, message: 'The row begins with “. ”: a list bullet lost by the OCR', fix: { kind: 'correct', label: 'Correct to “• ”', text: '• ' } });
  }
  for (const m of t.text.matchAll(/(?<=[.!?]) (\. )(?=\p{Lu})/gu)) {
    const start = m.index + 1;
    emit({ rule: LOST_BULLET, text: t, start, end: start + 2, message: 'A list bullet lost as “. ” inside the row: the next item begins here (split the row)' });
  }
}

/** The OCR family. */
export const ocrRules: RuleFamily = {
  rules: [ROMAN_IL, LETTER_SLIP, RUN_TOGETHER, SPELLING, GAP_TEXT, DOUBLED, MARKDOWN, LOST_BULLET],
  check(doc, ctx, emit) {
    const prose = doc.english(PROSE_FIELDS);
    const all = doc.english(META_FIELDS);
    for (const t of all) {
      checkRomanIl(t, ctx, emit);
      checkGlyphs(t, emit);
      checkDoubled(doc, t, emit);
      checkMarkdown(t, emit);
    }
    for (const t of prose) {
      checkWords(doc, t, ctx, emit);
      if (t.where.kind === 'body' && t.where.column === 'english') checkBullets(t, emit);
    }
  },
};
