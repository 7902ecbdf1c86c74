export * from './Fts5SearchIndex';
