import { ValidationError } from '@lore/core';
import { openDatabase, SqliteDocumentStore } from '@lore/store-sqlite';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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

async function harness(options: CollabHarnessOptions = {}): Promise<CollabHarness> {
  const temp = options.dbPath ? null : tempDatabasePath();
  const started = await startCollabHarness({ ...options, dbPath: options.dbPath ?? temp?.path });
  cleanups.push(() => temp?.remove());
  cleanups.push(async () => {
    if (started.db.open) await started.close();
  });
  return started;
}

/** The document as the SQLite file holds it right now, read through a separate connection. */
function storedDocument(dbPath: string, docId: string): Promise<Y.Doc> {
  const db = openDatabase({ path: dbPath });
  // SqliteDocumentStore reads synchronously inside the call, so this is the file's state now.
  const loading = new SqliteDocumentStore(db).load(docId);
  db.close();
  return loading.then((stored) => {
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return doc;
  });
}

/** True when `doc` holds everything `other` holds (applying `other` would change nothing). */
function contains(doc: Y.Doc, other: Y.Doc): boolean {
  let changed = false;
  const probe = new Y.Doc();
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
  probe.on('update', () => {
    changed = true;
  });
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(other));
  return !changed;
}

describe('CollabServer durability', () => {
  it('has every update in the log before any other client sees it', async () => {
    const server = await harness({ collab: { compactAfterUpdates: 40 } });
    const writer = server.client('page-1');
    const reader = server.client('page-1');
    await Promise.all([writer.synced(), reader.synced()]);

    const checks: Promise<boolean>[] = [];
    reader.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== reader.provider) return;
      const seen = new Y.Doc();
      Y.applyUpdate(seen, Y.encodeStateAsUpdate(reader.doc));
      checks.push(storedDocument(server.dbPath, 'page-1').then((stored) => contains(stored, seen)));
    });

    const text = writer.doc.getText('text');
    for (let round = 0; round < 20; round++) {
      for (let index = 0; index < 10; index++) text.insert(text.length, `${round}.${index} `);
      if (round % 3 === 0) text.delete(0, 2);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitUntil(
      () => reader.doc.getText('text').toString() === text.toString(),
      'the reader to catch up',
    );
    const results = await Promise.all(checks);
    expect(results.length).toBeGreaterThan(10);
    expect(results.every(Boolean)).toBe(true);
    expect(server.errors).toEqual([]);
  });

  it('loses nothing another client has seen when the process dies without flushing', async () => {
    const temp = tempDatabasePath();
    cleanups.push(() => temp.remove());
    const first = await startCollabHarness({
      dbPath: temp.path,
      collab: { compactAfterUpdates: 25 },
    });
    const writer = first.client('page-1');
    const reader = first.client('page-1');
    await Promise.all([writer.synced(), reader.synced()]);
    const text = writer.doc.getText('text');
    for (let index = 0; index < 300; index++) {
      text.insert(Math.floor(text.length / 2), String.fromCharCode(97 + (index % 26)));
      if (index % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await waitUntil(
      () => reader.doc.getText('text').length === 300,
      'the reader to see all 300 characters',
    );
    const seen = reader.doc.getText('text').toString();
    await first.crash();

    const second = await harness({ dbPath: temp.path });
    expect(await readThroughNewClient(second, 'page-1')).toBe(seen);
  });

  it('appends updates that arrive together in one transaction (group commit)', async () => {
    let store: InstrumentedStore | undefined;
    const server = await harness({
      wrapStore: (real) => {
        store = instrumentStore(real);
        return store;
      },
    });
    const writer = server.client('page-1');
    await writer.synced();
    const text = writer.doc.getText('text');
    // 200 separate Yjs transactions, so 200 separate websocket messages, sent in one burst.
    for (let index = 0; index < 200; index++) text.insert(index, 'x');
    await expect.poll(async () => (await server.store.stats('page-1')).lastSeq).toBe(200);
    expect(store?.appendBatches.reduce((sum, size) => sum + size, 0)).toBe(200);
    expect(store?.appendBatches.length).toBeLessThan(50);
  });

  it('stores nothing and relays nothing when the store fails, and the client resyncs after', async () => {
    let store: InstrumentedStore | undefined;
    const server = await harness({
      wrapStore: (real) => {
        store = instrumentStore(real);
        return store;
      },
    });
    const writer = server.client('page-1');
    const reader = server.client('page-1');
    await Promise.all([writer.synced(), reader.synced()]);
    writer.doc.getText('text').insert(0, 'before ');
    await waitUntil(() => reader.doc.getText('text').toString() === 'before ', 'first edit');

    if (!store) throw new Error('store not wrapped');
    store.failAppends = new Error('disk full');
    writer.doc.getText('text').insert(7, 'during');
    await waitUntil(() => writer.closeCodes.includes(1011), 'the writer to be closed with 1011');
    expect(reader.doc.getText('text').toString()).toBe('before ');
    expect(await readThroughNewClient(server, 'page-1')).toBe('before ');
    expect(server.errors.some((entry) => entry.context.during === 'append')).toBe(true);

    // The store recovers; the provider reconnects on its own and re-sends what the server lacks.
    store.failAppends = null;
    await waitUntil(
      () => reader.doc.getText('text').toString() === 'before during',
      'the reader to get the re-sent edit',
    );
    expect((await storedDocument(server.dbPath, 'page-1')).getText('text').toString()).toBe(
      'before during',
    );
  });

  it('applies server-side updates durably and relays them to clients', async () => {
    const server = await harness();
    const client = server.client('page-1');
    await client.synced();

    const source = new Y.Doc();
    source.getText('text').insert(0, 'from the server');
    await server.collab.applyServerUpdate('page-1', Y.encodeStateAsUpdate(source));
    // Resolved means durable: the file already holds it.
    expect((await storedDocument(server.dbPath, 'page-1')).getText('text').toString()).toBe(
      'from the server',
    );
    await waitUntil(
      () => client.doc.getText('text').toString() === 'from the server',
      'the client to receive the server update',
    );

    await server.collab.editDocument('page-1', (doc) => doc.getText('text').insert(0, '> '));
    await waitUntil(
      () => client.doc.getText('text').toString() === '> from the server',
      'the client to receive the edit',
    );

    // Applying the same update again is a no-op and stores nothing.
    const before = (await server.store.stats('page-1')).lastSeq;
    await server.collab.applyServerUpdate('page-1', Y.encodeStateAsUpdate(source));
    expect((await server.store.stats('page-1')).lastSeq).toBe(before);

    await expect(
      server.collab.applyServerUpdate('page-1', Uint8Array.from([1, 2, 3, 4, 5])),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await server.store.stats('page-1')).lastSeq).toBe(before);
  });

  it('tells onChange about changes, debounced per document', async () => {
    const changes: string[] = [];
    const server = await harness({
      collab: { onChange: (docId) => void changes.push(docId), changeDebounceMs: 30 },
    });
    const client = server.client('page-1');
    await client.synced();
    for (let index = 0; index < 20; index++) client.doc.getText('text').insert(0, 'x');
    await server.collab.applyServerUpdate('page-2', Y.encodeStateAsUpdate(client.doc));
    await waitUntil(() => changes.length >= 2, 'two change notifications');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect([...changes].sort()).toEqual(['page-1', 'page-2']);
  });
});
