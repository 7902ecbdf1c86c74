import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type CollabHarness,
  readThroughNewClient,
  startCollabHarness,
  type TestClient,
  tempDatabasePath,
} from './test/collabTestHarness';
import {
  type ConcurrentTrace,
  editingTracesDir,
  planConcurrentReplay,
  readTrace,
  type SequentialTrace,
} from './test/editingTraces';
import { waitUntil } from './test/waitUntil';

const tracesDir = editingTracesDir();
if (!tracesDir) {
  console.warn(
    'SKIPPED: the editing-trace replay suite did not run: no editing-traces folder under ' +
      `${process.env.LORE_CORPORA ?? '../shared/corpora'} (set LORE_CORPORA).`,
  );
}

// Trace replay uses a Y.Text named 'trace' rather than the page body ('default' XmlFragment):
// the traces are plain-text keystrokes with code-point positions.
const readTraceText = (doc: Y.Doc) => doc.getText('trace').toString();

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshHarness(): Promise<CollabHarness> {
  const temp = tempDatabasePath();
  cleanups.push(() => temp.remove());
  const server = await startCollabHarness({ dbPath: temp.path });
  cleanups.push(async () => {
    if (server.db.open) await server.close();
  });
  return server;
}

/** A fresh client, then the document read back after a restart, must both hold `expected`. */
async function expectEverywhere(server: CollabHarness, docId: string, expected: string) {
  expect(readTraceText(await server.collab.getDocument(docId))).toBe(expected);
  expect(await readThroughNewClient(server, docId, readTraceText)).toBe(expected);
  await server.close();
  const restarted = await startCollabHarness({ dbPath: server.dbPath });
  cleanups.push(async () => {
    if (restarted.db.open) await restarted.close();
  });
  expect(readTraceText(await restarted.collab.getDocument(docId))).toBe(expected);
  expect(await readThroughNewClient(restarted, docId, readTraceText)).toBe(expected);
  expect([...server.errors, ...restarted.errors]).toEqual([]);
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe.skipIf(!tracesDir)('CollabServer replaying real editing traces', () => {
  it('replays automerge-paper keystroke by keystroke through one stock client', async () => {
    const trace = readTrace<SequentialTrace>(
      tracesDir ?? '',
      'sequential_traces/automerge-paper.json.gz',
    );
    const server = await freshHarness();
    const client = server.client('automerge-paper');
    await client.synced();
    const text = client.doc.getText('trace');
    const started = performance.now();
    let operations = 0;
    for (const txn of trace.txns) {
      for (const [position, deleted, inserted] of txn.patches) {
        // One Yjs transaction, so one websocket message and one stored update, per operation.
        if (deleted > 0) text.delete(position, deleted);
        if (inserted.length > 0) text.insert(position, inserted);
        operations += 1;
        if (operations % 2_000 === 0) await nextTurn();
      }
    }
    expect(text.toString()).toBe(trace.endContent);
    await waitUntil(
      () => readTraceText(client.doc) === trace.endContent,
      'the client to finish',
      60_000,
    );
    await expect
      .poll(async () => (await server.store.stats('automerge-paper')).lastSeq, {
        timeout: 60_000,
        interval: 50,
      })
      .toBe(operations);
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `automerge-paper: ${operations} operations stored one by one in ${seconds.toFixed(1)} s ` +
        `(${Math.round(operations / seconds)} ops/s)`,
    );
    const stats = await server.store.stats('automerge-paper');
    expect(stats.snapshotSeq).toBeGreaterThan(0);
    client.destroy();
    await expectEverywhere(server, 'automerge-paper', trace.endContent);
  }, 120_000);

  for (const name of ['clownschool', 'friendsforever']) {
    it(`replays ${name} with its authors typing at once through separate clients`, async () => {
      const trace = readTrace<ConcurrentTrace>(
        tracesDir ?? '',
        `concurrent_traces/${name}.json.gz`,
      );
      const { steps } = planConcurrentReplay(trace);
      const server = await freshHarness();
      const clients = steps.map(() => server.client(name));
      await Promise.all(clients.map((client) => client.synced()));
      const started = performance.now();

      const waitForProgress = (client: TestClient, agent: number, count: number) => {
        const progress = client.doc.getMap<number>('progress');
        if ((progress.get(String(agent)) ?? 0) >= count) return Promise.resolve();
        return new Promise<void>((resolve) => {
          const check = () => {
            if ((progress.get(String(agent)) ?? 0) < count) return;
            client.doc.off('update', check);
            resolve();
          };
          client.doc.on('update', check);
        });
      };

      await Promise.all(
        steps.map(async (agentSteps, agent) => {
          const client = clients[agent];
          if (!client) throw new Error('missing client');
          const progress = client.doc.getMap<number>('progress');
          let sent = 0;
          for (const step of agentSteps) {
            for (const [other, count] of step.needs.entries()) {
              if (other !== agent && count > 0) await waitForProgress(client, other, count);
            }
            // The keystroke, then a progress marker the other agents wait for. Two local
            // transactions (so two messages, kept in order by the socket and the server): a
            // marker inside the applyUpdate transaction would make Yjs think another client
            // uses this doc's client id and switch to a new one on every step.
            Y.applyUpdate(client.doc, step.update);
            progress.set(String(agent), step.seq);
            sent += 1;
            if (sent % 25 === 0) await nextTurn();
          }
        }),
      );
      await waitUntil(
        () => clients.every((client) => readTraceText(client.doc) === trace.endContent),
        `every ${name} client to hold endContent`,
        60_000,
      );
      const transactions = steps.reduce((sum, agentSteps) => sum + agentSteps.length, 0);
      const seconds = (performance.now() - started) / 1000;
      console.info(
        `${name}: ${transactions} transactions from ${steps.length} clients in ${seconds.toFixed(1)} s`,
      );
      for (const client of clients) client.destroy();
      await expectEverywhere(server, name, trace.endContent);
    }, 120_000);
  }
});
