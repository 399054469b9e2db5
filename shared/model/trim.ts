/**
 * Trimming a set of characters from the ends of a text in linear time.
 *
 * A regular expression such as `/[ \t]+$/` looks like a cheap trim but is
 * quadratic: on a long run of spaces that does not end the text, the engine
 * tries every start inside the run and scans to its end each time (6 s for a
 * line of 80,000 spaces and a letter). These loops look at each character once.
 */

/** How many characters at the end of `text` are among `chars`. */
export function trailingRun(text: string, chars: string): number {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.length - end;
}

/** `text` without the characters among `chars` at its end. */
export function trimEndOf(text: string, chars: string): string {
  const run = trailingRun(text, chars);
  return run ? text.slice(0, text.length - run) : text;
}

/** `text` without the characters among `chars` at either end. */
export function trimOf(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start])) start++;
  return trimEndOf(text.slice(start), chars);
}
