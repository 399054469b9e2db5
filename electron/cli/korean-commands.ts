/**
 * The Korean commands of the CLI: garble, check, suggest, draft and repair. Thin wrappers around
 * the pure engine in shared/korean; files are read here, relative to the caller's cwd.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliCommand, CliIO } from './types';
import { EXIT } from './types';
import { parseCommandArgs, usageError } from './args';
import { garble } from '../../shared/korean/garble';
import { check, type CheckResult } from '../../shared/korean/check';
import { createSuggester, type Suggester } from '../../shared/korean/suggest';
import { repair } from '../../shared/korean/mojibake';
import { draftLines } from '../../shared/korean/draft';
import { loadLexicon } from '../store/lexicon';
import { loadKoreanModel } from '../store/korean-model';
import { loadProjectCorpus } from '../store/corpus';

/** Reads a file (relative to the cwd) or stdin; a missing file is a user error with a clear message. */
async function readInput(io: CliIO, file: string | undefined): Promise<{ text: string } | { error: string }> {
  if (!file || file === '-') return { text: await io.readStdin() };
  try {
    return { text: await readFile(resolve(io.cwd, file), 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(err as Error).message}` };
  }
}

/** Parses `[FILE]` and reads FILE or stdin, reporting problems itself. */
async function fileOrStdin(command: CliCommand, argv: string[], io: CliIO): Promise<{ text: string } | { exit: number }> {
  const args = parseCommandArgs(command, argv, io, {});
  if ('exit' in args) return args;
  if (args.positionals.length > 1) return { exit: usageError(command, io, 'expected at most one FILE') };
  const input = await readInput(io, args.positionals[0]);
  if ('error' in input) {
    io.stderr(`interlinea ${command.name}: ${input.error}\n`);
    return { exit: EXIT.userError };
  }
  return input;
}

const garbleCommand: CliCommand = {
  name: 'garble',
  summary: 'Show the witness a Korean text would leave (the corruption model)',
  usage: 'Usage: interlinea garble [FILE]\n  Reads FILE (or stdin) and prints what the encoding bug leaves of it.',
  async run(argv, io) {
    const input = await fileOrStdin(this, argv, io);
    if ('exit' in input) return input.exit;
    const out = garble(input.text.replace(/\r?\n$/, ''));
    io.stdout(`${out}\n`);
    return EXIT.ok;
  },
};

function describeCheck(result: CheckResult): string {
  const lines: string[] = [
    `state: ${result.state} (${result.counts.confirmed} confirmed, ${result.counts.consistent} consistent, ${result.counts.contradicted} contradicted)`,
  ];
  for (const c of result.contradictions) {
    const what =
      c.reason === 'not-in-witness'
        ? `'${c.text}' leaves '${c.produces}'${c.expected ? ` where the witness has '${c.expected}'` : ', which the witness does not have'}`
        : c.reason === 'vanishes-where-witness-has-text'
          ? `'${c.text}' leaves nothing where the witness has '${c.expected}'`
          : `the witness has '${c.expected}' here, which nothing produces`;
    lines.push(`line ${c.line + 1}, witness column ${c.column + 1}: ${what}`);
  }
  for (const u of result.unexplained.filter((x) => x.kind !== 'missing')) {
    lines.push(`line ${u.line + 1}: not restored yet: '${u.text}'`);
  }
  return `${lines.join('\n')}\n`;
}

const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Check a restoration against its witness (exit 0 when consistent)',
  usage:
    'Usage: interlinea check --witness FILE --restored FILE [--json]\n  Exit 0 when garble(restored) equals the witness; 1 with the contradictions otherwise.',
  async run(argv, io) {
    const args = parseCommandArgs(
      this,
      argv,
      io,
      { witness: { type: 'string' }, restored: { type: 'string' }, json: { type: 'boolean' } },
      false,
    );
    if ('exit' in args) return args.exit;
    const { witness: wFile, restored: rFile, json } = args.values;
    if (typeof wFile !== 'string' || typeof rFile !== 'string')
      return usageError(this, io, '--witness and --restored are required');
    const w = await readInput(io, wFile);
    const r = await readInput(io, rFile);
    for (const input of [w, r]) {
      if ('error' in input) {
        io.stderr(`interlinea check: ${input.error}\n`);
        return EXIT.userError;
      }
    }
    if ('error' in w || 'error' in r) return EXIT.userError;
    const result = check(r.text.replace(/\r?\n$/, ''), w.text.replace(/\r?\n$/, ''));
    if (json) {
      const { state, counts, contradictions, unexplained, lines } = result;
      io.stdout(
        `${JSON.stringify({ state, counts, contradictions, unexplained, lines: lines.map((l) => ({ line: l.line, state: l.state, garble: l.garble, witness: l.witness })) }, null, 2)}\n`,
      );
    } else if (result.state === 'consistent') io.stdout(describeCheck(result));
    else io.stderr(describeCheck(result));
    return result.state === 'consistent' ? EXIT.ok : EXIT.userError;
  },
};

async function suggesterFor(io: CliIO, project: string | undefined): Promise<Suggester | { error: string }> {
  let lexicon;
  let model;
  try {
    [lexicon, model] = await Promise.all([loadLexicon(), loadKoreanModel()]);
  } catch (err) {
    return { error: (err as Error).message };
  }
  if (!project) return createSuggester({ lexicon, model });
  try {
    const { glossary, koreanTexts } = await loadProjectCorpus(resolve(io.cwd, project));
    return createSuggester({ lexicon, glossary, corpus: koreanTexts, model });
  } catch (err) {
    return { error: `cannot open project ${project}: ${(err as Error).message}` };
  }
}

const suggestCommand: CliCommand = {
  name: 'suggest',
  summary: 'Suggest Korean words whose garble matches a witness token',
  usage: [
    'Usage: interlinea suggest TOKEN [--project DIR] [--limit N] [--english TEXT] [--json]',
    '       interlinea suggest --stdin [--project DIR] [--limit N]   (one token per line, one JSON array per line)',
    '  TOKEN is garbled witness text such as "p \\X"; put -- before a token that starts with "-".',
  ].join('\n'),
  async run(argv, io) {
    const args = parseCommandArgs(this, argv, io, {
      project: { type: 'string' },
      limit: { type: 'string' },
      english: { type: 'string' },
      json: { type: 'boolean' },
      stdin: { type: 'boolean' },
    });
    if ('exit' in args) return args.exit;
    const { project, limit: limitText, english, json, stdin } = args.values;
    const limit = limitText === undefined ? 10 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1) return usageError(this, io, '--limit must be a positive whole number');
    if (stdin ? args.positionals.length > 0 : args.positionals.length !== 1)
      return usageError(this, io, stdin ? 'no TOKEN with --stdin' : 'expected one TOKEN');
    const suggester = await suggesterFor(io, typeof project === 'string' ? project : undefined);
    if ('error' in suggester) {
      io.stderr(`interlinea suggest: ${suggester.error}\n`);
      return EXIT.userError;
    }
    const options = { limit, ...(typeof english === 'string' ? { context: { english } } : {}) };
    if (stdin) {
      const tokens = (await io.readStdin()).split(/\r?\n/);
      if (tokens[tokens.length - 1] === '') tokens.pop();
      for (const token of tokens) io.stdout(`${JSON.stringify(suggester.suggest(token, options))}\n`);
      return EXIT.ok;
    }
    const found = suggester.suggest(args.positionals[0] ?? '', options);
    if (json) io.stdout(`${JSON.stringify(found, null, 2)}\n`);
    else if (found.length === 0) io.stderr('no suggestions\n');
    else
      io.stdout(
        found
          .map(
            (s, i) =>
              `${String(i + 1).padStart(2)}. ${s.text}\t${s.source}\texplains ${s.explains}${s.stem ? `\t${s.stem} + ${s.ending}` : ''}`,
          )
          .join('\n') + '\n',
      );
    return EXIT.ok;
  },
};

const draftCommand: CliCommand = {
  name: 'draft',
  summary: 'Draft a Korean restoration of every witness line (□ where it cannot decide)',
  usage: [
    'Usage: interlinea draft --witness FILE [--english FILE] [--project DIR] [--json]',
    '  Prints one drafted line per witness line; each fits its witness, □ marks a word it could not decide.',
    '  Line N of --english is the English of witness line N (evidence for names, terms and Latin text).',
    '  --project uses the project\'s glossary and restored text; --json prints the drafted lines with',
    '  their words, alternatives and confidence. FILE may be - for stdin.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseCommandArgs(
      this,
      argv,
      io,
      { witness: { type: 'string' }, english: { type: 'string' }, project: { type: 'string' }, json: { type: 'boolean' } },
      false,
    );
    if ('exit' in args) return args.exit;
    const { witness: wFile, english: eFile, project, json } = args.values;
    if (typeof wFile !== 'string') return usageError(this, io, '--witness FILE is required');
    if (wFile === '-' && eFile === '-') return usageError(this, io, 'only one of --witness and --english can be stdin (-)');
    const witness = await readInput(io, wFile);
    const english = typeof eFile === 'string' ? await readInput(io, eFile) : { text: '' };
    for (const input of [witness, english]) {
      if ('error' in input) {
        io.stderr(`interlinea draft: ${input.error}\n`);
        return EXIT.userError;
      }
    }
    if ('error' in witness || 'error' in english) return EXIT.userError;
    const lines = fileLines(witness.text);
    const englishLines = fileLines(english.text);
    if (englishLines.length > lines.length)
      io.stderr(
        `interlinea draft: note: --english has ${englishLines.length} lines but the witness ${lines.length}; line N of --english goes with witness line N\n`,
      );
    const suggester = await suggesterFor(io, typeof project === 'string' ? project : undefined);
    if ('error' in suggester) {
      io.stderr(`interlinea draft: ${suggester.error}\n`);
      return EXIT.userError;
    }
    const drafts = draftLines(lines, suggester, { english: englishLines });
    if (json) io.stdout(`${JSON.stringify(drafts, null, 2)}\n`);
    else io.stdout(drafts.map((d) => `${d.text}\n`).join(''));
    return EXIT.ok;
  },
};

/** The lines of a text file (a final line break ends the last line rather than starting an empty one). */
function fileLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/(\r\n|\n|\r)$/, '').split(/\r\n|\n|\r/);
}

const repairCommand: CliCommand = {
  name: 'repair',
  summary: 'Repair reversible mojibake (UTF-8 or EUC-KR read as Latin-1/cp1252)',
  usage:
    'Usage: interlinea repair [FILE]\n  Reads FILE (or stdin), prints the repaired text, reports on stderr what was repaired.',
  async run(argv, io) {
    const input = await fileOrStdin(this, argv, io);
    if ('exit' in input) return input.exit;
    const result = repair(input.text);
    io.stdout(result.text);
    io.stderr(`${result.reason}\n`);
    for (const run of result.runs) io.stderr(`  ${run.kind}: ${run.original} → ${run.repaired}\n`);
    return EXIT.ok;
  },
};

/** The Korean commands, in the order help lists them. */
export const koreanCommands: CliCommand[] = [garbleCommand, checkCommand, suggestCommand, draftCommand, repairCommand];
