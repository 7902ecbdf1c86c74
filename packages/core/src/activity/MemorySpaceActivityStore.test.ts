import { describe, it } from 'vitest';
import { MemorySpaceActivityStore } from './MemorySpaceActivityStore';
import { spaceActivityStoreContract } from './spaceActivityStoreContract';

spaceActivityStoreContract({ describe, it }, 'memory', () => ({
  store: new MemorySpaceActivityStore(),
  seed: { users: () => {}, space: () => {}, page: () => {} },
}));
