import type { CollabTarget } from '../servers/CollabTarget';
import type { OpenerProcess } from './open/OpenerProcess';
import { sleep } from './waitUntil';

export interface OpenTimesOptions {
  readonly opens: number;
  /** Pause before each open (e.g. longer than the server's unload grace period). */
  readonly pauseMs?: number;
  readonly timeoutMs?: number;
}

/**
 * Opens the page with a fresh client in the opener process `opens` times, one after the other,
 * and returns how long each took from creating the client (connect) until its body text equals
 * `expected`.
 */
export async function openTimes(
  opener: OpenerProcess,
  target: CollabTarget,
  docId: string,
  expected: string,
  options: OpenTimesOptions,
): Promise<number[]> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  await opener.request({ type: 'expect', text: expected }, 'expecting');
  const times: number[] = [];
  for (let open = 0; open < options.opens; open++) {
    if (options.pauseMs) await sleep(options.pauseMs);
    const reply = await opener.request(
      { type: 'open', spec: target.clientSpec(docId), timeoutMs },
      'opened',
      timeoutMs + 10_000,
    );
    times.push(reply.ms);
  }
  return times;
}
