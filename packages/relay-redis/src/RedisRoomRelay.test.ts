import { roomRelayContract } from '@lore/collab/testing';
import { describe, expect, it } from 'vitest';
import { RedisRoomRelay } from './RedisRoomRelay';
import { RedisServer } from './testing/RedisServer';
import { redisAvailable, reportRedisMissing } from './testing/redisAvailable';

const available = redisAvailable();
if (!available) reportRedisMissing('RedisRoomRelay');

async function startRedis(): Promise<RedisServer> {
  const server = await RedisServer.start();
  if (!server) throw new Error('redis-server is not installed');
  return server;
}

roomRelayContract(
  'RedisRoomRelay',
  async () => {
    const server = await startRedis();
    return {
      connect: () => RedisRoomRelay.connect({ socketPath: server.socketPath }),
      close: () => server.destroy(),
    };
  },
  describe.runIf(available),
);

describe.runIf(available)('RedisRoomRelay across a Redis restart', () => {
  it('reports the outage, reconnects, and delivers to the subscriptions it had', async () => {
    const server = await startRedis();
    const errors: unknown[] = [];
    const connect = () =>
      RedisRoomRelay.connect({
        socketPath: server.socketPath,
        maxReconnectDelayMs: 100,
        onError: (error) => errors.push(error),
      });
    const [a, b] = [await connect(), await connect()];
    try {
      const changes: boolean[] = [];
      b.listen({ node: () => {}, availability: (up) => changes.push(up) });
      const received: string[] = [];
      const subscription = b.subscribePage('page-1', (message) => received.push(message.origin));
      await subscription.ready;

      await server.stopServer();
      await waitFor(() => !b.available && !a.available, 'both to notice');
      expect(changes).toEqual([false]);
      await expect(
        a.publishPage({ kind: 'awareness-query', pageId: 'page-1', origin: 'while-down' }),
      ).rejects.toThrow();

      await server.startServer();
      await waitFor(() => a.available && b.available, 'both to reconnect');
      expect(changes).toEqual([false, true]);
      await a.publishPage({ kind: 'awareness-query', pageId: 'page-1', origin: 'after' });
      await waitFor(() => received.includes('after'), 'delivery after the restart');
      expect(received).toEqual(['after']);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await a.close();
      await b.close();
      await server.destroy();
    }
  });
});

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
