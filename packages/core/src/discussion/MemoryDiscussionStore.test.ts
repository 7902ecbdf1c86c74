import { describe, it } from 'vitest';
import { discussionStoreContract } from './discussionStoreContract';
import { MemoryDiscussionStore } from './MemoryDiscussionStore';

discussionStoreContract({ describe, it }, 'memory', () => ({
  store: new MemoryDiscussionStore(),
  seed: { user: () => {}, page: () => {} },
  purgePage: null,
}));
