import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyStoredDocument } from '../applyStoredDocument';
import { CloseCode } from '../CloseCode';
import type { AccessRecheckScope, CollabRelayOptions } from '../CollabServerOptions';
import type { PageMessage, RoomRelay } from '../RoomRelay';
import { cleanupsAfterEach } from './cleanupsAfterEach';
import { type CollabHarness, startCollabHarness, tempDatabasePath } from './collabTestHarness';
import { type InstrumentedStore, instrumentStore } from './instrumentedStore';
import { waitUntil } from './waitUntil';

/** A broker for one test, and a way to take it away and bring it back. */
export interface RelayedCollabFixture {
  /** A relay on the broker, as a process connecting to it. */
  connect(): Promise<RoomRelay>;
  /** The broker goes away (every relay loses it) … */
  outage(): Promise<void>;
  /** … and comes back. */
  recover(): Promise<void>;
  /** Stops the broker after the test. */
  close?(): Promise<void>;
}

/** A relay that passes everything through, and can drop the next published page updates. */
interface TappedRelay extends RoomRelay {
  /** Page update messages to drop before publishing again. */
  dropUpdates: number;
  /** Update messages delivered to this relay's subscribers. */
  readonly delivered: PageMessage[];
}

function tap(relay: RoomRelay): TappedRelay {
  const tapped: TappedRelay = {
    dropUpdates: 0,
    delivered: [],
    get available() {
      return relay.available;
    },
    listen: (listener) => relay.listen(listener),
    subscribePage: (pageId, listener) =>
      relay.subscribePage(pageId, (message) => {
        if (message.kind === 'updates') tapped.delivered.push(message);
        listener(message);
      }),
    publishPage: async (message) => {
      if (message.kind === 'updates' && tapped.dropUpdates > 0) {
        tapped.dropUpdates -= 1;
        return;
      }
      await relay.publishPage(message);
    },
    publishNode: (message) => relay.publishNode(message),
    close: () => relay.close(),
  };
  return tapped;
}

interface Node {
  readonly harness: CollabHarness;
  readonly relay: TappedRelay;
  readonly store: InstrumentedStore;
  readonly log: string[];
  readonly rechecks: AccessRecheckScope[];
}

const colors: Record<string, string> = { alice: '#aa0000', bob: '#00bb00' };

type Presence = { user?: { id?: string; name?: string }; cursor?: string };
const presenceOf = (
  watcher: { provider: { awareness: { getStates(): Map<number, unknown> } } },
  clientId: number,
) => watcher.provider.awareness.getStates().get(clientId) as Presence | undefined;

const text = (doc: Y.Doc) => doc.getText('text').toString();

/**
 * Two collaboration servers on one SQLite file (each with its own connection, as two processes
 * would have) and one relay broker: what a cluster of Lore processes must guarantee, whatever
 * carries the relay.
 */
export function relayedCollabScenarios(
  name: string,
  setup: () => Promise<RelayedCollabFixture>,
  suite: (name: string, body: () => void) => void = describe,
): void {
  suite(`${name}: two collaboration servers sharing one store`, () => {
    const cleanups = cleanupsAfterEach();

    async function cluster(
      relayOptions: Partial<Omit<CollabRelayOptions, 'relay' | 'nodeId' | 'log'>> = {},
      collab: { compactAfterUpdates?: number } = {},
    ): Promise<{ fixture: RelayedCollabFixture; a: Node; b: Node }> {
      const fixture = await setup();
      cleanups.push(async () => fixture.close?.());
      const temp = tempDatabasePath();
      cleanups.push(() => temp.remove());
      const node = async (nodeId: string): Promise<Node> => {
        const relay = tap(await fixture.connect());
        cleanups.push(() => relay.close());
        const log: string[] = [];
        const rechecks: AccessRecheckScope[] = [];
        let store: InstrumentedStore | null = null;
        const harness = await startCollabHarness({
          dbPath: temp.path,
          wrapStore: (real) => {
            store = instrumentStore(real);
            return store;
          },
          collab: {
            ...collab,
            writerOf: (context) => context.person,
            presenceOf: (context) => ({
              id: context.person ?? '',
              name: (context.person ?? 'someone').toUpperCase(),
              color: colors[context.person ?? ''] ?? '#888888',
            }),
            recheckAccess: (scope) => rechecks.push(scope),
            relay: {
              heartbeatMs: 50,
              nodeTimeoutMs: 300,
              pollMs: 50,
              checkMs: 60_000,
              gapWaitMs: 50,
              ...relayOptions,
              relay,
              nodeId,
              log: (line) => log.push(line),
            },
          },
        });
        cleanups.push(async () => {
          if (harness.db.open) await harness.close();
        });
        return { harness, relay, store: store as unknown as InstrumentedStore, log, rechecks };
      };
      const a = await node('node-a');
      const b = await node('node-b');
      return { fixture, a, b };
    }

    it('clients on both servers converge, and the store holds the result', async () => {
      const { a, b } = await cluster({}, { compactAfterUpdates: 4 });
      const onA = a.harness.client('page-1', { as: 'alice' });
      const onB = b.harness.client('page-1', { as: 'bob' });
      await Promise.all([onA.synced(), onB.synced()]);
      for (let round = 0; round < 20; round++) {
        onA.doc.getText('text').insert(0, 'a');
        onB.doc.getText('text').insert(0, 'b');
        if (round % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await waitUntil(
        () => text(onA.doc).length === 40 && text(onA.doc) === text(onB.doc),
        'both clients to converge',
      );
      expect([...text(onA.doc)].filter((char) => char === 'a')).toHaveLength(20);
      // Both servers compacted as they went: the stored document must still hold every edit.
      await a.harness.collab.flush();
      await b.harness.collab.flush();
      const stored = new Y.Doc();
      applyStoredDocument(stored, await a.harness.store.load('page-1'));
      expect(text(stored)).toBe(text(onA.doc));
      expect(a.harness.errors).toEqual([]);
      expect(b.harness.errors).toEqual([]);
    });

    it("shows B's clients an edit made on A only once the store holds it", async () => {
      const { a, b } = await cluster();
      const onA = a.harness.client('page-1', { as: 'alice' });
      const onB = b.harness.client('page-1', { as: 'bob' });
      await Promise.all([onA.synced(), onB.synced()]);
      const checks: { seen: string; stored: Promise<string> }[] = [];
      onB.doc.on('update', () => {
        // The SQLite store reads inside the call: this is what it holds at this very moment.
        const stored = b.harness.store.load('page-1').then((document) => {
          const doc = new Y.Doc();
          applyStoredDocument(doc, document);
          return text(doc);
        });
        checks.push({ seen: text(onB.doc), stored });
      });
      for (let index = 0; index < 30; index++) {
        onA.doc.getText('text').insert(index, String(index % 10));
        if (index % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await waitUntil(() => text(onB.doc).length === 30, 'B to see every edit');
      expect(checks.length).toBeGreaterThan(0);
      for (const check of checks) {
        const stored = await check.stored;
        expect(stored.startsWith(check.seen)).toBe(true);
      }
    });

    it('fills a dropped message from the store when the next one shows the gap', async () => {
      const { a, b } = await cluster();
      const onA = a.harness.client('page-1', { as: 'alice' });
      const onB = b.harness.client('page-1', { as: 'bob' });
      await Promise.all([onA.synced(), onB.synced()]);
      onA.doc.getText('text').insert(0, 'one ');
      await waitUntil(() => text(onB.doc) === 'one ', 'the first edit');
      const loadsBefore = b.store.loads;
      a.relay.dropUpdates = 1;
      onA.doc.getText('text').insert(4, 'two ');
      await waitUntil(() => a.relay.dropUpdates === 0, 'the dropped publish');
      onA.doc.getText('text').insert(8, 'three');
      await waitUntil(() => text(onB.doc) === 'one two three', 'B to fill the gap');
      expect(b.store.loads).toBeGreaterThan(loadsBefore);
    });

    it('fills a dropped message that nothing followed at the periodic check', async () => {
      const { a, b } = await cluster({ checkMs: 200 });
      const onA = a.harness.client('page-1', { as: 'alice' });
      const onB = b.harness.client('page-1', { as: 'bob' });
      await Promise.all([onA.synced(), onB.synced()]);
      a.relay.dropUpdates = 1;
      onA.doc.getText('text').insert(0, 'lost in transit');
      await waitUntil(() => a.relay.dropUpdates === 0, 'the dropped publish');
      await waitUntil(() => text(onB.doc) === 'lost in transit', 'the periodic check');
    });

    it('keeps edits flowing through the store while the relay is down, and relays again once it is back', async () => {
      const { fixture, a, b } = await cluster();
      const onA = a.harness.client('page-1', { as: 'alice' });
      const onB = b.harness.client('page-1', { as: 'bob' });
      await Promise.all([onA.synced(), onB.synced()]);
      onA.doc.getText('text').insert(0, 'a');
      await waitUntil(() => text(onB.doc) === 'a', 'the relay');

      await fixture.outage();
      await waitUntil(
        () => a.log.length === 1 && b.log.length === 1,
        'both servers to notice the outage',
      );
      for (const char of 'bcdef') {
        onA.doc.getText('text').insert(text(onA.doc).length, char);
        onB.doc.getText('text').insert(0, char.toUpperCase());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await waitUntil(
        () => text(onA.doc).length === 11 && text(onA.doc) === text(onB.doc),
        'edits to cross through the store',
      );
      expect(a.log[0]).toMatch(/relay unavailable/);
      expect(b.log[0]).toMatch(/relay unavailable/);

      await fixture.recover();
      await waitUntil(
        () => a.log.length === 2 && b.log.length === 2,
        'both servers to notice the relay is back',
        20_000,
      );
      expect(b.log[1]).toMatch(/relay available again/);
      const deliveredBefore = b.relay.delivered.length;
      // Subscriptions come back with the connection; until then the store still brings edits.
      onA.doc.getText('text').insert(0, '!');
      await waitUntil(() => text(onB.doc).startsWith('!'), 'the edit after recovery');
      await waitUntil(async () => {
        onA.doc.getText('text').insert(0, '.');
        await new Promise((resolve) => setTimeout(resolve, 50));
        return b.relay.delivered.length > deliveredBefore;
      }, 'the relay to carry edits again');
      await waitUntil(() => text(onA.doc) === text(onB.doc), 'convergence');
      expect(a.log).toHaveLength(2);
      expect(b.log).toHaveLength(2);
    });

    it("shows presence across servers, and removes a silent server's clients", async () => {
      const { a, b } = await cluster();
      const onA = a.harness.client('page-1', { as: 'alice' });
      await onA.synced();
      onA.provider.awareness.setLocalStateField('cursor', 'here');
      // B opens the page after Alice said where she is: it asks the others who is present.
      const onB = b.harness.client('page-1', { as: 'bob' });
      await onB.synced();
      await waitUntil(
        () => presenceOf(onB, onA.doc.clientID)?.cursor === 'here',
        "Alice's cursor on B",
      );
      expect(presenceOf(onB, onA.doc.clientID)?.user?.name).toBe('ALICE');
      onB.provider.awareness.setLocalStateField('cursor', 'there');
      await waitUntil(
        () => presenceOf(onA, onB.doc.clientID)?.cursor === 'there',
        "Bob's cursor on A",
      );

      // A stops talking to the relay (a hung or partitioned process): no heartbeat, no goodbye.
      const silentAt = performance.now();
      await a.relay.close();
      await waitUntil(
        () => presenceOf(onB, onA.doc.clientID) === undefined,
        "Alice's cursor to leave B",
      );
      // Within the node timeout (300 ms here, 6 s by default) and a sweep, with room to spare.
      expect(performance.now() - silentAt).toBeLessThan(2_000);
      expect(presenceOf(onA, onA.doc.clientID)?.cursor).toBe('here');
    });

    it('carries requests to every server: close a document, recheck access', async () => {
      const { a, b } = await cluster();
      const onA = a.harness.client('page-1', { as: 'alice' });
      const onB = b.harness.client('page-1', { as: 'bob' });
      await Promise.all([onA.synced(), onB.synced()]);
      // Wait until B's listener hears A (the broker may take a moment to subscribe it).
      await waitUntil(async () => {
        a.harness.collab.recheckAccessEverywhere({ userId: 'bob' });
        await new Promise((resolve) => setTimeout(resolve, 30));
        return b.rechecks.length > 0;
      }, 'the recheck to reach B');
      expect(b.rechecks[0]).toEqual({ userId: 'bob' });
      expect(a.rechecks[0]).toEqual({ userId: 'bob' });

      await a.harness.collab.closeDocumentEverywhere('page-1', CloseCode.NotFound, 'page deleted');
      await waitUntil(() => onB.closeCodes.includes(CloseCode.NotFound), 'B to close its client');
      expect(onA.closeCodes).toContain(CloseCode.NotFound);
      await waitUntil(() => !b.harness.collab.isLoaded('page-1'), 'B to unload the page');
    });
  });
}
