import { describe, it } from 'vitest';
import { blobStoreContract } from './blobStoreContract';
import { MemoryBlobStore } from './MemoryBlobStore';

blobStoreContract({ describe, it }, 'MemoryBlobStore', () => {
  const store = new MemoryBlobStore();
  return { store, count: () => store.size };
});
