import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from './test/cleanupsAfterEach';
import {
  type CollabHarness,
  readThroughNewClient,
  startCollabHarness,
  tempDatabasePath,
} from './test/collabTestHarness';
import { waitUntil } from './test/waitUntil';

const cleanups = cleanupsAfterEach();

async function harness(): Promise<CollabHarness> {
  const temp = tempDatabasePath();
  const started = await startCollabHarness({ dbPath: temp.path });
  cleanups.push(() => temp.remove());
  cleanups.push(() => started.close());
  return started;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('CollabServer access', () => {
  it('never lets a read-only connection change the document', async () => {
    const server = await harness();
    const writer = server.client('page-1');
    const viewer = server.client('page-1', { readOnly: true });
    await Promise.all([writer.synced(), viewer.synced()]);

    writer.doc.getText('text').insert(0, 'by the writer');
    await waitUntil(
      () => viewer.doc.getText('text').toString() === 'by the writer',
      'the viewer to receive live edits',
    );
    const before = await server.store.stats('page-1');

    viewer.doc.getText('text').insert(0, 'by the viewer ');
    viewer.doc.getMap('meta').set('title', 'hijacked');
    await settle();
    expect(writer.doc.getText('text').toString()).toBe('by the writer');
    expect(writer.doc.getMap('meta').has('title')).toBe(false);
    expect(await server.store.stats('page-1')).toEqual(before);
    expect(await readThroughNewClient(server, 'page-1')).toBe('by the writer');
    // Dropped, not disconnected: the viewer stays connected and keeps receiving.
    expect(viewer.closeCodes).toEqual([]);
    viewer.provider.awareness.setLocalStateField('user', { name: 'Viewer' });
    await waitUntil(
      () => writer.provider.awareness.getStates().get(viewer.doc.clientID)?.user?.name === 'Viewer',
      'the viewer presence to reach the writer',
    );
  });

  it('applies a permission change to an open connection at once', async () => {
    const server = await harness();
    const alice = server.client('page-1');
    const bob = server.client('page-1', { readOnly: true });
    await Promise.all([alice.synced(), bob.synced()]);
    bob.doc.getText('text').insert(0, 'draft ');
    await settle();
    expect(alice.doc.getText('text').toString()).toBe('');

    // Promote bob: the server asks for what it lacks, so his earlier edit arrives too.
    const bobConnection = server.collab
      .connections('page-1')
      .find((connection) => connection.context.access === 'read');
    if (!bobConnection) throw new Error('no read-only connection');
    bobConnection.canWrite = true;
    await waitUntil(
      () => alice.doc.getText('text').toString() === 'draft ',
      "bob's edit to arrive after promotion",
    );

    // Demote alice: her next edit goes nowhere.
    for (const connection of server.collab.connections('page-1')) {
      if (connection.context.access === 'write') connection.canWrite = false;
    }
    alice.doc.getText('text').insert(0, 'after demotion ');
    await settle();
    expect(bob.doc.getText('text').toString()).toBe('draft ');
    expect(await readThroughNewClient(server, 'page-1')).toBe('draft ');
  });

  it('lets the wiring refuse a connection with 4403, which stops the stock provider', async () => {
    const server = await harness();
    const stranger = server.client('page-1');
    stranger.provider.params = { access: 'none' };
    stranger.provider.disconnect();
    const closed = new Promise<{ code: number }>((resolve) =>
      stranger.provider.on('closed', (event) => resolve(event)),
    );
    stranger.provider.connect();
    expect((await closed).code).toBe(4403);
    expect(stranger.provider.shouldConnect).toBe(false);
  });
});
