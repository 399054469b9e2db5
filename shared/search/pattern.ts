/**
 * The pattern of a find: compiled once into a Unicode regular expression
 * (plain text escaped, whole words fenced by letter classes that know Hangul),
 * matched over a stretch of text, and the replacement for each match expanded
 * (`$1`, `$<name>`, `$&` in regex mode; literal otherwise).
 */
import type { SearchQuery } from './query';

/** A compiled pattern, or why it could not be compiled (shown beside the find field). */
export type CompiledPattern = { ok: true; re: RegExp; query: SearchQuery } | { ok: false; error: string };

/** One match in a string: where, and the groups for the replacement. */
export interface TextMatch {
  index: number;
  /** The matched text (never empty: empty matches are skipped). */
  text: string;
  /** Numbered groups (index 1…), `undefined` for a group that did not take part. */
  groups: (string | undefined)[];
  named: Record<string, string | undefined> | undefined;
}

// Word characters for whole-word search: letters (Hangul included), combining marks, digits, underscore.
const WORD = '[\\p{L}\\p{M}\\p{N}_]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Compiles the query's pattern. An invalid regular expression is an error value naming the problem. */
export function compilePattern(query: SearchQuery): CompiledPattern {
  const pattern = query.pattern.normalize('NFC');
  if (!pattern) return { ok: false, error: 'Type something to find.' };
  const source = query.regex ? pattern : escapeRegExp(pattern);
  const fenced = query.wholeWord ? `(?<!${WORD})(?:${source})(?!${WORD})` : source;
  const flags = `gu${query.caseSensitive ? '' : 'i'}`;
  try {
    // Checked on its own first, so the message names the user's pattern, not the fence around it.
    if (query.regex) new RegExp(source, flags);
    return { ok: true, re: new RegExp(fenced, flags), query };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // V8: "Invalid regular expression: /(/gu: Unterminated group" → "Unterminated group".
    const reason = message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return { ok: false, error: `Not a valid regular expression: ${reason}.` };
  }
}

/**
 * Every non-empty match of `re` (a global pattern from `compilePattern`) in
 * `text`, left to right, not overlapping. Empty matches (`^`, `\b`, `x*`
 * where there is no x) are skipped: there is nothing to show or replace.
 */
export function matchText(re: RegExp, text: string): TextMatch[] {
  const out: TextMatch[] = [];
  // matchAll steps over empty matches by whole code points (no infinite loop, no split surrogates).
  for (const m of text.matchAll(re)) {
    if (!m[0]) continue;
    out.push({ index: m.index ?? 0, text: m[0], groups: m.slice(1), named: m.groups });
  }
  return out;
}

/**
 * The replacement for one match. In regex mode the template understands `$$`,
 * `$&`, `` $` ``, `$'`, `$1`…`$99` and `$<name>` as `String.prototype.replace`
 * does (an unknown `$` sequence stays as written); in plain mode it is literal.
 */
export function expandReplacement(template: string, match: TextMatch, input: string, regex: boolean): string {
  if (!regex) return template;
  return template.replace(/\$(\$|&|`|'|<([^>]*)>|(\d{1,2}))/g, (whole, token: string, name: string | undefined, digits: string | undefined) => {
    if (token === '$') return '$';
    if (token === '&') return match.text;
    if (token === '`') return input.slice(0, match.index);
    if (token === "'") return input.slice(match.index + match.text.length);
    if (name !== undefined) {
      if (!match.named) return whole;
      return match.named[name] ?? '';
    }
    if (digits !== undefined) {
      // $12 means group 12 when there is one, else group 1 then a literal 2.
      const two = Number(digits);
      if (digits.length === 2 && two >= 1 && two <= match.groups.length) return match.groups[two - 1] ?? '';
      const one = Number(digits[0]);
      if (one >= 1 && one <= match.groups.length) return (match.groups[one - 1] ?? '') + digits.slice(1);
      return whole;
    }
    return whole;
  });
}
