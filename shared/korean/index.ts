/**
 * The Korean witness engine: the exact garble model, the witness check, suggestions,
 * auto-fill and mojibake repair. Pure: runs in the renderer and in Node.
 */
export { garble, garbleLine, garbleChar, garbleFragment, splitLines, emission, SPACE, VANISHES } from './garble';
export { check, checkLine, checkLines, combine } from './check';
export type * from './check-types';
export { createSuggester } from './suggest';
export type { Suggester, Suggestion, SuggestOptions, SuggesterInput, VanishingContext } from './suggest';
export { parseKoreanModel, KOREAN_MODEL_FORMAT, KOREAN_MODEL_TABLES } from './model';
export type { KoreanModel, KoreanModelFiles, KoreanModelTable, ModelStem } from './model';
export { englishKeys, englishStem } from './english';
export type { SuggestionSource } from './suggest-index';
export { parseLexicon, LEXICON_FORMAT } from './lexicon';
export type { LexiconData, LexiconWord } from './lexicon';
export { autofill, AUTOFILL_GAP } from './autofill';
export type { AutofillContext, AutofillResult, AutofillSegment } from './autofill';
export { draftLine, draftLines, DRAFT_GAP } from './draft';
export type { DraftLine, DraftWord, DraftOptions } from './draft';
export { repair, mojibakeScore } from './mojibake';
export type { MojibakeKind, RepairResult, RepairedRun } from './mojibake';
export type { GlossaryEntry } from './types';
