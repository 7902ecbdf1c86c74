import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from './CloseCode';
import { cleanupsAfterEach } from './test/cleanupsAfterEach';
import {
  type CollabHarness,
  type CollabHarnessOptions,
  readThroughNewClient,
  startCollabHarness,
  tempDatabasePath,
} from './test/collabTestHarness';
import { type InstrumentedStore, instrumentStore } from './test/instrumentedStore';
import { waitUntil } from './test/waitUntil';

const cleanups = cleanupsAfterEach();

async function harness(
  options: CollabHarnessOptions = {},
): Promise<CollabHarness & { instrumented: InstrumentedStore }> {
  const temp = options.dbPath ? null : tempDatabasePath();
  let instrumented: InstrumentedStore | undefined;
  const started = await startCollabHarness({
    ...options,
    dbPath: options.dbPath ?? temp?.path,
    wrapStore: (store) => {
      instrumented = instrumentStore(store);
      return instrumented;
    },
  });
  cleanups.push(() => temp?.remove());
  cleanups.push(async () => {
    if (started.db.open) await started.close();
  });
  if (!instrumented) throw new Error('store not wrapped');
  return Object.assign(started, { instrumented });
}

const textUpdate = (text: string, at = 0) => {
  const doc = new Y.Doc();
  doc.getText('text').insert(at, text);
  return Y.encodeStateAsUpdate(doc);
};

describe('CollabServer room lifecycle', () => {
  it('unloads an empty room after the grace period and folds its log into a snapshot', async () => {
    const server = await harness({ collab: { gracePeriodMs: 50 } });
    const client = server.client('page-1');
    await client.synced();
    for (let index = 0; index < 30; index++) client.doc.getText('text').insert(index, 'x');
    await expect.poll(async () => (await server.store.stats('page-1')).lastSeq).toBe(30);
    expect(server.collab.loadedDocuments().get('page-1')).toBe('live');
    expect(server.collab.isLoaded('page-1')).toBe(true);

    client.destroy();
    await waitUntil(() => !server.collab.isLoaded('page-1'), 'the room to unload');
    expect(server.collab.loadedDocuments().has('page-1')).toBe(false);
    const stats = await server.store.stats('page-1');
    expect(stats).toMatchObject({ updates: 0, snapshotSeq: 30, lastSeq: 30 });
    expect(stats.snapshotBytes).toBeGreaterThan(0);
    expect(await readThroughNewClient(server, 'page-1')).toBe('x'.repeat(30));
  });

  it('shares one load between clients that join while the room is loading', async () => {
    const server = await harness();
    await server.collab.applyServerUpdate('page-1', textUpdate('loaded once'));
    await server.collab.closeDocument('page-1');
    server.instrumented.loads = 0;
    server.instrumented.delayMs = 60;

    const clients = Array.from({ length: 5 }, () => server.client('page-1'));
    const reads = Promise.all([1, 2].map(() => server.collab.getDocument('page-1')));
    await Promise.all(clients.map((client) => client.synced()));
    const [first, second] = await reads;
    expect(first).toBe(second);
    expect(server.instrumented.loads).toBe(1);
    for (const client of clients) expect(client.doc.getText('text').toString()).toBe('loaded once');
  });

  it('drops nobody who joins or sends while the room is unloading', async () => {
    // A zero grace period and a slow store keep the room in `unloading` for a while; each round
    // joins (or writes from the server) either inside that window, after the room closed, or at
    // once, and leaves right after sending, so the next unload starts with writes in flight.
    const server = await harness({ collab: { gracePeriodMs: 0 } });
    server.instrumented.delayMs = 15;
    const state = () => server.collab.loadedDocuments().get('page-1') ?? 'absent';
    const expected: string[] = [];
    const joinedWhile: string[] = [];
    for (let round = 0; round < 18; round++) {
      const token = `r${round};`;
      expected.push(token);
      const mode = round % 3;
      if (mode === 0 && round > 0) {
        await waitUntil(() => state() !== 'live', 'the room to start unloading');
      } else if (mode === 1) {
        await waitUntil(() => state() === 'absent', 'the room to unload');
      }
      joinedWhile.push(state());
      if (Math.floor(round / 3) % 2 === 1) {
        await server.collab.applyServerUpdate('page-1', textUpdate(token));
      } else {
        const client = server.client('page-1');
        await client.synced();
        // Long enough for an unload to finish: the room must stay the one the client is in.
        await new Promise((resolve) => setTimeout(resolve, 40));
        const observer = server.client('page-1');
        await observer.synced();
        const text = client.doc.getText('text');
        text.insert(text.length, token);
        await waitUntil(
          () => observer.doc.getText('text').toString().includes(token),
          'a second client to see the edit live',
        );
        observer.destroy();
        client.destroy();
      }
    }
    expect(joinedWhile).toContain('unloading');
    expect(joinedWhile).toContain('absent');
    await waitUntil(() => state() === 'absent', 'the final unload');
    const content = await readThroughNewClient(server, 'page-1');
    for (const token of expected) expect(content).toContain(token);
    expect(content.length).toBe(expected.join('').length);
    expect(server.errors).toEqual([]);

    const path = server.dbPath;
    await server.close();
    const restarted = await harness({ dbPath: path });
    const doc = await restarted.collab.getDocument('page-1');
    expect(doc.getText('text').toString()).toBe(content);
  });

  it('bounds the log by compacting while clients keep typing', async () => {
    const server = await harness({ collab: { compactAfterUpdates: 50 } });
    const writer = server.client('page-1');
    const reader = server.client('page-1');
    await Promise.all([writer.synced(), reader.synced()]);
    const text = writer.doc.getText('text');
    let maxRows = 0;
    for (let index = 0; index < 1_000; index++) {
      text.insert(index % 7 === 0 ? 0 : text.length, String(index % 10));
      if (index % 5 === 4) text.delete(Math.floor(text.length / 2), 1);
      if (index % 20 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        maxRows = Math.max(maxRows, (await server.store.stats('page-1')).updates);
      }
    }
    await waitUntil(
      () => reader.doc.getText('text').toString() === text.toString(),
      'the reader to catch up',
    );
    const stats = await server.store.stats('page-1');
    expect(stats.snapshotSeq).toBeGreaterThan(0);
    expect(maxRows).toBeLessThan(50 + 300);
    expect(stats.updates).toBeLessThan(50 + 300);
    expect(await readThroughNewClient(server, 'page-1')).toBe(text.toString());

    const path = server.dbPath;
    const expected = text.toString();
    await server.close();
    expect(
      (await (await harness({ dbPath: path })).collab.getDocument('page-1'))
        .getText('text')
        .toString(),
    ).toBe(expected);
  });

  it('closes a document with 4404, which stops the stock provider from reconnecting', async () => {
    const server = await harness();
    const client = server.client('page-1');
    await client.synced();
    client.doc.getText('text').insert(0, 'soon gone');
    await expect.poll(async () => (await server.store.stats('page-1')).lastSeq).toBe(1);
    const closed = new Promise<{ code: number }>((resolve) =>
      client.provider.on('closed', (event) => resolve(event)),
    );
    await server.collab.closeDocument('page-1', CloseCode.NotFound, 'page deleted');
    expect((await closed).code).toBe(CloseCode.NotFound);
    expect(client.provider.shouldConnect).toBe(false);
    expect(server.collab.loadedDocuments().has('page-1')).toBe(false);
  });

  it('closes clients with 1011 when loading fails and loads again on the next join', async () => {
    const server = await harness();
    await server.collab.applyServerUpdate('page-1', textUpdate('stored'));
    await server.collab.closeDocument('page-1');
    server.instrumented.failLoads = new Error('disk on fire');
    const client = server.client('page-1');
    await waitUntil(() => client.closeCodes.includes(CloseCode.InternalError), 'a 1011 close');
    await expect(server.collab.getDocument('page-1')).rejects.toThrow('disk on fire');
    server.instrumented.failLoads = null;
    // The stock provider retries on 1011 by itself.
    await waitUntil(
      () => client.doc.getText('text').toString() === 'stored',
      'the provider to reconnect and load',
    );
    expect(server.errors.filter((entry) => entry.context.during === 'load').length).toBeGreaterThan(
      0,
    );
  });

  it('refuses connections beyond maxConnectionsPerRoom with 4429', async () => {
    const server = await harness({ collab: { maxConnectionsPerRoom: 2 } });
    const first = server.client('page-1');
    const second = server.client('page-1');
    await Promise.all([first.synced(), second.synced()]);
    const third = await server.rawSocket('page-1');
    expect((await third.closed).code).toBe(CloseCode.TooMany);
    expect(server.collab.connections('page-1')).toHaveLength(2);
  });

  it('shuts down gracefully: closes clients with 1001 and refuses new work', async () => {
    const server = await harness();
    const client = server.client('page-1');
    await client.synced();
    client.doc.getText('text').insert(0, 'bye');
    await expect.poll(async () => (await server.store.stats('page-1')).lastSeq).toBe(1);
    await server.collab.closeAll();
    await waitUntil(() => client.closeCodes.includes(CloseCode.GoingAway), 'a 1001 close');
    expect(server.collab.loadedDocuments().size).toBe(0);
    expect((await server.store.stats('page-1')).updates).toBe(0);
    await expect(server.collab.getDocument('page-1')).rejects.toThrow('closed');
    const late = await server.rawSocket('page-1');
    expect((await late.closed).code).toBe(CloseCode.GoingAway);
  });
});
