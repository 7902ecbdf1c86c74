import { relayedCollabScenarios } from '@lore/collab/testing';
import { describe } from 'vitest';
import { RedisRoomRelay } from './RedisRoomRelay';
import { RedisServer } from './testing/RedisServer';
import { redisAvailable, reportRedisMissing } from './testing/redisAvailable';

const available = redisAvailable();
if (!available) reportRedisMissing('RedisRoomRelay with two collaboration servers');

relayedCollabScenarios(
  'RedisRoomRelay',
  async () => {
    const server = await RedisServer.start();
    if (!server) throw new Error('redis-server is not installed');
    return {
      connect: () =>
        RedisRoomRelay.connect({
          socketPath: server.socketPath,
          maxReconnectDelayMs: 100,
          // A stopped Redis makes every reconnection attempt fail: expected here.
          onError: () => {},
        }),
      outage: () => server.stopServer(),
      recover: () => server.startServer(),
      close: () => server.destroy(),
    };
  },
  describe.runIf(available),
);
