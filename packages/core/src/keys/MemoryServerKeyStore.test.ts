import { describe, it } from 'vitest';
import { MemoryServerKeyStore } from './MemoryServerKeyStore';
import { serverKeyStoreContract } from './serverKeyStoreContract';

serverKeyStoreContract({ describe, it }, 'memory', () => ({ store: new MemoryServerKeyStore() }));
