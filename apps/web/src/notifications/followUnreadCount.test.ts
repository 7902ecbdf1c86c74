import { afterEach, describe, expect, it, vi } from 'vitest';
import { type EventSourceLike, followUnreadCount } from './followUnreadCount';

class FakeSource implements EventSourceLike {
  readyState = 1;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  readonly listeners = new Map<string, (event: MessageEvent) => void>();
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, listener);
  }
  emit(data: string) {
    this.listeners.get('unread')?.(new MessageEvent('unread', { data }));
  }
  close() {
    this.closed = true;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('followUnreadCount', () => {
  it('follows the stream, skipping frames it cannot read, and closes it when stopped', () => {
    const source = new FakeSource();
    const counts: number[] = [];
    const urls: string[] = [];
    const fetchCount = vi.fn(async () => 0);
    const stop = followUnreadCount({
      onCount: (n) => counts.push(n),
      openStream: (url) => {
        urls.push(url);
        return source;
      },
      fetchCount,
    });
    source.emit('{"unread":2}');
    source.emit('not json');
    source.emit('{"unread":"3"}');
    source.emit('{"unread":0}');
    expect(counts).toEqual([2, 0]);
    expect(urls).toEqual(['/api/notifications/stream']);
    // A passing error (the browser reconnects by itself) does not start polling.
    source.onerror?.(new Event('error'));
    expect(fetchCount).not.toHaveBeenCalled();
    stop();
    expect(source.closed).toBe(true);
    source.emit('{"unread":5}');
    expect(counts).toEqual([2, 0]);
  });

  it('polls when the stream is refused for good, or there is no EventSource', async () => {
    vi.useFakeTimers();
    const source = new FakeSource();
    const counts: number[] = [];
    let next = 1;
    const stop = followUnreadCount({
      onCount: (n) => counts.push(n),
      openStream: () => source,
      fetchCount: async () => next++,
      pollMs: 1_000,
    });
    source.readyState = 2;
    source.onerror?.(new Event('error'));
    await vi.advanceTimersByTimeAsync(2_500);
    expect(counts).toEqual([1, 2, 3]);
    stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(counts).toEqual([1, 2, 3]);

    const polled: number[] = [];
    const stopPolling = followUnreadCount({
      onCount: (n) => polled.push(n),
      openStream: null,
      fetchCount: async () => 7,
      pollMs: 1_000,
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(polled).toEqual([7]);
    stopPolling();
  });
});
