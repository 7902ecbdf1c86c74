import { describe, it } from 'vitest';
import { attachmentStoreContract } from './attachmentStoreContract';
import { MemoryAttachmentStore } from './MemoryAttachmentStore';

attachmentStoreContract({ describe, it }, 'MemoryAttachmentStore', () => ({
  store: new MemoryAttachmentStore(),
  createPage: () => {},
}));
