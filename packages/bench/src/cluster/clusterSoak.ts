import type { LoreProcess } from '@lore/cluster';
import { connectClient } from '../clients/ClientSpec';
import { type CrashSoakOptions, type CrashSoakResult, crashSoak } from '../scenarios/crashSoak';
import { seededRandom } from '../stats/seededRandom';
import type { LoreClusterTarget } from './LoreClusterTarget';

/**
 * The crash soak of `pnpm bench collab --soak` on a cluster: clients connect through nginx, and
 * each cycle `kill -9`s one process chosen at random and starts it again. The soak's own checks
 * apply unchanged: what any client received from any process must be in the store, and everyone
 * converges after reconnecting. `kills` receives the index of the process killed in each cycle.
 */
export async function clusterSoak(
  target: LoreClusterTarget,
  options: CrashSoakOptions,
  kills: number[],
): Promise<CrashSoakResult> {
  const random = seededRandom((options.seed ?? 7) + 1);
  const processes = target.cluster.processes;
  let victim: LoreProcess | null = null;
  return crashSoak(
    {
      createDocuments: (count) => target.createDocuments(count),
      connect: (docId) => connectClient(target.balancedSpec(docId)),
      server: {
        kill: async () => {
          const index = Math.floor(random() * processes.length);
          kills.push(index);
          victim = processes[index] ?? null;
          await victim?.kill();
        },
        start: async () => {
          await victim?.start();
        },
      },
    },
    options,
  );
}
