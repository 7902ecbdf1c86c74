import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanupsAfterEach } from './test/cleanupsAfterEach';
import {
  type CollabHarness,
  readThroughNewClient,
  startCollabHarness,
  tempDatabasePath,
} from './test/collabTestHarness';
import { waitUntil } from './test/waitUntil';

const cleanups = cleanupsAfterEach();

async function harness(dbPath?: string): Promise<CollabHarness> {
  const temp = dbPath ? null : tempDatabasePath();
  const started = await startCollabHarness({ dbPath: dbPath ?? temp?.path });
  cleanups.push(() => temp?.remove());
  cleanups.push(async () => {
    if (started.db.open) await started.close();
  });
  return started;
}

describe('CollabServer sync with stock y-websocket clients', () => {
  it('makes two clients converge on concurrent edits', async () => {
    const server = await harness();
    const alice = server.client('page-1');
    const bob = server.client('page-1');
    await Promise.all([alice.synced(), bob.synced()]);

    const aliceText = alice.doc.getText('text');
    const bobText = bob.doc.getText('text');
    for (let index = 0; index < 50; index++) {
      aliceText.insert(0, 'a');
      bobText.insert(bobText.length, 'b');
    }
    await waitUntil(
      () => aliceText.length === 100 && bobText.length === 100,
      'both clients to see 100 characters',
    );
    expect(aliceText.toString()).toBe(bobText.toString());
    expect(aliceText.toString().replace(/b/g, '')).toBe('a'.repeat(50));
    expect(server.errors).toEqual([]);
  });

  it('gives a late joiner the full state, including rich Tiptap-style content', async () => {
    const server = await harness();
    const writer = server.client('page-1');
    await writer.synced();
    const fragment = writer.doc.getXmlFragment('default');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Hello, Lore')]);
    fragment.insert(0, [paragraph]);
    writer.doc.getText('text').insert(0, 'plain');
    await expect
      .poll(async () => (await server.store.stats('page-1')).lastSeq)
      .toBeGreaterThanOrEqual(2);

    const late = server.client('page-1');
    await late.synced();
    expect(late.doc.getXmlFragment('default').toString()).toBe(
      '<paragraph>Hello, Lore</paragraph>',
    );
    expect(late.doc.getText('text').toString()).toBe('plain');
  });

  it('relays presence and removes it when a client disconnects', async () => {
    const server = await harness();
    const alice = server.client('page-1');
    const bob = server.client('page-1');
    await Promise.all([alice.synced(), bob.synced()]);
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    await waitUntil(
      () => bob.provider.awareness.getStates().get(alice.doc.clientID)?.user?.name === 'Alice',
      'bob to see alice',
    );
    // A client joining later gets the presence that is already there.
    const carol = server.client('page-1');
    await waitUntil(
      () => carol.provider.awareness.getStates().has(alice.doc.clientID),
      'carol to see alice',
    );
    // Kill alice's socket without a goodbye: the server must clean up her presence.
    alice.provider.ws?.close();
    alice.provider.shouldConnect = false;
    await waitUntil(
      () => !bob.provider.awareness.getStates().has(alice.doc.clientID),
      "alice's presence to disappear",
    );
    expect(carol.provider.awareness.getStates().has(alice.doc.clientID)).toBe(false);
  });

  it('keeps content across a restart on the same database file', async () => {
    const temp = tempDatabasePath();
    cleanups.push(() => temp.remove());
    const first = await startCollabHarness({ dbPath: temp.path });
    const writer = first.client('page-1');
    await writer.synced();
    writer.doc.getText('text').insert(0, 'survives a restart');
    await waitUntil(
      () => first.collab.connections('page-1').length === 1,
      'the writer to be connected',
    );
    await expect.poll(async () => (await first.store.stats('page-1')).lastSeq).toBe(1);
    await first.close();

    const second = await harness(temp.path);
    expect(await readThroughNewClient(second, 'page-1')).toBe('survives a restart');
    const doc = await second.collab.getDocument('page-1');
    expect(doc.getText('text').toString()).toBe('survives a restart');
  });
});
