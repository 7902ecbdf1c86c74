import { readFileSync } from 'node:fs';

/** Linux reports process CPU time in USER_HZ ticks, which is 100 on every mainstream build. */
const TICKS_PER_SECOND = 100;

/** Resident set size of a live process, in bytes (`VmRSS` from /proc/<pid>/status). */
export function readRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`No VmRSS for process ${pid}.`);
  return Number(match[1]) * 1024;
}

/** User plus system CPU time a live process has used so far, in seconds (/proc/<pid>/stat). */
export function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; the fields after its closing parenthesis don't.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / TICKS_PER_SECOND;
}
