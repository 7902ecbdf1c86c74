import { performance } from 'node:perf_hooks';
import { bodyText } from '../document/bodyText';
import type { CollabTarget } from '../servers/CollabTarget';
import { sleep, waitUntil } from './waitUntil';

export interface OpenTimesOptions {
  readonly opens: number;
  /** Pause before each open (e.g. longer than the server's unload grace period). */
  readonly pauseMs?: number;
  readonly timeoutMs?: number;
}

/**
 * Opens the page with a fresh client `opens` times, one after the other, and returns how long
 * each took from creating the client (connect) until its body text equals `expected`.
 */
export async function openTimes(
  target: CollabTarget,
  docId: string,
  expected: string,
  options: OpenTimesOptions,
): Promise<number[]> {
  const times: number[] = [];
  for (let open = 0; open < options.opens; open++) {
    if (options.pauseMs) await sleep(options.pauseMs);
    const started = performance.now();
    const client = target.connect(docId);
    try {
      await waitUntil(
        () => {
          const text = bodyText(client.doc);
          return (
            client.synced &&
            text !== null &&
            text.length === expected.length &&
            text.toString() === expected
          );
        },
        'a fresh client to open the page',
        options.timeoutMs ?? 60_000,
        1,
      );
      times.push(performance.now() - started);
    } finally {
      client.destroy();
    }
  }
  return times;
}
