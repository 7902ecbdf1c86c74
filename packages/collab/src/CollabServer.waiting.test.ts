import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from './CloseCode';
import { cleanupsAfterEach } from './test/cleanupsAfterEach';
import {
  type CollabHarnessOptions,
  readThroughNewClient,
  startCollabHarness,
  tempDatabasePath,
} from './test/collabTestHarness';
import { forgedUpdateAhead, syncUpdateMessage } from './test/forgedUpdate';
import { waitUntil } from './test/waitUntil';

const cleanups = cleanupsAfterEach();

/** Refuses any text holding a skull, like the page guard refuses nodes outside the schema. */
const refuseSkulls: CollabHarnessOptions['collab'] = {
  validateUpdate: ({ doc }) =>
    doc.getText('text').toString().includes('☠') ? 'a skull is not allowed' : true,
};

async function harness(collab: CollabHarnessOptions['collab'] = refuseSkulls) {
  const temp = tempDatabasePath();
  const server = await startCollabHarness({ dbPath: temp.path, collab });
  cleanups.push(() => temp.remove());
  cleanups.push(() => server.close());
  return server;
}

/** Types one character per transaction (one update each, like keystrokes), waiting for each. */
async function typeSlowly(doc: Y.Doc, text: string, stored: () => Promise<string>): Promise<void> {
  for (const char of text) {
    const expected = doc.getText('text').toString() + char;
    doc.getText('text').insert(doc.getText('text').length, char);
    await waitUntil(async () => (await stored()).includes(expected), `"${expected}" to be stored`);
  }
}

describe('updates that wait for structs the server has not seen', () => {
  it('cannot get a collaborator refused: the victim keeps typing and every keystroke is stored', async () => {
    const server = await harness();
    const stored = () => readThroughNewClient(server, 'page-1');
    const victim = server.client('page-1');
    await victim.synced();
    await typeSlowly(victim.doc, 'hello', stored);

    // The attacker plants a refused struct six clocks ahead of the victim.
    const attacker = await server.rawSocket('page-1');
    const planted = forgedUpdateAhead(victim.doc, 6, (doc) => doc.getText('text').insert(0, '☠'));
    attacker.socket.send(syncUpdateMessage(planted));
    // It cannot integrate yet, so nothing is refused and nothing is stored.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await stored()).toBe('hello');

    await typeSlowly(victim.doc, ' world, still typing', stored);
    expect(victim.closeCodes).toEqual([]);
    expect(await stored()).toBe('hello world, still typing');
    // The blame stays with the sender: its struct was judged on its own once it could integrate.
    const closed = await attacker.closed;
    expect(closed.code).toBe(CloseCode.InvalidUpdate);
  });

  it('still converges when a client builds on a sibling tab edit that reaches the server later', async () => {
    const server = await harness();
    const first = new Y.Doc();
    const second = server.client('page-1');
    await second.synced();
    // Tab one types; its update reaches tab two (as through a BroadcastChannel) before the server.
    const fromFirst: Uint8Array[] = [];
    first.on('update', (update: Uint8Array) => fromFirst.push(update));
    first.getText('text').insert(0, 'sibling ');
    // The provider itself is the origin of what a BroadcastChannel delivers, so it does not send it.
    for (const update of fromFirst) Y.applyUpdate(second.doc, update, second.provider);
    // Tab two builds on it at once, so its update depends on one the server lacks.
    second.doc.getText('text').insert(8, 'edit');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readThroughNewClient(server, 'page-1')).toBe('');

    const late = await server.rawSocket('page-1');
    for (const update of fromFirst) late.socket.send(syncUpdateMessage(update));
    await waitUntil(
      async () => (await readThroughNewClient(server, 'page-1')) === 'sibling edit',
      'both tabs to be stored',
    );
    expect(second.closeCodes).toEqual([]);
    late.socket.close();
  });

  it('closes a connection that parks more than maxWaitingBytes', async () => {
    const server = await harness({ ...refuseSkulls, maxWaitingBytes: 4096 });
    const owner = server.client('page-1');
    await owner.synced();
    owner.doc.getText('text').insert(0, 'a');
    await waitUntil(async () => (await readThroughNewClient(server, 'page-1')) === 'a', 'a');
    const flooder = await server.rawSocket('page-1');
    const flood = forgedUpdateAhead(owner.doc, 3, (doc) =>
      doc.getText('text').insert(0, 'y'.repeat(8000)),
    );
    flooder.socket.send(syncUpdateMessage(flood));
    const closed = await flooder.closed;
    expect(closed.code).toBe(CloseCode.InvalidUpdate);
    expect(closed.reason).toMatch(/wait/);
  });

  it('refuses structs under a Yjs client id that another writer owns', async () => {
    // Each connection's context is its own object here: every connection is its own writer.
    const server = await harness({ writerOf: (context) => context });
    const stored = () => readThroughNewClient(server, 'page-1');
    const owner = server.client('page-1');
    await owner.synced();
    await typeSlowly(owner.doc, 'mine', stored);
    // The very next struct under the owner's id, valid content: it would integrate at once and
    // make the owner's own next keystroke look already known.
    const thief = await server.rawSocket('page-1');
    const stolen = forgedUpdateAhead(owner.doc, 0, (doc) =>
      doc.getText('text').insert(0, 'stolen '),
    );
    thief.socket.send(syncUpdateMessage(stolen));
    const closed = await thief.closed;
    expect(closed.code).toBe(CloseCode.InvalidUpdate);
    expect(closed.reason).toMatch(/belongs to someone else/);
    await typeSlowly(owner.doc, '!', stored);
    expect(await stored()).toBe('mine!');
  });
});
