import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/** Where `--pin` puts the processes of a benchmark, as `taskset` CPU lists. */
export interface CpuPinning {
  readonly servers: string;
  readonly clients: string;
}

/**
 * Keeps the server under test and its clients apart, as remote clients would be: servers get
 * CPU 0, and this process, with the load generators and openers it forks from now on, the other
 * CPUs. Without it, a socket write that wakes a client often runs that client on the server's
 * core, and the two take turns on one CPU while the other idles.
 */
export function pinCpus(): CpuPinning {
  const count = cpus().length;
  if (count < 2) throw new Error('--pin needs at least 2 CPUs.');
  const pinning = { servers: '0', clients: count === 2 ? '1' : `1-${count - 1}` };
  try {
    execFileSync('taskset', ['-a', '-c', '-p', pinning.clients, String(process.pid)], {
      stdio: 'ignore',
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`--pin could not pin the benchmark with taskset (util-linux): ${reason}`);
  }
  return pinning;
}
