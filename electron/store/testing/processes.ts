/**
 * Child processes for the store's tests: TypeScript helpers run in one node
 * process each (the tsx binary would add a wrapper process that survives a
 * SIGKILL), waiting for their lines, and pids of processes that are gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** Runs `script` (a path relative to this folder's parent, `electron/store/`) with node and tsx. */
export function runTs(script: string, args: string[], stdio: ('pipe' | 'ignore')[] = ['pipe', 'pipe', 'pipe']): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', script), ...args], { stdio: stdio as ['pipe', 'pipe', 'pipe'] });
}

/** Waits for a line of the child's stdout starting with `line`; gives the rest of that line. */
export function waitForLine(child: ChildProcess, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const at = out.indexOf(line);
      const end = out.indexOf('\n', at);
      if (at >= 0 && end >= 0) resolve(out.slice(at + line.length, end).trim());
    });
    child.stderr!.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => reject(new Error(`child exited with ${code} before "${line}": ${err}`)));
  });
}

/** Kills `child` by its pid with SIGKILL and waits until it is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  process.kill(child.pid!, 'SIGKILL');
  await gone;
}

/** Waits for `child` to exit; its exit code. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
