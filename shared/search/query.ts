/**
 * What a find (and replace) asks for: the pattern, how it matches, and where it
 * looks. One shape for the editor's find panel, the project search in the main
 * process and the CLI.
 */
import { z } from 'zod';

/** Where a search looks. `witness` is found, never replaced; `all` includes the original column. */
export const SEARCH_SCOPES = ['english', 'korean', 'witness', 'notes', 'meta', 'all'] as const;
/** One scope. */
export type SearchScope = (typeof SEARCH_SCOPES)[number];

/** Labels of the scopes, for menus and help. */
export const SCOPE_LABELS: Record<SearchScope, string> = {
  english: 'English',
  korean: 'Korean',
  witness: 'Witness (find only)',
  notes: 'Notes (footnotes)',
  meta: 'Metadata',
  all: 'Everything',
};

/** Longest pattern or replacement accepted (a pasted paragraph fits; a pasted book does not). */
export const MAX_PATTERN_LENGTH = 2000;

/**
 * Work per page of a project search (the main process answers after about this
 * long, with at least one document): a short first page so the first results
 * show at once, longer pages after it so the whole search takes few round trips.
 */
export const SEARCH_FIRST_PAGE_MS = 15;
export const SEARCH_PAGE_MS = 60;

/** A find query, validated (the IPC contract and the CLI use this schema). */
export const searchQuerySchema = z.object({
  pattern: z.string().min(1, 'type something to find').max(MAX_PATTERN_LENGTH),
  /** The pattern is a JavaScript regular expression (Unicode mode). */
  regex: z.boolean().default(false),
  /** Upper and lower case differ. */
  caseSensitive: z.boolean().default(false),
  /** Only whole words: no letter, digit or underscore just before or after the match. */
  wholeWord: z.boolean().default(false),
  scope: z.enum(SEARCH_SCOPES).default('all'),
});

/** A find query after defaults. */
export type SearchQuery = z.output<typeof searchQuerySchema>;
/** A find query as written (options may be left out). */
export type SearchQueryInput = z.input<typeof searchQuerySchema>;

/** The query with its defaults filled in. */
export function searchQuery(input: SearchQueryInput): SearchQuery {
  return searchQuerySchema.parse(input);
}
