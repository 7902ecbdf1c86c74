export * from './accounts/SqliteAccountStore';
export * from './migrate';
export * from './openDatabase';
