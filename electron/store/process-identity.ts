/**
 * Who a process is, beyond its pid: a pid is reused once its process is gone
 * (soon after a reboot, or after the counter wraps), so a lock records the
 * machine's boot and the process's start time as well, and a pid that is alive
 * now but started at another time, or in another boot, is not the holder.
 *
 * Linux gives both exactly (`/proc/sys/kernel/random/boot_id`, the start time
 * in `/proc/<pid>/stat`). Elsewhere the boot is the boot time from
 * `os.uptime()`, compared with a tolerance for clock adjustments, and the start
 * time is unknown (`null`), so only the pid and the boot are compared.
 */
import { readFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';

/** What a lock records of its holder process. */
export interface ProcessIdentity {
  pid: number;
  host: string;
  /** The machine's boot: a boot id, or `time:<seconds>` where only the boot time is known. */
  boot: string;
  /** When the process started, in the platform's own unit (Linux: clock ticks since boot); null when unknown. */
  started: number | null;
}

const BOOT_TIME_TOLERANCE_S = 300;

function linuxBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function currentBoot(): string {
  return linuxBootId() ?? `time:${Math.round(Date.now() / 1000 - uptime())}`;
}

/** The start time of `pid` (Linux clock ticks since boot), or null when it cannot be read. */
export function processStartTime(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may hold spaces and parentheses, so count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const started = Number(fields[19]);
    return Number.isFinite(started) ? started : null;
  } catch {
    return null;
  }
}

/** This process, as a lock records it. */
export function currentProcess(): ProcessIdentity {
  return { pid: process.pid, host: hostname(), boot: currentBoot(), started: processStartTime(process.pid) };
}

function sameBoot(recorded: string, now: string): boolean {
  if (recorded === now) return true;
  if (recorded.startsWith('time:') && now.startsWith('time:')) {
    return Math.abs(Number(recorded.slice(5)) - Number(now.slice(5))) <= BOOT_TIME_TOLERANCE_S;
  }
  return false;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process a lock names may still be running: `'alive'`, `'gone'`,
 * or `'unknown'` for a process on another computer (a shared folder), which
 * this machine cannot look at.
 */
export function processState(who: Partial<ProcessIdentity>): 'alive' | 'gone' | 'unknown' {
  if (typeof who.pid !== 'number' || !Number.isInteger(who.pid) || who.pid <= 0) return 'gone';
  if (who.host !== hostname()) return 'unknown';
  // A lock written before this boot: whatever has its pid now is another process.
  if (typeof who.boot === 'string' && !sameBoot(who.boot, currentBoot())) return 'gone';
  if (!pidAlive(who.pid)) return 'gone';
  if (typeof who.started === 'number') {
    const started = processStartTime(who.pid);
    if (started !== null && started !== who.started) return 'gone';
  }
  return 'alive';
}
