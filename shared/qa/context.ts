/**
 * What rules read: the document's texts (read once, shared by every rule) and
 * the project around it (dictionary, glossary, how the project spells its names).
 */
import type { Node } from 'prosemirror-model';
import type { DocumentMeta } from '../model/document';
import type { GlossaryEntry } from '../model/project';
import { bodyTexts, metaTexts, type QaText } from './text';
import { Lexicon, wordsOf, type Word } from './words';
import type { MetaField, QaFix, QaRuleInfo, Severity, Speller } from './types';

/** A document being checked, with its texts read once. */
export class CheckedDocument {
  readonly body: QaText[];
  readonly meta: QaText[];
  private readonly words = new Map<QaText, Word[]>();

  constructor(
    readonly id: string,
    readonly metadata: DocumentMeta,
    readonly doc: Node,
  ) {
    this.body = bodyTexts(doc);
    this.meta = metaTexts(metadata);
  }

  /** What was worked out from this document once, by what and for what (formMatches per glossary). */
  private readonly memos = new Map<unknown, WeakMap<object, unknown>>();
  private readonly englishOf = new Map<readonly MetaField[], QaText[]>();

  /** `compute()`, once per `kind` and `key` for this document. */
  memo<T>(kind: unknown, key: object, compute: () => T): T {
    let byKey = this.memos.get(kind);
    if (!byKey) this.memos.set(kind, (byKey = new WeakMap()));
    if (byKey.has(key)) return byKey.get(key) as T;
    const value = compute();
    byKey.set(key, value);
    return value;
  }

  /** The English prose: English cells, footnotes, and the metadata `fields` (listed once per `fields`). */
  english(fields: readonly MetaField[]): QaText[] {
    let texts = this.englishOf.get(fields);
    if (!texts) this.englishOf.set(fields, (texts = this.readEnglish(fields)));
    return texts;
  }

  private readEnglish(fields: readonly MetaField[]): QaText[] {
    const out = this.body.filter((t) => t.where.kind === 'body' && (t.where.column === 'english' || t.where.column === 'footnote'));
    for (const t of this.meta) if (t.where.kind === 'meta' && fields.includes(t.where.field)) out.push(t);
    return out;
  }

  /** The words of `t`, read once. */
  wordsOf(t: QaText): Word[] {
    let words = this.words.get(t);
    if (!words) this.words.set(t, (words = wordsOf(t.text)));
    return words;
  }
}

/** How often each form of each glossary entry is written: entry id → form → count. */
export type FormCounts = Map<string, Map<string, number>>;

/** The project around the document. */
export interface QaContext {
  lexicon: Lexicon;
  /** The glossary entries names are checked against (the project's, the termbase's in use). */
  glossary: readonly GlossaryEntry[];
  /** Forms counted over the project's other documents (the rule adds this one's). */
  otherForms?: FormCounts;
}

/** Builds a context from a spelling dictionary, the glossary, and extra word lists (the termbase). */
export function qaContext(speller: Speller, glossary: readonly GlossaryEntry[], extra: readonly Pick<GlossaryEntry, 'en' | 'variants'>[] = [], otherForms?: FormCounts): QaContext {
  return { lexicon: new Lexicon(speller, [...glossary, ...extra]), glossary, otherForms };
}

/** What a rule reports: the rule, the characters `start`–`end` of `text`, the message, a fix. */
export interface Report {
  rule: QaRuleInfo;
  text: QaText;
  start: number;
  end: number;
  message: string;
  fix?: QaFix;
  severity?: Severity;
}

export type Emit = (report: Report) => void;

/** A family of rules: their descriptions and one pass over a document reporting for them. */
export interface RuleFamily {
  rules: readonly QaRuleInfo[];
  check(doc: CheckedDocument, ctx: QaContext, emit: Emit): void;
}

/** Fields of metadata read as prose (spelling, names); the rest are checked for slips only. */
export const PROSE_FIELDS: readonly MetaField[] = ['title', 'summary', 'translatorNotes'];
