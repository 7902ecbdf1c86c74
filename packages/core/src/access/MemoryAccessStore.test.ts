import { describe, it } from 'vitest';
import { accessStoreContract } from './accessStoreContract';
import { MemoryAccessStore } from './MemoryAccessStore';

accessStoreContract({ describe, it }, 'memory', () => ({
  store: new MemoryAccessStore(),
  seed: { user: () => {}, space: () => {}, page: () => {} },
}));
