/** The CLI's tests run it in-process with captured output. */
import { runCli } from '../main';
import type { CliIO } from '../types';

/** What one run of the CLI printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `interlinea …argv` in `cwd`, with `stdin` as its standard input. */
export async function runCaptured(argv: string[], cwd: string, stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readStdin: async () => stdin,
    cwd,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
