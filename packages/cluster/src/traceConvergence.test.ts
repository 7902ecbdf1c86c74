import { type ConcurrentTrace, editingTracesDir, readTrace } from '@lore/collab/testing';
import {
  type CollabClient,
  collabClient,
  eventually,
  insertTraceParagraph,
  planConcurrentPageReplay,
  readTraceParagraph,
  traceParagraphText,
} from '@lore/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClusterApi } from './ClusterApi';
import { clusterAdmin, clusterUnavailable, LoreCluster } from './LoreCluster';
import { readPageThroughApi, readPageThroughClient } from './readPage';

// Real concurrent editing traces (two or three people typing into one document at once),
// replayed by one stock client per author, the authors alternating between two processes: every
// transaction an author waits for from another author crosses processes (committed to
// PostgreSQL, relayed through Redis). Every client, a client joining now and the REST API must
// end with exactly the trace's final text.

const unavailable = clusterUnavailable();
const tracesDir = editingTracesDir();
if (unavailable) {
  console.warn(`SKIPPED: the trace convergence cluster test did not run: ${unavailable}.`);
} else if (!tracesDir) {
  console.warn(
    'SKIPPED: the trace convergence cluster test did not run: no editing-traces folder under ' +
      `${process.env.LORE_CORPORA ?? '../shared/corpora'} (set LORE_CORPORA).`,
  );
}

/** Resolves once `doc` holds `clientId`'s edits up to `clock`. */
function whenHolds(doc: Y.Doc, clientId: number, clock: number): Promise<void> | null {
  if (Y.getState(doc.store, clientId) >= clock) return null;
  return new Promise<void>((resolve) => {
    const check = () => {
      if (Y.getState(doc.store, clientId) < clock) return;
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe.skipIf(unavailable || !tracesDir)('real editing traces across two processes', () => {
  let cluster: LoreCluster;
  let admin: ClusterApi;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    cluster = await LoreCluster.start({ processes: 2 });
    admin = await ClusterApi.signIn(
      cluster.url,
      clusterAdmin.email,
      clusterAdmin.password,
      'admin',
    );
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.stop();
  });

  for (const name of ['friendsforever', 'clownschool']) {
    it(`replays ${name} with its authors on different processes`, async () => {
      const trace = readTrace<ConcurrentTrace>(
        tracesDir ?? '',
        `concurrent_traces/${name}.json.gz`,
      );
      const pageId = await admin.createPage(await admin.createSpace(name), name);
      // Author i on process i mod 2, straight to it, so the authors are known to be apart.
      const authors = Array.from({ length: trace.numAgents }, (_, author) => {
        const process = cluster.processes[author % cluster.processes.length];
        const client = collabClient(process?.url ?? '', pageId, { token: admin.token });
        clients.push(client);
        return client;
      });
      await Promise.all(authors.map((client) => client.synced(30_000)));
      const opener = authors[0] as CollabClient;
      insertTraceParagraph(opener.doc);
      await eventually(
        () => authors.every((client) => traceParagraphText(client.doc) !== null),
        'every author to receive the paragraph',
        30_000,
      );
      const plan = planConcurrentPageReplay(trace, Y.encodeStateAsUpdate(opener.doc));

      await Promise.all(
        plan.steps.map(async (steps, author) => {
          const client = authors[author];
          if (!client) throw new Error('missing client');
          let sent = 0;
          for (const step of steps) {
            for (const [clientId, clock] of step.waitFor) {
              await whenHolds(client.doc, clientId, clock);
            }
            Y.applyUpdate(client.doc, step.update);
            sent += 1;
            if (sent % 25 === 0) await nextTurn();
          }
        }),
      );
      await eventually(
        () => authors.every((client) => readTraceParagraph(client.doc) === trace.endContent),
        `every ${name} author to hold the final text`,
        60_000,
      );
      // A client joining each process, through nginx, and the REST API of each read the same.
      for (const api of [admin, ...cluster.processes.map((process) => admin.at(process.url))]) {
        expect((await readPageThroughClient(api, pageId)).text).toBe(trace.endContent);
        expect(await readPageThroughApi(api, pageId)).toBe(trace.endContent);
      }
      for (const client of authors) client.destroy();
    });
  }
});
