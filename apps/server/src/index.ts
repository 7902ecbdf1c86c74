export * from './collab/checkPageStructure';
export * from './config';
export * from './createServer';
export * from './logger';
export { main } from './main';
export { apiRoutes } from './routes/apiRoutes';
export * from './search/reindexSearch';
export * from './search/searchConfig';
