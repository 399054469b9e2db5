/**
 * Argument parsing shared by the commands: node's parseArgs with errors turned
 * into usage messages, and `--help` handled the same way everywhere.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import type { CliCommand, CliIO } from './types';
import { EXIT } from './types';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments, or an exit code when parsing already decided the outcome. */
export type Parsed =
  { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } | { exit: number };

/** Parses `argv` for `command`; prints help or a usage error itself. */
export function parseCommandArgs(
  command: CliCommand,
  argv: string[],
  io: CliIO,
  options: Options,
  allowPositionals = true,
): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
    if (values.help) {
      io.stdout(`${command.usage}\n`);
      return { exit: EXIT.ok };
    }
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (err) {
    io.stderr(`interlinea ${command.name}: ${(err as Error).message}\n${command.usage}\n`);
    return { exit: EXIT.usage };
  }
}

/** Reports a usage error and returns its exit code. */
export function usageError(command: CliCommand, io: CliIO, message: string): number {
  io.stderr(`interlinea ${command.name}: ${message}\n${command.usage}\n`);
  return EXIT.usage;
}

/** The `--project` folder, resolved against the working directory. */
function projectDir(io: CliIO, value: unknown): string | null {
  return typeof value === 'string' && value ? resolve(io.cwd, value) : null;
}

/** Parsed arguments of a command that works on a project, with its folder resolved. */
export type ParsedProject =
  | { values: Record<string, string | boolean | string[] | undefined>; positionals: string[]; dir: string }
  | { exit: number };

/** Parses `argv` for a command that needs `--project DIR` (added to `options` here). */
export function parseProjectArgs(
  command: CliCommand,
  argv: string[],
  io: CliIO,
  options: Options,
  allowPositionals = true,
): ParsedProject {
  const args = parseCommandArgs(
    command,
    argv,
    io,
    { ...options, project: { type: 'string', short: 'p' } },
    allowPositionals,
  );
  if ('exit' in args) return args;
  const dir = projectDir(io, args.values.project);
  if (!dir) return { exit: usageError(command, io, 'missing --project DIR') };
  return { ...args, dir };
}
