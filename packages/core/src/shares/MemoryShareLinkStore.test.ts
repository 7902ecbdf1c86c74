import { describe, it } from 'vitest';
import { MemoryShareLinkStore } from './MemoryShareLinkStore';
import { shareLinkStoreContract } from './shareLinkStoreContract';

shareLinkStoreContract({ describe, it }, 'memory', () => ({
  store: new MemoryShareLinkStore(),
  seed: { user: () => {}, page: () => {} },
}));
