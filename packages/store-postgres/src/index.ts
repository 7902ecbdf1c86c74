export * from './documents/PostgresDocumentStore';
export * from './migrate';
export * from './PostgresDatabase';
export * from './PostgresError';
