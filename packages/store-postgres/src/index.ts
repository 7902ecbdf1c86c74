export * from './events/PostgresConsumerState';
export * from './events/PostgresEventListener';
export * from './events/PostgresEventLog';
export * from './migrate';
export * from './PostgresDatabase';
export * from './PostgresError';
