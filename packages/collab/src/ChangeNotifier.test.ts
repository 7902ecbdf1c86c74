import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangeNotifier } from './ChangeNotifier';

describe('ChangeNotifier', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const notifier = (runs: { docId: string; at: number }[]) =>
    new ChangeNotifier({
      listener: (docId) => {
        runs.push({ docId, at: performance.now() });
      },
      delayMs: 100,
      maxWaitMs: 1_000,
      onError: (error) => {
        throw error;
      },
    });

  it('runs once a document has been quiet for the delay, counted from its last change', async () => {
    const runs: { docId: string; at: number }[] = [];
    const changes = notifier(runs);
    const start = performance.now();
    changes.schedule('a');
    await vi.advanceTimersByTimeAsync(60);
    changes.schedule('a');
    await vi.advanceTimersByTimeAsync(60);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(60);
    expect(runs).toEqual([{ docId: 'a', at: start + 160 }]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toHaveLength(1);
  });

  it('runs at least every maxWaitMs while changes keep coming, with one timer per document', async () => {
    const runs: { docId: string; at: number }[] = [];
    const changes = notifier(runs);
    const start = performance.now();
    for (let elapsed = 0; elapsed < 2_500; elapsed += 20) {
      changes.schedule('a');
      expect(vi.getTimerCount()).toBe(1);
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(runs.map((run) => run.at - start)).toEqual([1_000, 2_000]);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs.map((run) => run.at - start)).toEqual([1_000, 2_000, 2_580]);
  });

  it('keeps documents apart, and flush runs a pending notification at once', async () => {
    const runs: { docId: string; at: number }[] = [];
    const changes = notifier(runs);
    changes.schedule('a');
    changes.schedule('b');
    await changes.flush('b');
    expect(runs.map((run) => run.docId)).toEqual(['b']);
    await changes.flush('b');
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs.map((run) => run.docId)).toEqual(['b', 'a']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
