export * from './attachments/PostgresAttachmentStore';
export * from './documents/PostgresDocumentStore';
export * from './migrate';
export * from './PostgresDatabase';
export * from './PostgresError';
export * from './revisions/PostgresRevisionStore';
