/**
 * CLI find and replace across a project (shared/search), through the same
 * handlers as the app: `searchProject` page by page, `replaceInDocuments` a few
 * documents at a time (one save per document that changes).
 */
import type { CliCommand, CliIO } from './types';
import { EXIT } from './types';
import { parseProjectArgs, usageError, type ParsedProject } from './args';
import { ProjectStore } from '../store/project-store';
import { createHandlers } from '../handlers';
import { dispatch } from '../../shared/ipc/dispatch';
import type { Envelope, HandlerTable, ProjectSearchDocument, FileProblem } from '../../shared/ipc/contract';
import { UserError, isUserError } from '../../shared/errors';
import { compilePattern, describePlace, SEARCH_SCOPES, searchQuery, type SearchHit, type SearchQuery, type SearchScope } from '../../shared/search';

const QUERY_OPTIONS = {
  regex: { type: 'boolean' },
  case: { type: 'boolean' },
  word: { type: 'boolean' },
  in: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const OPTIONS_HELP = [
  'Options:',
  '  --regex     PATTERN is a JavaScript regular expression (Unicode); TEXT may use $1, $<name>, $&',
  '  --case      upper and lower case differ (default: ignored)',
  '  --word      whole words only',
  `  --in WHERE  ${SEARCH_SCOPES.join('|')} (default all; notes: footnotes; meta: title, summary, citation…; the witness is found, never replaced)`,
  '  --json      print JSON',
].join('\n');

/** Opens the project, runs `fn` with its handlers, closes it; user errors become exit code 1. */
async function withProject(dir: string, io: CliIO, write: boolean, holder: string, fn: (handlers: HandlerTable) => Promise<number>): Promise<number> {
  let store: ProjectStore | null = null;
  try {
    store = await ProjectStore.open(dir, { write, holder });
    const opened = store;
    return await fn(createHandlers({ store: () => opened }));
  } catch (err) {
    if (!isUserError(err)) throw err;
    io.stderr(`interlinea: ${err.message}\n`);
    return EXIT.userError;
  } finally {
    await store?.close();
  }
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new UserError(envelope.error.message, envelope.error.code);
  return envelope.value;
}

/** The query from the arguments, or a usage error's exit code (a bad pattern is a user error: 1). */
function queryOf(command: CliCommand, io: CliIO, args: Extract<ParsedProject, { dir: string }>, pattern: string): SearchQuery | number {
  const scope = (args.values.in as string | undefined) ?? 'all';
  if (!(SEARCH_SCOPES as readonly string[]).includes(scope)) return usageError(command, io, `--in must be one of ${SEARCH_SCOPES.join(', ')}; got ${scope}`);
  if (!pattern) return usageError(command, io, 'the PATTERN is empty');
  const query = searchQuery({ pattern, regex: !!args.values.regex, caseSensitive: !!args.values.case, wholeWord: !!args.values.word, scope: scope as SearchScope });
  const compiled = compilePattern(query);
  if (!compiled.ok) {
    io.stderr(`interlinea ${command.name}: ${compiled.error}\n`);
    return EXIT.userError;
  }
  return query;
}

/** Every page of a project search. */
async function searchAll(handlers: HandlerTable, query: SearchQuery, replacement?: string): Promise<{ documents: ProjectSearchDocument[]; problems: FileProblem[] }> {
  const documents: ProjectSearchDocument[] = [];
  const problems: FileProblem[] = [];
  let from: number | null = 0;
  while (from !== null) {
    const page: Awaited<ReturnType<HandlerTable['searchProject']>> = unwrap(
      await dispatch(handlers, 'searchProject', { query, replacement, from, maxHits: 2000, budgetMs: 1000 }),
    );
    documents.push(...page.documents);
    problems.push(...page.problems);
    from = page.next;
  }
  return { documents, problems };
}

function hitLine(hit: SearchHit): string {
  const change = hit.replacement !== undefined ? `[${hit.text} → ${hit.replacement}]` : `[${hit.text}]`;
  return `  ${describePlace(hit.place)}\t${hit.before}${change}${hit.after}`.replace(/\n/g, '⏎');
}

function hitJson(hit: SearchHit) {
  return { where: describePlace(hit.place), place: hit.place, text: hit.text, before: hit.before, after: hit.after, ...(hit.replacement !== undefined ? { replacement: hit.replacement } : {}) };
}

function printMatches(io: CliIO, documents: ProjectSearchDocument[], json: boolean, verb: string): void {
  const total = documents.reduce((n, d) => n + d.counts.total, 0);
  if (json) {
    io.stdout(
      JSON.stringify(
        { total, documents: documents.map((d) => ({ id: d.id, title: d.title, date: d.date, counts: d.counts, hits: d.hits.map(hitJson) })) },
        null,
        2,
      ) + '\n',
    );
    return;
  }
  for (const d of documents) {
    io.stdout(`${d.id}\t${d.counts.total} ${d.counts.total === 1 ? 'match' : 'matches'}\t${d.title}\n`);
    for (const hit of d.hits) io.stdout(`${hitLine(hit)}\n`);
  }
  io.stdout(`${total} ${total === 1 ? 'match' : 'matches'} ${verb} in ${documents.length} document${documents.length === 1 ? '' : 's'}\n`);
}

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Find text in every document of a project (English, Korean, witness, notes, metadata)',
  usage: [
    'Usage: interlinea search PATTERN --project DIR [--regex] [--case] [--word] [--in WHERE] [--json]',
    '',
    'Prints, per document with matches, id<TAB>count<TAB>title, then one line per match: where<TAB>context with the match in [ ].',
    'The last line counts the matches. Damaged files are reported on stderr.',
    '',
    OPTIONS_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = parseProjectArgs(this, argv, io, QUERY_OPTIONS);
    if ('exit' in args) return args.exit;
    if (args.positionals.length !== 1) return usageError(this, io, 'give exactly one PATTERN');
    const query = queryOf(this, io, args, args.positionals[0]);
    if (typeof query === 'number') return query;
    return withProject(args.dir, io, false, 'interlinea search (CLI)', async (handlers) => {
      const { documents, problems } = await searchAll(handlers, query);
      for (const p of problems) io.stderr(`interlinea: ${p.file}: ${p.message}\n`);
      printMatches(io, documents, !!args.values.json, 'found');
      return EXIT.ok;
    });
  },
};

/** Documents replaced per request: progress stays visible and each request stays short. */
const REPLACE_BATCH = 20;

export const replaceCommand: CliCommand = {
  name: 'replace',
  summary: 'Replace text in every document of a project, optionally as corrections keeping the source reading',
  usage: [
    'Usage: interlinea replace PATTERN TEXT --project DIR [--regex] [--case] [--word] [--in WHERE] [--as-correction [--editor WHO]] [--dry-run] [--json]',
    '',
    'Replaces every match; each changed document is saved once. Prints id<TAB>replaced<TAB>title per changed',
    'document, and matches left alone (the witness is read-only; a plain metadata field such as the signature',
    'cannot keep a correction) on stderr. --dry-run prints each match with its replacement ([old → new]) and',
    'writes nothing.',
    '',
    OPTIONS_HELP,
    '  --as-correction  each replacement becomes a correction keeping what the source said',
    '  --editor WHO     the project editor making the corrections (id or initials): recorded with each',
    '  --dry-run        show what would change; write nothing',
  ].join('\n'),
  async run(argv, io) {
    const args = parseProjectArgs(this, argv, io, { ...QUERY_OPTIONS, 'as-correction': { type: 'boolean' }, editor: { type: 'string' }, 'dry-run': { type: 'boolean' } });
    if ('exit' in args) return args.exit;
    if (args.positionals.length !== 2) return usageError(this, io, 'give a PATTERN and the replacement TEXT (use "" to delete)');
    const [pattern, replacement] = args.positionals;
    const query = queryOf(this, io, args, pattern);
    if (typeof query === 'number') return query;
    const json = !!args.values.json;
    const asCorrection = !!args.values['as-correction'];
    const editor = typeof args.values.editor === 'string' ? args.values.editor : undefined;
    if (editor !== undefined && !asCorrection) return usageError(this, io, '--editor names who made corrections: use it with --as-correction');
    if (args.values['dry-run']) {
      return withProject(args.dir, io, false, 'interlinea replace --dry-run (CLI)', async (handlers) => {
        const { documents, problems } = await searchAll(handlers, query, replacement);
        for (const p of problems) io.stderr(`interlinea: ${p.file}: ${p.message}\n`);
        printMatches(io, documents, json, 'would be replaced (dry run: nothing written)');
        return EXIT.ok;
      });
    }
    return withProject(args.dir, io, true, 'interlinea replace (CLI)', async (handlers) => {
      const found = await searchAll(handlers, query);
      for (const p of found.problems) io.stderr(`interlinea: ${p.file}: ${p.message}\n`);
      const ids = found.documents.map((d) => d.id);
      const results = [];
      for (let i = 0; i < ids.length; i += REPLACE_BATCH) {
        const page = unwrap(await dispatch(handlers, 'replaceInDocuments', { query, replacement, ids: ids.slice(i, i + REPLACE_BATCH), asCorrection, ...(editor !== undefined ? { editor } : {}) }));
        for (const p of page.problems) io.stderr(`interlinea: ${p.file}: ${p.message}\n`);
        results.push(...page.documents);
      }
      const replaced = results.reduce((n, d) => n + d.replaced, 0);
      const changed = results.filter((d) => d.replaced).length;
      if (json) {
        io.stdout(JSON.stringify({ replaced, documents: results }, null, 2) + '\n');
      } else {
        for (const d of results) {
          if (d.replaced) io.stdout(`${d.id}\t${d.replaced}\t${d.title}\n`);
          for (const s of d.skipped) io.stderr(`interlinea: ${d.id}: left “${s.text}” (${s.where}): ${s.reason}\n`);
        }
        io.stdout(`${replaced} replaced${asCorrection ? ' as corrections' : ''} in ${changed} document${changed === 1 ? '' : 's'}\n`);
      }
      return EXIT.ok;
    });
  },
};

/** The find and replace commands, in the order help lists them. */
export const searchCommands: CliCommand[] = [searchCommand, replaceCommand];
