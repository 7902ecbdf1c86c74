import { describe, it } from 'vitest';
import { accountStoreContract } from './accountStoreContract';
import { MemoryAccountStore } from './MemoryAccountStore';

accountStoreContract({ describe, it }, 'memory', () => ({ store: new MemoryAccountStore() }));
