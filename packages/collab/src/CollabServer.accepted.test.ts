import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { AcceptedUpdate } from './CollabServerOptions';
import { cleanupsAfterEach } from './test/cleanupsAfterEach';
import {
  type CollabHarness,
  type CollabHarnessOptions,
  startCollabHarness,
  type TestContext,
  tempDatabasePath,
} from './test/collabTestHarness';
import { waitUntil } from './test/waitUntil';

const cleanups = cleanupsAfterEach();

/** What the hook saw, and what was true at the moment it ran. */
interface Observed {
  readonly update: AcceptedUpdate<TestContext>;
  /** Rows of the document's update log when the hook ran. */
  readonly storedRows: number;
  /** The room document's text when the hook ran. */
  readonly roomText: string;
}

async function harness(
  options: Omit<CollabHarnessOptions, 'dbPath'> = {},
  onAccepted?: (update: AcceptedUpdate<TestContext>) => void,
): Promise<{ server: CollabHarness; observed: Observed[]; room: () => Promise<Y.Doc> }> {
  const temp = tempDatabasePath();
  const observed: Observed[] = [];
  let roomDoc: Y.Doc | null = null;
  const server = await startCollabHarness({
    ...options,
    dbPath: temp.path,
    collab: {
      ...options.collab,
      onAccepted: (update) => {
        const row = server.db
          .prepare('SELECT count(*) AS n FROM document_updates WHERE doc_id = ?')
          .get(update.docId) as { n: number };
        const snapshot = server.db
          .prepare('SELECT count(*) AS n FROM document_snapshots WHERE doc_id = ?')
          .get(update.docId) as { n: number };
        observed.push({
          update,
          storedRows: row.n + snapshot.n,
          roomText: roomDoc?.getText('text').toString() ?? '',
        });
        onAccepted?.(update);
      },
    },
  });
  cleanups.push(() => temp.remove());
  cleanups.push(() => server.close());
  const room = async () => {
    roomDoc = await server.collab.getDocument('page-1');
    return roomDoc;
  };
  return { server, observed, room };
}

describe('CollabServer onAccepted', () => {
  it('tells who sent each stored change and which Yjs clients it carries, once it is durable and applied', async () => {
    const { server, observed, room } = await harness();
    const writer = server.client('page-1');
    const viewer = server.client('page-1', { readOnly: true });
    await Promise.all([writer.synced(), viewer.synced()]);
    await room();

    writer.doc.getText('text').insert(0, 'hello');
    await waitUntil(() => observed.length === 1, 'the hook for the insert');
    const [insert] = observed;
    expect(insert?.update.docId).toBe('page-1');
    expect(insert?.update.context).toEqual({ access: 'write' });
    expect(insert?.update.clientIds).toEqual([writer.doc.clientID]);
    expect(insert?.storedRows).toBeGreaterThan(0);
    expect(insert?.roomText).toBe('hello');

    // Edits a viewer makes are dropped, so they are never announced.
    viewer.doc.getText('text').insert(0, 'ignored ');
    writer.doc.getText('text').delete(0, 1);
    await waitUntil(() => observed.length === 2, 'the hook for the delete');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(observed).toHaveLength(2);
    expect(observed[1]?.update.clientIds).toEqual([]);
    expect(observed[1]?.roomText).toBe('ello');

    const origin = { reason: 'restore' };
    await server.collab.editDocument('page-1', (doc) => doc.getText('text').insert(0, 'h'), origin);
    expect(observed).toHaveLength(3);
    const serverChange = observed[2]?.update;
    expect(serverChange?.context).toBeNull();
    expect(serverChange?.origin).toBe(origin);
    expect(serverChange?.clientIds).toHaveLength(1);
    expect(serverChange?.clientIds[0]).not.toBe(writer.doc.clientID);
    expect(observed[2]?.roomText).toBe('hello');

    // Each server-side edit writes as a Yjs client of its own: a client id is credited to the
    // first person who used it, so two edits (say by two people) never share one.
    await server.collab.editDocument('page-1', (doc) => doc.getText('text').insert(5, '!'), {});
    expect(observed).toHaveLength(4);
    const nextChange = observed[3]?.update.clientIds ?? [];
    expect(nextChange).toHaveLength(1);
    expect(nextChange[0]).not.toBe(serverChange?.clientIds[0]);
    expect(nextChange[0]).not.toBe(writer.doc.clientID);
    expect(observed[3]?.roomText).toBe('hello!');

    // A change that adds nothing new is not stored, so not announced either.
    await server.collab.applyServerUpdate('page-1', new Uint8Array([0, 0]));
    expect(observed).toHaveLength(4);
  });

  it('does not announce refused changes, and a failing hook changes nothing for anyone', async () => {
    const { server, observed } = await harness(
      {
        collab: {
          validateUpdate: ({ doc }) => !doc.getText('text').toString().includes('forbidden'),
        },
      },
      () => {
        throw new Error('listener failed');
      },
    );
    const a = server.client('page-1');
    const b = server.client('page-1');
    await Promise.all([a.synced(), b.synced()]);

    a.doc.getText('text').insert(0, 'fine');
    await waitUntil(() => b.doc.getText('text').toString() === 'fine', 'b to see a');
    expect(observed).toHaveLength(1);
    expect(server.errors.map((error) => error.context)).toEqual([
      { docId: 'page-1', during: 'accepted' },
    ]);

    const rogue = server.client('page-1');
    await rogue.synced();
    rogue.doc.getText('text').insert(0, 'forbidden ');
    await waitUntil(() => rogue.closeCodes.length > 0, 'the refused client to be closed');
    expect(observed).toHaveLength(1);
  });
});
