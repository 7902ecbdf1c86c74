import { describe, it } from 'vitest';
import { documentStoreContract } from './documentStoreContract';
import { MemoryDocumentStore } from './MemoryDocumentStore';

documentStoreContract({ describe, it }, 'MemoryDocumentStore', () => ({
  store: new MemoryDocumentStore(),
}));
