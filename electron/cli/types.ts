/**
 * The shape of a CLI command: a name, help text, and a `run` that returns the
 * exit code (0 success, 1 user error, 2 bad usage) and never calls process.exit.
 */
export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  readStdin(): Promise<string>;
  cwd: string;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Exit codes. */
export const EXIT = { ok: 0, userError: 1, usage: 2 } as const;
