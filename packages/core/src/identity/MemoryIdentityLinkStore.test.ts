import { describe, it } from 'vitest';
import { identityLinkStoreContract } from './identityLinkStoreContract';
import { MemoryIdentityLinkStore } from './MemoryIdentityLinkStore';

identityLinkStoreContract({ describe, it }, 'memory', () => ({
  store: new MemoryIdentityLinkStore(),
  seed: { user: () => {}, group: () => {} },
}));
