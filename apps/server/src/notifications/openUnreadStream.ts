import { Readable } from 'node:stream';
import type { UnreadSignal } from './UnreadSignal';

export interface UnreadStreamOptions {
  readonly userId: string;
  /** The person's unread count as they may see it now. */
  readonly count: () => number;
  /** Wakes the stream when this process changes the person's notifications. */
  readonly signal: UnreadSignal;
  /** How often the count is asked anyway (changes made by other processes). */
  readonly pollMs: number;
  /** A comment line this often keeps proxies from closing a quiet stream. Default 25 s. */
  readonly heartbeatMs?: number;
  /**
   * The stream ends after this long; the browser's EventSource reconnects, which proves again who
   * is asking (a signed-out session stops getting counts). Default 10 minutes.
   */
  readonly maxLifetimeMs?: number;
  /** Send the current count once and end (for clients that poll). */
  readonly once?: boolean;
  readonly onError?: (error: unknown) => void;
}

const frame = (unread: number) => `event: unread\ndata: ${JSON.stringify({ unread })}\n\n`;

/**
 * A Server-Sent Events stream of one person's unread count: `unread` on connect and on every
 * change. Changes made in this process arrive at once through the signal; those made by other
 * processes of a cluster (where each event consumer runs in one process only) within a poll.
 */
export function openUnreadStream(options: UnreadStreamOptions): Readable {
  const timers: NodeJS.Timeout[] = [];
  let unsubscribe = () => {};
  let last: number | null = null;
  let pending: NodeJS.Timeout | null = null;
  const stream = new Readable({
    read() {},
    destroy(error, callback) {
      for (const timer of timers) clearInterval(timer);
      if (pending) clearTimeout(pending);
      unsubscribe();
      callback(error);
    },
  });
  const send = () => {
    if (stream.destroyed) return;
    try {
      const unread = options.count();
      if (unread === last) return;
      last = unread;
      stream.push(frame(unread));
    } catch (error) {
      // The database may be briefly away; the next poll tries again.
      options.onError?.(error);
    }
  };
  stream.push('retry: 3000\n\n');
  send();
  if (options.once) {
    stream.push(null);
    return stream;
  }
  unsubscribe = options.signal.subscribe(options.userId, () => {
    // A fan-out or "mark all read" signals many times in a row: answer once.
    pending ??= setTimeout(() => {
      pending = null;
      send();
    }, 20);
  });
  timers.push(setInterval(send, options.pollMs));
  timers.push(
    setInterval(() => {
      if (!stream.destroyed) stream.push(': keep-alive\n\n');
    }, options.heartbeatMs ?? 25_000),
  );
  const lifetime = setTimeout(() => {
    for (const timer of timers) clearInterval(timer);
    unsubscribe();
    if (!stream.destroyed) stream.push(null);
  }, options.maxLifetimeMs ?? 600_000);
  timers.push(lifetime);
  for (const timer of timers) timer.unref();
  return stream;
}
