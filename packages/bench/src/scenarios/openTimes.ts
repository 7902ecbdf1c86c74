import type { CollabTarget } from '../servers/CollabTarget';
import type { OpenerProcess } from './open/OpenerProcess';
import { sleep } from './waitUntil';

/** One timed open. */
export interface OpenTiming {
  /** From creating the client until its text equals the expected text. */
  readonly ms: number;
  /**
   * From creating the client until its first message arrived: the server's share (connect,
   * authorize, load, send). NaN where the client library does not tell.
   */
  readonly firstMessageMs: number;
}

export interface OpenTimesOptions {
  readonly opens: number;
  /** Untimed opens first, so the opener has compiled the code an open runs. Default 0. */
  readonly warmUps?: number;
  /** Pause before each open (e.g. longer than the server's unload grace period). */
  readonly pauseMs?: number;
  readonly timeoutMs?: number;
}

/**
 * Opens the page with a fresh client in the opener process `opens` times, one after the other,
 * and returns how long each took from creating the client (connect) until its body text equals
 * `expected`, and until its first message arrived.
 */
export async function openTimes(
  opener: OpenerProcess,
  target: Pick<CollabTarget, 'clientSpec'>,
  docId: string,
  expected: string,
  options: OpenTimesOptions,
): Promise<OpenTiming[]> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  await opener.request({ type: 'expect', text: expected }, 'expecting');
  const open = async () => {
    const reply = await opener.request(
      { type: 'open', spec: target.clientSpec(docId), timeoutMs },
      'opened',
      timeoutMs + 10_000,
    );
    return { ms: reply.ms, firstMessageMs: reply.firstMessageMs };
  };
  for (let warmUp = 0; warmUp < (options.warmUps ?? 0); warmUp++) await open();
  const times: OpenTiming[] = [];
  for (let index = 0; index < options.opens; index++) {
    if (options.pauseMs) await sleep(options.pauseMs);
    times.push(await open());
  }
  return times;
}
