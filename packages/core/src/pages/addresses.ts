/**
 * The page-address contract, free of Node APIs so the web app builds the same addresses and
 * reads them the same way as the server (`@lore/core/addresses`).
 */
export { pagePath, shortPagePath } from './pagePath';
export { reservedSpaceSlugs } from './reservedSpaceSlugs';
export { slugify } from './slugify';
