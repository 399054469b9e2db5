/**
 * English words as keys for English→Korean evidence: lowercased, stop words dropped, and
 * cut to a crude stem (plural, past, -ing, -ly) so that "embassies", "embassy's" and
 * "embassy" meet. The build script (scripts/build-korean-model.mjs) and the suggester use
 * this same function, so a learned association is found again at run time.
 */

const STOP = new Set(
  `a an the of to in on at by for from with and or but not no nor as is are was were be been being am
  this that these those it its it's he she they them his her their our we us you your i me my mine
  which who whom whose what when where why how there here than then so such also very more most
  has have had having do does did done will would shall should can could may might must
  into onto over under about after before between through during without within upon out up down
  all any both each few other some only own same too just s t one two`.split(/\s+/),
);

/** A crude English stem: enough to join inflections of one word, never shown to anyone. */
export function englishStem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/[^aeiou]es$/.test(w) && /(ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 4) w = w.slice(0, -2);
  // Doubled final consonant left by -ing/-ed (planned → plann → plan).
  if (/([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** The content words of an English text as stems, in order (repeats kept). */
export function englishKeys(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? []) {
    for (const part of raw.split('-')) {
      const w = part.replace(/['’]s$/, '');
      if (w.length < 2 || STOP.has(w)) continue;
      out.push(englishStem(w));
    }
  }
  return out;
}
