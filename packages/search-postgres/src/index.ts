export * from './PostgresSearchIndex';
