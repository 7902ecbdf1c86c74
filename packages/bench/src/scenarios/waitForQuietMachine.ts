import { cpus } from 'node:os';
import { readSystemCpu } from '../process/systemCpu';
import { sleep } from './waitUntil';

/**
 * On a shared machine, waits (at most `timeoutMs`) until at least `minIdleCores` cores' worth of
 * CPU stayed idle over a one-second sample, so a measurement does not start in the middle of
 * someone else's burst. Returns the idle cores seen last.
 */
export async function waitForQuietMachine(minIdleCores = 1, timeoutMs = 20_000): Promise<number> {
  const cores = cpus().length;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const before = readSystemCpu();
    await sleep(1_000);
    const after = readSystemCpu();
    const elapsed = after.totalSeconds - before.totalSeconds;
    const idleCores =
      elapsed > 0 ? (1 - (after.busySeconds - before.busySeconds) / elapsed) * cores : cores;
    if (idleCores >= Math.min(minIdleCores, cores) || Date.now() > deadline) return idleCores;
  }
}
