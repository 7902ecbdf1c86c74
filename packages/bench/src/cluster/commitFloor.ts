import {
  createPostgresPool,
  migratePostgres,
  PostgresDatabase,
  PostgresDocumentStore,
} from '@lore/store-postgres';
import { PostgresServer } from '@lore/store-postgres/testing';
import { sleep } from '../scenarios/waitUntil';
import { type LatencySummary, summarizeLatencies } from '../stats/summarizeLatencies';
import type { PlacedLoad } from './placedFanout';

/**
 * The floor under any delivery through PostgreSQL: the same pages and keystroke rate as a
 * fan-out load, each keystroke a durable append of the update log (the store Lore uses, on a
 * private PostgreSQL that flushes every commit), with no Lore, no sockets and no relay. No
 * delivery can be faster than its commit, so this bounds what the cross-process target can reach
 * on the machine.
 */
export async function commitFloor(load: PlacedLoad): Promise<LatencySummary | null> {
  const server = await PostgresServer.start({ durable: true });
  if (!server) return null;
  const db = new PostgresDatabase({ url: server.url() });
  const pool = createPostgresPool({ url: server.url(), applicationName: 'lore-commit-floor' });
  try {
    migratePostgres(db);
    const store = new PostgresDocumentStore(pool);
    const samples: number[] = [];
    const intervalMs = 1_000 / load.keystrokesPerSecond;
    const start = performance.now();
    const measureFrom = start + load.warmupMs;
    const end = measureFrom + load.measureMs;
    const update = new Uint8Array(24).fill(7);
    await Promise.all(
      Array.from({ length: load.pages }, async (_, page) => {
        // Pages start spread over one interval, then keep a fixed rate (a late append does not
        // shift the ones after it).
        let next = start + (page * intervalMs) / load.pages;
        while (next < end) {
          const wait = next - performance.now();
          if (wait > 0) await sleep(wait);
          const sentAt = performance.now();
          await store.append(`floor-${page}`, [update]);
          if (sentAt >= measureFrom) samples.push(performance.now() - sentAt);
          next += intervalMs;
        }
      }),
    );
    return summarizeLatencies(samples);
  } finally {
    await pool.end();
    await db.close();
    await server.destroy();
  }
}
