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

// Without PostgreSQL nothing can be made durable, so nothing may be accepted: HTTP writes are
// refused with 503 store_unavailable, collaboration sockets are closed with 1011 (the stock
// provider reconnects on it, and keeps what it typed meanwhile), and /healthz says 503 so a
// balancer stops sending traffic. Once PostgreSQL is back, everything resumes and converges.

const unavailable = clusterUnavailable();
if (unavailable) {
  console.warn(`SKIPPED: the PostgreSQL outage cluster test did not run: ${unavailable}.`);
}

describe.skipIf(unavailable)('PostgreSQL stopped while clients type', () => {
  let cluster: LoreCluster;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    cluster = await LoreCluster.start({ processes: 2 });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.stop();
  });

  it('refuses writes while it is down, loses nothing acknowledged, and resumes after', async () => {
    const admin = await ClusterApi.signIn(
      cluster.url,
      clusterAdmin.email,
      clusterAdmin.password,
      'admin',
    );
    const spaceId = await admin.createSpace('Outage');
    const pageId = await admin.createPage(spaceId, 'PostgreSQL outage');
    for (let index = 0; index < 4; index++) {
      const client = collabClient(cluster.url, pageId, { token: admin.token });
      clients.push(client);
      await client.synced(30_000);
    }
    insertTraceParagraph((clients[0] as CollabClient).doc);
    await eventually(
      () => clients.every((client) => traceParagraphText(client.doc) !== null),
      'every client to receive the paragraph',
      30_000,
    );
    const delivered = clients.map((client) => new DeliveredClocks(client.doc));
    const typists = new Typists(clients, { intervalMs: 100, seed: 1_011 });
    typists.start();
    await sleep(1_000);

    const closesBefore = clients.map((client) => client.closeCodes.length);
    await cluster.postgres.stopServer('fast');

    for (const process of cluster.processes) {
      const api = admin.at(process.url);
      await eventually(
        async () => (await fetch(`${process.url}/healthz`)).status === 503,
        `${process.name}'s /healthz to answer 503`,
        15_000,
      );
      const refused = await api.call<{ error: { code: string } }>('POST', '/api/pages', {
        spaceId,
        title: 'Written while the database is down',
      });
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('store_unavailable');
      expect(refused.headers.get('retry-after')).not.toBeNull();
    }
    // Every typing client's socket is closed with the retryable code: its edits could not be
    // stored, so nothing of them was relayed or acknowledged.
    await eventually(
      () => clients.every((client, index) => client.closeCodes.length > (closesBefore[index] ?? 0)),
      'every client socket to be closed',
      15_000,
    );
    clients.forEach((client, index) => {
      expect(client.closeCodes[closesBefore[index] ?? 0], `client ${index}`).toBe(1011);
    });
    await sleep(1_000);
    const acknowledged = delivered.map((clocks) => clocks.snapshot());

    await cluster.postgres.startServer();
    await eventually(
      async () =>
        (await admin.call('POST', '/api/pages', { spaceId, title: 'Written after the outage' }))
          .status === 201,
      'REST writes to work again',
      30_000,
    );
    for (const process of cluster.processes) {
      await eventually(
        async () => (await fetch(`${process.url}/healthz`)).status === 200,
        `${process.name}'s /healthz to answer 200 again`,
        30_000,
      );
    }
    await sleep(1_000);
    typists.stop();

    const text = await waitForConvergence(clients, 60_000);
    // Typed before, during and after the outage: every keystroke is there.
    expect(text.length).toBe(typists.keystrokes);
    const stored = await readStoredState(cluster.databaseUrl, pageId);
    acknowledged.forEach((clocks, index) => {
      expect(DeliveredClocks.missing(clocks, stored), `client ${index} (store)`).toBeNull();
    });
    const fresh = await readPageThroughClient(admin, pageId);
    expect(fresh.text).toBe(text);
    acknowledged.forEach((clocks, index) => {
      expect(DeliveredClocks.missing(clocks, fresh.stateVector), `client ${index}`).toBeNull();
    });
    expect(await readPageThroughApi(admin, pageId)).toBe(text);
  });
});
