export * from './MeilisearchSearchIndex';
export * from './meiliDocument';
export * from './meiliSearchParams';
export * from './meiliSettings';
export * from './presentMeiliHit';
