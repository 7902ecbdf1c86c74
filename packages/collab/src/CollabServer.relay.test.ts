import { describe, expect, it } from 'vitest';
import { resolveRelaySettings } from './CollabServerOptions';
import { MemoryRelayHub } from './MemoryRelayHub';
import { relayedCollabScenarios } from './test/relayedCollabScenarios';

relayedCollabScenarios('MemoryRoomRelay', async () => {
  const hub = new MemoryRelayHub();
  return {
    connect: async () => hub.connect(),
    outage: async () => {
      hub.available = false;
    },
    recover: async () => {
      hub.available = true;
    },
  };
});

describe('relay defaults', () => {
  it("remove a silent process's carets within 10 s", () => {
    const hub = new MemoryRelayHub();
    const settings = resolveRelaySettings({ relay: hub.connect() });
    expect(settings.heartbeatMs).toBe(2_000);
    expect(settings.nodeTimeoutMs).toBe(6_000);
    // Silent past the timeout, then found by a sweep (every quarter of it).
    expect(settings.nodeTimeoutMs + settings.nodeTimeoutMs / 4).toBeLessThan(10_000);
    expect(settings.nodeId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
