/**
 * The `interlinea` command line: plain Node, no Electron, the same handlers as
 * the app. Exit codes: 0 success, 1 user error (message on stderr), 2 bad usage.
 */
import type { CliCommand, CliIO } from './types';
import { EXIT } from './types';
import { projectCommands } from './project-commands';
import { koreanCommands } from './korean-commands';
import { qaCommand } from './qa-command';
import { searchCommands } from './search-commands';
import { restoreCommand } from './history-command';

/** Every command, in the order help lists them. */
export const COMMANDS: CliCommand[] = [...projectCommands, restoreCommand, qaCommand, ...searchCommands, ...koreanCommands];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: interlinea COMMAND [options]   (interlinea COMMAND --help for details)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`interlinea: unknown command ${name}\n\n${overview()}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    io.stderr(`interlinea ${name}: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT.userError;
  }
}

/** The process's own IO. */
export function processIO(): CliIO {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

// Run directly (node out/cli/interlinea.cjs) rather than through bin/interlinea.cjs.
if (require.main === module) {
  runCli(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`interlinea: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = EXIT.userError;
    },
  );
}
