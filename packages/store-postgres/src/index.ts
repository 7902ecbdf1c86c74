export * from './accounts/PostgresAccountStore';
export * from './migrate';
export * from './PostgresDatabase';
export * from './PostgresError';
