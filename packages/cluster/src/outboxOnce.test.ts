import { eventually } from '@lore/server/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterApi } from './ClusterApi';
import { clusterAdmin, clusterUnavailable, LoreCluster } from './LoreCluster';

// Every process runs every event consumer; the claims in PostgreSQL must make each event's
// consumers run once in the whole cluster, and the page.content_changed event of a changed page
// be made once, however the pages were spread over the processes.

const unavailable = clusterUnavailable();
if (unavailable) console.warn(`SKIPPED: the outbox-once cluster test did not run: ${unavailable}.`);

interface EventsStatus {
  lastSeq: number;
  consumers: { name: string; cursor: number; behind: number; deadLetters: number }[];
  deadLetters: unknown[];
}

describe.skipIf(unavailable)('outbox consumers in a cluster', () => {
  let cluster: LoreCluster;
  let admin: ClusterApi;
  let database: pg.Client;

  beforeAll(async () => {
    cluster = await LoreCluster.start({ processes: 2 });
    admin = await ClusterApi.signIn(
      cluster.url,
      clusterAdmin.email,
      clusterAdmin.password,
      'admin',
    );
    database = new pg.Client({ connectionString: cluster.databaseUrl });
    await database.connect();
  });
  afterAll(async () => {
    await database?.end();
    await cluster?.stop();
  });

  it('makes every page searchable exactly once and handles each event once', async () => {
    const spaceId = await admin.createSpace('Orchard');
    const count = 30;
    // Four at a time through nginx's round-robin: both processes write events concurrently.
    const pageIds: string[] = [];
    for (let start = 0; start < count; start += 4) {
      const batch = Array.from({ length: Math.min(4, count - start) }, (_, offset) => {
        const index = start + offset;
        return admin.createPage(
          spaceId,
          `Harvest ${index}`,
          `The orchard ledger ${'abcdefghijklmnopqrstuvwxyz'[index % 26]}${index} lists quinces.`,
        );
      });
      pageIds.push(...(await Promise.all(batch)));
    }

    // Both processes answer searches from the one index: each page once, none twice.
    for (const process of cluster.processes) {
      const api = admin.at(process.url);
      await eventually(
        async () => {
          const body = await api.expect<{ results: { pageId: string }[] }>(
            'GET',
            `/api/search?q=quinces&space=${spaceId}&limit=50`,
            200,
          );
          return body.results.length >= count;
        },
        `every page to be searchable through ${process.name}`,
        30_000,
      );
      const body = await api.expect<{ results: { pageId: string }[]; total: number }>(
        'GET',
        `/api/search?q=quinces&space=${spaceId}&limit=50`,
        200,
      );
      const found = body.results.map((hit) => hit.pageId);
      expect(found).toHaveLength(count);
      expect(new Set(found)).toEqual(new Set(pageIds));
      expect(body.total).toBe(count);
    }

    // Every consumer caught up, as each process reports it, with nothing given up on.
    for (const process of cluster.processes) {
      const api = admin.at(process.url);
      await eventually(
        async () => {
          const status = await api.expect<EventsStatus>('GET', '/api/admin/events', 200);
          return status.consumers.every((consumer) => consumer.behind === 0);
        },
        `every consumer to catch up as ${process.name} sees it`,
        30_000,
      );
      const status = await api.expect<EventsStatus>('GET', '/api/admin/events', 200);
      expect(status.deadLetters).toEqual([]);
      for (const consumer of status.consumers) expect(consumer.cursor).toBe(status.lastSeq);
    }

    // Once in the outbox: one page.created per page, and one page.content_changed per page
    // whose document was written at creation (two processes turning the same change mark into
    // an event would make two).
    const events = await database.query<{ type: string; page_id: string; n: string }>(
      `SELECT type, page_id, count(*) AS n FROM domain_events
       WHERE page_id = ANY($1) GROUP BY type, page_id`,
      [pageIds],
    );
    const perPage = (type: string) =>
      new Map(
        events.rows.filter((row) => row.type === type).map((row) => [row.page_id, Number(row.n)]),
      );
    const created = perPage('page.created');
    const changed = perPage('page.content_changed');
    for (const pageId of pageIds) {
      expect(created.get(pageId)).toBe(1);
      expect(changed.get(pageId)).toBe(1);
    }
    // Nothing left waiting: no change mark without its event, no page waiting for the index.
    await eventually(
      async () =>
        (await database.query('SELECT 1 FROM content_change_marks')).rowCount === 0 &&
        (await database.query('SELECT 1 FROM search_outbox')).rowCount === 0,
      'the change marks and the search queue to drain',
      30_000,
    );
  });
});
