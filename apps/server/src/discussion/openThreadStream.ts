import { Readable } from 'node:stream';
import type { ThreadChange, ThreadSignal } from './ThreadSignal';

export interface ThreadStreamOptions {
  readonly pageId: string;
  readonly signal: ThreadSignal;
  /**
   * Whether the person may still read the page with the credential they connected with (signed
   * out, disabled or no longer allowed: false). Asked before every event and every heartbeat;
   * the stream ends on the first false.
   */
  readonly mayRead: () => boolean;
  /** A comment line this often keeps proxies from closing a quiet stream. Default 25 s. */
  readonly heartbeatMs?: number;
  /** The stream ends after this long and EventSource reconnects. Default 10 minutes. */
  readonly maxLifetimeMs?: number;
  readonly onError?: (error: unknown) => void;
}

const frame = (event: string, data: object) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * A Server-Sent Events stream of changes to one page's discussion: `threads` with the thread's
 * id when a thread is opened, replied to, edited, deleted, resolved, reopened or reacted to, and
 * `reactions` when the page's own reactions change. Clients refetch what they show.
 */
export function openThreadStream(options: ThreadStreamOptions): Readable {
  const timers: NodeJS.Timeout[] = [];
  let unsubscribe = () => {};
  const stop = () => {
    for (const timer of timers) clearInterval(timer);
    unsubscribe();
  };
  const stream = new Readable({
    read() {},
    destroy(error, callback) {
      stop();
      callback(error);
    },
  });
  const allowed = () => {
    try {
      if (options.mayRead()) return true;
    } catch (error) {
      options.onError?.(error);
      // Unsure is not allowed: the client reconnects and is asked again from the start.
    }
    stop();
    if (!stream.destroyed) stream.push(null);
    return false;
  };
  const send = (change: ThreadChange) => {
    if (stream.destroyed || !allowed()) return;
    stream.push(
      change.threadId === null
        ? frame('reactions', {})
        : frame('threads', { threadId: change.threadId }),
    );
  };
  stream.push('retry: 3000\n\n');
  unsubscribe = options.signal.subscribe(options.pageId, send);
  timers.push(
    setInterval(() => {
      if (!stream.destroyed && allowed()) stream.push(': keep-alive\n\n');
    }, options.heartbeatMs ?? 25_000),
  );
  timers.push(
    setTimeout(() => {
      stop();
      if (!stream.destroyed) stream.push(null);
    }, options.maxLifetimeMs ?? 600_000),
  );
  for (const timer of timers) timer.unref();
  return stream;
}
