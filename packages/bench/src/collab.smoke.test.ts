import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automergePaperTracePath } from './benchPaths';
import { startTarget } from './collab/startTarget';
import { readSequentialTrace, type SequentialTrace } from './corpora/SequentialTrace';
import { ProcessSupervisor } from './process/ProcessSupervisor';
import { crashSoak } from './scenarios/crashSoak';
import { fanoutLatency } from './scenarios/fanoutLatency';
import { memoryPerPage } from './scenarios/memoryPerPage';
import { OpenerProcess } from './scenarios/open/OpenerProcess';
import { openTimes } from './scenarios/openTimes';
import { traceIngest } from './scenarios/traceIngest';
import type { CollabTarget, ServerId } from './servers/CollabTarget';
import { LoreTarget } from './servers/LoreTarget';

// A smoke version of `pnpm bench collab`: the same scenarios at toy sizes, against the same three
// servers, checking that the machinery yields sane numbers and converged documents.

process.setMaxListeners(0);
const tracePath = automergePaperTracePath();
if (!tracePath) {
  console.warn(
    'The automerge-paper trace is missing ($LORE_CORPORA/editing-traces): the ingest smoke tests did not run.',
  );
}

const trace = tracePath ? readSequentialTrace(tracePath) : null;
const supervisor = new ProcessSupervisor();
const opener = new OpenerProcess(supervisor);
afterAll(async () => {
  await opener.close();
  await supervisor.stopAll();
});

describe.each<ServerId>(['lore', 'reference', 'hocuspocus'])('%s', (id) => {
  let target: CollabTarget;
  beforeAll(async () => {
    target = await startTarget(id, supervisor);
  }, 60_000);
  afterAll(() => target?.close());

  it('measures typing fan-out and the clients converge', async () => {
    const result = await fanoutLatency(target, supervisor, {
      loadGenerators: 2,
      clients: 4,
      keystrokesPerSecond: 20,
      warmupMs: 500,
      measureMs: 2_000,
    });
    expect(result.converged).toBe(true);
    expect(result.lostConnections).toEqual([]);
    expect(result.sent).toBeGreaterThan(50);
    expect(result.expectedDeliveries).toBe(result.sent * 3);
    expect(result.latency.count).toBe(result.expectedDeliveries);
    expect(result.latency.p50).toBeGreaterThan(0);
    expect(result.latency.p99).toBeGreaterThanOrEqual(result.latency.p50);
    expect(result.latency.max).toBeLessThan(10_000);
    expect(result.finalLength).toBeGreaterThanOrEqual(result.sent);
    expect(result.serverCpuPercent).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('measures server memory per open page', async () => {
    const result = await memoryPerPage(target, {
      pages: 6,
      contentBytes: 2_048,
      settleMs: 200,
      unloadWaitMs: 0,
    });
    expect(result.pages).toBe(6);
    expect(result.verifiedPages).toBe(3);
    expect(result.baselineRssBytes).toBeGreaterThan(10 * 2 ** 20);
    expect(Number.isFinite(result.bytesPerPage)).toBe(true);
  }, 60_000);

  describe.skipIf(!trace)('automerge-paper', () => {
    it('ingests the first few hundred trace transactions and opens the page', async () => {
      const result = await traceIngest(target, {
        trace: trace as SequentialTrace,
        ops: 400,
        chunk: 50,
      });
      try {
        expect(result.ops).toBe(400);
        expect(result.finalLength).toBe(result.expectedContent.length);
        expect(result.expectedContent.length).toBeGreaterThan(100);
        expect(result.updatesPerSecond).toBeGreaterThan(0);
        expect(result.sendSeconds).toBeLessThanOrEqual(result.seconds);
        const opens = await openTimes(opener, target, result.docId, result.expectedContent, {
          opens: 2,
        });
        expect(opens).toHaveLength(2);
        for (const open of opens) {
          expect(open.ms).toBeGreaterThan(0);
          // y-websocket clients report when the server's first message arrived, before they synced.
          if (id === 'hocuspocus') expect(open.firstMessageMs).toBeNaN();
          else {
            expect(open.firstMessageMs).toBeGreaterThan(0);
            expect(open.firstMessageMs).toBeLessThanOrEqual(open.ms);
          }
        }
      } finally {
        result.close();
      }
      if (target instanceof LoreTarget) {
        const before = target.storage();
        expect(before.logRows + before.snapshotRows).toBeGreaterThan(0);
        await target.restart();
        const [cold] = await openTimes(opener, target, result.docId, result.expectedContent, {
          opens: 1,
        });
        expect(cold?.ms).toBeGreaterThan(0);
        expect(cold?.firstMessageMs).toBeLessThanOrEqual(cold?.ms ?? 0);
        const after = target.storage();
        expect(after.snapshotRows).toBeGreaterThan(0);
        expect(after.freeBytes).toBeLessThan(after.dbBytes);
      }
    }, 120_000);
  });
});

describe('crash soak', () => {
  it('loses nothing any client saw across kill -9 restarts', async () => {
    const target = await LoreTarget.start(supervisor, { users: 2 });
    try {
      const result = await crashSoak(target, {
        cycles: 2,
        clients: 3,
        keystrokesPerSecond: 20,
        minRunMs: 200,
        maxRunMs: 600,
      });
      expect(result.failures).toEqual([]);
      expect(result.passed).toBe(2);
      expect(result.keystrokes).toBeGreaterThan(10);
      expect(result.finalLength).toBe(result.keystrokes);
    } finally {
      await target.close();
    }
  }, 120_000);
});
