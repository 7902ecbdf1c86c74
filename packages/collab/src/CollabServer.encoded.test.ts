import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { cleanupsAfterEach } from './test/cleanupsAfterEach';
import {
  type CollabHarness,
  type CollabHarnessOptions,
  type RawSocket,
  startCollabHarness,
  tempDatabasePath,
} from './test/collabTestHarness';
import { type InstrumentedStore, instrumentStore } from './test/instrumentedStore';
import { waitUntil } from './test/waitUntil';

const cleanups = cleanupsAfterEach();

/**
 * Writes `count` separate updates to `page-1` through a stock client; returns the final text and
 * the state after each update.
 */
async function writeUpdates(
  server: CollabHarness,
  count: number,
): Promise<{ written: string; states: Uint8Array[] }> {
  const writer = server.client('page-1');
  await writer.synced();
  const text = writer.doc.getText('text');
  const states: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    writer.doc.transact(() => {
      text.insert(text.length, `${index};`);
      // A deletion too, so the stored document has a delete set to send.
      if (index % 2 === 1) text.delete(0, 1);
    });
    states.push(Y.encodeStateAsUpdate(writer.doc));
    await expect.poll(async () => (await server.store.stats('page-1')).lastSeq).toBe(index + 1);
  }
  const written = text.toString();
  writer.destroy();
  return { written, states };
}

async function startOn(
  dbPath: string,
  collab: CollabHarnessOptions['collab'] = {},
): Promise<CollabHarness> {
  const server = await startCollabHarness({ dbPath, collab: { gracePeriodMs: 200, ...collab } });
  cleanups.push(async () => {
    if (server.db.open) await server.close();
  });
  return server;
}

/** A stock reader and writer on `page-1`, both synced. */
async function readerAndWriter(server: CollabHarness) {
  const reader = server.client('page-1');
  const writer = server.client('page-1');
  cleanups.push(
    () => reader.destroy(),
    () => writer.destroy(),
  );
  await Promise.all([reader.synced(), writer.synced()]);
  return { reader, writer };
}

/**
 * `count` updates written and left in the log by a crash (no snapshot), then a restarted server.
 */
async function crashThenRestart(
  count: number,
): Promise<{ server: CollabHarness; written: string; states: Uint8Array[] }> {
  const temp = tempDatabasePath();
  cleanups.push(() => temp.remove());
  const first = await startOn(temp.path);
  const { written, states } = await writeUpdates(first, count);
  await first.crash();
  return { server: await startOn(temp.path), written, states };
}

/** Reads one sync frame into `doc`; returns its sync message type (0 step 1, 1 step 2, 2 update). */
function readSyncFrame(frame: Uint8Array, doc: Y.Doc): number {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(0);
  return syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null);
}

/** The update carried by the first sync step 2 among `frames`, or null. */
function syncStep2In(frames: readonly Uint8Array[]): Uint8Array | null {
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 1) continue;
    return decoding.readVarUint8Array(decoder);
  }
  return null;
}

function sendSyncStep1(raw: RawSocket, doc: Y.Doc): void {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  raw.socket.send(encoding.toUint8Array(encoder));
}

/** Sends sync step 1 for `doc` on a new raw socket and resolves with the answer's update. */
async function askFor(server: CollabHarness, doc: Y.Doc): Promise<Uint8Array> {
  const raw = await server.rawSocket('page-1');
  cleanups.push(() => raw.socket.close());
  sendSyncStep1(raw, doc);
  await waitUntil(() => syncStep2In(raw.received) !== null, 'the answer to sync step 1');
  return syncStep2In(raw.received) as Uint8Array;
}

describe('a page that clients only read', () => {
  it('is served from the stored bytes without being decoded', async () => {
    const { server, written, states } = await crashThenRestart(6);
    const reader = server.client('page-1');
    cleanups.push(() => reader.destroy());
    await reader.synced();
    expect(reader.doc.getText('text').toString()).toBe(written);
    expect(server.collab.isLoaded('page-1')).toBe(true);
    expect(server.collab.isDecoded('page-1')).toBe(false);

    // A client holding part of the document gets only what it lacks, deletions included.
    const partial = new Y.Doc();
    Y.applyUpdate(partial, states[2] as Uint8Array);
    const missing = await askFor(server, partial);
    const had = Y.decodeStateVector(Y.encodeStateVector(partial));
    const sent = Y.decodeUpdate(missing).structs;
    expect(sent.length).toBeGreaterThan(0);
    for (const struct of sent) {
      expect(struct.id.clock).toBeGreaterThanOrEqual(had.get(struct.id.client) ?? 0);
    }
    Y.applyUpdate(partial, missing);
    expect(partial.getText('text').toString()).toBe(written);

    // A client that has everything gets no structs.
    const complete = new Y.Doc();
    Y.applyUpdate(complete, states[5] as Uint8Array);
    expect(Y.decodeUpdate(await askFor(server, complete)).structs).toEqual([]);

    // A returning client answers the server's sync step 1 with everything it has, deletions
    // included: all known, so the page stays encoded.
    const rejoined = server.client('page-1', { doc: complete });
    cleanups.push(() => rejoined.destroy());
    await rejoined.synced();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.collab.isDecoded('page-1')).toBe(false);

    // One that is behind gets what it lacks; what it has is known, so still nothing is decoded.
    const behind = new Y.Doc();
    Y.applyUpdate(behind, states[3] as Uint8Array);
    const stale = server.client('page-1', { doc: behind });
    cleanups.push(() => stale.destroy());
    await stale.synced();
    await waitUntil(
      () => stale.doc.getText('text').toString() === written,
      'the returning client to catch up',
    );
    expect(server.collab.isDecoded('page-1')).toBe(false);
    expect((await server.store.stats('page-1')).lastSeq).toBe(6);
    expect(server.errors).toEqual([]);
  });

  it('counts as not decoded while it loads, when the store holds its state', async () => {
    const temp = tempDatabasePath();
    cleanups.push(() => temp.remove());
    let store: InstrumentedStore | undefined;
    const server = await startCollabHarness({
      dbPath: temp.path,
      wrapStore: (inner) => {
        store = instrumentStore(inner);
        store.delayMs = 300;
        return store;
      },
    });
    cleanups.push(async () => {
      if (server.db.open) await server.close();
    });
    const empty = server.client('page-1');
    cleanups.push(() => empty.destroy());
    await waitUntil(() => server.collab.isLoaded('page-1'), 'the room to start loading');
    expect(server.collab.loadedDocuments().get('page-1')).toBe('loading');
    expect(server.collab.isDecoded('page-1')).toBe(false);
    await empty.synced();
    // Nothing stored: an empty document is decoded from the start.
    expect(server.collab.isDecoded('page-1')).toBe(true);
    expect(store?.loads).toBe(1);
  });

  it('is decoded at the first write, which is stored and relayed as usual', async () => {
    const { server, written } = await crashThenRestart(3);
    const { reader, writer } = await readerAndWriter(server);
    expect(server.collab.isDecoded('page-1')).toBe(false);

    writer.doc.getText('text').insert(0, 'first;');
    await waitUntil(
      () => reader.doc.getText('text').toString() === `first;${written}`,
      'the write to be relayed',
    );
    expect(server.collab.isDecoded('page-1')).toBe(true);
    expect((await server.store.stats('page-1')).lastSeq).toBe(4);
    const doc = await server.collab.getDocument('page-1');
    expect(doc.getText('text').toString()).toBe(`first;${written}`);
    expect(server.errors).toEqual([]);
  });

  it('folds its log tail into a snapshot when it unloads', async () => {
    const { server, written } = await crashThenRestart(4);
    const reader = server.client('page-1');
    await reader.synced();
    expect(server.collab.isDecoded('page-1')).toBe(false);
    reader.destroy();
    await waitUntil(() => !server.collab.isLoaded('page-1'), 'the room to unload');
    const stats = await server.store.stats('page-1');
    expect(stats).toMatchObject({ updates: 0, snapshotSeq: 4, lastSeq: 4 });
    expect(stats.snapshotBytes).toBeGreaterThan(0);
    // With its state vector, so the next load need not parse the snapshot to send one.
    const stored = await server.store.load('page-1');
    expect(stored.snapshotStateVector).not.toBeNull();
    expect(Y.decodeStateVector(stored.snapshotStateVector as Uint8Array)).toEqual(
      Y.decodeStateVector(Y.encodeStateVectorFromUpdate(stored.snapshot as Uint8Array)),
    );

    const again = server.client('page-1');
    cleanups.push(() => again.destroy());
    await again.synced();
    expect(again.doc.getText('text').toString()).toBe(written);
    expect(server.errors).toEqual([]);
  });

  it('is decoded at once when a crash left a log tail too long to merge cheaply', async () => {
    const { server, written } = await crashThenRestart(40);
    const raw = await server.rawSocket('page-1');
    cleanups.push(() => raw.socket.close());
    await waitUntil(() => raw.received.length >= 1, "the server's sync step 1");
    expect(server.collab.isDecoded('page-1')).toBe(true);
    const doc = new Y.Doc();
    expect(readSyncFrame(raw.received[0] as Uint8Array, doc)).toBe(0);
    sendSyncStep1(raw, doc);
    await waitUntil(
      () => raw.received.slice(1).some((frame) => readSyncFrame(frame, doc) === 1),
      'sync step 2',
    );
    expect(doc.getText('text').toString()).toBe(written);
  });
});

describe('a large decoded page', () => {
  it('serves new clients its whole encoding, kept until the next change', async () => {
    const temp = tempDatabasePath();
    cleanups.push(() => temp.remove());
    const server = await startOn(temp.path);
    const writer = server.client('page-1');
    cleanups.push(() => writer.destroy());
    await writer.synced();
    const text = writer.doc.getText('text');
    // Well over the 64 KB from which the whole encoding is kept.
    text.insert(0, 'lorem ipsum '.repeat(8_000));
    await expect.poll(async () => (await server.store.stats('page-1')).lastSeq).toBe(1);

    const first = await askFor(server, new Y.Doc());
    expect(await askFor(server, new Y.Doc())).toEqual(first);

    text.insert(0, 'changed;');
    await expect.poll(async () => (await server.store.stats('page-1')).lastSeq).toBe(2);
    const late = new Y.Doc();
    Y.applyUpdate(late, await askFor(server, new Y.Doc()));
    expect(late.getText('text').toString()).toBe(text.toString());
    expect(server.errors).toEqual([]);
  });
});

describe('a page that is no longer edited', () => {
  it('drops the scratch copy it validated writes on, and rebuilds it for the next write', async () => {
    const temp = tempDatabasePath();
    cleanups.push(() => temp.remove());
    const server = await startOn(temp.path, { scratchIdleMs: 400 });
    const { reader, writer } = await readerAndWriter(server);
    const text = writer.doc.getText('text');
    text.insert(0, 'one;');
    await waitUntil(() => server.collab.decodedCopies('page-1') === 2, 'the scratch copy');
    // Writes keep it, as long as they come more often than every 400 ms.
    for (let index = 0; index < 4; index++) {
      text.insert(text.length, `${index};`);
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(server.collab.decodedCopies('page-1')).toBe(2);
    }
    await waitUntil(() => server.collab.decodedCopies('page-1') === 1, 'the idle copy to go');

    text.insert(text.length, 'two;');
    await waitUntil(
      () => reader.doc.getText('text').toString() === 'one;0;1;2;3;two;',
      'the next write to be relayed',
    );
    expect(server.collab.decodedCopies('page-1')).toBe(2);
    expect((await server.collab.getDocument('page-1')).getText('text').toString()).toBe(
      'one;0;1;2;3;two;',
    );
    expect(server.errors).toEqual([]);
  });
});
