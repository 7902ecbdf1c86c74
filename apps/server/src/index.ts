export * from './collab/checkPageStructure';
export * from './config';
export * from './createServer';
export * from './logger';
export { main } from './main';
export * from './runtime/createLore';
export type { LoreModule } from './runtime/LoreModule';
export * from './search/reindexSearch';
export * from './search/searchConfig';
