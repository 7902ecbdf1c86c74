/** The parts of the browser's `EventSource` the unread count uses. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export interface FollowUnreadCountOptions {
  /** Called with each new count. */
  onCount(unread: number): void;
  /** Opens the SSE stream; null where the browser has no `EventSource`. */
  openStream: ((url: string) => EventSourceLike) | null;
  /** Asks for the count once (the polling fallback). */
  fetchCount(): Promise<number>;
  /** How often the fallback asks. Default 30 s. */
  pollMs?: number;
}

const streamUrl = '/api/notifications/stream';
/** `EventSource.CLOSED`: the browser gave up and will not reconnect by itself. */
const closed = 2;

/**
 * Follows the person's unread count: live from the server's event stream (which the browser
 * reconnects by itself), or by polling when there is no `EventSource` or the stream was refused
 * for good. Returns a function that stops it.
 */
export function followUnreadCount(options: FollowUnreadCountOptions): () => void {
  const pollMs = options.pollMs ?? 30_000;
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let source: EventSourceLike | null = null;

  const poll = () => {
    options.fetchCount().then(
      (unread) => {
        if (!stopped) options.onCount(unread);
      },
      () => {},
    );
  };
  const startPolling = () => {
    if (timer !== null || stopped) return;
    poll();
    timer = setInterval(poll, pollMs);
  };

  if (options.openStream === null) {
    startPolling();
  } else {
    source = options.openStream(streamUrl);
    source.addEventListener('unread', (event) => {
      try {
        const { unread } = JSON.parse(String(event.data)) as { unread: unknown };
        if (typeof unread === 'number' && !stopped) options.onCount(unread);
      } catch {
        // A malformed frame is skipped; the next one carries the whole count again.
      }
    });
    source.onerror = () => {
      if (source?.readyState === closed) startPolling();
    };
  }

  return () => {
    stopped = true;
    source?.close();
    if (timer !== null) clearInterval(timer);
  };
}
