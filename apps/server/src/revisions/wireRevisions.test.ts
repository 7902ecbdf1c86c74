import type { AcceptedUpdate, CollabServer } from '@lore/collab';
import {
  type CollabHarness,
  startCollabHarness,
  type TestContext,
  tempDatabasePath,
  waitUntil,
} from '@lore/collab/testing';
import { AccessPolicy, type User } from '@lore/core';
import { ManualClock } from '@lore/core/testing';
import { EditOrigin } from '@lore/page-document';
import {
  SqliteAccessStore,
  SqliteAccountStore,
  SqlitePageStore,
  SqliteRevisionStore,
  SqliteSpaceStore,
} from '@lore/store-sqlite';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { CollabContext } from '../collab/collabEndpoint';
import { type RevisionWiring, wireRevisions } from './wireRevisions';

const minute = 60_000;
const user = (id: string): User => ({
  id,
  email: `${id}@example.com`,
  displayName: id,
  color: '#336699',
  role: 'admin',
  createdAt: 0,
});
const ada = user('ada');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Running {
  readonly harness: CollabHarness;
  readonly wiring: RevisionWiring;
  stop(): Promise<void>;
}

/**
 * The collaboration server, real stock clients and a SQLite file, with history wired as in
 * the Lore server but on a clock the test moves. Writers connect as Ada.
 */
async function start(dbPath: string, clock: ManualClock): Promise<Running> {
  let wiring: RevisionWiring | undefined;
  const harness = await startCollabHarness({
    dbPath,
    collab: {
      onAccepted: (update: AcceptedUpdate<TestContext>) =>
        wiring?.onAccepted({
          ...update,
          context: update.context
            ? ({
                user: ada,
                credential: { kind: 'session', sessionId: 's' },
                openedAt: 0,
              } satisfies CollabContext)
            : null,
        }),
    },
  });
  harness.db
    .prepare(
      `INSERT OR IGNORE INTO spaces (id, slug, name, created_at, updated_at)
       VALUES ('space', 'space', 'Space', 0, 0)`,
    )
    .run();
  harness.db
    .prepare(
      `INSERT OR IGNORE INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
       VALUES ('page-1', 'short1', 'space', 'V', 'Notes', 0, 0)`,
    )
    .run();
  wiring = wireRevisions({
    store: new SqliteRevisionStore(harness.db),
    pages: new SqlitePageStore(harness.db),
    people: new SqliteAccountStore(harness.db),
    policy: new AccessPolicy({
      store: new SqliteAccessStore(harness.db),
      spaces: new SqliteSpaceStore(harness.db),
      pages: new SqlitePageStore(harness.db),
    }),
    collab: harness.collab as unknown as CollabServer<unknown>,
    clock,
    timers: clock,
    logger: pino({ level: 'silent' }),
  });
  wiring.start();
  const running = wiring;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await running.close();
    await harness.close();
  };
  cleanups.push(stop);
  return { harness, wiring: running, stop };
}

/** Types at the end of the title field and waits until the server stored it. */
async function typedAndStored(harness: CollabHarness, doc: Y.Doc, text: string) {
  const title = doc.getText('title');
  title.insert(title.length, text);
  const expected = title.toString();
  const room = await harness.collab.getDocument('page-1');
  await waitUntil(() => room.getText('title').toString() === expected, 'the edit to be stored');
}

describe('automatic revisions from live edits', () => {
  it('takes one after a five-minute pause and at the thirty-minute cap, naming the editors', async () => {
    const temp = tempDatabasePath();
    cleanups.push(() => temp.remove());
    const clock = new ManualClock();
    const startedAt = clock.now();
    const { harness, wiring } = await start(temp.path, clock);
    const client = harness.client('page-1');
    await client.synced();

    await typedAndStored(harness, client.doc, 'Meeting notes');
    await clock.advance(4 * minute);
    // A server-side change on Bob's behalf (as a restore makes) counts as Bob's.
    await harness.collab.editDocument(
      'page-1',
      (doc) => doc.getText('title').insert(0, '» '),
      new EditOrigin('bob'),
    );
    await clock.advance(5 * minute - 1);
    expect(wiring.revisions.list(ada, 'page-1').revisions).toHaveLength(0);
    await clock.advance(1);
    const [first] = wiring.revisions.list(ada, 'page-1').revisions;
    expect(first).toMatchObject({ kind: 'auto', number: 1, title: '» Meeting notes' });
    expect(first?.createdAt).toBe(startedAt + 9 * minute);
    expect([...(first?.contributors ?? [])].sort()).toEqual(['ada', 'bob']);

    // Continuous typing, every two minutes for forty minutes: capped at thirty.
    const periodStart = clock.now();
    for (let elapsed = 0; elapsed < 40 * minute; elapsed += 2 * minute) {
      await typedAndStored(harness, client.doc, '.');
      await clock.advance(2 * minute);
    }
    const times = wiring.revisions
      .list(ada, 'page-1')
      .revisions.map((revision) => (revision.createdAt - periodStart) / minute);
    // Edits at 0, 2 … 38 min: the period is capped at 30; the next one is still open at 40.
    expect(times).toEqual([30, 0]);
    expect(wiring.revisions.list(ada, 'page-1').revisions[0]?.contributors).toEqual(['ada']);

    const authorship = await wiring.revisions.authorship(ada, 'page-1');
    expect(authorship.title).toEqual([
      { text: '» ', author: 'bob' },
      { text: `Meeting notes${'.'.repeat(20)}`, author: 'ada' },
    ]);
  });

  it('keeps edits not yet in a revision across a restart', async () => {
    const temp = tempDatabasePath();
    cleanups.push(() => temp.remove());
    const clock = new ManualClock();
    const first = await start(temp.path, clock);
    const client = first.harness.client('page-1');
    await client.synced();
    await typedAndStored(first.harness, client.doc, 'Draft before the restart');
    await clock.advance(2 * minute);
    client.destroy();
    await first.stop();

    const second = await start(temp.path, clock);
    expect(second.wiring.revisions.nextCaptureAt('page-1')).toBe(clock.now() + 3 * minute);
    await clock.advance(3 * minute);
    const [revision] = second.wiring.revisions.list(ada, 'page-1').revisions;
    expect(revision).toMatchObject({ title: 'Draft before the restart', contributors: ['ada'] });
  });
});
