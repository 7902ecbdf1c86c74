export * from './migrate';
export * from './PostgresDatabase';
export * from './PostgresError';
export * from './pages/PostgresPageLinkStore';
export * from './pages/PostgresPageStore';
export * from './pages/PostgresSpaceStore';
export * from './tags/PostgresPageTagStore';
export * from './transfer/PostgresImportSourceStore';
