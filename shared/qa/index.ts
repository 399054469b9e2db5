export * from './types';
export { checkDocument, compareFindings, findingKey, FAMILIES, QA_RULES, type CheckOptions } from './run';
export { qaContext, CheckedDocument, type QaContext, type FormCounts } from './context';
export { formMatches, countForms, addCounts } from './rules/names';
export { Lexicon } from './words';
