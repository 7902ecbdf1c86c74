import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanupsAfterEach } from './test/cleanupsAfterEach';
import { type CollabHarness, startCollabHarness, tempDatabasePath } from './test/collabTestHarness';
import { waitUntil } from './test/waitUntil';

const cleanups = cleanupsAfterEach();

const colors: Record<string, string> = { alice: '#aa0000', bob: '#00bb00', mallory: '#0000cc' };

/** A server that knows who is behind each connection (`?as=`), as Lore's door does. */
async function harness(): Promise<CollabHarness> {
  const temp = tempDatabasePath();
  const started = await startCollabHarness({
    dbPath: temp.path,
    collab: {
      writerOf: (context) => context.person,
      presenceOf: (context) => ({
        id: context.person ?? '',
        name: (context.person ?? 'someone').toUpperCase(),
        color: colors[context.person ?? ''] ?? '#888888',
      }),
    },
  });
  cleanups.push(() => temp.remove());
  cleanups.push(async () => {
    if (started.db.open) await started.close();
  });
  return started;
}

type Presence = { user?: { id?: string; name?: string; color?: string }; cursor?: string };
const stateOf = (
  watcher: { provider: { awareness: { getStates(): Map<number, unknown> } } },
  id: number,
) => watcher.provider.awareness.getStates().get(id) as Presence | undefined;

describe('presence is stamped by the server', () => {
  it('shows the name, color and id the server knows, whatever the client claims', async () => {
    const server = await harness();
    const mallory = server.client('page-1', { as: 'mallory' });
    const bob = server.client('page-1', { as: 'bob' });
    await Promise.all([mallory.synced(), bob.synced()]);
    mallory.provider.awareness.setLocalState({
      user: { id: 'alice', name: 'Alice', color: '#aa0000' },
      cursor: 'here',
    });
    await waitUntil(() => stateOf(bob, mallory.doc.clientID)?.cursor === 'here', 'the cursor');
    expect(stateOf(bob, mallory.doc.clientID)?.user).toEqual({
      id: 'mallory',
      name: 'MALLORY',
      color: '#0000cc',
    });
    // A late joiner gets the stamped state too.
    const carol = server.client('page-1', { as: 'bob' });
    await waitUntil(() => stateOf(carol, mallory.doc.clientID) !== undefined, 'carol to see it');
    expect(stateOf(carol, mallory.doc.clientID)?.user?.name).toBe('MALLORY');
    expect(server.errors).toEqual([]);
  });

  it("refuses presence sent under another person's awareness client id, and keeps theirs when the thief leaves", async () => {
    const server = await harness();
    const alice = server.client('page-1', { as: 'alice' });
    const bob = server.client('page-1', { as: 'bob' });
    await Promise.all([alice.synced(), bob.synced()]);
    alice.provider.awareness.setLocalStateField('cursor', 'alice-cursor');
    await waitUntil(
      () => stateOf(bob, alice.doc.clientID)?.cursor === 'alice-cursor',
      "alice's cursor",
    );

    // Mallory's client announces itself with Alice's client id.
    const stolen = new Y.Doc();
    stolen.clientID = alice.doc.clientID;
    const mallory = server.client('page-1', { as: 'mallory', doc: stolen });
    await mallory.synced();
    // Its clock runs ahead of Alice's, so only ownership can stop it.
    for (let step = 0; step < 5; step++) {
      mallory.provider.awareness.setLocalStateField('cursor', `fake-cursor-${step}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stateOf(bob, alice.doc.clientID)?.cursor).toBe('alice-cursor');
    expect(stateOf(bob, alice.doc.clientID)?.user?.name).toBe('ALICE');

    // Mallory leaves: Alice is still present.
    mallory.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stateOf(bob, alice.doc.clientID)?.cursor).toBe('alice-cursor');

    // Alice's own later changes still go through.
    alice.provider.awareness.setLocalStateField('cursor', 'moved');
    await waitUntil(() => stateOf(bob, alice.doc.clientID)?.cursor === 'moved', 'the move');
  });

  it('lets the same person take their presence over from another connection (a reconnect)', async () => {
    const server = await harness();
    const first = server.client('page-1', { as: 'alice' });
    const bob = server.client('page-1', { as: 'bob' });
    await Promise.all([first.synced(), bob.synced()]);
    first.provider.awareness.setLocalStateField('cursor', 'one');
    await waitUntil(() => stateOf(bob, first.doc.clientID)?.cursor === 'one', 'the first cursor');

    const sameTab = new Y.Doc();
    sameTab.clientID = first.doc.clientID;
    const second = server.client('page-1', { as: 'alice', doc: sameTab });
    await second.synced();
    second.provider.awareness.setLocalStateField('cursor', 'two');
    await waitUntil(() => stateOf(bob, first.doc.clientID)?.cursor === 'two', 'the takeover');
  });
});
