import { describe, expect, it } from 'vitest';
import type { NodeMessage, PageMessage, RoomRelay } from '../RoomRelay';
import { cleanupsAfterEach } from './cleanupsAfterEach';
import { waitUntil } from './waitUntil';

/** A broker for one test: every relay it connects shares it. */
export interface RoomRelayFixture {
  /** A relay on the broker, as a process connecting to it. */
  connect(): Promise<RoomRelay>;
  /** Stops the broker after the test. */
  close?(): Promise<void>;
}

/** Bytes that text encodings or string conversions would damage. */
const awkwardBytes = (length: number): Uint8Array => {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index++) bytes[index] = (index * 131 + 7) % 256;
  bytes[0] = 0;
  bytes[1] = 0xff;
  bytes[2] = 0xc3;
  return bytes;
};

/**
 * What every `RoomRelay` implementation does: page messages to the page's subscribers only
 * (the publisher's own included), bytes unchanged, in publish order; node messages to every
 * listener; closed subscriptions hear nothing more.
 */
export function roomRelayContract(
  name: string,
  setup: () => Promise<RoomRelayFixture>,
  suite: (name: string, body: () => void) => void = describe,
): void {
  suite(`${name} (RoomRelay contract)`, () => {
    const cleanups = cleanupsAfterEach();

    const setupFixture = async (): Promise<RoomRelayFixture> => {
      const fixture = await setup();
      cleanups.push(async () => fixture.close?.());
      return fixture;
    };

    const connect = async (fixture: RoomRelayFixture): Promise<RoomRelay> => {
      const relay = await fixture.connect();
      cleanups.push(() => relay.close());
      return relay;
    };

    it('delivers a page message to every subscriber of the page, bytes unchanged', async () => {
      const fixture = await setupFixture();
      const [a, b] = [await connect(fixture), await connect(fixture)];
      expect(a.available).toBe(true);
      const seenA: PageMessage[] = [];
      const seenB: PageMessage[] = [];
      const elsewhere: PageMessage[] = [];
      const subscriptions = [
        a.subscribePage('page-1', (message) => seenA.push(message)),
        b.subscribePage('page-1', (message) => seenB.push(message)),
        b.subscribePage('page-2', (message) => elsewhere.push(message)),
      ];
      await Promise.all(subscriptions.map((subscription) => subscription.ready));
      const small = awkwardBytes(300);
      const large = awkwardBytes(1024 * 1024);
      await a.publishPage({
        kind: 'updates',
        pageId: 'page-1',
        origin: 'node-a',
        firstSeq: 7,
        lastSeq: 9,
        updates: [small, new Uint8Array(0), large],
      });
      await a.publishPage({ kind: 'awareness', pageId: 'page-1', origin: 'node-a', update: small });
      await a.publishPage({ kind: 'awareness-query', pageId: 'page-1', origin: 'node-é' });
      await waitUntil(() => seenA.length === 3 && seenB.length === 3, 'both subscribers');
      for (const seen of [seenA, seenB]) {
        const [updates, awareness, query] = seen;
        expect(updates).toMatchObject({
          kind: 'updates',
          pageId: 'page-1',
          origin: 'node-a',
          firstSeq: 7,
          lastSeq: 9,
        });
        const received = updates?.kind === 'updates' ? updates.updates : [];
        expect(received.map((update) => update.byteLength)).toEqual([300, 0, 1024 * 1024]);
        expect(Buffer.from(received[0] ?? []).equals(Buffer.from(small))).toBe(true);
        expect(Buffer.from(received[2] ?? []).equals(Buffer.from(large))).toBe(true);
        expect(awareness?.kind === 'awareness' && Array.from(awareness.update)).toEqual(
          Array.from(small),
        );
        expect(query).toEqual({ kind: 'awareness-query', pageId: 'page-1', origin: 'node-é' });
      }
      expect(elsewhere).toEqual([]);
    });

    it("keeps one publisher's messages to a page in order", async () => {
      const fixture = await setupFixture();
      const [a, b] = [await connect(fixture), await connect(fixture)];
      const seqs: number[] = [];
      const subscription = b.subscribePage('page-1', (message) => {
        if (message.kind === 'updates') seqs.push(message.firstSeq);
      });
      await subscription.ready;
      const sent = Array.from({ length: 200 }, (_, index) => index + 1);
      await Promise.all(
        sent.map((seq) =>
          a.publishPage({
            kind: 'updates',
            pageId: 'page-1',
            origin: 'a',
            firstSeq: seq,
            lastSeq: seq,
            updates: [new Uint8Array([seq % 256])],
          }),
        ),
      );
      await waitUntil(() => seqs.length === sent.length, 'every message');
      expect(seqs).toEqual(sent);
    });

    it('delivers node messages to every listener, its publisher included', async () => {
      const fixture = await setupFixture();
      const [a, b] = [await connect(fixture), await connect(fixture)];
      const seenA: NodeMessage[] = [];
      const seenB: NodeMessage[] = [];
      a.listen({ node: (message) => seenA.push(message), availability: () => {} });
      b.listen({ node: (message) => seenB.push(message), availability: () => {} });
      // A listener may take a moment to be in place on a networked broker.
      await waitUntil(async () => {
        await a.publishNode({ kind: 'heartbeat', origin: 'a' });
        await new Promise((resolve) => setTimeout(resolve, 20));
        return seenA.length > 0 && seenB.length > 0;
      }, 'the first heartbeat');
      await b.publishNode({
        kind: 'close-document',
        origin: 'b',
        pageId: 'page-1',
        code: 4404,
        reason: 'page deleted',
      });
      await b.publishNode({ kind: 'recheck-access', origin: 'b', userId: 'u1', pageId: null });
      const expected: NodeMessage[] = [
        {
          kind: 'close-document',
          origin: 'b',
          pageId: 'page-1',
          code: 4404,
          reason: 'page deleted',
        },
        { kind: 'recheck-access', origin: 'b', userId: 'u1', pageId: null },
      ];
      await waitUntil(
        () =>
          seenA.filter((m) => m.kind !== 'heartbeat').length === 2 &&
          seenB.filter((m) => m.kind !== 'heartbeat').length === 2,
        'the requests',
      );
      expect(seenA.filter((m) => m.kind !== 'heartbeat')).toEqual(expected);
      expect(seenB.filter((m) => m.kind !== 'heartbeat')).toEqual(expected);
    });

    it('stops delivering to a closed subscription and keeps delivering to the others', async () => {
      const fixture = await setupFixture();
      const [a, b] = [await connect(fixture), await connect(fixture)];
      const first: PageMessage[] = [];
      const second: PageMessage[] = [];
      const one = b.subscribePage('page-1', (message) => first.push(message));
      const two = b.subscribePage('page-1', (message) => second.push(message));
      await Promise.all([one.ready, two.ready]);
      const query = (origin: string): PageMessage => ({
        kind: 'awareness-query',
        pageId: 'page-1',
        origin,
      });
      await a.publishPage(query('before'));
      await waitUntil(() => first.length === 1 && second.length === 1, 'both subscriptions');
      await one.close();
      await a.publishPage(query('after'));
      await waitUntil(() => second.length === 2, 'the open subscription');
      // Published after the second one: had the first been delivered, it would be there by now.
      await a.publishPage(query('last'));
      await waitUntil(() => second.length === 3, 'the last message');
      expect(first.map((message) => message.origin)).toEqual(['before']);
      expect(second.map((message) => message.origin)).toEqual(['before', 'after', 'last']);
    });
  });
}
