import { describe, it } from 'vitest';
import { MemoryWatchStore } from './MemoryWatchStore';
import { watchStoreContract } from './watchStoreContract';

watchStoreContract({ describe, it }, 'memory', () => ({
  store: new MemoryWatchStore(),
  seed: { users: () => {}, space: () => {}, page: () => {} },
}));
