import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteProcessTarget } from './cluster/SqliteProcessTarget';
import { threadLoad } from './discussion/threadLoad';
import { watcherFanout } from './discussion/watcherFanout';
import { ProcessSupervisor } from './process/ProcessSupervisor';

// A smoke version of `pnpm bench discussion` on one Lore process on SQLite: the thread load lists
// every anchored thread it made, and every seeded watcher is notified while others type.

process.setMaxListeners(0);

describe('discussion benchmark', () => {
  const supervisor = new ProcessSupervisor();
  let target: SqliteProcessTarget;
  beforeAll(async () => {
    target = await SqliteProcessTarget.start(supervisor, { lore: 'source', users: 3 });
  }, 60_000);
  afterAll(async () => {
    await target?.close();
    await supervisor.stopAll();
  });

  it('loads a page whose anchored threads it made through the API', async () => {
    const result = await threadLoad(target, { threads: 6, repliesEvery: 3, requests: 3 });
    expect(result.threads).toBe(6);
    // Threads 0 and 3 got two replies each.
    expect(result.comments).toBe(10);
    expect(result.responseBytes).toBeGreaterThan(1_000);
    expect(result.p95).toBeGreaterThanOrEqual(result.p50);
  }, 60_000);

  it('notifies every watcher of a new thread while others type on other pages', async () => {
    const result = await watcherFanout(target, supervisor, {
      watchers: 40,
      load: {
        pages: 2,
        typists: 1,
        readers: 1,
        keystrokesPerSecond: 10,
        warmupMs: 300,
        measureMs: 1_500,
      },
      loadGenerators: 2,
      fanouts: 1,
      fanoutGapMs: 200,
    });
    expect(result.fanoutMs).toHaveLength(1);
    expect(result.fanoutMs[0]).toBeGreaterThan(0);
    for (const typing of [result.typingAlone, result.typingDuringFanout]) {
      expect(typing.converged).toBe(true);
      expect(typing.latency.count).toBe(typing.expectedDeliveries);
    }
  }, 120_000);
});
