export * from './accounts/SqliteAccountStore';
export * from './documents/SqliteDocumentStore';
export * from './migrate';
export * from './openDatabase';
export * from './pages/SqlitePageStore';
export * from './pages/SqliteSpaceStore';
