/**
 * Which parallel sentences the word model never sees: every fifth line (0, 5, 10, ...) of the
 * test halves of the Korean-English corpora in ../shared/corpora/korean. The build script
 * (scripts/build-korean-model.mjs) leaves them out of every table; the benchmark measures on them.
 * northkorean-english.test and korean-english-park.test translate the same English, so the
 * same lines are held out of both.
 */

/** The held-out corpora: file stem and Korean extension. */
export const HELD_OUT_FILES: readonly { stem: string; korean: 'nk' | 'ko' }[] = [
  { stem: 'northkorean-english.test', korean: 'nk' },
  { stem: 'korean-english-park.test', korean: 'ko' },
  { stem: 'jhe-koen-eval', korean: 'ko' },
];

/** True when line `index` (0-based) of the corpus file `stem` is held out from training. */
export function isHeldOut(stem: string, index: number): boolean {
  return HELD_OUT_FILES.some((f) => f.stem === stem) && index % 5 === 0;
}
