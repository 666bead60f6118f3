/**
 * CPU time of other processes, from /proc (Linux): what a benchmark's servers spent, so a
 * latency can be told apart from the work behind it on a machine whose cores are shared.
 * @module
 */
import { readFileSync, readdirSync } from 'node:fs';

/** utime, stime, cutime, cstime of `/proc/<pid>/stat` in ms, with the parent pid. */
function readStat(pid: number): { ppid: number; ownMs: number; reapedMs: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // exited meanwhile
  }
  // Fields after the `(comm)`, which may hold spaces: state is [0], ppid [1], utime [11].
  const fields = text
    .slice(text.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  const tickMs = 1000 / 100; // USER_HZ is 100 on Linux
  return {
    ppid: fields[1]!,
    ownMs: (fields[11]! + fields[12]!) * tickMs,
    reapedMs: (fields[13]! + fields[14]!) * tickMs,
  };
}

/** CPU ms of one process, including children it has already reaped. */
export function processCpuMs(pid: number): number {
  const stat = readStat(pid);
  return stat === undefined ? 0 : stat.ownMs + stat.reapedMs;
}

/**
 * CPU ms of a process and its live children (and what each reaped). A daemon that forks a
 * process per connection, like Dovecot's master, reaps the dead ones, so they are counted too.
 */
export function processTreeCpuMs(pid: number): number {
  let total = processCpuMs(pid);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.ppid === pid) total += stat.ownMs + stat.reapedMs;
  }
  return total;
}
