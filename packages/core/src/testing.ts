/**
 * What tests of Lore's ports and services use: the contract suites every implementation of a
 * port runs, in-memory implementations, and a manual clock. Not part of the production entry.
 */

export * from './access/accessStoreContract';
export * from './access/MemoryAccessStore';
export * from './access/testAccessPolicy';
export * from './accounts/accountStoreContract';
export * from './accounts/MemoryAccountStore';
export * from './activity/MemorySpaceActivityStore';
export * from './activity/spaceActivityStoreContract';
export * from './attachments/attachmentStoreContract';
export * from './attachments/blobStoreContract';
export * from './attachments/MemoryAttachmentStore';
export * from './attachments/MemoryBlobStore';
export * from './audit/auditLogContract';
export * from './audit/MemoryAuditLog';
export * from './background/EventLoopTurns';
export * from './discussion/discussionStoreContract';
export * from './discussion/MemoryDiscussionStore';
export * from './documents/documentStoreContract';
export * from './documents/MemoryDocumentStore';
export * from './events/eventOutboxContract';
export * from './events/MemoryConsumerState';
export * from './events/MemoryEventLog';
export * from './identity/identityLinkStoreContract';
export * from './identity/MemoryIdentityLinkStore';
export * from './keys/MemoryServerKeyStore';
export * from './keys/serverKeyStoreContract';
export * from './notifications/MemoryNotificationStore';
export * from './notifications/MemoryWatchStore';
export * from './notifications/notificationStoreContract';
export * from './notifications/watchStoreContract';
export * from './pages/pageLinkStoreContract';
export * from './pages/pageStoreContract';
export * from './pages/spaceStoreContract';
export * from './revisions/ManualClock';
export * from './revisions/MemoryRevisionStore';
export * from './revisions/MemoryVersionedContent';
export * from './revisions/revisionStoreContract';
export * from './search/analytics/searchAnalyticsStoreContract';
export * from './search/glossary/glossaryStoreContract';
export * from './search/indexing/searchOutboxContract';
export * from './search/searchIndexContract';
export * from './search/searchPageFactsContract';
export * from './shares/MemoryShareLinkStore';
export * from './shares/shareLinkStoreContract';
export * from './tags/tagStoreContract';
export * from './transfer/importSourceStoreContract';
