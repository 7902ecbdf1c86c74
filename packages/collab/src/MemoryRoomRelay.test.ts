import { describe, expect, it } from 'vitest';
import { MemoryRelayHub } from './MemoryRelayHub';
import { roomRelayContract } from './test/roomRelayContract';

roomRelayContract('MemoryRoomRelay', async () => {
  const hub = new MemoryRelayHub();
  return { connect: async () => hub.connect() };
});

describe('MemoryRoomRelay outages', () => {
  it('refuses to publish and tells its listener while the hub is unavailable', async () => {
    const hub = new MemoryRelayHub();
    const relay = hub.connect();
    const changes: boolean[] = [];
    relay.listen({ node: () => {}, availability: (available) => changes.push(available) });
    hub.available = false;
    expect(relay.available).toBe(false);
    await expect(relay.publishNode({ kind: 'heartbeat', origin: 'a' })).rejects.toThrow(
      /unavailable/,
    );
    hub.available = true;
    expect(changes).toEqual([false, true]);
    await relay.close();
  });
});
