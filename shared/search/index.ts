/**
 * Find and replace, pure: the query (`query.ts`), the pattern (`pattern.ts`),
 * the text a find reads (`fields.ts`), finding in one document (`find.ts`) and
 * replacing (`replace.ts`). The editor, the main process and the CLI share it.
 */
export * from './query';
export * from './pattern';
export * from './fields';
export * from './find';
export * from './replace';
