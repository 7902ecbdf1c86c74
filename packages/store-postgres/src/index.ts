export * from './access/PostgresAccessStore';
export * from './accounts/PostgresAccountStore';
export * from './audit/PostgresAuditLog';
export * from './migrate';
export * from './PostgresDatabase';
export * from './PostgresError';
export * from './shares/PostgresShareLinkStore';
