import { describe, it } from 'vitest';
import { MemoryRevisionStore } from './MemoryRevisionStore';
import { revisionStoreContract } from './revisionStoreContract';

revisionStoreContract({ describe, it }, 'MemoryRevisionStore', () => ({
  store: new MemoryRevisionStore(),
  createPage: () => {},
}));
