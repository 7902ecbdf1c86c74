export * from './PostgresServer';
export * from './testDatabase';
