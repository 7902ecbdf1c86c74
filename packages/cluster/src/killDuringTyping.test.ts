import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CollabClient,
  collabClient,
  eventually,
  insertTraceParagraph,
  traceParagraphText,
} from '@lore/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterApi } from './ClusterApi';
import { DeliveredClocks } from './DeliveredClocks';
import { clusterAdmin, clusterUnavailable, LoreCluster } from './LoreCluster';
import { readPageThroughApi, readPageThroughClient } from './readPage';
import { readStoredState } from './readStoredState';
import { Typists } from './Typists';
import { waitForConvergence } from './waitForConvergence';

// Ten stock clients type into one page through nginx, spread over three processes, while one
// process at a time is killed with SIGKILL and started again. Whatever any client received from
// any process was committed to PostgreSQL first, so it must be in the page read back through a
// surviving process right after the kill; the cut clients reconnect through nginx to another
// process, and everyone converges on a text that holds every keystroke.

const unavailable = clusterUnavailable();
if (unavailable) console.warn(`SKIPPED: the kill -9 cluster test did not run: ${unavailable}.`);

// Each stock provider registers a process 'exit' listener; eleven at once are expected here.
process.setMaxListeners(20);

describe.skipIf(unavailable)('kill -9 of a process while ten clients type', () => {
  let cluster: LoreCluster;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    cluster = await LoreCluster.start({ processes: 3 });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.stop();
  });

  it('loses nothing any client saw acknowledged, and everyone converges, three times', async () => {
    const admin = await ClusterApi.signIn(
      cluster.url,
      clusterAdmin.email,
      clusterAdmin.password,
      'admin',
    );
    const pageId = await admin.createPage(await admin.createSpace('Crash'), 'Kill -9');
    const opener = collabClient(cluster.url, pageId, { token: admin.token });
    await opener.synced(30_000);
    insertTraceParagraph(opener.doc);
    // One after the other, so nginx's round-robin puts three or four on each process.
    for (let index = 0; index < 10; index++) {
      const client = collabClient(cluster.url, pageId, { token: admin.token });
      clients.push(client);
      await client.synced(30_000);
    }
    await eventually(
      () => clients.every((client) => traceParagraphText(client.doc) !== null),
      'every client to receive the paragraph',
      30_000,
    );
    opener.destroy();
    const delivered = clients.map((client) => new DeliveredClocks(client.doc));
    const typists = new Typists(clients, { intervalMs: 100, seed: 20_240_607 });

    for (let cycle = 0; cycle < 3; cycle++) {
      // A process not killed before: it still holds the clients nginx gave it at the start.
      const victim = cluster.processes[cycle];
      if (!victim) throw new Error('Three processes expected.');
      const closesBefore = clients.map((client) => client.closeCodes.length);

      typists.start();
      await sleep(1_500 + cycle * 400);
      await victim.kill();
      const acknowledged = delivered.map((clocks) => clocks.snapshot());

      // Read right away from PostgreSQL: the store, not the clients, must hold it all.
      const stored = await readStoredState(cluster.databaseUrl, pageId);
      acknowledged.forEach((clocks, index) => {
        expect(
          DeliveredClocks.missing(clocks, stored),
          `cycle ${cycle}, client ${index}`,
        ).toBeNull();
      });
      // The victim had clients: their sockets were cut (and they keep typing offline).
      await eventually(
        () =>
          clients.some((client, index) => client.closeCodes.length > (closesBefore[index] ?? 0)),
        `a client of ${victim.name} to lose its socket`,
        10_000,
      );

      // Before the victim is back, every client is synced again: the cut ones went through
      // nginx to a surviving process.
      await eventually(
        () => clients.every((client) => client.provider.synced),
        'every client to resync through another process',
        20_000,
      );
      await victim.start();
      await sleep(1_000);
      typists.stop();

      const text = await waitForConvergence(clients, 60_000);
      // Only insertions: nothing typed anywhere may be missing, in flight at the kill or not.
      expect(text.length).toBe(typists.keystrokes);
      const fresh = await readPageThroughClient(admin, pageId);
      expect(fresh.text).toBe(text);
      for (const clocks of delivered) {
        expect(DeliveredClocks.missing(clocks.snapshot(), fresh.stateVector)).toBeNull();
      }
      expect(await readPageThroughApi(admin, pageId)).toBe(text);
    }
  });
});
