import { clusterUnavailable } from '@lore/cluster';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterSoak } from './cluster/clusterSoak';
import { LoreClusterTarget } from './cluster/LoreClusterTarget';
import { placedFanout } from './cluster/placedFanout';
import { ProcessSupervisor } from './process/ProcessSupervisor';

// A smoke version of `pnpm bench cluster` on a cluster of two processes: the placed fan-out
// measures only deliveries that crossed processes and converges, and the crash soak's check holds
// when one process of the cluster dies.

process.setMaxListeners(0);
const unavailable = clusterUnavailable();
if (unavailable) {
  console.warn(`The cluster smoke tests did not run: ${unavailable}.`);
}

describe.runIf(unavailable === null)('cluster of two processes', () => {
  const supervisor = new ProcessSupervisor();
  let target: LoreClusterTarget;
  beforeAll(async () => {
    target = await LoreClusterTarget.start({ processes: 2, users: 3 });
  }, 60_000);
  afterAll(async () => {
    await target?.close();
    await supervisor.stopAll();
  });

  it('measures typing on several pages from process to process, and the pages converge', async () => {
    const result = await placedFanout(
      target,
      supervisor,
      {
        pages: 2,
        typists: 1,
        readers: 2,
        keystrokesPerSecond: 10,
        warmupMs: 300,
        measureMs: 1_500,
      },
      { loadGenerators: 2 },
    );
    expect(result.crossProcess).toBe(true);
    expect(result.converged).toBe(true);
    expect(result.lostConnections).toEqual([]);
    expect(result.sent).toBeGreaterThan(20);
    expect(result.expectedDeliveries).toBe(result.sent * 2);
    expect(result.latency.count).toBe(result.expectedDeliveries);
    expect(result.latency.p99).toBeGreaterThanOrEqual(result.latency.p50);
    expect(result.latency.max).toBeLessThan(10_000);
    expect(result.serverCpuPercent).toBeGreaterThan(0);
  }, 60_000);

  it('loses nothing acknowledged when a random process is killed', async () => {
    const kills: number[] = [];
    const result = await clusterSoak(
      target,
      { cycles: 2, clients: 3, keystrokesPerSecond: 10, minRunMs: 300, maxRunMs: 600 },
      kills,
    );
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(2);
    expect(kills).toHaveLength(2);
    expect(result.keystrokes).toBeGreaterThan(0);
    expect(result.finalLength).toBe(result.keystrokes);
  }, 60_000);
});
