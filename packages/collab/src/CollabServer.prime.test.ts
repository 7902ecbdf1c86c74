import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  type CollabHarness,
  type RawSocket,
  startCollabHarness,
  tempDatabasePath,
} from './test/collabTestHarness';
import { waitUntil } from './test/waitUntil';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Writes `count` separate updates to `page-1` through a stock client; returns the final text. */
async function writeUpdates(server: CollabHarness, count: number): Promise<string> {
  const writer = server.client('page-1');
  await writer.synced();
  const text = writer.doc.getText('text');
  for (let index = 0; index < count; index++) {
    text.insert(text.length, `${index};`);
    await expect.poll(async () => (await server.store.stats('page-1')).lastSeq).toBe(index + 1);
  }
  const written = text.toString();
  writer.destroy();
  return written;
}

async function restartOn(dbPath: string): Promise<CollabHarness> {
  const server = await startCollabHarness({ dbPath });
  cleanups.push(async () => {
    if (server.db.open) await server.close();
  });
  return server;
}

/** Reads one sync frame into `doc`; returns its sync message type (0 step 1, 1 step 2, 2 update). */
function readSyncFrame(frame: Uint8Array, doc: Y.Doc): number {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(0);
  return syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null);
}

function sendSyncStep1(raw: RawSocket, doc: Y.Doc): void {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  raw.socket.send(encoding.toUint8Array(encoder));
}

/**
 * `count` updates written and left in the log by a crash, then a restarted server with a raw
 * socket on the page that has received its first frame.
 */
async function crashThenOpen(
  count: number,
): Promise<{ server: CollabHarness; raw: RawSocket; written: string }> {
  const temp = tempDatabasePath();
  cleanups.push(() => temp.remove());
  const first = await startCollabHarness({ dbPath: temp.path });
  const written = await writeUpdates(first, count);
  await first.crash();
  const server = await restartOn(temp.path);
  const raw = await server.rawSocket('page-1');
  cleanups.push(() => raw.socket.close());
  await waitUntil(() => raw.received.length >= 1, 'the first frame');
  return { server, raw, written };
}

describe('opening a page that is not in memory', () => {
  it('sends the stored document first, then answers the client with only what it lacks', async () => {
    // The crash leaves the five updates in the log, after no snapshot.
    const { server: second, raw, written } = await crashThenOpen(5);
    const doc = new Y.Doc();
    // Unasked: the client has not sent its sync step 1 yet.
    expect(readSyncFrame(raw.received[0] as Uint8Array, doc)).toBe(1);
    expect(doc.getText('text').toString()).toBe(written);

    // Its sync step 1 was written before it had anything; the answer must not resend it all.
    await waitUntil(() => raw.received.length >= 2, "the server's sync step 1");
    const before = raw.received.length;
    sendSyncStep1(raw, new Y.Doc());
    await waitUntil(() => raw.received.length > before, 'the answer to sync step 1');
    const answer = raw.received
      .slice(before)
      .map((frame) => decoding.createDecoder(frame))
      .find(
        (decoder) => decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 1,
      );
    expect(answer).toBeDefined();
    const update = decoding.readVarUint8Array(answer as decoding.Decoder);
    expect(Y.decodeUpdate(update).structs).toEqual([]);

    // The room then works as usual: a stock client edits, the primed socket is relayed the change.
    const editor = second.client('page-1');
    cleanups.push(() => editor.destroy());
    await editor.synced();
    expect(editor.doc.getText('text').toString()).toBe(written);
    const relayedFrom = raw.received.length;
    editor.doc.getText('text').insert(0, 'after;');
    await waitUntil(() => raw.received.length > relayedFrom, 'the edit to be relayed');
    for (const frame of raw.received.slice(relayedFrom)) readSyncFrame(frame, doc);
    expect(doc.getText('text').toString()).toBe(`after;${written}`);
    expect(second.errors).toEqual([]);
  });

  it('loads first and syncs the usual way when the log tail is too long to merge cheaply', async () => {
    const { raw, written } = await crashThenOpen(40);
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
